import SitegenMustache
/// A page's place in its language's section tree, as template values:
/// `sections`, `section`, `breadcrumbs`, `previous`, `next`, `up`,
/// `children`, `hasChildren`, `pagination`, `hasSectionTree` and `navigationTruncated`
/// (declared in `TemplateContextKind`). Each is made only when a template reads
/// it, and holds only the page's ancestors, the siblings around it (at most
/// `navigationLimit` per list) and its children (at most `pagination`), so
/// a page's navigation never grows with the site.
struct NavigationContext {
    let site: Site
    let page: Page
    let link: (SitePath) -> String
    let tree: SectionTree?
    /// The page's node; for a further list page its section's, for a
    /// decision helper's step its start page's.
    let node: Int?
    /// 1 for a section page, 2... for its further list pages.
    let listNumber: Int
    /// The page is a decision helper's step, below `node`.
    let isStep: Bool
    private let source: TreeEntry.Source?

    init(site: Site, page: Page, link: @escaping (SitePath) -> String) {
        self.site = site
        self.page = page
        self.link = link
        let tree = site.sectionTree(of: page.language)
        self.tree = tree
        isStep = page.decision?.isStep == true
        if case .listPage(let number, let section) = page.generated {
            node = tree?.node(at: section)
            listNumber = number
        } else {
            node = tree?.node(at: isStep ? page.decision!.startPath : page.path)
            listNumber = 1
        }
        source = tree.map { TreeEntry.Source(tree: $0, link: link, languages: site.config.languages, linkOnlyTargets: site.linkOnlyTargets) }
    }

    /// Whether the language has sections below the top level.
    func hasSectionTree() -> TemplateData { .bool(tree?.hasSubsections ?? false) }

    /// Whether the language has more top-level entries than `navigation` holds.
    func navigationTruncated() -> TemplateData { .bool(site.navigation.headerIsTruncated[page.language] ?? false) }

    /// The fields every entry has: `title` (`linkTitle` when set), `url`,
    /// `description`, `isSection`, `isFallback` with `lang` and `dir` (the
    /// language of its title), `isCurrent`.
    private func entry(_ index: Int) -> TreeEntry {
        TreeEntry(source!, index, isCurrent: index == node && !isStep)
    }

    /// At most `navigationLimit` of a section's children: all of them, or a
    /// window around `focus` (the child on the way to the page).
    private func window(_ children: [Int], around focus: Int?) -> (slice: ArraySlice<Int>, isTruncated: Bool) {
        let limit = site.config.navigationLimit
        guard children.count > limit else { return (children[...], false) }
        let position = focus.map { tree!.nodes[$0].position } ?? 0
        let start = min(max(position - limit / 2, 0), children.count - limit)
        return (children[start..<start + limit], true)
    }

    /// How many levels of the page's path the sidebar opens, and how many
    /// ancestors the breadcrumbs name (the home page and the nearest ones).
    /// Deeper trees build, each page carrying a bounded trail: a tree 1,000
    /// folders deep put 1,000 nested lists on every page (quadratic output)
    /// and overflowed a rendering thread's stack.
    static let sidebarDepth = 12
    static let breadcrumbCount = 12

