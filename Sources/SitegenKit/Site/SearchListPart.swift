/// One page's share of a language's A–Z list of pages, which the search
/// pages show to readers without JavaScript (`search: true`). A long list is
/// cut into parts of at most `SearchPages.partSize` pages, each on a page
/// of its own, so no page grows with the site; every part links to all of
/// them by the initials they span ("A–C", "D").
public struct SearchListPart: Sendable, Hashable {
    /// 1 for the search page itself.
    public var number: Int
    /// The pages this part lists, in the list's order.
    public var pages: [SitePath]
    /// Every part of the language's list, in order.
    public var parts: [Label]

    public struct Label: Sendable, Hashable {
        /// The initials of the part's first and last titles: "A–C", or "D".
        public var text: String
        public var path: SitePath
    }
}
