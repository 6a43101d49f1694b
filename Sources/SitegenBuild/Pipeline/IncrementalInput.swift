import SitegenKit
import SitegenSupport

/// What an incremental build (`sitegen serve`) hands the pipeline from the
/// build before, so that only what changed is read, parsed and rendered.
package struct IncrementalInput: Sendable {
    /// What was loaded, with only the changed files read again; nil: load all.
    package var loaded: (SiteSource, [Diagnostic])?
    /// Pages already parsed, by file.
    package var pageCache: SiteResolver.PageCache?
    /// Every page's last rendering; with `select`, the pages it names (and
    /// pages the cache lacks) are rendered again, the others reused.
    package var cache: SiteRenderer.Cache?
    package var select: (@Sendable (Site) -> Set<SitePath>?)?
    /// The dates of `lastUpdated: git`, read again only when the repository changed.
    package var gitDates: GitDatesMemo?

    package init(loaded: (SiteSource, [Diagnostic])? = nil, pageCache: SiteResolver.PageCache? = nil,
                cache: SiteRenderer.Cache? = nil, gitDates: GitDatesMemo? = nil,
                select: (@Sendable (Site) -> Set<SitePath>?)? = nil) {
        self.gitDates = gitDates
        self.loaded = loaded
        self.pageCache = pageCache
        self.cache = cache
        self.select = select
    }
}
