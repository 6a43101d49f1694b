import Foundation
import SitegenMarkdown
import SitegenMustache

/// What a page's template values are made from: the declarations of
/// `TemplateContextKind` (`page`, `pageFields`, `searchValues`) each make
/// their value from it. A class: every lazy value's maker holds it, and one
/// reference is what each of them copies.
final class PageValueInput {
    let context: TemplateContext
    let page: Page
    let content: RenderedMarkdown
    let link: (SitePath) -> String
    /// Made for the first navigation value a template reads.
    lazy var navigation = NavigationContext(site: context.site, page: page, link: link)

    init(context: TemplateContext, page: Page, content: RenderedMarkdown, link: @escaping (SitePath) -> String) {
        self.context = context
        self.page = page
        self.content = content
        self.link = link
    }

    var site: Site { context.site }
    var html: String { content.html }
    var headings: [Heading] { content.headings }

    var contentLanguage: Language { site.config.language(page.contentLanguage)! }

    /// Level-2 headings, each with the level-3 headings after it.
    var toc: TemplateData {
        var toc: [(heading: Heading, children: [TemplateData])] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 2 || toc.isEmpty {
                toc.append((heading, []))
            } else {
                toc[toc.count - 1].children.append(.object(["text": .text(heading.text), "id": .text(heading.id)]))
            }
        }
        // Each entry's dictionary made once, at its size (merging copied it).
        return .list(toc.map { heading, children in
            .object(["text": .text(heading.text), "id": .text(heading.id),
                     "children": .list(children), "hasChildren": .bool(!children.isEmpty)])
        })
    }

    var isSection: Bool {
        page.generated?.listPageNumber != nil || site.sectionTree(of: page.language).map { tree in
            tree.node(at: page.path).map { tree.nodes[$0].isSection } ?? false
        } ?? false
    }

    var original: TemplateData? {
        site.original(of: page).map { original in
            .object(context.languageFields(site.config.defaultLanguage, adding: [
                "url": .text(link(original.path)), "title": .text(original.metadata.title),
            ]))
        }
    }

    /// Written pages only: a fallback's text is its original's, and a
    /// generated page has no file.
    var isOwnFile: Bool { page.generated == nil && !page.isFallback }

    var editURL: TemplateData? {
        guard let editURL = site.config.editURL, isOwnFile else { return nil }
        let path = page.sourcePath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? page.sourcePath
        return .text(editURL + path)
    }

    var lastUpdated: PageDate? { isOwnFile ? site.lastUpdated[page.sourcePath] : nil }

    /// For OpenGraph and Twitter cards, which want an absolute address:
    /// front matter `image` as written when absolute, else from the base URL.
    var image: TemplateData? {
        guard case .string(let image)? = page.metadata.params["image"] else { return nil }
        if image.hasPrefix("https://") || image.hasPrefix("http://") { return .text(image) }
        guard let base = site.config.baseURL else { return nil }
        let path = String(image.drop { $0 == "/" })
        return .text(base.description + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path))
    }

    var canonicalURL: TemplateData? {
        guard let base = site.config.baseURL else { return nil }
        // A fallback page repeats its original's text, so the original is
        // the canonical page, as sitemap.xml (which lists originals only) says.
        let canonical = page.isFallback ? site.page(page.translationKey, in: page.contentLanguage)?.path ?? page.path : page.path
        return .text(base.absolute(canonical))
    }

    /// The part of the A–Z list a search page shows (`TemplateContextKind.search` only).
    var searchPart: SearchListPart { page.generated!.searchPart! }
}
