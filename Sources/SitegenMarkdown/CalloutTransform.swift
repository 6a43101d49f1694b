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
    /// Returns the kinds of callout found.
    @discardableResult
    package static func apply(to markdown: ParsedMarkdown, labels: CalloutLabels) -> Set<CalloutKind> {
        var kinds: Set<CalloutKind> = []
        guard markdown.source.text.utf8.containsMarker else { return kinds }
        for quote in markdown.document.nodes(ofType: .blockQuote) {
            guard let paragraph = quote.firstChild, paragraph.type == .paragraph,
                  let (kind, markerNodes) = marker(in: paragraph)
            else { continue }
            kinds.insert(kind)
            for node in markerNodes {
                node.unlink()
            }
            if paragraph.firstChild == nil {
                paragraph.unlink()
            }
            let title = HTMLEscaping.escape(labels[kind])
            let callout = markdown.document.makeCustom(
                .customBlock,
                onEnter: "<div class=\"callout callout-\(kind.rawValue)\" role=\"note\">\n<p class=\"callout-title\">\(title)</p>",
                onExit: "</div>")
            quote.moveChildren(to: callout)
            quote.replace(with: callout)
        }
        return kinds
    }

    /// The callout kind and the nodes of the marker line (with the line break
    /// after it), when the paragraph's first line is exactly `[!KIND]`.
    private static func marker(in paragraph: MarkdownNode) -> (CalloutKind, [MarkdownNode])? {
        var text = ""
        var nodes: [MarkdownNode] = []
        var child = paragraph.firstChild
        while let node = child {
            nodes.append(node)
            if node.type == .softBreak || node.type == .lineBreak { break }
            guard node.type == .text else { return nil }
            text += node.literal ?? ""
            guard text.count <= 12 else { return nil }
            child = node.next
        }
        let trimmed = text.trimmingSpaces
        guard trimmed.hasPrefix("[!"), trimmed.hasSuffix("]"),
              let kind = CalloutKind(rawValue: trimmed.dropFirst(2).dropLast().lowercased())
        else { return nil }
        return (kind, nodes)
    }
}

private extension String.UTF8View {
    /// Whether the text contains "[!", searched on bytes (fast on large files).
    package var containsMarker: Bool {
        var previous: UInt8 = 0
        for byte in self {
            if byte == UInt8(ascii: "!") && previous == UInt8(ascii: "[") { return true }
            previous = byte
        }
        return false
    }
}
