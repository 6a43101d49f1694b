/// What pairs a page with its translations: pages of different languages
/// with equal keys translate each other (the language switcher, fallback
/// pages, links followed into the reader's language, the translation report).
///
/// A written page's key is its front matter's `translationKey`, or its path
/// in the language folder without `.md`. The pages sitegen makes from it
/// have keys of their own kinds, so no key an author writes can be taken for
/// one of them (a page with `translationKey: guides?page=2` is not page 2 of
/// the list of `guides`).
package enum TranslationKey: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The page of a Markdown file, or the section page sitegen makes for a
    /// folder without `index.md` (the key that `index.md` would have).
    case page(String)
    /// Page `number` (2 or more) of the list of the section page keyed `section`.
    indirect case listPage(section: TranslationKey, number: Int)
    /// A question or an outcome of the decision helper whose start page is
    /// keyed `helper`: the step at `folder` below the start page.
    indirect case decisionStep(helper: TranslationKey, folder: String)
    /// Part `number` of the language's search page (1 is the search page).
    case searchPage(part: Int)

    /// Every language's home page (`index.md`).
    package static let home = TranslationKey.page("index")

    /// For a further page of a section's list, the section page's key (the
    /// page the language switcher leads to when a language's list is shorter).
    package var section: TranslationKey? {
        if case .listPage(let section, _) = self { return section }
        return nil
    }

    package init(stringLiteral value: String) {
        self = .page(value)
    }

    /// As messages and the incremental build's fingerprints spell it (the
    /// written form of a written page's key).
    package var description: String {
        switch self {
        case .page(let key): key
        case .listPage(let section, let number): "\(section)?page=\(number)"
        case .decisionStep(let helper, let folder): "\(helper)#\(folder)"
        case .searchPage(let part): part == 1 ? "?search" : "?search-\(part)"
        }
    }
}
