/// Where a page of the site's one page list comes from. Every kind of page
/// is made while the site is resolved (`SiteResolver.resolve`), before the
/// list is sorted and before collisions and aliases are checked, so every
/// check sees every page and names each party the same way.
/// (Redirects at a page's former URLs are not pages: `Site.redirects`.)
package enum PageOrigin: Sendable, Hashable {
    /// A Markdown file of its language folder (a decision helper's start page is one).
    case written
    /// Built from the default language's file, which this language lacks.
    case translationFallback
    /// The section page of a folder without `index.md` (`SectionTree`).
    case generatedSection
    /// Page `number` (2 or more) of a long section list (`SiteNavigation`).
    case listPage(number: Int)
    /// A question or an outcome of a decision helper (`DecisionResolver`).
    case decisionStep
    /// The language's search page, with `search: true` (`SearchPages`).
    case searchPage
}

extension Page {
    package var origin: PageOrigin {
        switch generated {
        case .sectionPage: return .generatedSection
        case .listPage(let number, _): return .listPage(number: number)
        case .searchPage: return .searchPage
        case nil: break
        }
        if decision?.isStep == true { return .decisionStep }
        return isFallback ? .translationFallback : .written
    }

    /// The page as a message names it: its file, and what sitegen made of it
    /// when it is not simply that file's page.
    var party: String {
        switch origin {
        case .written: sourcePath
        case .translationFallback: "\(sourcePath) (built in '\(language)')"
        case .generatedSection: "the section page sitegen makes for the folder \(sourcePath) (it has no index.md)"
        case .listPage(let number): "page \(number) of the list of \(sourcePath)"
        case .decisionStep: "a step of the decision helper of \(sourcePath)"
        case .searchPage: "the search page of '\(language)' (search: true in \(sourcePath))"
        }
    }
}
