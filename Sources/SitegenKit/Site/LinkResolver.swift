import SitegenSupport
import SitegenMarkdown
/// Rewrites the links written in one page's Markdown: a link to another
/// page (its `.md` file, its folder, its URL; see `LinkTargets`) becomes a
/// relative link to that page in the same language; a link to a file beside
/// the pages becomes a relative link to its copy. Links that lead nowhere are
/// errors at their place in the file.
package struct LinkResolver {
    /// A `#fragment` that must exist in a page once every page is rendered.
    package struct AnchorCheck: Sendable, Hashable {
        package var targetPath: SitePath
        package var targetSource: String
        package var fragment: String
        package var location: SourceLocation
        /// False for a check another page's check already covers.
        package var needed = true
        /// The fallback page whose link this is (its text is another page's).
        package var via: String?

        package init(targetPath: SitePath, targetSource: String, fragment: String, location: SourceLocation,
                     needed: Bool = true, via: String? = nil) {
            self.targetPath = targetPath
            self.targetSource = targetSource
            self.fragment = fragment
            self.location = location
            self.needed = needed
            self.via = via
        }
    }

    let site: Site
    let page: Page
    let fileLinks: Bool
    /// The build's resolutions, shared by every page (nil: resolve each link).
    let resolutions: LinkResolutions?
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var anchorChecks: [AnchorCheck] = []
    /// The pages the links lead to.
    private(set) var linkedPages: Set<SitePath> = []
    /// The tables of the places this page's links are written in, looked up at the first link.
    private var tables: LinkResolutions.Tables?

    init(site: Site, page: Page, fileLinks: Bool, resolutions: LinkResolutions? = nil) {
        self.site = site
        self.page = page
        self.fileLinks = fileLinks
        self.resolutions = resolutions
    }

    /// The rewritten destination, or nil to keep it as written.
    mutating func rewrite(_ link: MarkdownLink) -> String? {
        let destination = link.destination
        let location = SourceLocation(file: link.file ?? page.sourcePath, line: link.line, column: link.column)
        guard !destination.isEmpty, !LinkResolver.isExternal(destination) else { return nil }
        let (path, query, fragment) = LinkResolver.parts(of: destination)
        // Served by something else on this host (`links.outside`): kept.
        if path.hasPrefix("/"), site.config.links.isOutside(path[...]) { return nil }
        if path.isEmpty {
            if let fragment {
                anchorChecks.append(AnchorCheck(targetPath: page.path, targetSource: page.sourcePath, fragment: fragment,
                                                location: location, needed: !page.isFallback))
            }
            return nil
        }
        // Kept as written: a query (a static host ignores it, a script may
        // not) and the fragment.
        let suffix = (query.map { "?" + $0 } ?? "") + (fragment.map { "#" + $0 } ?? "")
        var quoted: String { "link target '\(destination)'" }
        let decoded = path.removingPercentEncodingIfPossible
        let resolved = resolve(decoded)
        switch resolved.resolution {
        case .found(.file(let file)):
            return file.relative(from: page.path, fileLinks: fileLinks) + suffix
        case .found(.page(let found, let translated)):
            return self.link(to: translated ? resolved.translation : found, fragment: fragment, at: location).map { $0 + suffix }
                ?? (site.home(of: page.language)?.path ?? SitePath(page.language + "/")).relative(from: page.path, fileLinks: fileLinks)
        case let .ambiguous(first, firstReading, second, secondReading):
            diagnostics.append(.error(
                "\(quoted) is ambiguous: \(first.name) (\(firstReading)) and \(second.name) (\(secondReading)); link the .md file to say which",
                at: location))
        case .notFound(let lookedFor, let folder):
            if link.byName, !decoded.hasPrefix("/") {
                switch pageNames.find(decoded) {
                case .one(let relativePath):
                    if let found = site.page(writtenAs: relativePath, in: page.contentLanguage) {
                        return self.link(to: site.page(found.translationKey, in: page.language), fragment: fragment, at: location)
                            .map { $0 + suffix }
                            ?? (site.home(of: page.language)?.path ?? SitePath(page.language + "/")).relative(from: page.path, fileLinks: fileLinks)
                    }
                case .several(let paths):
                    diagnostics.append(.error(
                        "\(quoted) is ambiguous: \(LinkResolver.list(paths.map { SiteLayout.content(language: page.contentLanguage, $0) })) have that name; write more of its path",
                        at: location))
                    return nil
                case .none:
                    diagnostics.append(.error(
                        "\(quoted) does not exist (looked for \(LinkResolver.list(lookedFor)), and for a page of that name in content/\(page.contentLanguage)/)",
                        at: location))
                    return nil
                }
            }
            if let folder {
                diagnostics.append(.error("\(quoted): \(folder) is a folder without index.md; link a page in it, or add \(folder)index.md", at: location))
            } else {
                diagnostics.append(.error("\(quoted) does not exist (looked for \(LinkResolver.list(lookedFor)))", at: location))
            }
        case .outside where decoded.hasPrefix("/"):
            diagnostics.append(.error("\(quoted) climbs above the site root with '..'; write the path from the site root without '..', like '/img/logo.png'", at: location))
        case .outside:
            diagnostics.append(.error("\(quoted) leaves the content/ folder; link to pages and files of the site", at: location))
        case .unusable:
            // A page that exists but is broken was reported already.
            break
        case .draft:
            // A draft left out of this build: say so, and link the home page.
            diagnostics.append(.warning("\(quoted) is a draft, left out of this build (build with --drafts to include it); the link goes to the home page",
                                        at: location).of(kind: "links to drafts"))
            let home = site.home(of: page.language)?.path ?? SitePath(page.language + "/")
            return home.relative(from: page.path, fileLinks: fileLinks)
        }
        return nil
    }

    /// What a decoded link path written in this page resolves to.
    private mutating func resolve(_ decoded: String) -> LinkResolutions.Resolved {
        guard let resolutions else {
            return LinkResolutions.Resolved(LinkTargets(site: site, page: page).resolve(decoded), in: page.language, site: site)
        }
        if tables == nil { tables = resolutions.tables(of: page) }
        return tables!.resolve(decoded, in: page, site: site)
    }

    /// The language's pages by name, for Hugo's `ref`.
    private var pageNames: PageNames {
        resolutions?.pageNames(in: page.contentLanguage, site: site) ?? PageNames(site.pages(in: page.contentLanguage))
    }

    /// The width and height of the file an image link leads to, when it
    /// is a file of the site in a format `ImageSize` reads.
    func imageSize(_ link: MarkdownLink) -> ImageSize? {
        guard !link.destination.isEmpty, !LinkResolver.isExternal(link.destination) else { return nil }
        let path = LinkResolver.parts(of: link.destination).path
        let decoded = path.removingPercentEncodingIfPossible
        guard !path.isEmpty,
              case .found(.file(let file)) = resolutions?.resolve(decoded, in: page, site: site).resolution
                ?? LinkTargets(site: site, page: page).resolve(decoded),
              let bytes = site.contentFiles[file] ?? site.rootFiles[file] else { return nil }
        return ImageSize(bytes)
    }

    /// The link to a page found for a link: the same page in the language
    /// this page is published in when it was found in the language its text
    /// is written in (or the default language's, for a page not translated);
    /// nil when it is left out there (the caller links the home page).
    private mutating func link(to target: Page?, fragment: String?, at location: SourceLocation) -> String? {
        guard let target else { return nil }
        linkedPages.insert(target.path)
        if let fragment {
            // A fallback page repeats its original's links; a link of it that
            // reaches a fallback page too reaches the same text its original's
            // link reaches, checked there. One that reaches a translation is
            // checked against that translation's ids.
            anchorChecks.append(AnchorCheck(targetPath: target.path, targetSource: target.sourcePath,
                                            fragment: fragment, location: location,
                                            needed: !(page.isFallback && target.isFallback),
                                            via: page.isFallback ? page.path.value : nil))
        }
        return target.path.relative(from: page.path, fileLinks: fileLinks)
    }

    /// "a", "a and b", "a, b and c".
    package static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// Whether a destination has a scheme (`https:`, `mailto:`) or starts with `//`.
    package static func isExternal(_ destination: String) -> Bool {
        let bytes = destination.utf8
        if bytes.starts(with: "//".utf8) { return true }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = bytes[..<colon]
        // ASCII by bytes (every link of every page asks); the rest by Unicode's letters and digits.
        guard scheme.allSatisfy({ $0 < 0x80 }) else {
            let scheme = destination[..<colon]
            return scheme.first!.isLetter && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
        }
        func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }
        return scheme.first.map(isLetter) == true && scheme.allSatisfy { byte in
            isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
    }

    /// The path, query (without `?`) and fragment (without `#`) of a destination.
    package static func parts(of destination: String) -> (path: String, query: String?, fragment: String?) {
        // By bytes: `#` and `?` are ASCII, and walking Characters cost
        // 10,000 instructions a link (6 % of a link-heavy build).
        let bytes = destination.utf8
        let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
        let pathEnd = hash ?? bytes.endIndex
        let question = bytes[..<pathEnd].firstIndex(of: UInt8(ascii: "?"))
        guard hash != nil || question != nil else { return (destination, nil, nil) }
        let fragment = hash.map { String(destination[bytes.index(after: $0)...]) }
        let query = question.map { String(destination[bytes.index(after: $0)..<pathEnd]) }
        return (String(destination[..<(question ?? pathEnd)]), query, fragment)
    }

    /// Resolves `.` and `..`; nil when the path climbs out of its root.
    package static func normalize(_ segments: [String]) -> String? {
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
        // By bytes: `contains("%")` is Foundation's substring search (2 % of a link-heavy build).
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
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
