import SitegenSupport
/// Turns block quotes that start with GitHub's alert marker (`> [!NOTE]` on a
/// line of its own) into callouts:
///
///     <div class="callout callout-note" role="note">
///     <p class="callout-title">Note</p>
///     ...
///     </div>
///
/// A `div` with the ARIA role `note`, not an `aside`: inside `<main>` an aside
/// would be a complementary landmark, and a page full of landmarks is harder
/// to navigate with a screen reader.
package enum CalloutTransform {
    /// Returns the kinds of callout that show their label (those without a
    /// title of their own), each with the place of the first.
    @discardableResult
    package static func apply(to markdown: ParsedMarkdown, labels: CalloutLabels) -> [CalloutKind: SourceLocation] {
        var kinds: [CalloutKind: SourceLocation] = [:]
        guard markdown.source.text.utf8.containsMarker else { return kinds }
        for quote in markdown.document.nodes(ofType: .blockQuote) {
            guard let paragraph = quote.firstChild, paragraph.type == .paragraph,
                  let (kind, markerNodes, titleNodes) = marker(in: paragraph)
            else { continue }
            if titleNodes.isEmpty && kinds[kind] == nil {
                kinds[kind] = markdown.location(of: quote)
            }
            let callout = markdown.document.makeCustom(
                .customBlock,
                onEnter: "<div class=\"callout callout-\(kind.rawValue)\" role=\"note\">",
                onExit: "</div>")
            // The title written after the marker, with its inline Markdown;
            // else the language's label.
            // An inline node, so cmark puts no line break inside the `p`.
            let title = markdown.document.makeCustom(
                .customInline, onEnter: "<p class=\"callout-title\">" + (titleNodes.isEmpty ? HTMLEscaping.escape(labels[kind]) : ""),
                onExit: "</p>")
            for node in titleNodes {
                node.unlink()
                title.append(node)
            }
            for node in markerNodes {
                node.unlink()
            }
            if paragraph.firstChild == nil {
                paragraph.unlink()
            }
            callout.append(title)
            quote.moveChildren(to: callout)
            quote.replace(with: callout)
        }
        return kinds
    }

    /// The callout kind, the nodes of the marker (with the line break after
    /// the line) and those of a title after it, when the paragraph's first
    /// line is `[!KIND]` or `[!KIND] Title`.
    private static func marker(in paragraph: MarkdownNode) -> (CalloutKind, [MarkdownNode], [MarkdownNode])? {
        var text = ""
        var markerNodes: [MarkdownNode] = []
        var child = paragraph.firstChild
        var titleStart: (node: MarkdownNode, literal: String)?
        // The marker: text nodes (cmark splits "[" and "!" off) up to "]".
        while let node = child, node.type == .text, let literal = node.literal {
            if let close = literal.firstIndex(of: "]") {
                text += literal[...close]
                let rest = literal[literal.index(after: close)...]
                guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
                if rest.trimmingSpaces.isEmpty {
                    markerNodes.append(node)
                } else {
                    titleStart = (node, String(rest.drop(while: { $0 == " " || $0 == "\t" })))
                }
                child = rest.trimmingSpaces.isEmpty ? node.next : node
                break
            }
            text += literal
            guard text.count <= 12 else { return nil }
            markerNodes.append(node)
            child = node.next
        }
        let trimmed = text.trimmingSpaces
        guard trimmed.hasPrefix("[!"), trimmed.hasSuffix("]"),
              let kind = CalloutKind(rawValue: trimmed.dropFirst(2).dropLast().lowercased())
        else { return nil }
        if let (node, literal) = titleStart { node.literal = literal }
        var titleNodes: [MarkdownNode] = []
        while let node = child {
            if node.type == .softBreak || node.type == .lineBreak {
                markerNodes.append(node)
                break
            }
            titleNodes.append(node)
            child = node.next
        }
        return (kind, markerNodes, titleNodes)
    }
}

private extension String.UTF8View {
    /// Whether the text contains "[!", searched on bytes (fast on large files).
    var containsMarker: Bool {
        var previous: UInt8 = 0
        for byte in self {
            if byte == UInt8(ascii: "!") && previous == UInt8(ascii: "[") { return true }
            previous = byte
        }
        return false
    }
}
