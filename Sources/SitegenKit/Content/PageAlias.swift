import SitegenSupport

/// A former URL of a page (`aliases:` in front matter), where a redirect page
/// is written so old links keep working after a page moved. Read as Hugo
/// reads it: a relative alias from the page's folder (`old/`, `../old/`);
/// one from the root (`/old/`) from the site root for the default language,
/// and from its language's folder for a translation (Hugo publishes the
/// default language at the root, the others under their code).
package struct PageAlias: Sendable, Hashable {
    /// The path as written, without leading or trailing `/` (relative ones
    /// may hold `..`).
    package var path: String
    /// Written with a leading `/`.
    package var fromSiteRoot: Bool
    package var location: SourceLocation

    /// Nil for what cannot be a path of the site. %-escapes are decoded
    /// first, as a web server does before it looks for the file: written
    /// as they were, `/a%2Fb/` became a folder `a%2Fb` no request reaches,
    /// and `%2E%2E` would pass the check for `..`.
    init?(_ written: String, location: SourceLocation) {
        guard let decoded = Self.percentDecoded(String(written.trimmingSpaces)) else { return nil }
        var text = Substring(decoded)
        fromSiteRoot = text.hasPrefix("/")
        text = text.drop(while: { $0 == "/" })
        if text.hasSuffix("/index.html") { text = text.dropLast("index.html".count) }
        let segments = text.split(separator: "/")
        guard !segments.isEmpty, !text.contains("//"), !decoded.containsControlCharacter,
              !fromSiteRoot || !segments.contains(where: { $0 == "." || $0 == ".." }),
              !text.contains(where: { $0 == "?" || $0 == "#" || $0 == "\\" }),
              !(segments[0].contains(":")),
              segments.contains(where: { $0 != "." && $0 != ".." }),
              // A hidden name is sitegen's own (`.sitegen-output`, whose
              // redirect was lost in silence) or one web servers deny.
              !segments.contains(where: { $0.hasPrefix(".") && $0 != "." && $0 != ".." })
        else { return nil }
        path = segments.joined(separator: "/")
        self.location = location
    }

    /// `text` with each `%XX` decoded; nil when a `%` starts no escape or
    /// the bytes are not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            guard utf8[index] == UInt8(ascii: "%") else {
                bytes.append(utf8[index])
                index += 1
                continue
            }
            guard index + 2 < utf8.count, let value = UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
            index += 3
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Whether the old URL named an HTML file (`/guide.html`), which a web
    /// server serves as that file, not as a folder's `index.html`.
    var isFile: Bool {
        let last = path.split(separator: "/").last?.lowercased() ?? ""
        return last.hasSuffix(".html") || last.hasSuffix(".htm")
    }

    /// Where the redirect page goes for `page`: a folder (its
    /// `index.html`), or the HTML file the old URL named; nil when a
    /// relative alias climbs out of the site.
    func folder(of page: Page, defaultLanguage: String) -> SitePath? {
        let base: [String]
        if fromSiteRoot {
            base = page.language == defaultLanguage ? [] : [page.language]
        } else {
            base = [page.language] + page.relativePath.split(separator: "/").dropLast().map(String.init)
        }
        guard let normalized = LinkResolver.normalize(base + path.split(separator: "/").map(String.init)), !normalized.isEmpty
        else { return nil }
        return SitePath(normalized + (isFile ? "" : "/"))
    }
}

extension PageAlias {
    /// An alias as read before (`path` as `init?` leaves it).
    package init(path: String, fromSiteRoot: Bool, location: SourceLocation) {
        self.path = path
        self.fromSiteRoot = fromSiteRoot
        self.location = location
    }
}
