import ArgumentParser
import Foundation
import SitegenKit
import SitegenBuild
import SitegenPreview

/// Builds the site, serves it for preview, and rebuilds and reloads open
/// pages whenever a file of the site changes.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: serve it, rebuild on every change and reload open pages.",
        discussion: """
            Builds the site into memory (nothing is written to disk) and serves it over \
            HTTP. Watches sitegen.yml, content/ and templates/; after a change only the \
            pages it affects are rendered again, and open pages reload. A build with \
            errors keeps the last good site up and shows the errors on the open pages. \
            Stop with Ctrl-C.
            """
    )

    @Option(name: .long, help: "The site folder, holding sitegen.yml.")
    var source: String = "."

    @Option(name: .long, help: "The address to listen on (IPv4; anything but 127.0.0.1 lets other machines see the preview).")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port: UInt16 = 8080

    @Flag(name: .long, help: "Include pages marked 'draft: true'.")
    var drafts = false

    func run() async throws {
        _ = try SiteFolder.open(source)
        let builder = IncrementalBuilder(options: BuildOptions(source: source, includeDrafts: drafts))
        let first = try builder.build(changes: nil)
        first.report.diagnostics.forEach { FileHandleOutput.standardError($0.description) }
        FileHandleOutput.standardError("sitegen: " + first.report.summary(showingOutputAs: "memory"))

        let live = LiveReload(plan: builder.plan ?? PreviewSession.placeholderPlan)
        if !first.report.succeeded { await live.fail(PreviewSession.errorText(first.report)) }
        let search = PreviewSearch { line in FileHandleOutput.standardError(line) }
        // Ctrl-C or SIGTERM: say so, remove the search's temporary folder
        // (the site itself lives in memory), and stop. Caught before the
        // search starts and before "Serving" is said, by a handler of our
        // own: Dispatch's signal sources lost a SIGTERM sent right after
        // start about once in twenty, and serve kept running.
        StopSignals.onStop {
            // A Pagefind still indexing would write into the folder again.
            ChildProcess.stopAll()
            search.removeFolder()
            FileHandleOutput.standardError("\nsitegen: stopped")
            Foundation.exit(0)
        }
        if let plan = builder.plan { await search.schedule(plan, search: builder.searchEnabled, live: live) }
        let server: PreviewServer
        let listening: UInt16
        do {
            server = try PreviewServer(host: host, port: port, live: live)
            listening = try server.listen()
        } catch {
            throw UsageError("\(error)")
        }
        if !PreviewServer.isLoopback(host) {
            FileHandleOutput.standardError("sitegen: warning: --host \(host) lets other machines on the network see the preview "
                + "(and it has no password); use --host 127.0.0.1 unless that is what you want")
        }
        let serving = Task { try await server.run() }
        FileHandleOutput.standardOutput("Serving http://\(host):\(listening)/ (Ctrl-C to stop)")
        await PreviewSession.watch(builder, watcher: SourceWatcher(root: OutputFolder.canonical(source)), live: live, search: search) { line in
            FileHandleOutput.standardError(line)
        }
        serving.cancel()
    }
}
