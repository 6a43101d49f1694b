import SitegenSupport
/// Turns paragraphs whose source lines form a pipe table into table HTML.
///
/// CommonMark has no tables, so cmark sees a table as a paragraph. We read the
/// paragraph's source lines, and when they hold a `PipeTable`, replace the
/// paragraph with custom nodes for `<table>`, `<thead>`, `<tbody>` and rows.
/// Each cell's text is parsed as inline Markdown on its own (as the content of
/// an ATX heading, the one cmark block whose content is inline only).
package enum PipeTableTransform {
    package static func apply(to markdown: ParsedMarkdown) {
        // Cheap pre-check: a table needs a delimiter row, which needs a pipe and a dash.
        guard markdown.census.has(.pipe) else { return }
        let paragraphs = markdown.document.nodes(ofType: .paragraph)
        for paragraph in paragraphs where paragraph.endLine > paragraph.startLine {
            let lines = markdown.sourceLines(of: paragraph)
            guard let table = PipeTable.parse(lines) else { continue }
            replace(paragraph, with: table, lines: lines, in: markdown)
        }
    }

    private static func replace(_ paragraph: MarkdownNode, with table: PipeTable, lines: [Substring], in markdown: ParsedMarkdown) {
        let document = markdown.document
        // Text above the header row stays a paragraph of its own.
        if table.headerLine > 0 {
            let prefix = lines[0..<table.headerLine]
            let nodes = markdown.parseFragment(
                prefix.joined(separator: "\n"),
                lineStarts: prefix.map { markdown.lines.byteOffset(of: $0) })
            for node in nodes {
                paragraph.insertBefore(node)
            }
        }

        let cellContents = inlineContents(of: [table.header] + table.rows, lines: lines, markdown: markdown)
        // Each body cell carries its column's header text (`data-label`), so
        // a theme can show a table as labelled cards on a narrow screen.
        let labels = cellContents[0].map { inlines in inlines.map(\.plainText).joined() }
        // tabindex: a table wider than the column scrolls sideways in its own
        // box (the theme's CSS), and a keyboard must reach that box too.
        let tableNode = document.makeCustom(.customBlock, onEnter: "<table tabindex=\"0\">", onExit: "</table>")
        let head = document.makeCustom(.customBlock, onEnter: "<thead>", onExit: "</thead>")
        head.append(row(cellContents[0], header: true, alignments: table.alignments, labels: labels, document: document))
        tableNode.append(head)
        if !table.rows.isEmpty {
            let body = document.makeCustom(.customBlock, onEnter: "<tbody>", onExit: "</tbody>")
            for cells in cellContents.dropFirst() {
                body.append(row(cells, header: false, alignments: table.alignments, labels: labels, document: document))
            }
            tableNode.append(body)
        }
        paragraph.replace(with: tableNode)
        // Lines after the table (reference definitions, and what follows
        // them) are parsed on their own, after it.
        if table.endLine < lines.count {
            let rest = lines[table.endLine...]
            let definitions = markdown.referenceDefinitions
            let nodes = markdown.parseFragment(
                rest.joined(separator: "\n") + (definitions.isEmpty ? "" : "\n\n" + definitions),
                lineStarts: rest.map { markdown.lines.byteOffset(of: $0) })
            var previous = tableNode
            // Only what these lines make, not what the definitions added make.
            for node in nodes where node.startLine <= rest.count {
                previous.insertAfter(node)
                previous = node
            }
        }
    }

    private static func row(_ cells: [[MarkdownNode]], header: Bool, alignments: [PipeTable.Alignment], labels: [String], document: MarkdownDocument) -> MarkdownNode {
        let rowNode = document.makeCustom(.customBlock, onEnter: "<tr>", onExit: "</tr>")
        for ((inlines, alignment), label) in zip(zip(cells, alignments), labels) {
            let tag = header ? "th" : "td"
            var attributes = header ? " scope=\"col\"" : " data-label=\"\(HTMLEscaping.escape(label))\""
            // A class, not GFM's obsolete `align` attribute or a `style`
            // attribute (which a strict Content-Security-Policy blocks).
            switch alignment {
            case .none: break
            case .left: attributes += " class=\"align-left\""
            case .center: attributes += " class=\"align-center\""
            case .right: attributes += " class=\"align-right\""
            }
            let cellNode = document.makeCustom(.customInline, onEnter: "<\(tag)\(attributes)>", onExit: "</\(tag)>\n")
            for inline in inlines {
                cellNode.append(inline)
            }
            rowNode.append(cellNode)
        }
        return rowNode
    }

    /// The inline nodes of every cell, adopted into the page's document.
    ///
    /// All cells of a table are parsed in one cmark document, one cell per
    /// line, each line written as an ATX heading ("# text") so that its content
    /// is parsed as inlines only. A closing "#" sequence would be eaten, so a
    /// cell that ends in "#" gets one extra to eat.
    private static func inlineContents(of rows: [[PipeTable.Cell]], lines: [Substring], markdown: ParsedMarkdown) -> [[[MarkdownNode]]] {
        var source = ""
        var lineStarts: [Int] = []
        var usesReferences = false
        for cell in rows.joined() {
            source += "# " + cell.text + (cell.text.hasSuffix("#") ? " #\n" : "\n")
            lineStarts.append(markdown.lines.byteOffset(of: lines[cell.line]) + cell.byteOffset)
            usesReferences = usesReferences || cell.text.contains("[")
        }
        if usesReferences && !markdown.referenceDefinitions.isEmpty {
            source += "\n" + markdown.referenceDefinitions
        }
        var headings = markdown.parseFragment(source, lineStarts: lineStarts, columnShift: 2)
            .filter { $0.type == .heading }
            .makeIterator()
        return rows.map { cells in
            cells.map { _ in
                guard let heading = headings.next() else { return [] }
                return heading.children.map { node in
                    node.unlink()
                    return node
                }
            }
        }
    }
}
