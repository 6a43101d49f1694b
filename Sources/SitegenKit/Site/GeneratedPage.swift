/// A page sitegen makes itself rather than reads from a file.
package enum GeneratedPage: Sendable, Hashable {
    /// The section page of a folder that has no `index.md`: titled from the
    /// folder's name, listing what is in it.
    case sectionPage
    /// Page `number` (2 or more) of a section page's list of children, at
    /// `<section>/page/<number>/`.
    case listPage(number: Int, section: SitePath)
    /// The language's search page (`search: true`), at `<language>/search/`.
    case searchPage

    package var listPageNumber: Int? {
        if case .listPage(let number, _) = self { return number }
        return nil
    }
}
