/// A page sitegen makes itself rather than reads from a file.
package enum GeneratedPage: Sendable, Hashable {
    /// The section page of a folder that has no `index.md`: titled from the
    /// folder's name, listing what is in it.
    case sectionPage
    /// Page `number` (2 or more) of a section page's list of children, at
    /// `<section>/page/<number>/`.
    case listPage(number: Int, section: SitePath)
    /// The language's search page (`search: true`), at `<language>/search/`,
    /// and the further parts of a long A–Z list, at
    /// `<language>/search/page/<number>/`.
    case searchPage(SearchListPart)

    /// The part of the A–Z list a search page shows.
    package var searchPart: SearchListPart? {
        if case .searchPage(let part) = self { return part }
        return nil
    }

    package var listPageNumber: Int? {
        if case .listPage(let number, _) = self { return number }
        return nil
    }
}
