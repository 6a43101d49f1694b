import SitegenKit
/// Notes on where the built site can be hosted, printed with the build's
/// steps (never warnings: nothing is wrong with the content, and a site
/// hosted at a server's root needs no base URL).
package enum HostingNotes {
    /// The notes for a build with this base URL (nil: none set).
    package static func notes(baseURL: String?, fileLinks: Bool) -> [String] {
        guard let baseURL else {
            // Opened from disk, 404.html is never shown.
            if fileLinks { return [] }
            return ["no baseURL: 404.html links to the server root (/), so hosted in a sub-folder its links and stylesheet break; "
                    + "set baseURL in sitegen.yml or pass --base-url https://example.org/sub/folder/"]
        }
        guard case .success(let url) = BaseURL.parse(baseURL) else { return [] }
        let path = url.path
        guard path != "/" else { return [] }
        return ["robots.txt is written to \(path)robots.txt, where crawlers never look (they read /robots.txt only); "
                + "put its Sitemap line, 'Sitemap: \(url)sitemap.xml', in the robots.txt at the root of the host"]
    }
}
