/// A value templates look up: what `TemplateContext` builds for each page.
///
/// A closed set of cases instead of `Any`, so looking up `page.title` is a
/// dictionary lookup and a switch, never a dynamic cast.
public enum TemplateData {
    case text(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([TemplateData])
    case object([String: TemplateData])
    /// Keys answered on demand, such as UI strings, which remember the keys a
    /// template asked for and the language lacks.
    case lookup(any TemplateLookup)
    /// A section helper: `{{#asset}}site.css{{/asset}}` calls it with the
    /// section's text, and its result is inserted as it is.
    case function((String) -> String)
    /// HTML the site core made and escaped itself (a UI string in a
    /// `<span lang="en">`): inserted as it is, by `{{name}}` too.
    case html(String)

    /// Whether a section shows: not for false, an empty list, or a missing value.
    package var isFalsy: Bool {
        switch self {
        case .bool(let value): !value
        case .list(let values): values.isEmpty
        default: false
        }
    }
}

/// An object whose keys are answered on demand.
public protocol TemplateLookup: AnyObject {
    /// The value a template asked for by name (`strings.key`).
    func value(forKey key: String) -> TemplateData?
    /// Whether the key exists, without side effects: used when a name's first
    /// part is looked for in every enclosing section.
    func contains(_ key: String) -> Bool
    /// The key's value when it exists, looked for in an enclosing section:
    /// asking whether it exists must not count as asking for it.
    func probe(_ key: String) -> TemplateData?
}

extension TemplateLookup {
    /// Whether the key exists, then its value: two look-ups.
    public func probe(_ key: String) -> TemplateData? {
        contains(key) ? value(forKey: key) : nil
    }
}

extension TemplateData: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    /// Text. (Literals make template data: `["title": "Home", "pages": [["title": "A"]]]`.)
    public init(stringLiteral value: String) { self = .text(value) }
    /// `true`, `false`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A number.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A list: `["a", "b"]`.
    public init(arrayLiteral elements: TemplateData...) { self = .list(elements) }
    /// An object: `["title": "Home"]`.
    public init(dictionaryLiteral elements: (String, TemplateData)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
    }
}
