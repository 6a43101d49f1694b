/// One page's share of a language's A–Z list of pages, which the search
/// pages show to readers without JavaScript (`search: true`). A long list is
/// cut into parts of at most `SearchPages.partSize` pages, each on a page
/// of its own, so no page grows with the site; every part links to all of
/// them by the initials they span ("A–C", "D").
package struct SearchListPart: Sendable, Hashable {
    /// 1 for the search page itself.
    package var number: Int
    /// The pages this part lists, in the list's order.
    package var pages: [SitePath]
    /// Every part of the language's list, in order.
    package var parts: [Label]

    package struct Label: Sendable, Hashable {
        /// The initials of the part's first and last titles: "A–C", or "D".
        package var text: String
        package var path: SitePath
    }
}
