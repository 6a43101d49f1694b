import CCmark
import SitegenSupport

/// One Markdown file during conversion: its cmark tree together with its source
/// lines, so transforms can look at the text a node came from.
///
/// Transforms that parse text again in a separate cmark document (table cells,
/// text above a table) record where that text came from, so links found there
/// still report their place in the real file.
package final class ParsedMarkdown {
    package let source: SourceText
    package let lines: SourceLines
    package let document: MarkdownDocument
    package var diagnostics: [Diagnostic] = []
    /// Lines (cmark's) whose kept inline raw HTML `ForeignSyntaxCheck` warned about.
    package var rawHTMLWarnedLines: Set<Int> = []
    /// Admonitions and tabs in other generators' syntax, by the line of their
    /// marker (`BlockReader`); cmark parsed them as block quotes.
    package let blockContainers: [Int: BlockContainer]
    /// Per line: how many bytes further right a position is in the file
    /// than in the text cmark parsed (`BlockReader` rewrote line starts).
    private let columnShift: [Int]
    /// Link and image nodes adopted from a sub-document, with their UTF-8 offset
    /// in `source.text`.
    private var adoptedOffsets: [OpaquePointer: Int] = [:]

    /// Where each line came from, when the text is a reader's expansion
    /// (`MarkdownExpander`) of the file: locations then name the file and
    /// line the author wrote.
    package let origins: [LineOrigin]?
    private let expanded: ExpandedMarkdown?

    /// Which markers the text holds, so each transform skips a page
    /// without its syntax.
    package let census: MarkerCensus

    /// `census` is the file's, when known (the expanded text gets its own).
    package init(_ source: SourceText, expanded: ExpandedMarkdown? = nil, census: MarkerCensus? = nil) {
        if let expanded {
            self.source = SourceText(normalized: expanded.text, path: source.path)
            self.origins = expanded.origins
            self.census = MarkerCensus(expanded.text)
        } else {
            self.source = source
            self.origins = nil
            self.census = census ?? MarkerCensus(source.text)
        }
        self.expanded = expanded
        // Other generators' blocks, read from the expanded text (so included
        // files have them too).
        let blocks = BlockReader(self.source, census: self.census)
        self.blockContainers = blocks.containers
        self.columnShift = blocks.columnShift
        self.lines = SourceLines(blocks.text)
        self.document = MarkdownDocument(parsing: blocks.text)
        self.diagnostics = blocks.diagnostics.map { diagnostic in
            guard let line = diagnostic.line else { return diagnostic }
            var mapped = diagnostic
            let place = self.locationInSource(line: line, byteColumn: diagnostic.column ?? 1)
            (mapped.file, mapped.line, mapped.column) = (place.file, place.line, place.column)
            return mapped
        }
    }

    /// The link reference definitions (`[name]: url`) of the page, so that
    /// text parsed on its own (a table cell) can still use them. A definition
    /// whose target (or title) is on the next line takes that line too.
    package lazy var referenceDefinitions: String = {
        var found: [Substring] = []
        let all = lines.lines
        var index = 0
        while index < all.count {
            let line = all[index]
            index += 1
            guard PipeTable.isReferenceDefinitionStart(line) else { continue }
            var definition = [line]
            // `[name]:` alone, then the target; a title may follow on a line of its own.
            let afterColon = line.firstRange(of: "]:").map { line[$0.upperBound...] } ?? ""
            if afterColon.trimmingSpaces.isEmpty, index < all.count {
                definition.append(all[index])
                index += 1
            }
            if index < all.count, let first = all[index].trimmingSpaces.first, "\"'(".contains(first) {
                definition.append(all[index])
                index += 1
            }
            found.append(contentsOf: definition)
            found.append("")
        }
        return found.joined(separator: "\n")
    }()

    // MARK: Source positions

    /// The UTF-8 offset in the source where a node starts.
    package func byteOffset(of node: MarkdownNode) -> Int {
        if let offset = adoptedOffsets[node.pointer] { return offset }
        // Nodes sitegen made (autolinks) have no place of their own: the
        // block they are in has one.
        guard node.startLine > 0 else {
            guard let placed = node.ancestors.first(where: { $0.startLine > 0 }) else { return 0 }
            return byteOffset(of: placed)
        }
        guard node.type == .link || node.type == .image else {
            return lines.byteOffset(line: node.startLine, byteColumn: node.startColumn)
        }
        // cmark gives a link the line where it ends (with the column where
        // it starts) when its text or target wraps: go back to the line
        // that has its `[` (or `![`) at that column. An autolink (`<...>`)
        // never wraps: its own line has its `<`.
        var line = node.startLine
        let marker = UInt8(ascii: node.type == .image ? "!" : "[")
        func hasMarker(_ line: Int) -> Bool {
            let bytes = lines.line(line).utf8
            guard node.startColumn >= 1, node.startColumn <= bytes.count else { return false }
            let byte = bytes[bytes.index(bytes.startIndex, offsetBy: node.startColumn - 1)]
            return byte == marker || (line == node.startLine && node.type == .link && byte == UInt8(ascii: "<"))
        }
        if !hasMarker(line), let found = (max(1, line - 100)..<line).reversed().first(where: hasMarker) {
            line = found
        }
        return lines.byteOffset(line: line, byteColumn: node.startColumn)
    }

    /// Where the last `location(of:)` stopped counting: 0-based line, bytes
    /// into it and scalars in those bytes.
    private var columnCursor = (line: -1, bytes: 0, scalars: 0)

    /// The line and column (in Unicode scalars) where a node starts, as
    /// `SourceLines.location(ofByteOffset:)` gives them. Nodes are mostly asked
    /// for in document order, so the column is counted on from the previous
    /// node's when it is on the same line, instead of from the line start:
    /// otherwise n links on one line cost n² (40,000 links took 22 s).
    package func location(of node: MarkdownNode) -> SourceLocation {
        location(atByteOffset: byteOffset(of: node))
    }

    /// The place in the file of a 1-based line and byte column of the text
    /// `BlockReader` read (before its rewriting; after the expander's).
    package func locationInSource(line: Int, byteColumn: Int) -> SourceLocation {
        guard let origins, line >= 1, line <= origins.count else {
            return SourceLocation(file: source.path, line: line, column: byteColumn)
        }
        let shift = expanded?.columnShift(line: line - 1, byte: byteColumn - 1) ?? 0
        return SourceLocation(file: origins[line - 1].file, line: origins[line - 1].line, column: max(1, byteColumn + shift))
    }

    /// The place in the file of a 1-based line and byte column of the text cmark parsed.
    package func location(line: Int, byteColumn: Int) -> SourceLocation {
        location(atByteOffset: lines.byteOffset(line: line, byteColumn: byteColumn))
    }

    private func location(atByteOffset offset: Int) -> SourceLocation {
        // The last line starting at or before the offset.
        let starts = lines.lineStarts
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let utf8 = lines.lines[low].utf8
        let bytesIntoLine = min(max(offset - starts[low], 0), utf8.count)
        var (countedBytes, scalars) = (0, 0)
        if lines.isASCII(line: low) {
            // Most lines: a scalar a byte, nothing to count.
            scalars = bytesIntoLine
        } else {
            if columnCursor.line == low && columnCursor.bytes <= bytesIntoLine {
                (countedBytes, scalars) = (columnCursor.bytes, columnCursor.scalars)
            }
            let from = utf8.index(utf8.startIndex, offsetBy: countedBytes)
            let to = utf8.index(from, offsetBy: bytesIntoLine - countedBytes)
            for byte in utf8[from..<to] where byte & 0xC0 != 0x80 {
                scalars += 1
            }
            columnCursor = (low, bytesIntoLine, scalars)
        }
        // The reader's shift (BlockReader), then the expander's.
        let shift = low < columnShift.count ? columnShift[low] : 0
        if let origins, low < origins.count {
            let originShift = expanded?.columnShift(line: low, byte: bytesIntoLine + shift) ?? 0
            return SourceLocation(file: origins[low].file, line: origins[low].line, column: max(1, scalars + 1 + shift + originShift))
        }
        return SourceLocation(file: source.path, line: low + 1, column: max(scalars + 1 + shift, 1))
    }

    /// The source lines of a block node, without the `>` markers of the block
    /// quotes around it. The first line starts where the node starts.
    package func sourceLines(of node: MarkdownNode) -> [Substring] {
        let quoteDepth = node.ancestors.filter { $0.type == .blockQuote }.count
        var result: [Substring] = []
        for number in node.startLine...max(node.startLine, node.endLine) {
            var line = lines.line(number)
            if number == node.startLine {
                line = Substring(line.utf8.dropFirst(node.startColumn - 1))
            } else {
                line = ParsedMarkdown.droppingQuoteMarkers(line, depth: quoteDepth)
            }
            result.append(line)
        }
        return result
    }

    package static func droppingQuoteMarkers(_ line: Substring, depth: Int) -> Substring {
        var line = line
        for _ in 0..<depth {
            let rest = line.drop(while: { $0 == " " || $0 == "\t" })
            guard rest.first == ">" else { break }
            line = rest.dropFirst()
            if line.first == " " { line = line.dropFirst() }
        }
        return line
    }

    // MARK: Sub-documents

    /// Parses `text` as a separate cmark document, whose line `n` starts at the
    /// UTF-8 offset `lineStarts[n - 1]` of the real source (less `columnShift`
    /// bytes of added text on each line). Returns its top-level nodes, adopted
    /// into this document and detached, ready to be inserted.
    package func parseFragment(_ text: String, lineStarts: [Int], columnShift: Int = 0) -> [MarkdownNode] {
        let fragment = MarkdownDocument(parsing: text)
        fragment.walk { event, node in
            guard event == .enter, node.type == .link || node.type == .image else { return }
            let index = min(max(node.startLine - 1, 0), lineStarts.count - 1)
            adoptedOffsets[node.pointer] = lineStarts[index] + max(node.startColumn - 1 - columnShift, 0)
        }
        return fragment.root.children.map { child in
            child.unlink()
            return document.adopt(child)
        }
    }
}
