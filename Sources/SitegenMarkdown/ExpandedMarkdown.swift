import SitegenSupport

/// Where one line of expanded Markdown came from: a line of the page or of
/// a file it includes.
package struct LineOrigin: Sendable, Hashable {
    package var file: String
    package var line: Int
}

/// The Markdown cmark parses, after the reader at the Markdown edge
/// (`MarkdownExpander`) put included files in and shortcodes out: the
/// text, where each of its lines came from (so messages name the file and
/// line the author wrote), and the shortcodes, each standing in the text as
/// a placeholder (`ShortcodePlaceholder`) that `ShortcodeTransform` turns
/// into its partial's HTML.
package struct ExpandedMarkdown {
    package var text = ""
    /// One per line of `text`.
    package var origins: [LineOrigin]
    /// Where text in a line was replaced by text of another length (a
    /// value, a placeholder), by line index: from the byte offset in the
    /// line on, columns move by `shift` characters to match the file.
    package var columnShifts: [Int: [(byte: Int, shift: Int)]] = [:]
    /// The shortcodes, by placeholder number.
    package var calls: [ShortcodeCall] = []
    /// The site-relative paths of the files included (at any depth).
    package var includedFiles: Set<String> = []
    /// The link destinations `{{< ref >}}` and `{{< relref >}}` wrote.
    package var refTargets: Set<String> = []
    package var diagnostics: [Diagnostic] = []

    /// The column correction for a 0-based line at a byte offset in it.
    package func columnShift(line: Int, byte: Int) -> Int {
        guard let shifts = columnShifts[line] else { return 0 }
        return shifts.reduce(0) { $0 + ($1.byte <= byte ? $1.shift : 0) }
    }

    /// Records that `written` characters of the author's text became the
    /// text from UTF-8 offset `start` to the end, on the last line.
    mutating func recordReplacement(of written: Int, from start: Int) {
        let utf8 = text.utf8
        let generated = text[String.Index(utf8.index(utf8.startIndex, offsetBy: start), within: text)!...].unicodeScalars.count
        guard generated != written else { return }
        let lineStart = utf8.lastIndex(of: UInt8(ascii: "\n")).map { utf8.distance(from: utf8.startIndex, to: $0) + 1 } ?? 0
        columnShifts[origins.count - 1, default: []].append((utf8.count - lineStart, written - generated))
    }

    package init(file: String) {
        origins = [LineOrigin(file: file, line: 1)]
    }

    /// The part of it a piece of the page (`MarkdownChunks`) holds: the
    /// piece's text (its own lines from `firstLine`, then definitions), with
    /// those lines' origins and column shifts, and every call (they keep
    /// their numbers). What is the page's once (the included files, the
    /// expander's messages) goes with the first piece only.
    func piece(_ text: String, firstLine: Int) -> ExpandedMarkdown {
        var piece = ExpandedMarkdown(file: origins[0].file)
        piece.text = text
        let lineCount = text.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let own = origins[min(firstLine, origins.count)..<min(firstLine + lineCount, origins.count)]
        // Definitions put after the piece's own text: from no line of their own.
        piece.origins = Array(own) + Array(repeating: own.last ?? origins[origins.count - 1], count: lineCount - own.count)
        for (line, shifts) in columnShifts where line >= firstLine && line < firstLine + own.count {
            piece.columnShifts[line - firstLine] = shifts
        }
        piece.calls = calls
        piece.refTargets = refTargets
        if firstLine == 0 {
            piece.includedFiles = includedFiles
            piece.diagnostics = diagnostics
        }
        return piece
    }

    /// Appends text taken from `file`, whose first character is on `line`;
    /// `line` moves on past its line breaks.
    mutating func append(_ piece: Substring, file: String, line: inout Int) {
        text += piece
        for byte in piece.utf8 where byte == UInt8(ascii: "\n") {
            line += 1
            origins.append(LineOrigin(file: file, line: line))
        }
    }

    /// Appends text that stands for the author's text on `line` of `file`
    /// (a placeholder, a generated fence): all its lines point there.
    mutating func appendGenerated(_ piece: String, file: String, line: Int) {
        text += piece
        for byte in piece.utf8 where byte == UInt8(ascii: "\n") {
            origins.append(LineOrigin(file: file, line: line))
        }
    }
}

/// How a shortcode stands in the text cmark parses: private-use characters
/// around its number, which cmark keeps as text and smart punctuation does
/// not touch.
package enum ShortcodePlaceholder {
    package static let start: Unicode.Scalar = "\u{E000}"
    static let openEnd: Unicode.Scalar = "\u{E001}"
    static let closeEnd: Unicode.Scalar = "\u{E002}"
    /// Marks where a partial puts its inner HTML, so its output can be split around it.
    package static let inner = "\u{E000}inner\u{E001}"

    /// The numbers of the placeholders in `text`: opening and closing ones,
    /// in order. By bytes: each is U+E000, digits, then U+E001 or U+E002.
    static func numbers(in text: Substring) -> (opens: [Int], closes: [Int]) {
        var text = text
        return text.withUTF8 { numbers(in: $0) }
    }

    static func numbers(in bytes: UnsafeBufferPointer<UInt8>) -> (opens: [Int], closes: [Int]) {
        var opens: [Int] = []
        var closes: [Int] = []
        do {
            var index = 0
            while let lead = bytes[index...].firstIndex(of: 0xEE) {
                index = lead + 1
                guard lead + 2 < bytes.count, bytes[lead + 1] == 0x80, bytes[lead + 2] == 0x80 else { continue }
                var end = lead + 3
                var number = 0
                while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9"), end - lead < 12 {
                    number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                    end += 1
                }
                guard end > lead + 3, end + 2 < bytes.count, bytes[end] == 0xEE, bytes[end + 1] == 0x80,
                      bytes[end + 2] == 0x81 || bytes[end + 2] == 0x82 else { continue }
                if bytes[end + 2] == 0x81 { opens.append(number) } else { closes.append(number) }
                index = end + 3
            }
        }
        return (opens, closes)
    }

    static func open(_ number: Int) -> String { "\u{E000}\(number)\u{E001}" }
    static func close(_ number: Int) -> String { "\u{E000}\(number)\u{E002}" }

    /// A piece of text: plain text, or a placeholder (number, whether it closes).
    enum Piece: Equatable {
        case text(Substring)
        case mark(Int, closes: Bool)
    }

    /// Splits text at placeholders.
    static func pieces(of text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = text[...]
        while let start = rest.unicodeScalars.firstIndex(of: start) {
            let digits = rest.unicodeScalars[rest.unicodeScalars.index(after: start)...].prefix(while: { ("0"..."9").contains($0) })
            guard !digits.isEmpty, digits.endIndex < rest.unicodeScalars.endIndex,
                  let number = Int(String(String.UnicodeScalarView(digits))),
                  rest.unicodeScalars[digits.endIndex] == openEnd || rest.unicodeScalars[digits.endIndex] == closeEnd
            else {
                // Not one of ours: a private-use character the author wrote.
                let after = rest.unicodeScalars.index(after: start)
                pieces.append(.text(rest[..<after]))
                rest = rest[after...]
                continue
            }
            if start > rest.startIndex { pieces.append(.text(rest[..<start])) }
            pieces.append(.mark(number, closes: rest.unicodeScalars[digits.endIndex] == closeEnd))
            rest = rest[rest.unicodeScalars.index(after: digits.endIndex)...]
        }
        if !rest.isEmpty { pieces.append(.text(rest)) }
        return pieces
    }
}
