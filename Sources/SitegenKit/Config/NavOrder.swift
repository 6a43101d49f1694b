import Yams
import SitegenSupport

/// `nav:` in `sitegen.yml`, in MkDocs' shape: the reading order of the
/// default language's files, which every translation follows through its
/// translation key.
///
/// ```yaml
/// nav:
///   - index.md
///   - Getting started:
///       - getting-started/README.md
///       - Install: getting-started/install.md
///   - Blog: https://example.org/blog/     # an external link: not a page, left out
/// ```
///
/// Titles in `nav:` are not used (each page keeps its own, in its language).
public struct NavOrder: Sendable, Hashable {
    /// A file of the default language's folder, where `nav:` names it.
    public struct Entry: Sendable, Hashable {
        public var path: String
        public var location: SourceLocation
    }

    /// In reading order.
    public var entries: [Entry] = []

    static func parse(_ node: Node?, yaml: YAMLText, into diagnostics: inout [Diagnostic]) -> NavOrder? {
        guard let node else { return nil }
        var order = NavOrder()
        guard node.sequence != nil else {
            diagnostics.append(.error("nav must be a list, as in MkDocs: '- index.md', '- Title: page.md', '- Section: [...]'", at: yaml.location(of: node)))
            return nil
        }
        order.collect(node, yaml: yaml, into: &diagnostics)
        return order
    }

    private mutating func collect(_ node: Node, yaml: YAMLText, into diagnostics: inout [Diagnostic]) {
        if let sequence = node.sequence {
            for item in sequence { collect(item, yaml: yaml, into: &diagnostics) }
        } else if let mapping = node.mapping {
            // `Title: file.md` or `Section: [...]`.
            for (_, value) in mapping { collect(value, yaml: yaml, into: &diagnostics) }
        } else if let text = node.string {
            if text.contains("://") || text.hasPrefix("mailto:") { return }
            guard text.hasSuffix(".md"), !text.hasPrefix("/"), !text.split(separator: "/").contains("..") else {
                diagnostics.append(.error("nav entry '\(text)' must be a Markdown file of the default language's folder, like 'guide/install.md'",
                                          at: yaml.location(of: node)))
                return
            }
            entries.append(Entry(path: text, location: yaml.location(of: node)))
        }
    }
}
