import SitegenSupport
import SitegenMarkdown
/// Rewrites the links written in one page's Markdown: a link to another
/// page's `.md` file becomes a relative link to that page in the same
/// language; a link to a file beside the pages becomes a relative link to
/// its copy. Links that lead nowhere are errors at their place in the file.
struct LinkResolver {
    /// A `#fragment` that must exist in a page once every page is rendered.
    struct AnchorCheck: Sendable, Hashable {
        var targetPath: SitePath
        var targetSource: String
        var fragment: String
        var location: SourceLocation
    }

    let site: Site
    let page: Page
    let fileLinks: Bool
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var anchorChecks: [AnchorCheck] = []
    /// The pages the links lead to.
    private(set) var linkedPages: Set<SitePath> = []

    init(site: Site, page: Page, fileLinks: Bool) {
        self.site = site
        self.page = page
        self.fileLinks = fileLinks
    }

    /// The rewritten destination, or nil to keep it as written.
    mutating func rewrite(_ link: MarkdownLink) -> String? {
        let destination = link.destination
        let location = SourceLocation(file: page.sourcePath, line: link.line, column: link.column)
        guard !destination.isEmpty, !LinkResolver.isExternal(destination) else { return nil }
        if destination.hasPrefix("/") {
            diagnostics.append(.warning(
                "link '\(destination)' starts at the server root and breaks when the site is hosted in a sub-folder; link to the .md file or a path relative to this page",
                at: location))
            return nil
        }
        let (path, fragment) = LinkResolver.split(destination)
        if path.isEmpty {
            if let fragment {
                anchorChecks.append(AnchorCheck(targetPath: page.path, targetSource: page.sourcePath, fragment: fragment, location: location))
            }
            return nil
        }
        // Resolve against the folder of the Markdown file, inside the language
        // folder the text was written in.
        let folder = page.relativePath.split(separator: "/").dropLast().map(String.init)
        guard let resolved = LinkResolver.normalize(folder + path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)) else {
            diagnostics.append(.error("link target '\(path)' leaves the content/\(page.contentLanguage)/ folder; link to pages and files of this language", at: location))
            return nil
        }
        let suffix = fragment.map { "#" + $0 } ?? ""
        if resolved.hasSuffix(".md") {
            // A page not (yet) translated is found under its file name in the
            // default language.
            guard let target = site.page(writtenAs: resolved, in: page.contentLanguage)
                ?? site.page(writtenAs: resolved, in: site.config.defaultLanguage.code)
            else {
                // A page that exists but is broken was reported already.
                if site.unusablePages.contains(PageID(language: page.contentLanguage, path: resolved))
                    || site.unusablePages.contains(PageID(language: site.config.defaultLanguage.code, path: resolved)) { return nil }
                // A draft left out of this build: say so, and link the home page.
                if site.draftPages.contains(PageID(language: page.contentLanguage, path: resolved)) {
                    diagnostics.append(.warning("link target '\(path)' is a draft, left out of this build (build with --drafts to include it); the link goes to the home page", at: location))
                    let home = site.home(of: page.language)?.path ?? SitePath(page.language + "/")
                    return home.relative(from: page.path, fileLinks: fileLinks)
                }
                diagnostics.append(.error("link target '\(path)' does not exist (looked for content/\(page.contentLanguage)/\(resolved))", at: location))
                return nil
            }
            // The same page in the language this page is published in; when it
            // is left out there, that language's home page.
            if let translated = site.page(target.translationKey, in: page.language) {
                linkedPages.insert(translated.path)
                if let fragment {
                    anchorChecks.append(AnchorCheck(targetPath: translated.path, targetSource: translated.sourcePath, fragment: fragment, location: location))
                }
                return translated.path.relative(from: page.path, fileLinks: fileLinks) + suffix
            }
            let home = site.home(of: page.language)?.path ?? SitePath(page.language + "/")
            return home.relative(from: page.path, fileLinks: fileLinks)
        }
        let file = SitePath(page.contentLanguage + "/" + resolved)
        guard site.contentFiles[file] != nil else {
            diagnostics.append(.error("link target '\(path)' does not exist (looked for content/\(file.value))", at: location))
            return nil
        }
        return file.relative(from: page.path, fileLinks: fileLinks) + suffix
    }

    /// Whether a destination has a scheme (`https:`, `mailto:`) or starts with `//`.
    static func isExternal(_ destination: String) -> Bool {
        if destination.hasPrefix("//") { return true }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        return !scheme.isEmpty && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// The path and the fragment (without `#`) of a destination. A query is
    /// kept with neither: files on a static host take none.
    static func split(_ destination: String) -> (path: String, fragment: String?) {
        var path = destination
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let question = path.firstIndex(of: "?") {
            path = String(path[..<question])
        }
        return (path.removingPercentEncodingIfPossible, fragment)
    }

    /// Resolves `.` and `..`; nil when the path climbs out of its root.
    static func normalize(_ segments: [String]) -> String? {
        var result: [String] = []
        for segment in segments {
            switch segment {
            case "", ".": continue
            case "..":
                guard !result.isEmpty else { return nil }
                result.removeLast()
            default: result.append(segment)
            }
        }
        return result.joined(separator: "/")
    }
}

private extension String {
    /// `%20` and friends decoded, as a file name on disk has them.
    var removingPercentEncodingIfPossible: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
