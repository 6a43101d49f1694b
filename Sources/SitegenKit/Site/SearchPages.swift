import SitegenSupport

/// The search page of each language (`search: true`): a generated page at
/// `<language>/search/` laid out by `templates/search.mustache`, which reads
/// the reader's query (`?q=`) and asks Pagefind's index of its language. Its
/// translation key is shared, so the language switcher leads from one
/// language's search page to the other's. Without JavaScript it lists the
/// language's pages from A to Z: a list longer than `partSize` is cut into
/// parts, the further ones at `<language>/search/page/<number>/`.
enum SearchPages {
    static let layout = "search"
    /// The most pages one part of the A–Z list links to.
    static let partSize = 400

    /// The search pages of every language; a page of the site's own at one
    /// of their URLs keeps it, and is an error naming it (two pages cannot
    /// share an address).
    static func make(config: SiteConfig, strings: [String: UIStrings], existing: [Page]) -> (pages: [Page], diagnostics: [Diagnostic]) {
        guard config.search else { return ([], []) }
        let taken = Dictionary(existing.map { ($0.path, $0) }) { first, _ in first }
        var pages: [Page] = []
        var diagnostics: [Diagnostic] = []
        for language in config.languages {
            let home = existing.first { $0.language == language.code && $0.translationKey == .home }?.path
                ?? SitePath(language.code + "/")
            let path = SitePath(home.value + "search/")
            let listed = alphabetical(existing.filter { $0.language == language.code && $0.kind == .written })
            let chunks = stride(from: 0, to: max(listed.count, 1), by: partSize).map { Array(listed[$0..<min($0 + partSize, listed.count)]) }
            let labels = chunks.enumerated().map { index, chunk in
                SearchListPart.Label(text: label(chunk), path: index == 0 ? path : SitePath(path.value + "page/\(index + 1)/"))
            }
            let title = strings[language.code]?["searchTitle"] ?? "Search"
            for (index, chunk) in chunks.enumerated() {
                let part = SearchListPart(number: index + 1, pages: chunk.map(\.path), parts: labels)
                if let page = taken[labels[index].path] {
                    diagnostics.append(Diagnostic(.error, file: page.sourcePath,
                        "this page's URL '\(labels[index].path.value)' is where \(index == 0 ? "the search page" : "part \(index + 1) of the search page's A–Z list") of '\(language.code)' goes (search: true in \(SiteLayout.configFile)); give the page another slug"))
                    continue
                }
                pages.append(page(part, language: language.code, title: index == 0 ? title : "\(title) (\(labels[index].text))"))
            }
        }
        return (pages, diagnostics)
    }

    /// Pages by title regardless of case and accents, then by path.
    static func alphabetical(_ pages: [Page]) -> [Page] {
        pages.map { (key: SearchContext.sortKey($0.metadata.title), page: $0) }
            .sorted { ($0.key, $0.page.path) < ($1.key, $1.page.path) }
            .map(\.page)
    }

    /// "A–C": the initials of a part's first and last titles.
    static func label(_ chunk: [Page]) -> String {
        let first = chunk.first.map { SearchContext.initial($0.metadata.title) } ?? "#"
        let last = chunk.last.map { SearchContext.initial($0.metadata.title) } ?? first
        return first == last ? first : "\(first)–\(last)"
    }

    static func page(_ part: SearchListPart, language: String, title: String) -> Page {
        let key = TranslationKey.searchPage(part: part.number)
        var metadata = PageMetadata(title: title, linkTitle: nil, description: nil, slug: nil,
                                    translationKey: key.description, weight: nil, draft: false, layout: layout, params: [:])
        metadata.hasDecision = false
        let file = part.number == 1 ? "search/index.md" : "search/page/\(part.number)/index.md"
        var page = Page(language: language, contentLanguage: language, sourcePath: SiteLayout.configFile,
                        relativePath: file, translationKey: key,
                        metadata: metadata, body: MarkdownBody(SourceText("", path: SiteLayout.configFile)), path: part.parts[part.number - 1].path)
        page.generated = .searchPage(part)
        return page
    }
}
