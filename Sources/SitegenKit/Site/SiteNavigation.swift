import SitegenSupport

/// The navigation of every language: its section tree, the header's
/// top-level entries, and the further pages of long section lists. Built
/// once when the `Site` is made; a page's navigation is then looked up.
struct SiteNavigation: Sendable {
    private(set) var trees: [String: SectionTree] = [:]
    /// The home page and the root's children, at most `navigationLimit` in all.
    private(set) var header: [String: [Page]] = [:]
    /// Whether the root had more children than the header shows.
    private(set) var headerIsTruncated: [String: Bool] = [:]

    /// Builds every language's tree and appends the pages it generates to
    /// `pages` (section pages of folders without `index.md`, and page 2, 3,
    /// ... of every section with more than `pagination` children); the
    /// caller sorts the list (`SiteResolver.sort`). The trees do not depend
    /// on the order of `pages`.
    init(config: SiteConfig, pages: inout [Page]) {
        let languages = config.languages
        let all = pages
        let built = Cores.map(languages, minimumPerCore: 1) { SectionTree.build(language: $0, pages: all) }
        var added: [Page] = []
        var paths = Set(pages.map(\.path))
        for (language, (tree, generated)) in zip(languages, built) {
            trees[language.code] = tree
            added += generated
            paths.formUnion(generated.map(\.path))
            guard let root = tree.root else { continue }
            let rootChildren = tree.nodes[root].children
            header[language.code] = [tree.nodes[root].page] + rootChildren.prefix(max(config.navigationLimit - 1, 0)).map { tree.nodes[$0].page }
            headerIsTruncated[language.code] = rootChildren.count > config.navigationLimit - 1
            for node in tree.nodes where node.isSection && node.children.count > config.pagination {
                for number in 2...Self.listPageCount(children: node.children.count, pagination: config.pagination) {
                    let section = node.page
                    var page = section
                    page.path = SitePath(section.path.value + "page/\(number)/")
                    // A path a real page has keeps it (the list then ends early).
                    guard paths.insert(page.path).inserted else { break }
                    page.translationKey = .listPage(section: section.translationKey, number: number)
                    page.body = SourceText("", path: section.sourcePath)
                    page.decision = nil
                    page.generated = .listPage(number: number, section: section.path)
                    added.append(page)
                }
            }
        }
        pages += added
    }

    /// The same navigation of other values of its pages (`Site.takeBodies`).
    mutating func replacePages(_ replacement: (Page) -> Page) {
        for language in trees.keys { trees[language]!.replacePages(replacement) }
        header = header.mapValues { $0.map(replacement) }
    }

    /// How many pages a section's list of children takes (at least 1).
    static func listPageCount(children: Int, pagination: Int) -> Int {
        max(1, (children + pagination - 1) / pagination)
    }
}
