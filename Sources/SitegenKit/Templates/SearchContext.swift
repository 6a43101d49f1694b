import Foundation
import SitegenMustache

/// Template values for search (`search: true`): where a page's search
/// field sends its query, whether Pagefind indexes a page, and the search
/// page's A–Z list of the language's pages, which it shows to readers
/// without JavaScript or on `file://` (where the index cannot be fetched).
///
/// The A–Z list grows with the site (10,000 pages: about 1 MB of HTML): it
/// is cut into parts of at most 400 pages (`SearchPages`), and made only
/// for the search pages, and only when their template asks.
struct SearchContext {
    let site: Site

    /// The language's search page, linked from `path`; nil without `search: true`.
    func searchURL(language: String, from path: SitePath, fileLinks: Bool, absoluteBase: String?) -> TemplateData? {
        guard site.config.search, let page = site.page(.searchPage(part: 1), in: language) else { return nil }
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

    /// The pages of one part of the language's A–Z list (`SearchListPart`),
    /// as `[{letter, pages: [{title, url, isFallback, lang, dir}]}]`.
    func alphabeticalList(_ part: SearchListPart, link: (SitePath) -> String) -> TemplateData {
        var groups: [(letter: String, pages: [TemplateData])] = []
        for page in part.pages.compactMap(site.page(at:)) {
            let letter = Self.initial(page.metadata.title)
            if groups.last?.letter != letter { groups.append((letter, [])) }
            let direction = site.config.language(page.contentLanguage)?.direction.rawValue ?? "ltr"
            groups[groups.count - 1].pages.append([
                "title": .text(page.metadata.title), "url": .text(link(page.path)), "isFallback": .bool(page.isFallback),
                "lang": .text(page.contentLanguage), "dir": .text(direction),
            ])
        }
        return .list(groups.map { ["letter": .text($0.letter), "pages": .list($0.pages)] })
    }

    /// The parts of a long A–Z list, `{pages: [{url, label, isCurrent}]}`;
    /// nothing when the list has one part.
    static func parts(of part: SearchListPart, link: (SitePath) -> String) -> TemplateData {
        guard part.parts.count > 1 else { return .list([]) }
        return ["pages": .list(part.parts.enumerated().map { index, label in
            ["url": .text(link(label.path)), "label": .text(label.text), "isCurrent": .bool(index + 1 == part.number)]
        })]
    }

    /// The letter a title is listed under: its first letter without case
    /// or accents, or "#".
    static func initial(_ title: String) -> String {
        sortKey(title).first.map { $0.isLetter ? String($0).uppercased() : "#" } ?? "#"
    }

    /// Case and accents do not change a title's place: "Één" sorts with "E".
    static func sortKey(_ title: String) -> String {
        title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
