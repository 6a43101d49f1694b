import SitegenSupport

/// `nav:` applied: each listed page, in every language, gets its place in
/// the list as its `weight`; a folder's page, unless listed itself, the
/// place of the first page listed under it. Pages `nav:` does not list keep
/// today's order after the listed ones, with one warning that counts them.
/// A title nav gives a file is its page's `linkTitle` in the default language.
enum NavWeights {
    /// `unusable`: pages whose errors are reported; `nav:` naming them is no error too.
    static func apply(_ nav: NavOrder, to pages: [Page], config: SiteConfig, unusable: Set<PageID>,
                      into diagnostics: inout [Diagnostic]) -> [Page] {
        let defaultLanguage = config.defaultLanguage.code
        let keyByFile = Dictionary(pages.filter { $0.language == defaultLanguage && $0.isWritten }.flatMap { page in
            [(page.relativePath, page.translationKey)]
                + (SiteLayout.path(page.sourcePath, inContentOf: defaultLanguage).map { [($0, page.translationKey)] } ?? [])
        }, uniquingKeysWith: { first, _ in first })
        var weightByKey: [TranslationKey: Int] = [:]
        var titleByKey: [TranslationKey: String] = [:]
        var folderWeights: [String: Int] = [:]
        for (position, entry) in nav.entries.enumerated() {
            guard let key = keyByFile[entry.path] else {
                if unusable.contains(PageID(language: defaultLanguage, path: entry.path)) { continue }
                diagnostics.append(.error("nav entry '\(entry.path)' is not a page of content/\(defaultLanguage)/", at: entry.location))
                continue
            }
            if weightByKey[key] == nil { weightByKey[key] = position + 1 }
            if let title = entry.title, titleByKey[key] == nil { titleByKey[key] = title }
            var folder = entry.path.split(separator: "/").dropLast()
            while !folder.isEmpty {
                let path = folder.joined(separator: "/")
                if folderWeights[path] == nil { folderWeights[path] = position + 1 }
                folder = folder.dropLast()
            }
        }
        for (folder, weight) in folderWeights {
            if let key = keyByFile[folder + "/index.md"], weightByKey[key] == nil { weightByKey[key] = weight }
        }
        var unlisted: [Page] = []
        let weighted = pages.map { page -> Page in
            guard let weight = weightByKey[page.translationKey] else {
                if page.language == defaultLanguage && !page.isHome { unlisted.append(page) }
                return page
            }
            var placed = page
            placed.metadata.weight = weight
            // The title nav gives is in the default language, like its files.
            if page.language == defaultLanguage, let title = titleByKey[page.translationKey] { placed.metadata.linkTitle = title }
            return placed
        }
        if !unlisted.isEmpty {
            let names = unlisted.map(\.sourcePath).sorted()
            let some = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", ..." : "")
            diagnostics.append(Diagnostic(.warning, file: SiteLayout.configFile,
                "nav does not list \(names.count) page\(names.count == 1 ? "" : "s") (\(some)); they come after the listed ones in their sections, in every language"))
        }
        return weighted
    }
}
