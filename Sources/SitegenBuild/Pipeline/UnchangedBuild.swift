import SitegenKit
import Foundation
import SitegenSupport

/// A build with nothing to make: every file the site is made from has the
/// version it had when the build before made the output (`BuildInputs`,
/// in the cache it left), and the output still holds what that build
/// wrote. No page is read, parsed or rendered: the output is checked as
/// any build checks it (a stat per file, `StagedOutput.keepsAll`; a file
/// edited or added by hand makes it mend the output, as a full build
/// would), and the report is the build before's. An unchanged 2 × 10,000
/// page site spent three quarters of its second build reading and parsing
/// pages it then did not render.
enum UnchangedBuild {
    enum Outcome {
        /// Nothing to make: the build's report.
        case unchanged(BuildReport)
        /// Something may have changed: build. The output, when it was
        /// opened (its lock held), for the build to write into.
        case changed(StagedOutput?)
    }

    static func attempt(_ listing: SiteLoader.Listing, _ options: BuildOptions, log: (SiteBuilder.Step) -> Void) -> Outcome {
        guard listing.diagnostics.isEmpty,
              let bytes = try? SiteFileReader.read(listing.root + "/" + SiteLayout.configFile, inside: listing.root),
              let text = try? SourceText(decoding: bytes, path: SiteLayout.configFile),
              let config = SiteConfig.parse(text.text, file: text.path).0 else { return .changed(nil) }
        let (output, problem) = SiteBuilder.outputFolder(options, config: config, root: listing.root)
        let parent = (output as NSString).deletingLastPathComponent
        guard problem == nil,
              FileManager.default.fileExists(atPath: parent + "/" + StagedOutput.cacheName(of: (output as NSString).lastPathComponent))
        else { return .changed(nil) }
        var search: String?
        if config.search {
            guard let pagefind = try? PagefindCommand.locate(environment: options.environment) else { return .changed(nil) }
            search = pagefind.identity
        }
        guard let staged = try? StagedOutput(output: output, source: listing.root, waiting: { log(SiteBuilder.Step(name: "wait", detail: $0)) })
        else { return .changed(nil) }
        // Opened even for `lastUpdated: git`: the build reads its cache's page facts.
        guard config.lastUpdated != .git, let bytes = staged.readCache(), let cache = try? BuildCache(decoding: bytes, headerOnly: true),
              let inputs = cache.inputs, cache.output == staged.currentManifest,
              inputs == BuildInputs.hash(listing, options: options, lastUpdated: config.lastUpdated, included: cache.included,
                                         search: search, settled: false),
              staged.keepsAll()
        else { return .changed(staged) }
        var report = BuildReport(diagnostics: cache.report.diagnostics)
        report.pagesPerLanguage = cache.report.pagesPerLanguage
        report.output = output
        report.fileCount = staged.fileCount
        let pages = report.pagesPerLanguage.reduce(0) { $0 + $1.pages }
        log(SiteBuilder.Step(name: "load", detail: "\(listing.files.count + 1) files, none changed since the build before"))
        if let translations = cache.report.translations { log(SiteBuilder.Step(name: "translations", detail: translations)) }
        var baseURL = config.baseURL
        if let given = options.baseURL, case .success(let url) = BaseURL.parse(given) { baseURL = url }
        for note in HostingNotes.notes(baseURL: baseURL?.description, fileLinks: options.fileLinks) {
            log(SiteBuilder.Step(name: "note", detail: note))
        }
        log(SiteBuilder.Step(name: "render", detail: "\(pages) pages (0 rendered, \(pages) unchanged since the build before)"))
        do {
            // Writes only when something was added to the output by hand.
            try staged.commit()
            log(SiteBuilder.Step(name: "write", detail: output))
        } catch {
            report.diagnostics.append(Diagnostic(.error, file: output, "\(error)"))
        }
        return .unchanged(report)
    }
}
