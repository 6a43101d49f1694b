/// Pages found by name, as Hugo's `ref` and `relref` find them when their
/// path leads nowhere from the page: `{{< ref "install" >}}` is the one page
/// of the language whose file is `install.md` (or whose folder is `install/`,
/// with `index.md`, `_index.md` or `README.md`) anywhere in its tree;
/// `"setup/install.md"` one whose path ends so. Two such pages are an
/// ambiguity the author settles by writing more of the path. Built once per
/// language, by the last part of each page's path.
struct PageNames: Sendable {
    enum Match: Equatable {
        case one(relativePath: String)
        case several([String])
        case none
    }

    /// Relative paths of the language's written pages, by the last part of their name.
    private var byLastPart: [String: [(name: String, relativePath: String)]] = [:]

    init(_ pages: [Page]) {
        for page in pages where !page.isFallback && page.kind.isWritten {
            let name = PageNames.name(page.relativePath)
            guard !name.isEmpty else { continue }
            byLastPart[PageNames.lastPart(name), default: []].append((name, page.relativePath))
        }
    }

    /// The page a ref's path (decoded, no fragment) names.
    func find(_ target: String) -> Match {
        var wanted = Substring(target)
        while wanted.hasPrefix("./") { wanted = wanted.dropFirst(2) }
        let name = PageNames.name(String(wanted))
        guard !name.isEmpty, !name.contains(".."), let candidates = byLastPart[PageNames.lastPart(name)] else { return .none }
        let matches = candidates.filter { $0.name == name || $0.name.hasSuffix("/" + name) }.map(\.relativePath).sorted()
        switch matches.count {
        case 0: return .none
        case 1: return .one(relativePath: matches[0])
        default: return .several(matches)
        }
    }

    /// `guide/install.md` -> `guide/install`; a folder's page (`guide/index.md`) -> `guide`.
    private static func name(_ path: String) -> String {
        var name = Substring(path)
        while name.hasSuffix("/") { name = name.dropLast() }
        if name.hasSuffix(".md") { name = name.dropLast(3) }
        for index in ["index", "_index", "README"] where name == index || name.hasSuffix("/" + index) {
            name = name.dropLast(index.count)
            while name.hasSuffix("/") { name = name.dropLast() }
        }
        return String(name)
    }

    private static func lastPart(_ name: String) -> String {
        String(name.split(separator: "/").last ?? "")
    }
}