    /// The section tree for a sidebar: the top-level entries, with
    /// `children` (`hasChildren`, `isTruncated`) only on the way to the page
    /// and under the page itself; `isAncestor` on the entries it is below.
    func sections() -> TemplateData {
        // The search page is in no section: it shows the top level, for
        // readers who cannot search (no JavaScript, `file://`) to browse.
        guard let tree, let root = tree.root, node != nil || page.generated?.searchPart != nil else { return .list([]) }
        let path = node.map { tree.ancestry(of: $0) } ?? [root]
        let onPath = Set(path)
        func level(_ parent: Int, depth: Int) -> (entries: [TemplateData], isTruncated: Bool) {
            let children = tree.nodes[parent].children
            // Below the page: from the first child its list page shows.
            let listStart = (listNumber - 1) * site.config.pagination
            let focus = depth + 1 < path.count ? path[depth + 1]
                : listStart > 0 && listStart < children.count ? children[min(listStart + site.config.navigationLimit / 2, children.count - 1)] : nil
            let (slice, isTruncated) = window(children, around: focus)
            return (slice.map { child in
                let value = entry(child)
                value.isAncestor = onPath.contains(child) && (child != node || isStep)
                let opens = onPath.contains(child) && tree.nodes[child].isSection && depth + 1 < Self.sidebarDepth
                let sub: (entries: [TemplateData], isTruncated: Bool) = opens ? level(child, depth: depth + 1) : ([], false)
                value.children = sub.entries
                value.isTruncated = sub.isTruncated
                return .lookup(value)
            }, isTruncated)
        }
        var top = level(root, depth: 0).entries
        insertExternalLinks(into: &top, children: tree.nodes[root].children)
        return .list(top)
    }

    /// The external links of `nav:` (`- Blog: https://...`) among the
    /// top-level entries, each before the first page `nav:` lists after it
    /// (or does not list). `isExternal` marks them.
    private func insertExternalLinks(into entries: inout [TemplateData], children: [Int]) {
        guard let links = site.config.nav?.externalLinks, !links.isEmpty, let tree,
              entries.count == children.count else { return }
        var merged: [TemplateData] = []
        var pending = links[...]
        for (child, value) in zip(children, entries) {
            let weight = tree.nodes[child].page.metadata.weight
            while let link = pending.first, weight.map({ $0 > link.pagesBefore }) ?? true {
                merged.append(Self.externalEntry(link))
                pending = pending.dropFirst()
            }
            merged.append(value)
        }
        entries = merged + pending.map(Self.externalEntry)
    }

    static func externalEntry(_ link: NavOrder.ExternalLink) -> TemplateData {
        ["title": .text(link.title), "url": .text(link.url), "isExternal": true, "isSection": false, "isCurrent": false,
         "isFallback": false, "isAncestor": false, "hasChildren": false]
    }

    /// The section the page is in (the page itself when it is a section
    /// page), with its `children` around the page: a phone's "contents of
    /// this section".
    func section() -> TemplateData {
        guard let tree, let node else { return .bool(false) }
        let current = tree.nodes[node].isSection ? node : (tree.nodes[node].parent ?? node)
        let value = entry(current)
        let (slice, isTruncated) = window(tree.nodes[current].children, around: current == node ? nil : node)
        value.children = slice.map { .lookup(entry($0)) }
        value.isTruncated = isTruncated
        return .lookup(value)
    }

    /// From the language's home page to this page; the last is `isCurrent`.
    /// A further list page ends in an entry with its `pageNumber`; a
    /// decision helper's step in the step.
    func breadcrumbs() -> TemplateData {
        guard let tree, let node else { return .list([]) }
        var ancestry = tree.ancestry(of: node)
        if ancestry.count > Self.breadcrumbCount {
            ancestry = [ancestry[0]] + ancestry.suffix(Self.breadcrumbCount - 1)
        }
        var crumbs = ancestry.map { index in
            let value = entry(index)
            value.isCurrent = index == node && !isStep && listNumber == 1
            return value
        }
        if isStep || listNumber > 1 {
            let value = entry(node)
            value.overrides = ["title": .text(page.metadata.linkTitle ?? page.metadata.title), "url": .text(link(page.path)),
                               "isSection": false]
            value.isCurrent = true
            if listNumber > 1 { value.overrides["pageNumber"] = .int(listNumber) }
            crumbs.append(value)
        }
        return .list(crumbs.map(TemplateData.lookup))
    }

    /// The page before or after this one in reading order (false at the ends,
    /// and on a decision helper's steps, which have their own way through).
    func neighbour(_ step: Int) -> TemplateData {
        guard let tree, let node, !isStep else { return .bool(false) }
        let position = tree.nodes[node].readingIndex + step
        guard tree.readingOrder.indices.contains(position) else { return .bool(false) }
        let value = entry(tree.readingOrder[position])
        value.isCurrent = false
        return .lookup(value)
    }

