import SitegenSupport
import SitegenKit
import SitegenBuild
/// Builds a site again and again for `sitegen serve`, into memory, rendering
/// after each change only the pages it affects:
///
/// - a page's Markdown changed: that page (in every language it is built
///   in), its translations, and the pages that link to it;
/// - a file pages include changed: the pages that include it;
/// - anything else (a template, an asset, `sitegen.yml`, UI strings, a
///   decision flow, a file beside the pages), or a change to what the
///   navigation shows (a page added or removed, a title, weight or slug):
///   every page.
///
/// A failed build keeps the last good output.
package final class IncrementalBuilder {
    package let options: BuildOptions
    /// The last good output.
    package private(set) var plan: OutputPlan?
    private var last: SiteBuilder.Rendering?
    /// What the last build loaded, successful or not.
    private var lastLoad: (SiteSource, [Diagnostic])?
    private let pageCache = SiteResolver.PageCache()
    private let gitDates = GitDatesMemo()

    /// Every file the pages of the last good build include (site-relative):
    /// the watcher looks at them too, wherever they are in the site folder.
    package var includedFiles: Set<String> { last?.cache.includedFiles ?? [] }

    /// Whether the last good build's settings ask for search.
    package var searchEnabled: Bool { last?.site.config.search ?? false }

    package init(options: BuildOptions) {
        self.options = options
    }

    package struct Outcome: Sendable {
        package var report: BuildReport
        /// Output paths whose bytes changed (added, changed or removed).
        package var changedFiles: Set<SitePath>
        package var renderedPages: Int
    }

    /// Builds after `changes` (site-relative paths; nil: build everything).
    package func build(changes: Set<String>?) throws -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        var report = BuildReport(diagnostics: [])
        let previous = last
        // Read again only the files that changed, when only pages changed.
        var loaded: (SiteSource, [Diagnostic])?
        if let changes, let (source, problems) = lastLoad, let (reloaded, newProblems) = SiteLoader.reload(source, changes: changes) {
            loaded = (reloaded, problems.filter { !changes.contains($0.file) } + newProblems)
        }
        let incremental = IncrementalInput(
            loaded: loaded, pageCache: pageCache, cache: changes == nil ? nil : previous?.cache, gitDates: gitDates,
            select: { site in previous.flatMap { IncrementalBuilder.affectedPages(by: changes ?? [], old: $0.site, new: site, cache: $0.cache) } })
        let rendering = try SiteBuilder.render(options, report: &report, incremental: incremental)
        if let rendering { lastLoad = (rendering.source, rendering.loadDiagnostics) }
        report = SiteBuilder.finish(report, since: start, clock: clock)
        guard let rendering, report.succeeded else {
            return Outcome(report: report, changedFiles: [], renderedPages: 0)
        }
        let old = plan?.files ?? [:]
        var changed = Set(rendering.plan.files.filter { old[$0.key] != $0.value }.keys)
        changed.formUnion(old.keys.filter { rendering.plan.files[$0] == nil })
        plan = rendering.plan
        last = rendering
        return Outcome(report: report, changedFiles: changed, renderedPages: rendering.renderedPages)
    }

    /// The pages to render again, or nil for all of them (the rule is
    /// `SiteRenderer.Cache.affectedPages`).
    static func affectedPages(by changes: Set<String>, old: Site, new: Site, cache: SiteRenderer.Cache) -> Set<SitePath>? {
        cache.affectedPages(by: changes, in: new, navigationChanged: old.navigationFacts != new.navigationFacts)
    }
}
