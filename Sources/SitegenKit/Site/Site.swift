/// The resolved site: every page of every language with its URL, which pages
/// translate each other, and the UI strings. Made by `SiteResolver` from a
/// `SiteSource`; plain values, no files.
public struct Site: Sendable {
    public var config: SiteConfig
    /// In language order (as in `sitegen.yml`), then by path.
    public private(set) var pages: [Page]
    public var strings: [String: UIStrings]
    /// Files beside the pages, with their output paths.
    public var contentFiles: [SitePath: [UInt8]]
    /// Pages that exist but could not be read or placed (already reported).
    /// Links to them are not errors too.
    public var unusablePages: Set<PageID> = []
    /// Drafts left out of this build.
    public var draftPages: Set<PageID> = []
    /// Redirect pages at the former URLs pages declare (`aliases:`).
    public var redirects: [SitePath: Redirect] = [:]
    /// Which translations are current, outdated or missing (nil for a site
    /// of one language). Made by `SiteResolver`.
    public internal(set) var translationStatus: TranslationReport?

    /// Whether a translation key may belong to an unusable page (judged by
    /// the key a file gets by default, its path without `.md`).
    func isUnusable(translationKey: String) -> Bool {
        unusableKeys.contains(translationKey) || unusablePages.contains { $0.defaultTranslationKey == translationKey }
    }
    /// The `translationKey`s unusable pages declare (read from front matter
    /// that has other errors), so that pages and outcomes pointing at them
    /// are not reported too.
    var unusableKeys: Set<String> = []
    /// Index into `pages`, by language and translation key.
    var pageIndex: [String: [String: Int]] = [:]
    var pagesByLanguage: [String: [Int]] = [:]
    var navigationByLanguage: [String: [Page]] = [:]
    /// What templates need of `navigationByLanguage`: every page renders it.
    var navigationEntriesByLanguage: [String: [NavigationEntry]] = [:]
    /// Index into `pages` of the pages as written, by language and path in
    /// the language folder (fallback pages are not there).
    var fileIndex: [String: [String: Int]] = [:]
    /// Index into `pages`, by URL path (`nl/handleidingen/a/`), for links
    /// written as URLs.
    var urlIndex: [SitePath: Int] = [:]

    public init(config: SiteConfig, pages: [Page], strings: [String: UIStrings], contentFiles: [SitePath: [UInt8]]) {
        self.config = config
        self.pages = pages
        self.strings = strings
        self.contentFiles = contentFiles
        for (index, page) in pages.enumerated() {
            pagesByLanguage[page.language, default: []].append(index)
            pageIndex[page.language, default: [:]][page.translationKey] = index
            urlIndex[page.path] = index
            if !page.isFallback && page.kind.isWritten {
                fileIndex[page.language, default: [:]][page.relativePath] = index
            }
        }
        for (language, indices) in pagesByLanguage {
            navigationByLanguage[language] = indices.map { pages[$0] }
                .filter { page in
                    guard page.kind.isWritten else { return false }
                    let depth = page.relativePath.split(separator: "/").count
                    return depth == 1 || (depth == 2 && page.relativePath.hasSuffix("/index.md"))
                }
                .sorted { a, b in
                    if a.isHome != b.isHome { return a.isHome }
                    let (wa, wb) = (a.metadata.weight ?? Int.max, b.metadata.weight ?? Int.max)
                    if wa != wb { return wa < wb }
                    return a.metadata.title != b.metadata.title ? a.metadata.title < b.metadata.title : a.path < b.path
                }
            navigationEntriesByLanguage[language] = navigationByLanguage[language]!.map {
                NavigationEntry(title: $0.metadata.linkTitle ?? $0.metadata.title, path: $0.path, isHome: $0.isHome)
            }
        }
    }

    /// The page with a translation key in a language, if it is built there.
    public func page(_ translationKey: String, in language: String) -> Page? {
        pageIndex[language]?[translationKey].map { pages[$0] }
    }

    /// The page written as `content/<language>/<relativePath>`.
    public func page(writtenAs relativePath: String, in language: String) -> Page? {
        fileIndex[language]?[relativePath].map { pages[$0] }
    }

    /// The default-language page that `page` translates: nil for a page of
    /// the default language, a fallback, a decision helper's step, or a
    /// page that exists only in its language.
    public func original(of page: Page) -> Page? {
        let defaultLanguage = config.defaultLanguage.code
        guard page.language != defaultLanguage, !page.isFallback, page.kind.isWritten else { return nil }
        return self.page(page.translationKey, in: defaultLanguage)
    }

    /// The page published at a URL path (`nl/handleidingen/a/`).
    public func page(at path: SitePath) -> Page? {
        urlIndex[path].map { pages[$0] }
    }

    public func home(of language: String) -> Page? {
        page(SiteResolver.homeKey, in: language)
    }

    public func pages(in language: String) -> [Page] {
        (pagesByLanguage[language] ?? []).map { pages[$0] }
    }

    /// The language's top-level pages (files at the top of the language
    /// folder, and the `index.md` of each folder there), in navigation order:
    /// the home page first, then by `weight`, then by title.
    public func navigation(in language: String) -> [Page] {
        navigationByLanguage[language] ?? []
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
