import SitegenSupport

/// What happens to raw HTML written in Markdown (`markdown.rawHTML` in
/// `sitegen.yml`).
public enum RawHTMLPolicy: String, Sendable, Hashable, CaseIterable {
    /// Left out (`<!-- raw HTML omitted -->`), with one warning per file.
    case drop
    /// Kept as written. Link targets in Markdown are still made safe; the
    /// HTML itself is the author's.
    case allow
}

/// Raw HTML by choice. cmark renders in safe mode whatever the policy (so
/// `javascript:` link targets in Markdown stay emptied); to allow raw HTML,
/// each raw HTML node becomes a custom node with the same text, which cmark
/// writes as it is. To drop it, cmark's safe mode does the work and one
/// warning says how much was left out and where the first is.
package enum RawHTMLTransform {
    package static func apply(to markdown: ParsedMarkdown, policy: RawHTMLPolicy) {
        guard markdown.source.text.utf8.contains(UInt8(ascii: "<")) else { return }
        let nodes = markdown.document.nodes(ofType: .htmlBlock, .htmlInline)
        switch policy {
        case .allow:
            for node in nodes {
                let custom = markdown.document.makeCustom(node.type == .htmlBlock ? .customBlock : .customInline,
                                                          onEnter: node.literal ?? "", onExit: "")
                node.replace(with: custom)
            }
        case .drop:
            // Comments hide nothing a reader would miss.
            let dropped = nodes.filter { !($0.literal ?? "").trimmingWhitespace.hasPrefix("<!--") }
            guard let first = dropped.first else { return }
            let blocks = dropped.filter { $0.type == .htmlBlock }.count
            let tags = dropped.count - blocks
            var what: [String] = []
            if blocks > 0 { what.append("\(blocks) raw HTML block\(blocks == 1 ? "" : "s")") }
            if tags > 0 { what.append("\(tags) raw HTML tag\(tags == 1 ? "" : "s")") }
            markdown.diagnostics.append(.warning(
                "\(what.joined(separator: " and ")) dropped (first here); set markdown.rawHTML: allow in sitegen.yml to keep them",
                at: markdown.location(of: first)).of(kind: "files with raw HTML dropped"))
        }
    }
}
