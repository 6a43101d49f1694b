import Foundation
import SitegenSupport

/// One language's pages as a tree of sections, built once per build.
///
/// Every folder of the language folder is a section; its `index.md` is the
/// section page (the home page for the language folder itself). A folder
/// without one gets a generated section page titled from the folder's name
/// (`getting-started` becomes "Getting started"), so every breadcrumb and
/// every `up` link has a page to go to. Children are ordered by `weight`,
/// then title in the language's collation, then path. Decision helper
/// steps and the further pages of long lists are not in the tree; drafts
/// and omitted translations are not in the site at all.
package struct SectionTree: Sendable {
    package struct Node: Sendable {
        package var page: Page
        /// Index of the section it is in (nil for the root, the home page).
        package var parent: Int?
        /// Its pages and sub-sections in order (empty unless a section).
        package var children: [Int] = []
        package var isSection: Bool
        /// 0 for the root.
        package var depth = 0
        /// Its place in `readingOrder`.
        package var readingIndex = 0
        /// Its place among its parent's children.
        package var position = 0

        /// `linkTitle`, or the title when there is none.
        package var label: String { page.metadata.linkTitle ?? page.metadata.title }
    }

    /// The root (the home page) is node 0 when there are any.
    package private(set) var nodes: [Node] = []
    /// Depth first, a section before its children: previous and next.
    package private(set) var readingOrder: [Int] = []
    /// Whether any section is below the root (a site of one folder has none).
    package private(set) var hasSubsections = false
    private var nodeByPath: [SitePath: Int] = [:]

    package var root: Int? { nodes.isEmpty ? nil : 0 }

    /// The node of the page at `path` (nil for pages outside the tree).
    package func node(at path: SitePath) -> Int? { nodeByPath[path] }

    /// The nodes from the root down to `node`, both included.
    package func ancestry(of node: Int) -> [Int] {
        var chain = [node]
        while let parent = nodes[chain[chain.count - 1]].parent { chain.append(parent) }
        return chain.reversed()
    }

    /// Builds the tree of `language` from the site's pages (other languages'
    /// pages are skipped) and returns the section pages it had to generate.
    static func build(language: Language, pages: [Page]) -> (tree: SectionTree, generated: [Page]) {
        var grouped = GroupedPages(language: language.code, pages: pages)
        let folders = grouped.folders()
        let generated = grouped.completeSectionPages(folders: folders, language: language)
        var tree = SectionTree()
        tree.addNodes(grouped, folders: folders)
        tree.orderChildren(locale: Locale(identifier: language.code))
        tree.walk()
        return (tree, generated)
    }

    /// The same tree of other values of its pages (`Site.takeBodies`).
    mutating func replacePages(_ replacement: (Page) -> Page) {
        for index in nodes.indices { nodes[index].page = replacement(nodes[index].page) }
    }

    /// One language's tree pages by folder ("" is the language folder).
    private struct GroupedPages {
        let language: String
        var sectionPages: [String: Page] = [:]
        var leaves: [String: [Page]] = [:]
        var leafByPath: [SitePath: Page] = [:]
        /// Leaves that became their folder's section page.
        var taken: Set<SitePath> = []

        init(language: String, pages: [Page]) {
            self.language = language
            for page in pages where page.language == language && page.decision?.isStep != true
                && page.generated?.listPageNumber == nil && page.generated?.searchPart == nil {
                let (folder, file) = SectionTree.split(page.relativePath)
                if file == "index.md" && sectionPages[folder] == nil {
                    sectionPages[folder] = page
                } else {
                    leaves[folder, default: []].append(page)
                    leafByPath[page.path] = page
                }
            }
        }

        /// Every folder that holds a page, and every folder above one, sorted.
        func folders() -> [String] {
            var folders: Set<String> = [""]
            for folder in Array(sectionPages.keys) + Array(leaves.keys) {
                var current = folder
                while !current.isEmpty, folders.insert(current).inserted {
                    current = SectionTree.split(current).folder
                }
            }
            return folders.sorted()
        }

        /// Gives every folder a section page: `guides.md` beside a folder
        /// `guides/` takes its URL and becomes it; otherwise one is generated.
        mutating func completeSectionPages(folders: [String], language: Language) -> [Page] {
            var generated: [Page] = []
            for folder in folders where sectionPages[folder] == nil {
                let path = SitePath(self.language + "/" + (folder.isEmpty ? "" : folder + "/"))
                if let page = leafByPath[path] {
                    sectionPages[folder] = page
                    taken.insert(path)
                } else {
                    let page = Self.generatedSectionPage(folder: folder, path: path, language: language)
                    sectionPages[folder] = page
                    generated.append(page)
                }
            }
            return generated
        }

        private static func generatedSectionPage(folder: String, path: SitePath, language: Language) -> Page {
            let code = language.code
            let title = folder.isEmpty ? language.siteTitle : SectionTree.title(fromFolderName: String(SectionTree.split(folder).file))
            var metadata = PageMetadata(title: title, linkTitle: nil, description: nil, slug: nil,
                                        translationKey: nil, weight: nil, draft: false, layout: nil, params: [:])
            metadata.hasDecision = false
            let source = SiteLayout.content(language: code) + (folder.isEmpty ? "" : folder + "/")
            var page = Page(language: code, contentLanguage: code, sourcePath: source,
                            relativePath: folder.isEmpty ? "index.md" : folder + "/index.md",
                            translationKey: folder.isEmpty ? .home : .page(folder + "/index"),
                            metadata: metadata, body: MarkdownBody(SourceText("", path: source)), path: path)
            page.generated = .sectionPage
            return page
        }
    }

    /// Nodes: sections first by folder, then the pages in them.
    private mutating func addNodes(_ grouped: GroupedPages, folders: [String]) {
        var folderNode: [String: Int] = [:]
        for folder in folders {
            folderNode[folder] = nodes.count
            nodes.append(Node(page: grouped.sectionPages[folder]!, isSection: true))
        }
        for folder in folders where !folder.isEmpty {
            nodes[folderNode[Self.split(folder).folder]!].children.append(folderNode[folder]!)
            hasSubsections = true
        }
        for (folder, pages) in grouped.leaves {
            for page in pages where !grouped.taken.contains(page.path) {
                nodes[folderNode[folder]!].children.append(nodes.count)
                nodes.append(Node(page: page, isSection: false))
            }
        }
    }

    private mutating func orderChildren(locale: Locale) {
        let keys = nodes.map { (weight: $0.page.metadata.weight ?? Int.max, title: $0.page.metadata.title, path: $0.page.path) }
        for index in nodes.indices where nodes[index].children.count > 1 {
            nodes[index].children.sort { Self.precedes(keys[$0], keys[$1], locale: locale) }
        }
    }

    /// Walks the tree once, depth first: reading order, parents, depths, positions.
    private mutating func walk() {
        var stack = [0]
        readingOrder.reserveCapacity(nodes.count)
        while let index = stack.popLast() {
            nodes[index].readingIndex = readingOrder.count
            readingOrder.append(index)
            nodeByPath[nodes[index].page.path] = index
            let children = nodes[index].children
            for (position, child) in children.enumerated() {
                nodes[child].parent = index
                nodes[child].depth = nodes[index].depth + 1
                nodes[child].position = position
            }
            stack.append(contentsOf: children.reversed())
        }
    }

    /// Whether `a` comes before `b` among a section's children: lower
    /// `weight` first (no weight last), then title in the language's
    /// collation (case and accents second to letters, numbers by value),
    /// then path, so the order is total.
    static func precedes(_ a: (weight: Int, title: String, path: SitePath), _ b: (weight: Int, title: String, path: SitePath),
                         locale: Locale) -> Bool {
        if a.weight != b.weight { return a.weight < b.weight }
        if a.title != b.title {
            switch a.title.compare(b.title, options: [.caseInsensitive, .numeric], range: nil, locale: locale) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame: break
            }
        }
        return a.path < b.path
    }

    /// "getting-started" -> "Getting started".
    static func title(fromFolderName name: String) -> String {
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// "a/b/c.md" -> ("a/b", "c.md"); "c.md" -> ("", "c.md").
    private static func split(_ path: String) -> (folder: String, file: Substring) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path[...]) }
        return (String(path[..<slash]), path[path.index(after: slash)...])
    }
}
