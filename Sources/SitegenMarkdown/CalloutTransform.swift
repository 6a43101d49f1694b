import SitegenSupport
/// Turns block quotes that start with GitHub's alert marker (`> [!NOTE]` on a
/// line of its own, or `> [!NOTE] Title`) into callouts (`CalloutHTML`).
/// `> [!NOTE]-` makes it collapsible and closed, `> [!NOTE]+` collapsible
/// and open (Obsidian's spelling). Besides GitHub's five kinds, the
/// admonition types of other generators (`[!DANGER]`, `[!EXAMPLE]`...) are
/// read too (`CalloutType`).
package enum CalloutTransform {
    /// Returns the types of callout that show their label (those without a
    /// title of their own), each with the place of the first.
    @discardableResult
    package static func apply(to markdown: ParsedMarkdown, labels: CalloutLabels) -> [String: SourceLocation] {
        var types: [String: SourceLocation] = [:]
        guard markdown.census.has(.calloutMarker) else { return types }
        for quote in markdown.document.nodes(ofType: .blockQuote) {
            guard let paragraph = quote.firstChild, paragraph.type == .paragraph,
                  let (type, collapse, markerNodes, titleNodes) = marker(in: paragraph)
            else { continue }
            if titleNodes.isEmpty && types[type] == nil {
                types[type] = markdown.location(of: quote)
            }
            let callout = makeCallout(type: type, collapse: collapse, title: titleNodes, labels: labels, in: markdown.document)
            for node in markerNodes {
                node.unlink()
            }
            if paragraph.firstChild == nil {
                paragraph.unlink()
            }
            quote.moveChildren(to: callout)
            quote.replace(with: callout)
        }
        return types
    }

    /// A detached callout node whose first child is its title: `title`
    /// (inline nodes, moved into it), or the language's label for the type;
    /// none when `untitled` (MkDocs' `!!! note ""`).
    package static func makeCallout(type: String, collapse: CalloutHTML.Collapse, title: [MarkdownNode], untitled: Bool = false,
                                    classes: [String] = [], id: String? = nil,
                                    labels: CalloutLabels, in document: MarkdownDocument) -> MarkdownNode {
        let kind = CalloutKind(type: type)
        let callout = document.makeCustom(
            .customBlock,
            onEnter: CalloutHTML.containerOpen(kind: kind, type: type, collapse: collapse, classes: classes, id: id),
            onExit: CalloutHTML.containerClose(collapse: collapse))
        if untitled { return callout }
        // An inline node, so cmark puts no line break inside the title element.
        let titleNode = document.makeCustom(
            .customInline,
            onEnter: CalloutHTML.titleOpen(kind: kind, collapse: collapse) + (title.isEmpty ? labels.titleHTML(type: type) : ""),
            onExit: CalloutHTML.titleClose(collapse: collapse))
        for node in title {
            node.unlink()
            titleNode.append(node)
        }
        callout.append(titleNode)
        return callout
    }

    /// The callout kind, the nodes of the marker (with the line break after
    /// the line) and those of a title after it, when the paragraph's first
    /// line is `[!KIND]` or `[!KIND] Title`.
    private static func marker(in paragraph: MarkdownNode) -> (String, CalloutHTML.Collapse, [MarkdownNode], [MarkdownNode])? {
        var text = ""
        var markerNodes: [MarkdownNode] = []
        var child = paragraph.firstChild
        var titleStart: (node: MarkdownNode, literal: String)?
        var collapse = CalloutHTML.Collapse.none
        // The marker: text nodes (cmark splits "[" and "!" off) up to "]".
        while let node = child, node.type == .text, let literal = node.literal {
            if let close = literal.firstIndex(of: "]") {
                text += literal[...close]
                var rest = literal[literal.index(after: close)...]
                if let sign = rest.first, sign == "-" || sign == "+" {
                    collapse = sign == "-" ? .closed : .open
                    rest = rest.dropFirst()
                }
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
              let type = CalloutType.canonical(trimmed.dropFirst(2).dropLast())
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
        return (type, collapse, markerNodes, titleNodes)
    }
}
