import SitegenMustache
import SitegenSupport

/// What templates can name: the shape of a context's values, as
/// `TemplateContextKind` declares them for each context sitegen gives
/// templates (a page, a decision helper's page, the search page, the
/// language chooser and `404.html`).
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

    /// An object's fields (none for other shapes).
    var fields: [String: TemplateShape] {
        if case .object(let fields) = self { return fields }
        return [:]
    }

    /// The keys an object has, for messages.
    var keys: [String] { fields.keys.sorted() }

    /// What a section over a value of this shape makes the current value.
    var sectionContext: TemplateShape {
        if case .list(let item) = self { return item }
        return self
    }

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
}
