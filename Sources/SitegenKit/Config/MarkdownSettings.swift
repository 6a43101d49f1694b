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
package struct MarkdownSettings: Sendable, Hashable {
    package var rawHTML: RawHTMLPolicy = .drop
    package var headingIDs: HeadingIDStyle = .github
    package var highlight = true

    package init() {}

    static func parse(_ node: Node?, _ reader: YAMLReader) -> MarkdownSettings {
        var settings = MarkdownSettings()
        reader.settings(node, "markdown", known: ["rawHTML", "headingIDs", "highlight"], example: "rawHTML: allow") { key, value in
            switch key {
            case "rawHTML":
                if let policy = value.string.flatMap(RawHTMLPolicy.init(rawValue:)) { settings.rawHTML = policy }
                else { reader.error("markdown.rawHTML must be 'drop' or 'allow'", at: value) }
            case "headingIDs":
                if let style = value.string.flatMap(HeadingIDStyle.init(rawValue:)) { settings.headingIDs = style }
                else { reader.error("markdown.headingIDs must be 'github' or 'compact'", at: value) }
            default:
                settings.highlight = reader.bool(value, "markdown.highlight must be true or false") ?? settings.highlight
            }
        }
        return settings
    }

    /// The options for rendering a page with these settings.
    func options(calloutLabels: CalloutLabels, footnoteLabels: FootnoteLabels, reservedIDs: Set<String>, shortcodes: ShortcodeSettings = ShortcodeSettings()) -> MarkdownOptions {
        MarkdownOptions(calloutLabels: calloutLabels, footnoteLabels: footnoteLabels, reservedIDs: reservedIDs, headingIDs: headingIDs, rawHTML: rawHTML, highlight: highlight,
                        shortcodes: shortcodes, images: true, fenceOptions: true)
    }
}
