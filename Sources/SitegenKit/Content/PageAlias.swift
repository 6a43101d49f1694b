import SitegenSupport

/// A former URL of a page (`aliases:` in front matter), where a redirect page
/// is written so old links keep working after a page moved.
public struct PageAlias: Sendable, Hashable {
    /// The folder, without leading or trailing `/`, percent-decoded.
    public var path: String
    /// Written with a leading `/`: from the site root, not the language folder.
    public var fromSiteRoot: Bool
    public var location: SourceLocation

    /// Nil for what cannot be a path of the site.
    init?(_ written: String, location: SourceLocation) {
        var text = Substring(written.trimmingSpaces)
        fromSiteRoot = text.hasPrefix("/")
        text = text.drop(while: { $0 == "/" })
        if text.hasSuffix("/index.html") { text = text.dropLast("index.html".count) }
        let segments = text.split(separator: "/")
        guard !segments.isEmpty, !text.contains("//"), !written.containsControlCharacter,
              !segments.contains(where: { $0 == "." || $0 == ".." }),
              !text.contains(where: { $0 == "?" || $0 == "#" || $0 == "\\" }),
              !(segments[0].contains(":"))
        else { return nil }
        path = segments.joined(separator: "/")
        self.location = location
    }

    /// Whether the old URL named an HTML file (`/guide.html`), which a web
    /// server serves as that file, not as a folder's `index.html`.
    var isFile: Bool {
        let last = path.split(separator: "/").last?.lowercased() ?? ""
        return last.hasSuffix(".html") || last.hasSuffix(".htm")
    }

    /// Where the redirect page goes for a page published in `language`: a
    /// folder (its `index.html`), or the HTML file the old URL named.
    func folder(in language: String) -> SitePath {
        SitePath((fromSiteRoot ? "" : language + "/") + path + (isFile ? "" : "/"))
    }
}
