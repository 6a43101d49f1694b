/// Which file is a folder's own page. `index.md` is; so is Hugo's
/// `_index.md`, and GitHub's and MkDocs' `README.md` when the folder has
/// neither. The file chosen is read as if it were `index.md` (its URL,
/// translation key and place in the section tree are the folder's); its
/// messages still name the file as written.
package enum FolderPageName {
    /// The names a folder's page may have, the preferred first.
    package static let names = ["index.md", "_index.md", "README.md"]

    /// For each of `paths` (in a language folder, `/` separators), the path
    /// it is read as: the chosen folder page becomes `<folder>/index.md`, a
    /// `README.md` beside an index page stays a page of its own. A folder
    /// with both `index.md` and `_index.md` has two folder pages, which the
    /// build reports.
    package static func readAs(_ paths: [String]) -> [String: String] {
        var byFolder: [Substring: Set<Substring>] = [:]
        for path in paths {
            let (folder, name) = split(path)
            if names.contains(String(name)) { byFolder[folder, default: []].insert(name) }
        }
        var readAs: [String: String] = [:]
        for path in paths {
            let (folder, name) = split(path)
            guard let present = byFolder[folder], name != "index.md", names.contains(String(name)) else { continue }
            // `_index.md` beside `index.md` is read as it too, to be reported.
            let isChosen = name == "_index.md" || !present.contains("index.md") && !present.contains("_index.md")
            if isChosen { readAs[path] = folder.isEmpty ? "index.md" : folder + "/index.md" }
        }
        return readAs
    }

    /// "a/b/c.md" -> ("a/b", "c.md").
    private static func split(_ path: String) -> (folder: Substring, name: Substring) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path[...]) }
        return (path[..<slash], path[path.index(after: slash)...])
    }
}
