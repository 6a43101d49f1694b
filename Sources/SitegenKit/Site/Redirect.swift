import SitegenSupport

/// The redirect pages of a site: one at each former URL a page declares
/// (`aliases:`), checked against the URLs of pages, files and other aliases.
package struct Redirect: Sendable, Hashable {
    /// The page it redirects to.
    package var target: SitePath
    package var title: String
    package var language: String

    /// Every page's aliases, by the folder their redirect page goes in; an
    /// alias that would take the place of a page, a file or another alias is
    /// an error at the alias.
    static func resolve(pages: [Page], files: [SitePath: [UInt8]], defaultLanguage: String) -> ([SitePath: Redirect], [Diagnostic]) {
        var redirects: [SitePath: Redirect] = [:]
        var claimedBy: [SitePath: String] = [:]
        var diagnostics: [Diagnostic] = []
        // An alias that collides in its own language is reported there
        // once, not again for every language built from that text.
        var reported: Set<SourceLocation> = []
        func report(_ message: String, _ alias: PageAlias) {
            if reported.insert(alias.location).inserted { diagnostics.append(.error(message, at: alias.location)) }
        }
        let pagePaths = Dictionary(pages.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for page in pages where !page.metadata.aliases.isEmpty {
            for alias in page.metadata.aliases {
                // A page built from another language's text repeats its
                // aliases in its own language; one from the site root is
                // the original's alone.
                if page.isFallback && alias.fromSiteRoot { continue }
                let written = (alias.fromSiteRoot ? "/" : "") + alias.path + (alias.isFile ? "" : "/")
                let inLanguage = page.isFallback ? " (in '\(page.language)', where this page is built from it)" : ""
                guard let folder = alias.folder(of: page, defaultLanguage: defaultLanguage) else {
                    report("alias '\(written)' climbs out of the site from this page's folder; write it from the site root, like '/old/path/'", alias)
                    continue
                }
                if folder == page.path { continue }
                if let owner = ownFolder(holding: folder) {
                    report("alias '\(written)'\(inLanguage) would be written into \(owner), which sitegen fills itself on every build; a redirect there is lost or replaces one of its files: remove the alias or choose another old URL", alias)
                    continue
                }
                if let other = pagePaths[folder] {
                    let fix = other.origin == .written || other.origin == .translationFallback ? "remove the alias or move that page" : "remove the alias"
                    report("alias '\(written)'\(inLanguage) is the URL of \(other.party); a redirect cannot take a page's place: \(fix)", alias)
                    continue
                }
                // A file of that name, or the index.html the redirect would be.
                let file = folder.isFolder ? SitePath(String(folder.value.dropLast())) : folder
                if files[file] != nil || files[SitePath(folder.outputFile)] != nil {
                    report("alias '\(written)'\(inLanguage) would be written where content/\(files[file] != nil ? file.value : folder.outputFile) is; remove the alias or rename the file", alias)
                    continue
                }
                if let other = claimedBy[folder] {
                    // A fallback whose alias climbs to where its original's goes: one redirect.
                    if other != page.sourcePath || !page.isFallback {
                        report("alias '\(written)'\(inLanguage) is also an alias of \(other); an old URL can redirect to one page only", alias)
                    }
                    continue
                }
                claimedBy[folder] = page.isFallback ? "\(page.sourcePath) (built in '\(page.language)')" : page.sourcePath
                redirects[folder] = Redirect(target: page.path, title: page.metadata.title, language: page.language)
            }
        }
        return (redirects, diagnostics)
    }

    /// The folder of the output root that sitegen fills itself (the search
    /// index, the theme's files) holding `path`, described; nil for none.
    /// Pagefind's index goes wholly, and a redirect there named a file of it.
    static func ownFolder(holding path: SitePath) -> String? {
        guard let first = path.value.split(separator: "/", omittingEmptySubsequences: false).first?.lowercased(),
              path.value.contains("/") else { return nil }
        switch first {
        case SiteLayout.searchFolder: return "\(SiteLayout.searchFolder)/ (the search index)"
        case SiteLayout.assetsFolder: return "\(SiteLayout.assetsFolder)/ (the theme's files)"
        default: return nil
        }
    }

    /// The page of a link-only entry (`redirect:`): its URL sends readers
    /// on to the target, like a redirect page, without a canonical link
    /// (the target may be another site's).
    static func linkOnlyHTML(to url: String, title: String, language: String) -> String {
        let url = HTMLEscaping.escape(url)
        return """
            <!DOCTYPE html>
            <html lang="\(HTMLEscaping.escape(language))">
            <head>
            <meta charset="utf-8">
            <title>\(HTMLEscaping.escape(title))</title>
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(url)">
            </head>
            <body>
            <p><a href="\(url)">\(HTMLEscaping.escape(title))</a></p>
            </body>
            </html>

            """
    }

    /// The redirect page at `folder`: a `meta refresh` to the page, its
    /// canonical URL (so search engines index the page, not the old URL),
    /// `noindex`, and a visible link for when the refresh does not happen.
    func html(at folder: SitePath, baseURL: BaseURL?, fileLinks: Bool) -> String {
        let relative = HTMLEscaping.escape(target.relative(from: folder, fileLinks: fileLinks))
        let canonical = baseURL.map { HTMLEscaping.escape($0.absolute(target)) } ?? relative
        let title = HTMLEscaping.escape(self.title)
        return """
            <!DOCTYPE html>
            <html lang="\(HTMLEscaping.escape(language))">
            <head>
            <meta charset="utf-8">
            <title>\(title)</title>
            <meta name="robots" content="noindex">
            <link rel="canonical" href="\(canonical)">
            <meta http-equiv="refresh" content="0; url=\(relative)">
            </head>
            <body>
            <p><a href="\(relative)">\(title)</a></p>
            </body>
            </html>

            """
    }
}
