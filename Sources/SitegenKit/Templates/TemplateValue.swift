/// A value from front matter for templates: what YAML can hold, Sendable.
public enum TemplateValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([TemplateValue])
    case map([String: TemplateValue])
}
