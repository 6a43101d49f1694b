import SitegenMustache
import SitegenSupport

/// What templates can name: the shape of every context sitegen gives them
/// (a page, a decision helper's page, the search page, the language chooser
/// and `404.html`),
/// as documented in docs/themes.md. Keep the three in step with
/// `TemplateContext` and `DecisionContext`.
///
/// A name that no context can hold (`{{site.titel}}`, `{{foo}}`) is an error
/// at its tag, instead of the empty string the Mustache specification would
/// print for it. A value the schema has but one page lacks (a description,
/// a canonical URL without a base URL) stays empty, as Mustache says.
indirect enum TemplateShape: Sendable {
    /// Text, a number or a boolean.
    case value
    case object([String: TemplateShape])
    /// A list, and the shape of its items.
    case list(TemplateShape)
    /// Any key (front matter `params`, UI strings).
    case open
    /// A section helper (`{{#asset}}name{{/asset}}`): its content is its argument.
    case helper

    func child(_ key: String) -> TemplateShape? {
        switch self {
        case .object(let fields): fields[key]
        case .open: .open
        default: nil
        }
    }

    /// The keys an object has, for messages.
    var keys: [String] {
        if case .object(let fields) = self { return fields.keys.sorted() }
        return []
    }

    /// What a section over a value of this shape makes the current value.
    var sectionContext: TemplateShape {
        if case .list(let item) = self { return item }
        return self
    }

    static let language: [String: TemplateShape] = ["code": .value, "name": .value, "dir": .value, "isRightToLeft": .value]

    static func object(_ fields: [String: TemplateShape], adding more: [String: TemplateShape]) -> TemplateShape {
        .object(fields.merging(more) { $1 })
    }

    static let decision: TemplateShape = .object([
        "isStart": .value, "isQuestion": .value, "isOutcome": .value, "startURL": .value, "backURL": .value,
        "firstQuestionURL": .value, "startButton": .value, "questionCount": .value,
        "question": .object(["text": .value, "hint": .value]),
        "choices": .list(.object(["label": .value, "url": .value])),
        "outcome": .object(["title": .value, "text": .value]),
        "recommend": .object(["title": .value, "url": .value]),
        "alternative": .object(["title": .value, "url": .value]),
        "given": .list(.object(["question": .value, "answer": .value, "changeURL": .value])),
        "hasGiven": .value,
    ])

    static let page: TemplateShape = .object([
        "title": .value, "description": .value, "content": .value, "canonicalURL": .value,
        "headings": .list(.object(["level": .value, "text": .value, "id": .value])),
        "toc": .list(.object(["text": .value, "id": .value, "hasChildren": .value,
                              "children": .list(.object(["text": .value, "id": .value]))])),
        "hasTOC": .value, "params": .open, "isHome": .value, "isFallback": .value, "sourcePath": .value, "isSection": .value, "isIndexed": .value,
        "contentLanguage": .object(language),
        "original": object(language, adding: ["url": .value, "title": .value]),
        "hasCode": .value, "hasTabs": .value, "translationOutdated": .value, "editURL": .value, "lastUpdated": .value, "lastUpdatedISO": .value, "image": .value,
    ])

    /// An entry of the section tree (`TreeEntry`), with its children to
    /// `depth` levels: deeper than any theme lists them.
    static func treeEntry(depth: Int = 8) -> TemplateShape {
        .object([
            "title": .value, "url": .value, "description": .value, "isSection": .value, "isCurrent": .value,
            "isFallback": .value, "lang": .value, "dir": .value, "isAncestor": .value, "hasChildren": .value,
            "isTruncated": .value, "pageNumber": .value, "isExternal": .value, "isHome": .value,
            "children": depth == 0 ? .open : .list(treeEntry(depth: depth - 1)),
        ])
    }

    static let pageLink: TemplateShape = .object(["number": .value, "url": .value, "isCurrent": .value])

    /// Every context at once: a name is an error only when none has it.
    static let root: TemplateShape = .object([
        "site": .object(["title": .value, "languageCount": .value, "isMultilingual": .value, "generator": .value,
                          "logo": .value, "favicon": .value]),
        "language": .object(language),
        "strings": .open, "text": .open, "plurals": .open,
        "root": .value, "home": .value, "asset": .helper,
        "page": page,
        "navigation": .list(.object(["title": .value, "url": .value, "isCurrent": .value, "isSection": .value])),
        "translations": .list(object(language, adding: ["url": .value, "isCurrent": .value, "isAvailable": .value, "isFallback": .value])),
        "alternates": .list(.object(["hreflang": .value, "url": .value])),
        "decision": decision,
        // Navigation for documentation sites (`NavigationContext`).
        "sections": .list(treeEntry()), "section": treeEntry(), "breadcrumbs": .list(treeEntry()),
        "previous": treeEntry(), "next": treeEntry(), "up": treeEntry(),
        "children": .list(treeEntry()), "hasChildren": .value, "hasSectionTree": .value, "navigationTruncated": .value,
        "pagination": .object(["number": .value, "count": .value, "isFirst": .value,
                               "previous": pageLink, "next": pageLink, "pages": .list(pageLink)]),
        // Search (`SearchContext`): every page's link to its language's search
        // page; the search page's A–Z list.
        "searchURL": .value, "banner": .value,
        "searchPages": .list(.object(["letter": .value,
                                      "pages": .list(.object(["title": .value, "url": .value, "isFallback": .value, "lang": .value, "dir": .value]))])),
        "searchParts": .object(["pages": .list(.object(["url": .value, "label": .value, "isCurrent": .value]))]),
        // The language chooser and 404.html.
        "choices": .list(object(language, adding: ["url": .value, "siteTitle": .value, "isDefault": .value, "strings": .open, "text": .open])),
    ])
}
