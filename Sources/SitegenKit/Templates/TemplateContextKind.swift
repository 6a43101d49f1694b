import SitegenMustache

/// The contexts sitegen renders templates with, each a table of the values
/// it holds (docs/themes.md explains them, in the same order). A layout is
/// checked against its own context: `{{choices}}` in `page.mustache` is an
/// error, not an empty string, though the language chooser has `choices`.
enum TemplateContextKind: CaseIterable, Sendable {
    /// A page: `page.mustache`, and any layout a page names in `layout:`.
    case page
    /// The search page of a language (`search.mustache`).
    case search
    /// A decision helper's question or outcome (`decision-question.mustache`, `decision-outcome.mustache`).
    case decisionStep
    /// The root `index.html` (`languages.mustache`).
    case languageChooser
    /// `404.html` (`404.mustache`).
    case notFound

    /// The context a template gets when it is rendered as a page's layout.
    static func of(layout name: String) -> TemplateContextKind {
        switch name {
        case TemplateSet.languageChooser: .languageChooser
        case TemplateSet.notFound: .notFound
        case SearchPages.layout: .search
        case TemplateSet.decisionQuestion, TemplateSet.decisionOutcome: .decisionStep
        default: .page
        }
    }

    /// The layouts rendered with this context, for messages.
    var layouts: String {
        switch self {
        case .page: "a page's layout (page.mustache, or the template its layout: names)"
        case .search: "search.mustache"
        case .decisionStep: "decision-question.mustache and decision-outcome.mustache"
        case .languageChooser: "languages.mustache"
        case .notFound: "404.mustache"
        }
    }

    var values: [TemplateValueDeclaration] {
        switch self {
        case .page: Self.common + Self.pageValues
        case .search: Self.common + Self.pageValues + Self.searchValues
        // A helper's start page is a written page: it has `decision` in its own layout.
        case .decisionStep: Self.common + Self.pageValues
        case .languageChooser: Self.common + Self.chooserValues
        case .notFound: Self.common + Self.chooserValues + Self.notFoundValues
        }
    }

    var shape: TemplateShape { TemplateValueDeclaration.object(values) }

    /// Every context at once: what a partial shared by several layouts may
    /// test for in a section (`{{#page.hasCode}}` in a head partial that
    /// `404.mustache` includes too).
    static let anyShape: TemplateShape = TemplateValueDeclaration.object(allCases.flatMap(\.values))

    // MARK: The tables

    static let site: [TemplateValueDeclaration] = [
        .init("title", .value, "the site title in the page's language"),
        .init("isMultilingual", .value, "the site has more than one language"),
        .init("languageCount", .value, "how many languages"),
        .init("generator", .value, "sitegen and its version"),
        .init("logo", .value, "with logo in sitegen.yml: the file's URL"),
        .init("favicon", .value, "with favicon in sitegen.yml: the file's URL"),
    ]

    static let language: [TemplateValueDeclaration] = [
        .init("code", .value, "the language code"),
        .init("name", .value, "the language's name"),
        .init("dir", .value, "ltr or rtl"),
        .init("isRightToLeft", .value, "dir is rtl"),
    ]

    /// What every context has, for its language (the default language's on the root pages).
    static let common: [TemplateValueDeclaration] = [
        .init("site", TemplateValueDeclaration.object(site), "the site"),
        .init("language", TemplateValueDeclaration.object(language), "the page's language"),
        .init("strings", .open, "the language's UI strings"),
        .init("text", .open, "the UI strings, an English stand-in marked with its language"),
        .init("plurals", .open, "the plural forms of a UI string"),
        .init("root", .value, "the relative path to the site root"),
        .init("home", .value, "the URL of the language's home page"),
        .init("asset", .helper, "{{#asset}}name{{/asset}}: a theme file's hashed URL"),
        .init("banner", .value, "the language's banner text"),
        .init("searchURL", .value, "with search: true, the URL of the language's search page"),
    ]

    static let contentLanguage = TemplateValueDeclaration.object(language)

