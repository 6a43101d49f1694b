import Foundation
import SitegenMustache

/// Template values for search (`search: true`): where a page's search
/// field sends its query, whether Pagefind indexes a page, and the search
/// page's A–Z list of the language's pages, which it shows to readers
/// without JavaScript or on `file://` (where the index cannot be fetched).
///
/// The A–Z list grows with the site (10,000 pages: about 1 MB of HTML), so
/// it is made only for the search page, and only when its template asks.
struct SearchContext {
    let site: Site

    /// The language's search page, linked from `path`; nil without `search: true`.
    func searchURL(language: String, from path: SitePath, fileLinks: Bool, absoluteBase: String?) -> TemplateData? {
        guard site.config.search, let page = site.page(SearchPages.translationKey, in: language) else { return nil }
        return .text(absoluteBase.map { $0 + page.path.urlPath } ?? page.path.relative(from: path, fileLinks: fileLinks))
    }

    /// Whether Pagefind indexes the page: pages written in this language (a
    /// decision helper's start page is one). Not its questions and
    /// outcomes: an outcome page exists once per path of answers to it (the
    /// shipped helper has a dozen "Guide A suits you"), and the start page
    /// leads to them. Not generated lists or the search page, and not
    /// fallback pages: their text is the original's, indexed once, in its
    /// own language, at the original's address.
    static func isIndexed(_ page: Page) -> Bool {
        page.isWritten
    }

    /// The pages a reader may look for, as `[{letter, pages: [{title, url,
    /// isFallback, lang, dir}]}]`, by title regardless of case and accents.
    func alphabeticalList(language: String, from path: SitePath, link: (SitePath) -> String) -> TemplateData {
        let pages = site.pages(in: language).filter { $0.kind == .written }
        let keyed = pages.map { (key: Self.sortKey($0.metadata.title), page: $0) }
            .sorted { ($0.key, $0.page.path) < ($1.key, $1.page.path) }
        var groups: [(letter: String, pages: [TemplateData])] = []
        for (key, page) in keyed {
            let letter = key.first.map { $0.isLetter ? String($0).uppercased() : "#" } ?? "#"
            if groups.last?.letter != letter { groups.append((letter, [])) }
            let direction = site.config.language(page.contentLanguage)?.direction.rawValue ?? "ltr"
            groups[groups.count - 1].pages.append([
                "title": .text(page.metadata.title), "url": .text(link(page.path)), "isFallback": .bool(page.isFallback),
                "lang": .text(page.contentLanguage), "dir": .text(direction),
            ])
        }
        return .list(groups.map { ["letter": .text($0.letter), "pages": .list($0.pages)] })
    }

    /// Case and accents do not change a title's place: "Één" sorts with "E".
    static func sortKey(_ title: String) -> String {
        title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
