import Testing
@testable import SitegenKit
@testable import SitegenMustache
@testable import SitegenSupport

/// Sites made of pages in memory, and the navigation values their pages get.
package enum NavigationSite {
    package static func page(_ language: String, _ relativePath: String, _ title: String, weight: Int? = nil,
                     linkTitle: String? = nil, description: String? = nil, key: String? = nil) -> Page {
        let withoutExtension = String(relativePath.dropLast(".md".count))
        let isHome = relativePath == "index.md"
        let metadata = PageMetadata(title: title, linkTitle: linkTitle, description: description, slug: nil,
                                    translationKey: key, weight: weight, draft: false, layout: nil, params: [:])
        let translationKey = isHome ? TranslationKey.home : .page(key ?? withoutExtension)
        return Page(language: language, contentLanguage: language, sourcePath: "content/\(language)/\(relativePath)",
                    relativePath: relativePath, translationKey: translationKey, metadata: metadata,
                    body: MarkdownBody(SourceText("", path: "content/\(language)/\(relativePath)")),
                    path: SiteResolver.path(of: relativePath, slug: nil, in: language))
    }

    package static func site(_ pages: [Page], languages: [String] = ["en"], pagination: Int = 100, limit: Int = 100) -> Site {
        var config = SiteConfig(languages: languages.map { Language(code: $0, name: $0, siteTitle: "Site \($0)") })
        config.pagination = pagination
        config.navigationLimit = limit
        let strings = Dictionary(uniqueKeysWithValues: languages.map {
            ($0, UIStrings(language: $0, file: "content/\($0)/_strings.yml", values: [:]))
        })
        return Site(config: config, pages: pages.sorted { $0.path < $1.path }, strings: strings, contentFiles: [:])
    }

    package static func context(_ site: Site, _ path: String) throws -> LazyValues {
        let page = try #require(site.pages.first { $0.path == SitePath(path) }, "no page \(path)")
        return TemplateContext(site: site, fileLinks: false).page(
            page, content: SitegenTestSupport.render(""), strings: UIStringLookup(site.strings[page.language]!),
            assets: AssetLookup(assets: HashedAssets([]), page: page.path))
    }

    package static func field(_ data: TemplateData?, _ key: String) -> TemplateData? {
        switch data {
        case .object(let values)?: values[key]
        case .lookup(let lookup)?: lookup.value(forKey: key)
        default: nil
        }
    }

    package static func text(_ data: TemplateData?) -> String? {
        if case .text(let value)? = data { return value }
        return nil
    }

    package static func list(_ data: TemplateData?) -> [TemplateData] {
        if case .list(let values)? = data { return values }
        return []
    }

    /// The titles of a list of entries.
    package static func titles(_ data: TemplateData?) -> [String] {
        list(data).compactMap { text(field($0, "title")) }
    }

    /// The titles of a section's children, in order.
    package static func order(_ site: Site, _ path: String, language: String = "en") -> [String] {
        let tree = site.sectionTree(of: language)!
        let node = tree.node(at: SitePath(path))!
        return tree.nodes[node].children.map { tree.nodes[$0].page.metadata.title }
    }
}
