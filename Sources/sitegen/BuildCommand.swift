import ArgumentParser
import Foundation
import SitegenKit
import SitegenLinkCheck
import SitegenBuild
import SitegenSupport

/// Builds the site into a folder any web server can host.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into a folder any web server can host.",
        discussion: """
            Reads sitegen.yml, content/ and templates/ from the site folder and writes \
            the static site. The previous output is replaced only when the build has \
            no errors. Errors and warnings are printed as file:line:column: message. \
            A build renders only the pages changed since the build before (a cache \
            beside the output says which); --clean renders them all.
            """
    )

    @Option(name: .long, help: "The site folder, holding sitegen.yml.")
    var source: String = "."

    @Option(name: .long, help: "The output folder (default: 'output' of sitegen.yml, else _site in the site folder).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "The site's absolute URL, for canonical links, hreflang, sitemap.xml and robots.txt.")
    var baseURL: String?

    @Flag(name: .long, help: "Include pages marked 'draft: true'.")
    var drafts = false

    @Flag(name: .customLong("file-links"), help: "End links to pages in index.html, so the site also works opened from disk.")
    var fileLinks = false

    @Flag(name: .long, help: "Render every page, ignoring the cache the build before left beside the output (.<output>.sitegen-cache); the output is the same either way.")
    var clean = false

    @Flag(name: .long, help: "Print only errors, warnings and nothing else.")
    var quiet = false

    @Flag(name: .long, help: "Print every warning (without it, more than 10 warnings of one kind are one line) and details, such as which files of static/ replace files sitegen makes.")
    var verbose = false

    @Flag(name: .customLong("check-external"), help: "After the build, ask every http:// link in the pages whether it answers, and every link into a links.outside path at the host of baseURL; a broken one is a warning. https:// links are not checked (no TLS client).")
    var checkExternal = false

    @Option(name: .customLong("external-timeout"), help: "Seconds to wait for each external link (with --check-external).")
    var externalTimeout: Double = 10

    func run() throws {
        if checkExternal && !(externalTimeout > 0 && externalTimeout <= 600) {
            throw UsageError("--external-timeout must be more than 0 and at most 600 seconds")
        }
        if let baseURL, let problem = SiteConfig.baseURLProblem(baseURL) {
            throw UsageError("--base-url " + problem)
        }
        _ = try SiteFolder.open(source)
        let options = BuildOptions(source: source, output: output, baseURL: baseURL, includeDrafts: drafts, fileLinks: fileLinks, clean: clean)
        let showProgress = !quiet && isatty(STDERR_FILENO) == 1
        let quiet = quiet, verbose = verbose
        let log: (SiteBuilder.Step) -> Void = { step in
            if step.isDetail && !verbose { return }
            // "\r\e[K" clears a progress line left on the terminal.
            if !quiet { FileHandleOutput.standardError((showProgress ? "\r\u{1B}[K" : "") + "\(step.name): \(step.detail)") }
        }
        // On a terminal, a progress line for long builds, overwritten in place.
        var progress: (@Sendable (Int, Int) -> Void)?
        if showProgress {
            progress = { done, total in
                if total >= 500 { FileHandleOutput.standardError("\rrendering \(done)/\(total)\u{1B}[K", newline: false) }
            }
        }
        var report = try SiteBuilder.build(options, log: log, progress: progress)
        if checkExternal && report.succeeded {
            let check = try ExternalLinkCheck.run(options, timeout: externalTimeout)
            report.diagnostics += check.diagnostics
            if !quiet {
                FileHandleOutput.standardError("external: \(check.checked) http:// URLs asked, \(check.diagnostics.count) broken links"
                    + (check.skippedHTTPS > 0 ? "; \(check.skippedHTTPS) https:// links not checked (sitegen has no TLS client)" : "")
                    + (check.skippedOutside > 0 ? "; \(check.skippedOutside) links into links.outside paths not checked (no baseURL to find their host)" : ""))
            }
        }
        for line in DiagnosticSummary.lines(report.diagnostics, verbose: verbose) {
            FileHandleOutput.standardError(line)
        }
        if !quiet || !report.succeeded {
            let current = FileManager.default.currentDirectoryPath + "/"
            let shown = report.output.hasPrefix(current) ? String(report.output.dropFirst(current.count)) : report.output
            FileHandleOutput.standardError("sitegen: " + report.summary(showingOutputAs: shown))
        }
        if report.outputRefused { throw UsageErrorExit() }
        if !report.succeeded { throw ContentErrorExit() }
    }
}
