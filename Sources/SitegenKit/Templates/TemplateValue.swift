/// A value from front matter for templates: what YAML can hold, Sendable.
public enum TemplateValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([TemplateValue])
    case map([String: TemplateValue])

    /// The value as swift-mustache renders it (strings, numbers, arrays, dictionaries).
    var mustacheValue: Any {
        switch self {
        case .string(let value): value
        case .int(let value): value
        case .double(let value): value
        case .bool(let value): value
        case .list(let values): values.map(\.mustacheValue)
        case .map(let values): values.mapValues(\.mustacheValue)
        }
    }
}
