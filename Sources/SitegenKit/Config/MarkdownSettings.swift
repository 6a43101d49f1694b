import Yams
import SitegenSupport
import SitegenMarkdown

/// `markdown:` in `sitegen.yml`:
///
/// ```yaml
/// markdown:
///   rawHTML: drop        # drop (default: left out, one warning per file) or allow
///   headingIDs: github   # github (default: GitHub's rules) or compact (sitegen's before)
///   highlight: true      # syntax highlighting of fenced code blocks (default true)
/// ```
public struct MarkdownSettings: Sendable, Hashable {
    public var rawHTML: RawHTMLPolicy = .drop
    public var headingIDs: HeadingIDStyle = .github
    public var highlight = true

    public init() {}

    static func parse(_ node: Node?, yaml: YAMLText, into diagnostics: inout [Diagnostic]) -> MarkdownSettings {
        var settings = MarkdownSettings()
        guard let node else { return settings }
        guard let mapping = node.mapping else {
            diagnostics.append(.error("markdown must be a mapping, like 'markdown:' with '  rawHTML: allow'", at: yaml.location(of: node)))
            return settings
        }
        for (key, value) in mapping {
            switch key.string {
            case "rawHTML":
                if let policy = value.string.flatMap(RawHTMLPolicy.init(rawValue:)) { settings.rawHTML = policy }
                else { diagnostics.append(.error("markdown.rawHTML must be 'drop' or 'allow'", at: yaml.location(of: value))) }
            case "headingIDs":
                if let style = value.string.flatMap(HeadingIDStyle.init(rawValue:)) { settings.headingIDs = style }
                else { diagnostics.append(.error("markdown.headingIDs must be 'github' or 'compact'", at: yaml.location(of: value))) }
            case "highlight":
                if let highlight = value.bool { settings.highlight = highlight }
                else { diagnostics.append(.error("markdown.highlight must be true or false", at: yaml.location(of: value))) }
            default:
                diagnostics.append(.warning("unknown setting 'markdown.\(key.string ?? "")'; known: headingIDs, highlight, rawHTML", at: yaml.location(of: key)))
            }
        }
        return settings
    }

    /// The options for rendering a page with these settings.
    func options(calloutLabels: CalloutLabels, footnoteLabels: FootnoteLabels, reservedIDs: Set<String>, shortcodes: ShortcodeSettings = ShortcodeSettings()) -> MarkdownOptions {
        MarkdownOptions(calloutLabels: calloutLabels, footnoteLabels: footnoteLabels, reservedIDs: reservedIDs, headingIDs: headingIDs, rawHTML: rawHTML, highlight: highlight,
                        shortcodes: shortcodes, images: true)
    }
}
