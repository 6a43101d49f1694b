import Foundation
import SitegenKit
import SitegenBuild

/// `sitegen serve`'s loop: watch the site folder, rebuild what a change
/// affects, and tell open pages (through `LiveReload`).
package enum PreviewSession {
    /// The site a server shows before any build has succeeded: every path
    /// answers with this page, and the overlay lists the errors.
    package static let placeholderPlan = OutputPlan(files: [
        SitePath("404.html"): Array("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8" /><title>sitegen: the site has errors</title></head>
            <body><main><h1>The site has errors</h1><p>Fix them and save: this page reloads by itself.</p></main></body></html>

            """.utf8),
    ])

    /// The errors of a failed build, as the terminal and the overlay show them.
    package static func errorText(_ report: BuildReport) -> String {
        (report.errors.map(\.description) + [report.summary]).joined(separator: "\n")
    }

    /// Runs until the task is cancelled. `log` gets one line per rebuild.
    /// With `search`, the pages are served with its index, which it makes
    /// again in the background after each good build.
    package static func watch(_ builder: IncrementalBuilder, watcher: SourceWatcher, live: LiveReload, search: PreviewSearch? = nil,
                             interval: Duration = .milliseconds(50), log: @escaping @Sendable (String) -> Void) async {
        var watcher = watcher
        watcher.alsoWatched = builder.includedFiles
        let clock = ContinuousClock()
        var pause = interval
        while !Task.isCancelled {
            try? await Task.sleep(for: pause)
            let scanStart = clock.now
            let changes = watcher.changes()
            // Scanning a large site takes a while: keep it under a fifth of the
            // time, but never wait more than a second for the next look.
            pause = min(max(interval, (clock.now - scanStart) * 4), max(interval, .seconds(1)))
            guard !changes.isEmpty else { continue }
            let start = clock.now
            do {
                let outcome = try builder.build(changes: changes)
                watcher.alsoWatched = builder.includedFiles
                if outcome.report.succeeded, let plan = builder.plan {
                    if let search {
                        await live.publish(await search.merged(plan), changed: outcome.changedFiles)
                        await search.schedule(plan, search: builder.searchEnabled, live: live)
                    } else {
                        await live.publish(plan, changed: outcome.changedFiles)
                    }
                    let elapsed = clock.now - start
                    let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
                    for warning in outcome.report.warnings { log(warning.description) }
                    let pages = outcome.report.pagesPerLanguage.reduce(0) { $0 + $1.pages }
                    log("\(changes.sorted().joined(separator: ", ")): rendered \(outcome.renderedPages) of \(pages) pages in \(Int(milliseconds.rounded())) ms; \(outcome.changedFiles.count) files changed")
                } else {
                    let text = errorText(outcome.report)
                    await live.fail(text)
                    log(text)
                }
            } catch {
                await live.fail("\(error)")
                log("\(error)")
            }
        }
    }
}
