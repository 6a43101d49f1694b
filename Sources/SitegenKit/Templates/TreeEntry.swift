import SitegenMustache
/// One entry of the section tree as templates see it (`sections`,
/// `section`, `breadcrumbs`, `previous`, `next`, `up`, `children`): its
/// fields are made when a template reads them. A sidebar shows a hundred
/// entries on every page, and most templates read three of their fields;
/// building each as a dictionary took a sixth of a deep site's build.
final class TreeEntry: TemplateLookup {
    /// What a page's entries share.
    final class Source {
        let tree: SectionTree
        let link: (SitePath) -> String
        /// `dir` by language code.
        let directions: [String: String]
        /// Where link-only entries with a `.md` target lead.
        let linkOnlyTargets: [SitePath: LinkOnlyTargets.Target]

        init(tree: SectionTree, link: @escaping (SitePath) -> String, languages: [Language],
             linkOnlyTargets: [SitePath: LinkOnlyTargets.Target] = [:]) {
            self.tree = tree
            self.link = link
            directions = Dictionary(uniqueKeysWithValues: languages.map { ($0.code, $0.direction.rawValue) })
            self.linkOnlyTargets = linkOnlyTargets
        }

        /// A link-only entry's target (a page's URL for a `.md` target), else the page's URL.
        func url(of page: Page) -> String {
            guard let target = page.metadata.linkTarget else { return link(page.path) }
            guard let page = linkOnlyTargets[page.path] else { return target }
            return link(page.path) + (page.fragment.map { "#" + $0 } ?? "")
        }
    }

    let source: Source
    let index: Int
    private let page: Page
    private let isSection: Bool
    var isCurrent: Bool
    /// Set where the template may ask for them (the sidebar's entries).
    var isAncestor: Bool?
    var children: [TemplateData]?
    var isTruncated: Bool?
    /// Fields that differ from the node's (a breadcrumb for a step or a list page).
    var overrides: [String: TemplateData] = [:]

    init(_ source: Source, _ index: Int, isCurrent: Bool) {
        self.source = source
        self.index = index
        self.isCurrent = isCurrent
        page = source.tree.nodes[index].page
        isSection = source.tree.nodes[index].isSection
    }

    func value(forKey key: String) -> TemplateData? {
        if !overrides.isEmpty, let value = overrides[key] { return value }
        switch key {
        case "title": return .text(page.metadata.linkTitle ?? page.metadata.title)
        case "url": return .text(source.url(of: page))
        case "description": return page.metadata.description.map(TemplateData.text)
        case "isSection": return .bool(isSection)
        case "isHome": return .bool(page.isHome)
        case "isFallback": return .bool(page.isFallback)
        case "lang": return .text(page.contentLanguage)
        case "dir": return .text(source.directions[page.contentLanguage] ?? "ltr")
        case "isCurrent": return .bool(isCurrent)
        case "isAncestor": return isAncestor.map(TemplateData.bool)
        case "children": return children.map(TemplateData.list)
        case "hasChildren": return children.map { .bool(!$0.isEmpty) }
        case "isTruncated": return isTruncated.map(TemplateData.bool)
        default: return nil
        }
    }

    func contains(_ key: String) -> Bool {
        if !overrides.isEmpty, overrides[key] != nil { return true }
        switch key {
        case "title", "url", "isSection", "isHome", "isFallback", "lang", "dir", "isCurrent": return true
        case "description": return page.metadata.description != nil
        case "isAncestor": return isAncestor != nil
        case "children", "hasChildren": return children != nil
        case "isTruncated": return isTruncated != nil
        default: return false
        }
    }
}
