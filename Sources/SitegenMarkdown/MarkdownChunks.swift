/// A large Markdown page cut into pieces cmark parses one at a time, so that
/// one page never holds cmark's whole tree and sitegen's values for it at
/// once (issue 25: a 10 MB page of a link, emphasis and a list item on every
/// line took 424 MB; cmark's tree alone is about 24 times the text).
///
/// A piece ends before a line `L` only where the whole page's parse has
/// nothing open at `L` but the document: the line before `L` is blank and
/// `L` starts at column 0 with a character that continues no container (not
/// `>`, a list marker or a space), outside a fence and outside an HTML block
/// that runs over blank lines (types 1 to 5). Everything before `L` is then
/// closed by `L` in the whole page, as it is by the end of the piece. The
/// line scanner only proposes; `MarkdownRenderer` checks each piece's last
/// block in cmark's own tree and renders the page whole when one is open.
///
/// Other generators' blocks (`:::`, `!!!`, tabs) are never cut: the reader's
/// own rules are followed too (`ReaderBlockScanner`), and a piece never
/// starts with a tab, which would join the tab before it in one group.
///
/// Link reference definitions hold across the page: each piece gets, after
/// its own text, the definitions (from anywhere in the page) of the labels
/// its brackets name. Explicit heading ids (`{#id}`) are taken before any
/// automatic one in the whole page: the renderer then surveys every piece
/// for them first (`mayHaveExplicitIDs`). Shortcodes and includes are
/// expanded first, and the expanded text is cut, never inside a
/// shortcode's inner Markdown (`pairedShortcodes`). Footnotes are numbered
/// by their first reference anywhere in the page (notes' references after
/// the text's) and listed at its end: the renderer surveys every piece for
/// them first too (`mayHaveFootnotes`, `FootnotePlan`), and a footnote's
/// definition (`[^label]: text`, which the reader takes before cmark) is
/// no link reference definition here.
///
/// Pages this cannot be done for exactly are not cut (`init` returns nil):
/// definitions that are not one plain line with an ASCII label, or whose
/// label is defined twice. (The renderer renders a page whole when a
/// note holds an image, which the whole page's render puts after every
/// other, or a heading with a `{`, which may set its id; a note's other
/// headings get their ids after the pieces, `PageState.giveIDs`.)
package struct MarkdownChunks {
    /// Pages below this size are parsed whole: at most a few tens of MB.
    package static let threshold = 256 * 1024
    /// A piece ends at the first safe line after this many bytes.
    package static let targetSize = 128 * 1024

    package struct Chunk {
        /// The piece's own text: whole lines of the page.
        package var text: Substring
        /// The page's 0-based line number of its first line.
        package var firstLine: Int
        /// Definitions from anywhere in the page, put after the piece's text.
        package var definitions = ""
        /// 1-based lines of the piece that hold a definition another piece
        /// (or this one) was given: cmark must read each as a definition.
        package var definitionLines: [Int] = []
        /// The piece's own text ends with a blank line before the next piece.
        package var endsBeforeNext = false
    }

    package let chunks: [Chunk]
    /// A line holds `{#` (or `{ #`): a heading may set its own id.
    package private(set) var mayHaveExplicitIDs = false
    /// The text holds `[^`: the renderer numbers the notes first.
    package private(set) var mayHaveFootnotes = false

    /// The pieces of `text`, or nil when it is small or cannot be cut exactly.
    /// - Parameter pairedShortcodes: for a text whose shortcodes and
    ///   includes were expanded first (`MarkdownExpander`), the numbers of
    ///   the shortcodes whose inner Markdown runs to a closing placeholder:
    ///   a piece never ends between the two. nil: the page's own text.
    package init?(_ text: String, census: MarkerCensus, pairedShortcodes: Set<Int>? = nil,
                  targetSize: Int = MarkdownChunks.targetSize, threshold: Int = MarkdownChunks.threshold) {
        guard text.utf8.count >= threshold, pairedShortcodes != nil || !census.has(.directive) else { return nil }
        var contiguous = text
        var explicitIDs = false
        guard let chunks = contiguous.withUTF8({ bytes in
                  Self.cut(bytes, in: text, targetSize: targetSize, readerBlocks: census.has(.markerRun),
                           pairedShortcodes: pairedShortcodes ?? [], explicitIDs: &explicitIDs)
              }),
              chunks.count > 1 else { return nil }
        self.chunks = chunks
        self.mayHaveExplicitIDs = explicitIDs
        self.mayHaveFootnotes = census.has(.footnote)
    }

    // MARK: Cutting

    private static func cut(_ bytes: UnsafeBufferPointer<UInt8>, in text: String, targetSize: Int,
                            readerBlocks: Bool, pairedShortcodes: Set<Int>, explicitIDs: inout Bool) -> [Chunk]? {
        var scanner = BlockScanner()
        var readerScanner = ReaderBlockScanner()
        var openShortcodes: Set<Int> = []
        var definitions: [String: (line: Int, text: Substring)] = [:]
        var cuts: [(byte: Int, line: Int)] = [(0, 0)]
        var previousBlank = true
        var lineNumber = 0
        var start = 0
        let utf8 = text.utf8
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if !explicitIDs, hasExplicitID(line) { explicitIDs = true }
            if let label = definitionLabel(line, next: end < bytes.count ? nextLine(bytes, after: end) : nil) {
                guard let label, definitions[label] == nil else { return nil }
                let lineText = text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
                definitions[label] = (lineNumber, lineText)
            }
            let blank = line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if previousBlank, !blank, start - cuts[cuts.count - 1].byte >= targetSize,
               scanner.isOutside, canStartPiece(line),
               !readerBlocks || (readerScanner.isOutside && !ReaderBlockScanner.opensTab(line)), openShortcodes.isEmpty {
                cuts.append((start, lineNumber))
            }
            scanner.read(line)
            if readerBlocks { readerScanner.read(line) }
            if !pairedShortcodes.isEmpty, line.contains(0xEE) {
                let (opens, closes) = ShortcodePlaceholder.numbers(in: line)
                openShortcodes.formUnion(opens.filter(pairedShortcodes.contains))
                openShortcodes.subtract(closes)
            }
            previousBlank = blank
            lineNumber += 1
            start = end + 1
        }
        var chunks: [Chunk] = []
        for (index, cut) in cuts.enumerated() {
            let endByte = index + 1 < cuts.count ? cuts[index + 1].byte : bytes.count
            let piece = text[utf8.index(utf8.startIndex, offsetBy: cut.byte)..<utf8.index(utf8.startIndex, offsetBy: endByte)]
            var chunk = Chunk(text: piece, firstLine: cut.line)
            chunk.endsBeforeNext = index + 1 < cuts.count
            chunks.append(chunk)
        }
        // Each piece gets the definitions its brackets may name.
        var given: Set<Int> = []
        for index in chunks.indices {
            var lines: [Substring] = []
            var added: Set<String> = []
            for label in bracketLabels(in: chunks[index].text) {
                let wanted = label.map { [$0] } ?? Array(definitions.keys)
                for key in wanted where !added.contains(key) {
                    guard let definition = definitions[key] else { continue }
                    added.insert(key)
                    lines.append(definition.text)
                    given.insert(definition.line)
                }
            }
            guard !lines.isEmpty else { continue }
            // A blank line first ends whatever the piece ends with.
            let separator = chunks[index].text.hasSuffix("\n") ? "\n" : "\n\n"
            chunks[index].definitions = separator + lines.joined(separator: "\n") + "\n"
        }
        for line in given.sorted() {
            let owner = chunks.lastIndex { $0.firstLine <= line }!
            chunks[owner].definitionLines.append(line - chunks[owner].firstLine + 1)
        }
        return chunks
    }

    private static func nextLine(_ bytes: UnsafeBufferPointer<UInt8>, after newline: Int) -> UnsafeBufferPointer<UInt8> {
        let start = newline + 1
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// A line a piece may start with: at column 0, and not one that could
    /// continue a block quote or a list.
    private static func canStartPiece(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.first else { return false }
        switch first {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"),
             UInt8(ascii: "*"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return false
        default:
            return true
        }
    }

    /// `{#`, `{ #`...: a heading's own id, which takes its place before any
    /// automatic id of the page.
    private static func hasExplicitID(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while let brace = line[index...].firstIndex(of: UInt8(ascii: "{")) {
            var next = brace + 1
            while next < line.count, line[next] == UInt8(ascii: " ") || line[next] == UInt8(ascii: "\t") { next += 1 }
            if next < line.count, line[next] == UInt8(ascii: "#") { return true }
            index = brace + 1
        }
        return false
    }

    // MARK: Link reference definitions

    /// nil: the line holds no `]:`. `.some(nil)`: it does, but not as one
    /// plain definition this can copy (the page is then not cut). Otherwise
    /// the definition's label as cmark matches it.
    private static func definitionLabel(_ line: UnsafeBufferPointer<UInt8>, next: UnsafeBufferPointer<UInt8>?) -> String?? {
        guard let colon = line.indices.first(where: { $0 > 0 && line[$0] == UInt8(ascii: ":") && line[$0 - 1] == UInt8(ascii: "]") })
        else { return nil }
        let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
        // A footnote's definition, which the reader takes before cmark (at any indent).
        if isFootnoteDefinition(line[indent...]) { return nil }
        guard indent <= 3, indent < line.count, line[indent] == UInt8(ascii: "[") else { return .some(nil) }
        let label = line[(indent + 1)..<(colon - 1)]
        guard !label.isEmpty, label.count <= 999,
              label.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "[") && $0 != UInt8(ascii: "]") && $0 != UInt8(ascii: "\\") }),
              line[(colon + 1)...].contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") })
        else { return .some(nil) }
        // A title may go on the next line.
        if let next, let first = next.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
           first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") || first == UInt8(ascii: "(") {
            return .some(nil)
        }
        return .some(normalizedLabel(label))
    }

    private static func isFootnoteDefinition(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard line.starts(with: [UInt8(ascii: "["), UInt8(ascii: "^")]),
              let opener = BlockOpener.parse(Substring(decoding: line, as: UTF8.self)),
              case .footnote = opener.role else { return false }
        return true
    }

    /// cmark's label matching for ASCII: case folded, runs of white space as one space, trimmed.
    private static func normalizedLabel(_ bytes: some Collection<UInt8>) -> String {
        var result: [UInt8] = []
        var space = false
        for byte in bytes {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") {
                space = !result.isEmpty
                continue
            }
            if space { result.append(UInt8(ascii: " ")); space = false }
            result.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The text of every innermost `[...]` of a piece, normalized as a label;
    /// nil for one with non-ASCII text (whose case folding this does not
    /// copy: it may name any definition).
    private static func bracketLabels(in text: Substring) -> [String?] {
        var labels: [String?] = []
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while let open = bytes[index...].firstIndex(of: UInt8(ascii: "[")) {
                var position = open + 1
                var ascii = true
                var closed = false
                while position < bytes.count, position - open <= 1000 {
                    let byte = bytes[position]
                    if byte == UInt8(ascii: "\\") { position += 2; continue }
                    if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") { closed = byte == UInt8(ascii: "]"); break }
                    if byte >= 0x80 { ascii = false }
                    position += 1
                }
                if closed, position > open + 1 {
                    labels.append(ascii ? normalizedLabel(UnsafeBufferPointer(rebasing: bytes[(open + 1)..<position])) : nil)
                }
                index = min(position, bytes.count)
                if index == open { index += 1 }
            }
        }
        return labels
    }
}
