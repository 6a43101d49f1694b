/// The resolved site: every page of every language with its URL, which pages
/// translate each other, and the UI strings. Made by `SiteResolver` from a
/// `SiteSource`; plain values, no files.
package struct Site: Sendable {
    package var config: SiteConfig
    /// In language order (as in `sitegen.yml`), then by path.
    package private(set) var pages: [Page]
    package var strings: [String: UIStrings]
    /// Files beside the pages, with their output paths.
    package var contentFiles: [SitePath: [UInt8]]
    /// Pages that exist but could not be read or placed (already reported).
    /// Links to them are not errors too.
    package var unusablePages: Set<PageID> = [] {
        didSet { unusablePageKeys = Set(unusablePages.map { .page($0.defaultTranslationKey) }) }
    }
    /// The translation keys `unusablePages` have by default, for
    /// `isUnusable(translationKey:)`: asked per outcome and per page, it
    /// scanned every unusable page each time.
    private var unusablePageKeys: Set<TranslationKey> = []
    /// Drafts left out of this build.
    package var draftPages: Set<PageID> = []
    /// Files of `static/`, published at the root as they are (see `RootFiles`).
    package var rootFiles: [SitePath: [UInt8]] = [:]
    /// `lastUpdated:` the written pages' dates, by source path.
    package var lastUpdated: [String: PageDate] = [:]
    /// Redirect pages at the former URLs pages declare (`aliases:`).
    package var redirects: [SitePath: Redirect] = [:]
    /// The pages link-only entries with a `.md` target lead to, by the
    /// entry's path (`LinkOnlyTargets`).
    var linkOnlyTargets: [SitePath: LinkOnlyTargets.Target] = [:]
    /// Which translations are current, outdated or missing (nil for a site
    /// of one language). Made by `SiteResolver`.
    package var translationStatus: TranslationReport?

    /// Whether a translation key may belong to an unusable page (judged by
    /// the key a file gets by default, its path without `.md`).
    package func isUnusable(translationKey: TranslationKey) -> Bool {
        unusableKeys.contains(translationKey) || unusablePageKeys.contains(translationKey)
    }
    /// The `translationKey`s unusable pages declare (read from front matter
    /// that has other errors), so that pages and outcomes pointing at them
    /// are not reported too.
    var unusableKeys: Set<TranslationKey> = []
    /// Index into `pages`, by language and translation key.
    var pageIndex: [String: [TranslationKey: Int]] = [:]
    var pagesByLanguage: [String: [Int]] = [:]
    var navigationByLanguage: [String: [Page]] = [:]
    /// What templates need of `navigationByLanguage`: every page renders it.
    var navigationEntriesByLanguage: [String: [NavigationEntry]] = [:]
    /// Section trees, header entries and generated pages, per language.
    private(set) var navigation: SiteNavigation
    /// Index into `pages` of the pages as written, by language and path in
    /// the language folder (fallback pages are not there).
    var fileIndex: [String: [String: Int]] = [:]
    /// Index into `pages`, by URL path (`nl/handleidingen/a/`), for links
    /// written as URLs.
    var urlIndex: [SitePath: Int] = [:]

    /// A site of `pages`, with the section pages and list pages its
    /// navigation needs added (as `SiteResolver` does; a site is usually
    /// made by `SiteResolver.resolve`).
    package init(config: SiteConfig, pages: [Page], strings: [String: UIStrings], contentFiles: [SitePath: [UInt8]]) {
        var pages = pages
        let count = pages.count
        let navigation = SiteNavigation(config: config, pages: &pages)
        if pages.count > count { SiteResolver.sort(&pages, languages: config.languages) }
        self.init(config: config, sortedPages: pages, navigation: navigation, strings: strings, contentFiles: contentFiles)
    }

    /// A site of the final page list: every page made, sorted, and the
    /// navigation built from it (`SiteResolver.resolve`).
    init(config: SiteConfig, sortedPages pages: [Page], navigation: SiteNavigation, strings: [String: UIStrings],
         contentFiles: [SitePath: [UInt8]]) {
        self.config = config
        self.navigation = navigation
        self.pages = pages
        self.strings = strings
        self.contentFiles = contentFiles
        for (index, page) in pages.enumerated() {
            pagesByLanguage[page.language, default: []].append(index)
            pageIndex[page.language, default: [:]][page.translationKey] = index
            urlIndex[page.path] = index
            if page.isWritten {
                fileIndex[page.language, default: [:]][page.relativePath] = index
                // A folder's page written as `_index.md` or `README.md` is
                // linked by that name too.
                if let written = SiteLayout.path(page.sourcePath, inContentOf: page.language), written != page.relativePath {
                    fileIndex[page.language, default: [:]][written] = index
                }
            }
        }
        for (language, pages) in navigation.header {
            navigationByLanguage[language] = pages
            navigationEntriesByLanguage[language] = pages.map {
                NavigationEntry(title: $0.metadata.linkTitle ?? $0.metadata.title, path: $0.path, isHome: $0.isHome)
            }
        }
    }

    /// Moves every page's body out of the site, and its front matter (part
    /// of the same file) with it; the navigation's copies of the pages go
    /// too, or they would keep the files. Only the renderer reads a body,
    /// the page's own, once (`SiteRenderer.render(bodies:)`).
    package mutating func takeBodies() -> PageBodies {
        let bodies = PageBodies(pages.map(\.markdownBody))
        let withText = pages
        pages = pages.map { $0.withoutText() }
        let replacement: (Page) -> Page = { [pages, urlIndex] page in
            guard let index = urlIndex[page.path], withText[index] == page else { return page.withoutText() }
            return pages[index]
        }
        navigation.replacePages(replacement)
        navigationByLanguage = navigationByLanguage.mapValues { $0.map(replacement) }
        return bodies
    }

    /// The page with a translation key in a language, if it is built there.
    package func page(_ translationKey: TranslationKey, in language: String) -> Page? {
        pageIndex[language]?[translationKey].map { pages[$0] }
    }

    /// The page written as `content/<language>/<relativePath>`.
    package func page(writtenAs relativePath: String, in language: String) -> Page? {
        fileIndex[language]?[relativePath].map { pages[$0] }
    }

    /// The default-language page that `page` translates: nil for a page of
    /// the default language, a fallback, a decision helper's step, or a
    /// page that exists only in its language.
    package func original(of page: Page) -> Page? {
        let defaultLanguage = config.defaultLanguage.code
        guard page.language != defaultLanguage, !page.isFallback, page.kind.isWritten else { return nil }
        return self.page(page.translationKey, in: defaultLanguage)
    }

    /// The page published at a URL path (`nl/handleidingen/a/`).
    package func page(at path: SitePath) -> Page? {
        urlIndex[path].map { pages[$0] }
    }

    package func home(of language: String) -> Page? {
        page(.home, in: language)
    }

    package func pages(in language: String) -> [Page] {
        (pagesByLanguage[language] ?? []).map { pages[$0] }
    }

    /// The language's top-level pages (files at the top of the language
    /// folder, and the section page of each folder there), in navigation
    /// order: the home page first, then as in the section tree; at most
    /// `navigationLimit` in all.
    package func navigation(in language: String) -> [Page] {
        navigationByLanguage[language] ?? []
    }

    /// The language's section tree.
    package func sectionTree(of language: String) -> SectionTree? {
        navigation.trees[language]
    }

    /// `navigation(in:)` as menus show it.
    func navigationEntries(in language: String) -> [NavigationEntry] {
        navigationEntriesByLanguage[language] ?? []
    }
}

/// A page in a navigation menu.
struct NavigationEntry: Sendable {
    /// `linkTitle`, or the title when there is none.
    let title: String
    let path: SitePath
    let isHome: Bool
}