    /// The section page above this page (for a step, the helper's start page).
    func up() -> TemplateData {
        guard let tree, let node else { return .bool(false) }
        if isStep { return .lookup(entry(node)) }
        guard let parent = tree.nodes[node].parent else { return .bool(false) }
        return .lookup(entry(parent))
    }

    /// On a section page, its pages and sub-sections in order: this list
    /// page's share of them.
    func children() -> TemplateData {
        guard let range = childRange, let tree, let node else { return .list([]) }
        return .list(tree.nodes[node].children[range].map { .lookup(entry($0)) })
    }

    /// Whether `children` holds anything.
    func hasChildren() -> TemplateData { .bool(childRange.map { !$0.isEmpty } ?? false) }

    /// Which of the section's children this list page shows (nil: not a section page).
    private var childRange: Range<Int>? {
        guard let tree, let node, !isStep, tree.nodes[node].isSection else { return nil }
        let count = tree.nodes[node].children.count
        let start = min((listNumber - 1) * site.config.pagination, count)
        return start..<min(start + site.config.pagination, count)
    }

    /// On a section page with more than `pagination` children: `number`,
    /// `count`, `isFirst`, `previous` and `next` (`url`, `number`), and
    /// `pages` (`number`, `url`, `isCurrent`, `isAfterGap`): the first and
    /// last list pages and the two on either side of this one
    /// (`pageWindow`), as Hugo's and MkDocs Material's pagination show them.
    /// Every number on every list page made each list page carry a link per
    /// hundred pages of the folder: 100 on each of 100 list pages at 10,000
    /// pages, 1,000 on each of 1,000 at 100,000. False elsewhere.
    func pagination() -> TemplateData {
        guard let tree, let node, !isStep, tree.nodes[node].isSection else { return .bool(false) }
        let section = tree.nodes[node].page
        let count = SiteNavigation.listPageCount(children: tree.nodes[node].children.count, pagination: site.config.pagination)
        // A list page whose path a real page took is not there (see SiteNavigation).
        let numbers = (1...count).prefix { $0 == 1 || site.page(.listPage(section: section.translationKey, number: $0), in: section.language) != nil }
        guard numbers.count > 1 else { return .bool(false) }
        func url(_ number: Int) -> TemplateData {
            .text(link(number == 1 ? section.path : SitePath(section.path.value + "page/\(number)/")))
        }
        var values: [String: TemplateData] = [
            "number": .int(listNumber), "count": .int(numbers.count), "isFirst": .bool(listNumber == 1),
            "pages": .list(Self.pageWindow(current: listNumber, count: numbers.count).map {
                ["number": .int($0.number), "url": url($0.number), "isCurrent": .bool($0.number == listNumber), "isAfterGap": .bool($0.isAfterGap)]
            }),
        ]
        // Always there, so that inside `{{#pagination}}` a template never
        // reaches the page's own `previous` and `next`.
        values["previous"] = listNumber > 1 ? ["number": .int(listNumber - 1), "url": url(listNumber - 1)] : false
        values["next"] = listNumber < numbers.count ? ["number": .int(listNumber + 1), "url": url(listNumber + 1)] : false
        return .object(values)
    }

    /// The list page numbers a list page links: all of up to seven, else
    /// the first, the last, and `current` with two on either side; a
    /// number after a left-out one is `isAfterGap`. At most seven, however
    /// long the list.
    static func pageWindow(current: Int, count: Int) -> [(number: Int, isAfterGap: Bool)] {
        let shown = count <= 7 ? Array(1...count)
            : ([1, count] + Array(max(1, current - 2)...min(count, current + 2))).reduce(into: Set<Int>()) { $0.insert($1) }.sorted()
        return shown.enumerated().map { index, number in (number, index > 0 && shown[index - 1] != number - 1) }
    }
}
