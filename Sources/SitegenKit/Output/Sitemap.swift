import SitegenSupport
/// `sitemap.xml` (with `xhtml:link` alternates between translations) and
/// `robots.txt`, made only when the site has a base URL: both need absolute URLs.
enum Sitemap {
    static func xml(for site: Site, baseURL: BaseURL) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        // Search pages show results only to a reader's query: not for crawlers.
        for page in site.pages where !page.isFallback && page.generated?.searchPart == nil {
            xml += "<url>\n<loc>\(HTMLEscaping.escape(baseURL.absolute(page.path)))</loc>\n"
            let translations = site.config.languages.compactMap { language in
                site.page(page.translationKey, in: language.code).flatMap { $0.isFallback ? nil : (language.code, $0) }
            }
            if translations.count > 1 {
                for (code, translation) in translations {
                    xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(code)\" href=\"\(HTMLEscaping.escape(baseURL.absolute(translation.path)))\"/>\n"
                }
            }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func robots(baseURL: BaseURL) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n"
    }
}