    /// `page`: the page's own values.
    static let pageFields: [TemplateValueDeclaration] = [
        .init("title", .value, "from front matter") { .text($0.page.metadata.title) },
        .init("description", .value, "from front matter") { $0.page.metadata.description.map(TemplateData.text) },
        .init("content", .value, "the page's HTML") { .text($0.html) },
        .init("headings", .list(.object(["level": .value, "text": .value, "id": .value])), "every heading") { input in
            .list(input.headings.map { ["level": .int($0.level), "text": .text($0.text), "id": .text($0.id)] })
        },
        // The theme loads a script only where it has work to do (pages
        // under 15 KB gzipped): the copy button's where code blocks are,
        // the tabs' where tabs are.
        .init("hasCode", .value, "the content holds a code block") { .bool($0.content.hasCode) },
        .init("hasTabs", .value, "the content holds a tab group") { .bool($0.content.hasTabs) },
        .init("toc", .list(.object(["text": .value, "id": .value, "hasChildren": .value,
                                    "children": .list(.object(["text": .value, "id": .value]))])),
              "level-2 headings with their level-3 children") { $0.toc },
        .init("hasTOC", .value, "at least two level-2 headings") { input in .bool(input.headings.count { $0.level == 2 } >= 2) },
        .init("params", .open, "the front matter's other keys") { .object($0.page.metadata.params.mapValues(\.templateData)) },
        .init("isHome", .value, "the language's home page") { .bool($0.page.isHome) },
        .init("isFallback", .value, "built from the default language's text") { .bool($0.page.isFallback) },
        .init("contentLanguage", contentLanguage, "the language of the page's text") { $0.context.languageValues($0.contentLanguage) },
        .init("original", .object(contentLanguage.fields.merging(["url": .value, "title": .value]) { $1 }),
              "a translation's default-language original") { $0.original },
        .init("translationOutdated", .value, "the original changed after this translation was marked current") {
            .bool($0.site.config.translationNotices && $0.site.translationStatus?.isKnownOutdated($0.page) == true)
        },
        .init("canonicalURL", .value, "with a base URL only") { $0.canonicalURL },
        .init("sourcePath", .value, "the page's file in the site folder") { .text($0.page.sourcePath) },
        .init("editURL", .value, "with editURL: the page's source on the code host") { $0.editURL },
        .init("lastUpdated", .value, "with lastUpdated: the date of its last change") { $0.lastUpdated.map { .text($0.shown) } },
        .init("lastUpdatedISO", .value, "that date as YYYY-MM-DD") { $0.lastUpdated.map { .text($0.iso) } },
        .init("image", .value, "front matter image, absolute") { $0.image },
        .init("isSection", .value, "a section page") { .bool($0.isSection) },
        .init("isIndexed", .value, "with search: true, Pagefind indexes the page") {
            .bool($0.site.config.search && SearchContext.isIndexed($0.page))
        },
    ]

    /// `decision`: a decision helper's values (`DecisionContext`).
    static let decisionFields: [TemplateValueDeclaration] = [
        .init("isStart", .value, "the start page"),
        .init("isQuestion", .value, "a question page"),
        .init("isOutcome", .value, "an outcome page"),
        .init("startURL", .value, "the helper's start page"),
        .init("backURL", .value, "the previous page"),
        .init("firstQuestionURL", .value, "start page: where the start button goes"),
        .init("startButton", .value, "start page: the button's label"),
        .init("questionCount", .value, "start page: the most questions a reader answers"),
        .init("question", .object(["text": .value, "hint": .value]), "question page: the question and its hint"),
        .init("choices", .list(.object(["label": .value, "url": .value])), "question page: each answer"),
        .init("outcome", .object(["title": .value, "text": .value]), "outcome page: its title and why"),
        .init("recommend", .object(["title": .value, "url": .value]), "outcome page: the recommended page"),
        .init("alternative", .object(["title": .value, "url": .value]), "outcome page: the other page"),
        .init("given", .list(.object(["question": .value, "answer": .value, "changeURL": .value])), "the answers given so far"),
        .init("hasGiven", .value, "an answer was given"),
    ]

    static let pageLink: TemplateShape = .object(["number": .value, "url": .value, "isCurrent": .value])

