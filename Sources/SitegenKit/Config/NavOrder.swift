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
///   - Blog: https://example.org/blog/     # an external link: in the sidebar, at its place
/// ```
///
/// A title given to a file (`Install: getting-started/install.md`) is that
/// page's title in navigation, in the default language (translations keep
/// their own); a section's title is not used (the folder's page has its own).
package struct NavOrder: Sendable, Hashable {
    /// A file of the default language's folder, where `nav:` names it.
    package struct Entry: Sendable, Hashable {
        package var path: String
        package var location: SourceLocation
        /// `Title: file.md`: the page's title in navigation.
        package var title: String? = nil
    }

    /// `- Title: https://...` at the top level: a link to another site, shown
    /// in the sidebar after the `pagesBefore` pages `nav:` lists before it.
    package struct ExternalLink: Sendable, Hashable {
        package var title: String
        package var url: String
        package var pagesBefore: Int
    }

    /// In reading order.
    package var entries: [Entry] = []
    package var externalLinks: [ExternalLink] = []

    static func parse(_ node: Node?, yaml: YAMLText, into diagnostics: inout [Diagnostic]) -> NavOrder? {
        guard let node else { return nil }
        var order = NavOrder()
        guard node.sequence != nil else {
            diagnostics.append(.error("nav must be a list, as in MkDocs: '- index.md', '- Title: page.md', '- Section: [...]'", at: yaml.location(of: node)))
            return nil
        }
        order.collect(node, title: nil, depth: 0, yaml: yaml, into: &diagnostics)
        return order
    }

    /// `depth`: how many sections deep the entry is (0: the top level).
    private mutating func collect(_ node: Node, title: String?, depth: Int, yaml: YAMLText, into diagnostics: inout [Diagnostic]) {
        if let sequence = node.sequence {
            for item in sequence { collect(item, title: nil, depth: title == nil ? depth : depth + 1, yaml: yaml, into: &diagnostics) }
        } else if let mapping = node.mapping {
            // `Title: file.md` or `Section: [...]`.
            for (key, value) in mapping { collect(value, title: key.string, depth: depth, yaml: yaml, into: &diagnostics) }
        } else if let text = node.string {
            if text.hasPrefix("https://") || text.hasPrefix("http://") {
                guard depth == 0 else {
                    diagnostics.append(.warning("nav entry '\(text)': an external link inside a section is not shown; only those at the top level are, in the sidebar",
                                                at: yaml.location(of: node)))
                    return
                }
                guard PageMetadata.isLinkTarget(text[...]) else {
                    diagnostics.append(.error("nav entry '\(text)' is no URL sitegen can link to (no spaces, quotes, '<' or '>')", at: yaml.location(of: node)))
                    return
                }
                externalLinks.append(ExternalLink(title: title ?? text, url: text, pagesBefore: entries.count))
                return
            }
            if text.contains("://") || text.hasPrefix("mailto:") { return }
            guard text.hasSuffix(".md"), !text.hasPrefix("/"), !text.split(separator: "/").contains("..") else {
                diagnostics.append(.error("nav entry '\(text)' must be a Markdown file of the default language's folder, like 'guide/install.md'",
                                          at: yaml.location(of: node)))
                return
            }
            entries.append(Entry(path: text, location: yaml.location(of: node), title: title))
        }
    }
}
