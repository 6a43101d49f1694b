import SitegenSupport

/// The search page of each language (`search: true`): a generated page at
/// `<language>/search/` laid out by `templates/search.mustache`, which reads
/// the reader's query (`?q=`) and asks Pagefind's index of its language. Its
/// translation key is shared, so the language switcher leads from one
/// language's search page to the other's.
enum SearchPages {
    static let translationKey = "?search"
    static let layout = "search"

    /// One page per language; a page of the site's own at that URL keeps it,
    /// and is an error naming it (two pages cannot share an address).
    static func make(config: SiteConfig, strings: [String: UIStrings], existing: [Page]) -> (pages: [Page], diagnostics: [Diagnostic]) {
        guard config.search else { return ([], []) }
        let taken = Dictionary(existing.map { ($0.path, $0) }) { first, _ in first }
        var pages: [Page] = []
        var diagnostics: [Diagnostic] = []
        for language in config.languages {
            let home = existing.first { $0.language == language.code && $0.translationKey == SiteResolver.homeKey }?.path
                ?? SitePath(language.code + "/")
            let path = SitePath(home.value + "search/")
            if let page = taken[path] {
                diagnostics.append(Diagnostic(.error, file: page.sourcePath,
                    "this page's URL '\(path.value)' is where the search page of '\(language.code)' goes (search: true in \(SiteConfig.fileName)); give the page another slug"))
                continue
            }
            let title = strings[language.code]?["searchTitle"] ?? "Search"
            var metadata = PageMetadata(title: title, linkTitle: nil, description: nil, slug: nil,
                                        translationKey: translationKey, weight: nil, draft: false, layout: layout, params: [:])
            metadata.hasDecision = false
            var page = Page(language: language.code, contentLanguage: language.code, sourcePath: SiteConfig.fileName,
                            relativePath: "search/index.md", translationKey: translationKey,
                            metadata: metadata, body: MarkdownBody(SourceText("", path: SiteConfig.fileName)), path: path)
            page.generated = .searchPage
            pages.append(page)
        }
        return (pages, diagnostics)
    }
}
