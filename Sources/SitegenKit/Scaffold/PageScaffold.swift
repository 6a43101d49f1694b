/// What `sitegen new content/<lang>/path/name.md` writes: a page whose
/// front matter has its title (from the file name unless given), and with
/// translations, each translation's stub at the same path in its language
/// folder. Original and stubs share a `translationKey` (the path without
/// `.md`), and each stub records the original it matches (`translationOf`,
/// of the original's body as written: empty), so `sitegen translations`
/// lists it at once, and as outdated as soon as the original gets text.
package enum PageScaffold {
    /// A page path inside the site: `content/<language>/<path>.md`.
    package struct Target: Sendable, Hashable {
        package var language: String
        /// Inside the language folder: `handleidingen/c.md`.
        package var relativePath: String

        package var sitePath: String { SiteLayout.content(language: language, relativePath) }

        /// Nil, with the reason, when `path` is not a page path.
        package static func parse(_ path: String) -> Result<Target, PageScaffoldError> {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 3, parts[0] == SiteLayout.contentFolder, path.hasSuffix(".md") else {
                return .failure(PageScaffoldError("'\(path)' is not a page path; give content/<language>/<name>.md, relative to the site folder"))
            }
            guard !parts.dropFirst().contains(where: { $0.isEmpty || $0 == "." || $0 == ".." || $0.hasPrefix("_") || $0.hasPrefix(".") }) else {
                return .failure(PageScaffoldError("'\(path)': a page path has no empty, '.' or '..' parts, and no names starting with '_' or '.' (those are not published)"))
            }
            return .success(Target(language: parts[1], relativePath: parts.dropFirst(2).joined(separator: "/")))
        }
    }

    /// The title a page gets from its file name: `getting-started.md` ->
    /// "Getting started".
    package static func title(fromFileName relativePath: String) -> String {
        let name = relativePath.split(separator: "/").last.map { String($0.dropLast(".md".count)) } ?? relativePath
        return name == "index" ? title(fromFileName: parentFolder(of: relativePath) + ".md") : SectionTree.title(fromFolderName: name)
    }

    private static func parentFolder(of relativePath: String) -> String {
        let folders = relativePath.split(separator: "/").dropLast()
        return folders.last.map(String.init) ?? "home"
    }

    /// The page, then a stub per language in `translations`.
    package static func files(_ target: Target, title: String?, translations: [String]) -> [ScaffoldFile] {
        let title = title ?? Self.title(fromFileName: target.relativePath)
        let key = String(target.relativePath.dropLast(".md".count))
        var fields = [("title", YAMLQuoting.quoted(title))]
        if !translations.isEmpty { fields.append(("translationKey", YAMLQuoting.quoted(key))) }
        let body = ""
        var files = [ScaffoldFile(path: target.sitePath, text: YAMLQuoting.frontMatter(fields) + "\n" + body)]
        for language in translations {
            let stub = [("title", YAMLQuoting.quoted(title)), ("translationKey", YAMLQuoting.quoted(key)),
                        ("translationOf", TranslationHash.of(body))]
            files.append(ScaffoldFile(path: SiteLayout.content(language: language, target.relativePath), text: YAMLQuoting.frontMatter(stub) + "\n"))
        }
        return files
    }
}

/// A `sitegen new` path or option that cannot be used, and what to do.
package struct PageScaffoldError: Error, Sendable, Hashable, CustomStringConvertible {
    package var description: String
    init(_ description: String) { self.description = description }
}