    /// A page's values beside `common` (`TemplateContext.page`, `NavigationContext`).
    static let pageValues: [TemplateValueDeclaration] = [
        .init("page", TemplateValueDeclaration.object(pageFields), "the page") { input in
            .object(TemplateValueDeclaration.values(pageFields, of: input).eager)
        },
        // The values that grow with the site are made only when a template reads them.
        .init("navigation", .list(.object(["title": .value, "url": .value, "isCurrent": .value, "isSection": .value])), lazy: true,
              "the header menu") { $0.context.navigation(in: $0.page.language, at: $0.page.path, link: $0.link) },
        .init("navigationTruncated", .value, lazy: true, "the language has more top-level entries than navigation holds") {
            $0.navigation.navigationTruncated()
        },
        .init("sections", .list(TemplateShape.treeEntry()), lazy: true, "the section tree for a sidebar") { $0.navigation.sections() },
        .init("section", TemplateShape.treeEntry(), lazy: true, "the section the page is in") { $0.navigation.section() },
        .init("hasSectionTree", .value, lazy: true, "the language has sections below the top level") { $0.navigation.hasSectionTree() },
        .init("breadcrumbs", .list(TemplateShape.treeEntry()), lazy: true, "from the home page to this page") { $0.navigation.breadcrumbs() },
        .init("previous", TemplateShape.treeEntry(), lazy: true, "the entry before the page in reading order") { $0.navigation.neighbour(-1) },
        .init("next", TemplateShape.treeEntry(), lazy: true, "the entry after the page in reading order") { $0.navigation.neighbour(1) },
        .init("up", TemplateShape.treeEntry(), lazy: true, "the section page above") { $0.navigation.up() },
        .init("children", .list(TemplateShape.treeEntry()), lazy: true, "a section page's pages and sub-sections") { $0.navigation.children() },
        .init("hasChildren", .value, lazy: true, "children is not empty") { $0.navigation.hasChildren() },
        .init("pagination", .object(["number": .value, "count": .value, "isFirst": .value,
                                     "previous": pageLink, "next": pageLink, "pages": .list(pageLink)]), lazy: true,
              "a long section list's pages") { $0.navigation.pagination() },
        .init("translations", .list(.object(contentLanguage.fields.merging(
            ["url": .value, "isCurrent": .value, "isAvailable": .value, "isFallback": .value]) { $1 })), lazy: true,
              "the page in every language") { $0.context.translations(of: $0.page, link: $0.link) },
        .init("alternates", .list(.object(["hreflang": .value, "url": .value])), lazy: true, "hreflang alternates") {
            $0.context.alternates(of: $0.page, link: $0.link)
        },
        // Made with the page's Markdown renderer (`SiteRenderer`, `DecisionContext`).
        .init("decision", TemplateValueDeclaration.object(decisionFields), "on a decision helper's pages"),
    ]

    /// The search page's values beside a page's (`SearchContext`).
    static let searchValues: [TemplateValueDeclaration] = [
        .init("searchPages", .list(.object(["letter": .value, "pages": .list(.object(
            ["title": .value, "url": .value, "isFallback": .value, "lang": .value, "dir": .value]))])), lazy: true,
              "the language's pages from A to Z") { SearchContext(site: $0.site).alphabeticalList($0.searchPart, link: $0.link) },
        .init("searchParts", .object(["pages": .list(.object(["url": .value, "label": .value, "isCurrent": .value]))]), lazy: true,
              "the parts of a long A-Z list") { SearchContext.parts(of: $0.searchPart, link: $0.link) },
    ]

    /// The root language chooser's and the 404 page's values beside `common`.
    static let chooserValues: [TemplateValueDeclaration] = [
        .init("choices", .list(.object(contentLanguage.fields.merging(
            ["url": .value, "siteTitle": .value, "isDefault": .value, "strings": .open, "text": .open]) { $1 })),
              "one per language, with its home page"),
        .init("canonicalURL", .value, "with a base URL: the site's base URL"),
    ]

    /// The 404 page's values beside the chooser's: the site's header.
    static let notFoundValues: [TemplateValueDeclaration] = [
        .init("navigation", .list(.object(["title": .value, "url": .value, "isCurrent": .value, "isSection": .value])),
              "the default language's header menu"),
        .init("translations", .list(.object(contentLanguage.fields.merging(
            ["url": .value, "isCurrent": .value, "isAvailable": .value, "isFallback": .value]) { $1 })),
              "each language's home page"),
    ]
}
