import SitegenMustache
/// A value from front matter for templates: what YAML can hold, Sendable.
package enum TemplateValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([TemplateValue])
    case map([String: TemplateValue])
}

extension TemplateValue {
    /// Front matter values as templates see them (`page.params`).
    var templateData: TemplateData {
        switch self {
        case .string(let value): .text(value)
        case .int(let value): .int(value)
        case .double(let value): .double(value)
        case .bool(let value): .bool(value)
        case .list(let values): .list(values.map(\.templateData))
        case .map(let values): .object(values.mapValues(\.templateData))
        }
    }
}
