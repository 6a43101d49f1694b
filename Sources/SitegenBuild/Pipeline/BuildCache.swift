import SitegenKit
import SitegenSupport

/// What a build leaves beside the output for the next one
/// (`.<output>.sitegen-cache`): the hashes of what its pages were made from
/// (`BuildFingerprint`) and, for every page, what the rest of the build
/// needs of it without rendering it again: the bytes it wrote (as a stamp
/// of the output manifest), its ids, anchor checks, warnings, the pages it
/// links to and the files it includes.
///
/// A cache is a claim, like the manifest: it is used only when it was
/// written by this very sitegen, for this site folder and these options,
/// about the output as it is now (the hash of the output's manifest); a
/// page is reused only when its file, its settings and the navigation are
/// the same, and its output file is still intact (`StagedOutput.keep`).
/// The cache never names a file to write: the pages come from this build.
///
/// For every page file read, it keeps what reading it found (`PageFacts`,
/// by the file's version): the next build makes those pages without
/// reading their files (`KnownPages`), whatever else changed, since a
/// page's facts come from its file alone.
///
/// It also holds the hash of everything the build was made from
/// (`BuildInputs`) and the build's report: a build whose inputs have the
/// same hash, into an output that is still this one, makes nothing and
/// reports what the build before reported (`UnchangedBuild`).
struct BuildCache {
    static let currentFormat = 4

    var sitegen: String
    var site: String
    /// The stamp of the output manifest this cache describes.
    var output: String
    var settings: String
    var navigation: String
    /// The Pagefind that indexed the output (`PagefindCommand.identity`);
    /// nil without search.
    var search: String?
    /// The hash of the build's inputs (`BuildInputs`); nil when they
    /// prove nothing.
    var inputs: String?
    /// The files the pages include, site-relative (part of the inputs).
    var included: [String] = []
    /// What the build reported.
    var report = Report()
    var pages: [Entry]
    /// What each page file read was found to hold, by its version (`PageFacts`).
    var facts: [PageFacts] = []

    /// What a build reported, for a build that makes nothing to report again.
    struct Report {
        var pagesPerLanguage: [(language: String, pages: Int)] = []
        var diagnostics: [Diagnostic] = []
        /// The `translations` step's line, said again by an unchanged build.
        var translations: String?
    }

    struct Entry {
        var path: SitePath
        /// The hash of the page's file (`BuildFingerprint.pageSources`).
        var source: String
        /// The stamp of the bytes written (`OutputManifest.stamp`).
        var output: String
        /// The page's ids, without those every page has from the templates.
        var ids: [String] = []
        var anchorChecks: [LinkResolver.AnchorCheck] = []
        var diagnostics: [Diagnostic] = []
        var missingStrings: [String] = []
        var missingAssets: [String] = []
        var linkedPages: [SitePath] = []
        /// The stamp of each file the page includes, by site-relative path.
        var includedFiles: [String: String] = [:]
        /// The entry's lines in the cache it was read from: a page the next
        /// build does not render is written as it was, not encoded again
        /// (encoding 20,000 pages' entries after one page changed was a
        /// tenth of the build).
        var encoded: ArraySlice<UInt8>?
    }

    init(sitegen: String, site: String, output: String, settings: String, navigation: String, search: String?, pages: [Entry],
         inputs: String? = nil, included: [String] = [], report: Report = Report()) {
        self.inputs = inputs
        self.included = included
        self.report = report
        self.sitegen = sitegen
        self.site = site
        self.output = output
        self.settings = settings
        self.navigation = navigation
        self.search = search
        self.pages = pages
    }

    /// The cache of a build that has just written `rendering` into `staged`.
    /// `encoded`: the lines of the pages kept (`IncrementalBuild.Reuse.encoded`, in the site's order).
    init(_ rendering: SiteBuilder.Rendering, facts: [PageFacts], encoded: [ArraySlice<UInt8>?] = [],
         fingerprint: BuildFingerprint, templateIDs: Set<String>,
         outputStamps: [String: String], output: String, search: String?, inputs: String?, report: Report) {
        self.facts = facts.compactMap { facts in fingerprint.pageSources[facts.sourcePath].map(facts.hashed) }
        self.search = search
        self.inputs = inputs
        self.report = report
        included = rendering.cache.includedFiles.sorted()
        sitegen = fingerprint.sitegen
        site = fingerprint.site
        self.output = output
        settings = fingerprint.settings
        navigation = fingerprint.navigation
        let included = Self.stamps(of: rendering.cache.includedFiles, in: rendering.sourceRoot)
        pages = rendering.site.pages.indices.compactMap { index in
            let page = rendering.site.pages[index]
            guard let rendered = rendering.cache.pages[page.path], let written = outputStamps[page.path.outputFile] else { return nil }
            if index < encoded.count, let lines = encoded[index] {
                return Entry(path: page.path, source: fingerprint.pageSources[page.sourcePath] ?? "", output: written, encoded: lines)
            }
            return Entry(path: page.path, source: fingerprint.pageSources[page.sourcePath] ?? "", output: written,
                         ids: rendered.ids.subtracting(templateIDs).sorted(), anchorChecks: rendered.anchorChecks,
                         diagnostics: rendered.diagnostics, missingStrings: rendered.missingStrings.sorted(),
                         missingAssets: rendered.missingAssets.sorted(), linkedPages: rendered.linkedPages.sorted(),
                         includedFiles: rendered.includedFiles.reduce(into: [:]) { $0[$1] = included[$1] })
        }
    }

    /// The stamp of each file (site-relative) as it is now; "" for a file
    /// that cannot be read.
    static func stamps(of files: Set<String>, in root: String) -> [String: String] {
        files.reduce(into: [:]) { stamps, file in
            stamps[file] = (try? SiteFileReader.read(root + "/" + file, inside: root)).map(OutputManifest.stamp) ?? ""
        }
    }

    /// The renderer's cache of the pages this cache holds.
    func rendererCache(templateIDs: Set<String>) -> SiteRenderer.Cache {
        var cache = SiteRenderer.Cache()
        for entry in pages {
            cache.pages[entry.path] = SiteRenderer.RenderedPage(
                path: entry.path, html: [], ids: Set(entry.ids).union(templateIDs), anchorChecks: entry.anchorChecks,
                diagnostics: entry.diagnostics, missingStrings: Set(entry.missingStrings), missingAssets: Set(entry.missingAssets),
                linkedPages: Set(entry.linkedPages), includedFiles: Set(entry.includedFiles.keys))
        }
        return cache
    }

    /// The cache's file (`BuildCacheText`).
    func encoded() -> [UInt8] {
        BuildCacheText.encode(self)
    }

    init(decoding bytes: [UInt8], headerOnly: Bool = false) throws(BuildCacheText.Malformed) {
        self = try BuildCacheText.decode(bytes, headerOnly: headerOnly)
    }
}
