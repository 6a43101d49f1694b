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

    /// Every value of the context: `common`, then its own.
    var values: [any DeclaredTemplateValue] {
        (Self.common as [any DeclaredTemplateValue]) + pageDeclarations + rootPageDeclarations
    }

    /// A page's values beside `common`, made from the page (none for the root pages).
    var pageDeclarations: [TemplateValueDeclaration<PageValueInput>] {
        switch self {
        // A helper's start page is a written page: it has `decision` in its own layout.
        case .page, .decisionStep: Self.pageValues
        case .search: Self.pageValues + Self.searchValues
        case .languageChooser, .notFound: []
        }
    }

    /// `pageDeclarations` by name.
    var pageTable: TemplateValueTable<PageValueInput> {
        switch self {
        case .page, .decisionStep: Self.pageValuesTable
        case .search: Self.searchPageTable
        case .languageChooser, .notFound: Self.noPageValues
        }
    }

    static let pageValuesTable = TemplateValueTable(pageValues)
    static let searchPageTable = TemplateValueTable(pageValues + searchValues)
    static let noPageValues = TemplateValueTable<PageValueInput>([])
    static let pageFieldsTable = TemplateValueTable(pageFields)
    static let commonTable = TemplateValueTable(common)

    /// The language chooser's and the 404 page's values beside `common`.
    var rootPageDeclarations: [TemplateValueDeclaration<RootPageValueInput>] {
        switch self {
        case .page, .decisionStep, .search: []
        case .languageChooser: Self.chooserValues
        case .notFound: Self.chooserValues + Self.notFoundValues
        }
    }

    var shape: TemplateShape { .object(declaring: values) }

    /// Every context at once: what a partial shared by several layouts may
    /// test for in a section (`{{#page.hasCode}}` in a head partial that
    /// `404.mustache` includes too).
    static let anyShape: TemplateShape = .object(declaring: allCases.flatMap(\.values))

    // MARK: The tables

    static let site: [TemplateValueDeclaration<CommonValueInput>] = [
        .init("title", .value, "the site title in the page's language") { .text($0.language.siteTitle) },
        .init("isMultilingual", .value, "the site has more than one language") { .bool($0.site.config.languages.count > 1) },
        .init("languageCount", .value, "how many languages") { .int($0.site.config.languages.count) },
        .init("generator", .value, "sitegen and its version") { _ in .text("sitegen \(Sitegen.version)") },
        // The logo and favicon are files of static/, published at the root.
        .init("logo", .value, "with logo in sitegen.yml: the file's URL") { input in
            input.site.config.logo.map { .text(input.root + $0.path.urlPath) }
        },
        .init("favicon", .value, "with favicon in sitegen.yml: the file's URL") { input in
            input.site.config.favicon.map { .text(input.root + $0.path.urlPath) }
        },
    ]

    /// A language's fields: `language`, and each entry of the lists of languages.
    static let language: [TemplateValueDeclaration<Language>] = [
        .init("code", .value, "the language code") { .text($0.code) },
        .init("name", .value, "the language's name") { .text($0.name) },
        .init("dir", .value, "ltr or rtl") { .text($0.direction.rawValue) },
        .init("isRightToLeft", .value, "dir is rtl") { .bool($0.direction == .rightToLeft) },
    ]

    /// What every context has, for its language (the default language's on the root pages).
    static let common: [TemplateValueDeclaration<CommonValueInput>] = [
        .init("site", .object(declaring: site), "the site") { .object(TemplateValueDeclaration.fields(site, of: $0)) },
        .init("language", .object(declaring: language), "the page's language") { $0.context.languageValues($0.language) },
        .init("strings", .open, "the language's UI strings") { .lookup($0.strings) },
        .init("text", .open, "the UI strings, an English stand-in marked with its language") { $0.strings.text },
        .init("plurals", .open, "the plural forms of a UI string") { $0.strings.plurals },
        .init("root", .value, "the relative path to the site root") { .text($0.root) },
        .init("home", .value, "the URL of the language's home page") { .text($0.home) },
        .init("asset", .helper, "{{#asset}}name{{/asset}}: a theme file's hashed URL") { $0.assets.function },
        .init("banner", .value, "the language's banner text") { input in input.site.config.banner[input.language.code].map(TemplateData.text) },
        .init("searchURL", .value, "with search: true, the URL of the language's search page") { $0.searchURL },
    ]

    static let contentLanguage: TemplateShape = .object(declaring: language)

    /// `page`: the page's own values.
    static let pageFields: [TemplateValueDeclaration<PageValueInput>] = [
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

    /// `decision`: a decision helper's values (`DecisionContext`). Hints and
    /// outcome texts are Markdown, rendered with the page's renderer; in
    /// this order, so their problems are reported in it.
    static let decisionFields: [TemplateValueDeclaration<DecisionValueInput>] = [
        .init("isStart", .value, "the start page") { .bool($0.start != nil) },
        .init("isQuestion", .value, "a question page") { .bool($0.question != nil) },
        .init("isOutcome", .value, "an outcome page") { .bool($0.outcome != nil) },
        .init("startURL", .value, "the helper's start page") { $0.link($0.decision.startPath) },
        .init("backURL", .value, "the previous page") { input in input.decision.backPath.map(input.link) },
        .init("firstQuestionURL", .value, "start page: where the start button goes") { input in input.start.map { input.link($0.firstQuestion) } },
        .init("startButton", .value, "start page: the button's label") { $0.start.map { .text($0.startButton) } },
        .init("questionCount", .value, "start page: the most questions a reader answers") { $0.start.map { .int($0.questionCount) } },
        .init("question", .object(["text": .value, "hint": .value]), "question page: the question and its hint") { input in
            input.question.map { question in
                var values: [String: TemplateData] = ["text": .text(question.text)]
                if let hint = question.hint { values["hint"] = .text(input.render(hint)) }
                return .object(values)
            }
        },
        .init("choices", .list(.object(["label": .value, "url": .value])), "question page: each answer") { input in
            input.question.map { .list($0.choices.map { ["label": .text($0.label), "url": input.link($0.path)] }) }
        },
        .init("outcome", .object(["title": .value, "text": .value]), "outcome page: its title and why") { input in
            input.outcome.map { ["title": .text($0.title), "text": .text(input.render($0.text))] }
        },
        .init("recommend", .object(["title": .value, "url": .value]), "outcome page: the recommended page") { input in
            input.outcome.flatMap { input.target($0.recommend) }
        },
        .init("alternative", .object(["title": .value, "url": .value]), "outcome page: the other page") { input in
            input.outcome?.alternative.flatMap(input.target)
        },
        .init("given", .list(.object(["question": .value, "answer": .value, "changeURL": .value])), "the answers given so far") { input in
            .list(input.decision.given.map { ["question": .text($0.question), "answer": .text($0.answer), "changeURL": input.link($0.changePath)] })
        },
        .init("hasGiven", .value, "an answer was given") { .bool(!$0.decision.given.isEmpty) },
    ]

    static let pageLink: TemplateShape = .object(["number": .value, "url": .value, "isCurrent": .value])

    /// A page's values beside `common` (`TemplateContext.page`, `NavigationContext`).
    static let pageValues: [TemplateValueDeclaration<PageValueInput>] = [
        .init("page", .object(declaring: pageFields), "the page") { .lookup(DeclaredValues(pageFieldsTable, of: $0)) },
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
                                     "previous": pageLink, "next": pageLink,
                                     "pages": .list(.object(["number": .value, "url": .value, "isCurrent": .value, "isAfterGap": .value]))]), lazy: true,
              "a long section list's pages") { $0.navigation.pagination() },
        .init("translations", .list(.object(contentLanguage.fields.merging(
            ["url": .value, "isCurrent": .value, "isAvailable": .value, "isFallback": .value]) { $1 })), lazy: true,
              "the page in every language") { $0.context.translations(of: $0.page, link: $0.link) },
        .init("alternates", .list(.object(["hreflang": .value, "url": .value])), lazy: true, "hreflang alternates") {
            $0.context.alternates(of: $0.page, link: $0.link)
        },
        // Made from `decisionFields` with the page's Markdown renderer (`SiteRenderer`, `DecisionContext`).
        .init("decision", .object(declaring: decisionFields), "on a decision helper's pages"),
    ]

    /// The search page's values beside a page's (`SearchContext`).
    static let searchValues: [TemplateValueDeclaration<PageValueInput>] = [
        .init("searchPages", .list(.object(["letter": .value, "pages": .list(.object(
            ["title": .value, "url": .value, "isFallback": .value, "lang": .value, "dir": .value]))])), lazy: true,
              "the language's pages from A to Z") { SearchContext(site: $0.site).alphabeticalList($0.searchPart, link: $0.link) },
        .init("searchParts", .object(["pages": .list(.object(["url": .value, "label": .value, "isCurrent": .value]))]), lazy: true,
              "the parts of a long A-Z list") { SearchContext.parts(of: $0.searchPart, link: $0.link) },
    ]

    /// The root language chooser's and the 404 page's values beside `common`.
    static let chooserValues: [TemplateValueDeclaration<RootPageValueInput>] = [
        .init("choices", .list(.object(contentLanguage.fields.merging(
            ["url": .value, "siteTitle": .value, "isDefault": .value, "strings": .open, "text": .open]) { $1 })),
              "one per language, with its home page") { $0.context.choices(at: .root, absoluteBase: $0.absoluteBase, strings: $0.strings) },
        .init("canonicalURL", .value, "with a base URL: the site's base URL") { $0.site.config.baseURL.map { .text($0.description) } },
    ]

    /// The 404 page's values beside the chooser's: the site's header, with
    /// absolute links (it is served at any depth).
    static let notFoundValues: [TemplateValueDeclaration<RootPageValueInput>] = [
        .init("navigation", .list(.object(["title": .value, "url": .value, "isCurrent": .value, "isSection": .value])),
              "the default language's header menu") { input in
            input.absoluteBase.map { base in
                input.context.navigation(in: input.defaultLanguage.code, at: input.file) { base + $0.urlPath }
            }
        },
        .init("translations", .list(.object(contentLanguage.fields.merging(
            ["url": .value, "isCurrent": .value, "isAvailable": .value, "isFallback": .value]) { $1 })),
              "each language's home page") { input in
            input.absoluteBase.map { input.context.homeTranslations(current: input.defaultLanguage, absoluteBase: $0) }
        },
    ]
}
