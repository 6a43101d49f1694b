import Synchronization

/// What each distinct link target resolves to, worked out once per build and
/// shared by every page and core: on a link-heavy site most pages link the
/// same targets from the same folder (issue 30: resolving every use again
/// was 8 % of a build's CPU). A resolution depends on the site and on where
/// the link is written (the page's content language, its file's folder and,
/// for a link that is not to a `.md` file or from the root, its URL), never
/// on the page otherwise, so those make the key.
final class LinkResolutions: Sendable {
    struct Key: Hashable {
        var contentLanguage: String
        var fileFolder: Substring
        /// The page's URL, for links read relative to it; empty for links
        /// that never are (`.md` files, root-relative links).
        var url: String
        var path: String
    }

    private let table = Mutex<[Key: LinkTargets.Resolution]>([:])
    /// Per language, its pages by name (Hugo's `ref`), built when a ref first needs it.
    private let names = Mutex<[String: PageNames]>([:])

    func pageNames(in language: String, site: Site) -> PageNames {
        if let known = names.withLock({ $0[language] }) { return known }
        let built = PageNames(site.pages(in: language))
        names.withLock { $0[language] = built }
        return built
    }

    /// The resolution of a decoded link `path` written in `page`.
    func resolve(_ path: String, in page: Page, site: Site) -> LinkTargets.Resolution {
        let readsURL = !(path.hasSuffix(".md") || path.hasPrefix("/"))
        // By bytes: `lastIndex(of: "/")` walked Characters back (3 % of a link-heavy build).
        let folderEnd = page.relativePath.utf8.lastIndex(of: UInt8(ascii: "/")) ?? page.relativePath.startIndex
        let key = Key(contentLanguage: page.contentLanguage, fileFolder: page.relativePath[..<folderEnd],
                      url: readsURL ? page.path.value : "", path: path)
        if let known = table.withLock({ $0[key] }) { return known }
        let resolution = LinkTargets(site: site, page: page).resolve(path)
        table.withLock { $0[key] = resolution }
        return resolution
    }
}
