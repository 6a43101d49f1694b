import SitegenKit
import SitegenSupport

/// `sitegen build` from the build before: with the cache it left beside
/// the output (`BuildCache`), only the pages a change affects are rendered
/// (the rule `sitegen serve` follows, `SiteRenderer.Cache.affectedPages`);
/// every other page keeps its file and what the build knew of it. The
/// output is the same, byte for byte, as a build from nothing.
enum IncrementalBuild {
    /// What this build can reuse of the build before.
    struct Reuse {
        /// Nil renders every page (no cache, or one that cannot be trusted,
        /// said in a note, or settings that changed).
        var pages: IncrementalInput?
        /// The Pagefind that indexed the current output, when the cache
        /// vouches for it (`BuildCache.search`).
        var search: String?
        /// The trusted cache's output stamp.
        var output: String?
        /// The trusted cache's inputs (`BuildInputs`).
        var inputs: String?
        /// The cache's lines of each page of the site (in `site.pages`'
        /// order) this build does not render, written again as they are
        /// (`BuildCache.Entry.encoded`); nil for the others.
        var encoded: [ArraySlice<UInt8>?] = []

        /// Whether the cache of a build that rendered no page from this
        /// reuse, wrote `output` from `inputs` and indexed with `search` is
        /// the one there.
        func isCurrent(renderedPages: Int, output: String?, search: String?, inputs: String?) -> Bool {
            pages != nil && renderedPages == 0 && output == self.output && search == self.search && inputs == self.inputs
        }
    }

    /// The cache the build before left beside the output, read and
    /// decoded once: its pages' facts feed loading (`knownPages`), the
    /// rest `reuse`.
    enum Previous {
        case none
        case unreadable
        case cache(BuildCache)

        init(_ staged: StagedOutput) {
            guard let bytes = staged.readCache() else {
                self = .none
                return
            }
            self = (try? BuildCache(decoding: bytes)).map(Previous.cache) ?? .unreadable
        }

        /// The pages of the cache, when this sitegen wrote it for the
        /// site folder `root`.
        func knownPages(root: String) -> KnownPages? {
            guard case .cache(let cache) = self, cache.sitegen == BuildFingerprint.sitegenIdentity,
                  cache.site == BuildFingerprint.siteIdentity(root: root), !cache.facts.isEmpty else { return nil }
            return KnownPages(cache.facts)
        }
    }

    static func reuse(_ resolved: SiteBuilder.ResolvedSite, fingerprint: BuildFingerprint, templateIDs: Set<String>,
                      staged: StagedOutput, previous: Previous, log: (SiteBuilder.Step) -> Void) -> Reuse {
        func ignored(_ reason: String) -> Reuse {
            log(SiteBuilder.Step(name: "note", detail: "\(staged.cacheName) beside the output was ignored: \(reason); every page is rendered"))
            return Reuse()
        }
        let cache: BuildCache
        switch previous {
        case .none: return Reuse()
        case .unreadable: return ignored("it is not a build cache this sitegen can read")
        case .cache(let decoded): cache = decoded
        }
        guard cache.sitegen == fingerprint.sitegen else { return ignored("another sitegen wrote it") }
        guard cache.site == fingerprint.site else { return ignored("it is of another site folder") }
        guard let current = staged.currentManifest else { return Reuse() }
        guard cache.output == current else { return ignored("it does not describe the output as it is now") }
        var encoded: [ArraySlice<UInt8>?] = []
        let pages = pages(of: cache, resolved, fingerprint: fingerprint, templateIDs: templateIDs, staged: staged, encoded: &encoded, log: log)
        return Reuse(pages: pages, search: cache.search, output: cache.output, inputs: cache.inputs, encoded: encoded)
    }

    /// The pages of a trusted cache this build reuses, and their lines
    /// in it (`encoded`); nil: none.
    private static func pages(of cache: BuildCache, _ resolved: SiteBuilder.ResolvedSite, fingerprint: BuildFingerprint,
                              templateIDs: Set<String>, staged: StagedOutput, encoded: inout [ArraySlice<UInt8>?],
                              log: (SiteBuilder.Step) -> Void) -> IncrementalInput? {
        guard cache.settings == fingerprint.settings, cache.navigation == fingerprint.navigation else {
            log(SiteBuilder.Step(name: "incremental", detail: "options, settings, templates, strings or the navigation changed: every page is rendered", isDetail: true))
            return nil
        }
        let site = resolved.site
        let entries = Dictionary(cache.pages.map { ($0.path, $0) }) { first, _ in first }
        var changes: Set<String> = []
        var pageEntries: [BuildCache.Entry] = []
        pageEntries.reserveCapacity(site.pages.count)
        for page in site.pages {
            guard let entry = entries[page.path] else { return nil }
            pageEntries.append(entry)
            if entry.source != fingerprint.pageSources[page.sourcePath] ?? "" { changes.insert(page.sourcePath) }
        }
        var includedFiles: [String: String] = [:]
        for entry in cache.pages { includedFiles.merge(entry.includedFiles) { first, _ in first } }
        let now = BuildCache.stamps(of: Set(includedFiles.keys), in: resolved.source.root)
        changes.formUnion(includedFiles.filter { now[$0.key] != $0.value }.keys)

        let rendererCache = cache.rendererCache(templateIDs: templateIDs)
        var render: Set<SitePath> = []
        if !changes.isEmpty {
            guard let affected = rendererCache.affectedPages(by: changes, in: site, navigationChanged: false) else { return nil }
            render = affected
        }
        // The others keep their files, or render after all when those are gone.
        let kept = Cores.map(Array(site.pages.indices)) { [render, pageEntries] index in
            !render.contains(site.pages[index].path) && staged.keep(site.pages[index].path, stamp: pageEntries[index].output)
        }
        render.formUnion(zip(site.pages, kept).filter { !$1 }.map { $0.0.path })
        // A page kept is what the cache says of it, line for line: its
        // file, settings, navigation, included files and output as they were.
        encoded = zip(pageEntries, kept).map { entry, isKept in isKept ? entry.encoded : nil }
        return IncrementalInput(cache: rendererCache, select: { [render] _ in render })
    }

    /// Leaves the cache of a build that has just been committed. When it
    /// cannot be written (a note), the old one stays, describing an output
    /// that is gone: the next build does not trust it.
    static func save(_ rendering: SiteBuilder.Rendering, facts: [PageFacts], fingerprint: BuildFingerprint, templateIDs: Set<String>,
                     search: String?, inputs: String?, report: BuildCache.Report, reused: Reuse, staged: StagedOutput,
                     log: (SiteBuilder.Step) -> Void) {
        guard let output = staged.committedManifest,
              !reused.isCurrent(renderedPages: rendering.renderedPages, output: output, search: search, inputs: inputs) else { return }
        let cache = BuildCache(rendering, facts: facts, encoded: reused.encoded, fingerprint: fingerprint, templateIDs: templateIDs,
                               outputStamps: staged.writtenStamps, output: output, search: search, inputs: inputs, report: report)
        do {
            try staged.writeCache(cache.encoded())
        } catch {
            log(SiteBuilder.Step(name: "note", detail: "the build cache \(staged.cacheName) could not be written (\(error)); the next build renders every page"))
        }
    }
}
