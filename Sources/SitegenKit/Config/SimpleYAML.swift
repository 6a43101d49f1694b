import Synchronization
import Yams

/// The common shape of front matter read straight into Yams' nodes, without
/// libyaml's events and Yams' composing: top-level `key: value` lines whose
/// values are one-line plain or quoted scalars (dates and numbers are plain
/// scalars), flow lists of them (`[a, "b"]`) or block lists of them (`- a`
/// on the lines below the key), with blank lines and `#` comments.
///
/// Anything else, and anything that might be an error, is declined (nil)
/// and parsed by Yams, so every error, limit and unusual shape is Yams'
/// own. What it accepts gives the nodes Yams gives: the same strings, tags,
/// styles and marks (`SimpleYAMLTests` compares them over many shapes).
/// Yams was about 15 % of a link-heavy build (its parser builds an event
/// object, a tag, strings and a dictionary of keys per value).
enum SimpleYAML {
    /// The root mapping of `text`, or nil when `text` is not in the subset.
    static func root(_ text: String) -> Node? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            return reader.mapping()
        }
    }

    /// The farthest place read: a line or column past these is Yams' to
    /// read. Front matter is a few short lines; within these bounds a text
    /// holds fewer values than `YAMLText.maximumValues` and nests two
    /// levels, so the size limits are met by what Yams reads.
    static let maximumColumn = 256
    static let maximumLine = 500

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var line = 1
        var lineStart = 0
        /// The last place a column was counted for.
        var counted = (index: 0, column: 1)
        /// One constructor for the text's tags, as Yams' parser has
        /// (`Constructor.default` makes a new one, with its tables, each time).
        let constructor = Constructor.default

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        /// The top-level mapping, one key a line at column 1.
        mutating func mapping() -> Node? {
            var pairs: [(Node, Node)] = []
            var keys: Set<String> = []
            var start: Mark?
            while skipBlankAndCommentLines() {
                guard let key = key(), keys.insert(key.string).inserted else { return nil }
                if start == nil { start = key.mark }
                guard let value = value() else { return nil }
                pairs.append((.scalar(key), value))
            }
            guard let start else { return nil }
            // Yams gives a mapping or list the style of its end event: .any.
            return .mapping(.init(pairs, tag(.implicit), .any, start))
        }

        // MARK: Lines

        private var atEnd: Bool { position >= bytes.count }
        private var current: UInt8 { bytes[position] }

        private mutating func newLine() {
            position += 1
            line += 1
            lineStart = position
        }

        /// Skips lines that are empty, spaces or a comment at column 1; true
        /// when a line with something else starts at `position`.
        private mutating func skipBlankAndCommentLines() -> Bool {
            while !atEnd {
                var end = position
                while end < bytes.count && bytes[end] == UInt8(ascii: " ") { end += 1 }
                let isComment = end == position && end < bytes.count && bytes[end] == UInt8(ascii: "#")
                guard end == bytes.count || bytes[end] == UInt8(ascii: "\n") || isComment else { return true }
                position = end
                while !atEnd && current != UInt8(ascii: "\n") { position += 1 }
                if atEnd { return false }
                newLine()
            }
            return false
        }

        /// The rest of the line after a value: spaces, then a comment after
        /// a space, then the line's end. False for anything else.
        private mutating func endOfLine() -> Bool {
            let spaces = skipSpaces()
            if !atEnd && current == UInt8(ascii: "#") && spaces > 0 {
                while !atEnd && current != UInt8(ascii: "\n") {
                    guard isAllowed(at: position) else { return false }
                    position += 1
                }
            }
            if atEnd { return true }
            guard current == UInt8(ascii: "\n") else { return false }
            newLine()
            return true
        }

        @discardableResult
        private mutating func skipSpaces() -> Int {
            let start = position
            while !atEnd && current == UInt8(ascii: " ") { position += 1 }
            return position - start
        }

        // MARK: Keys and values

        /// `key:` at column 1: ASCII letters, digits, `_` and `-`, starting
        /// with a letter or `_`.
        private mutating func key() -> Node.Scalar? {
            guard position == lineStart, isKeyStart(current) else { return nil }
            let start = position
            while !atEnd && isKeyByte(current) { position += 1 }
            guard !atEnd, current == UInt8(ascii: ":"), let mark = mark(at: start) else { return nil }
            let key = string(start..<position)
            position += 1
            guard atEnd || current == UInt8(ascii: " ") || current == UInt8(ascii: "\n") else { return nil }
            // Yams' check for repeated keys resolves each key's tag: with
            // sitegen's resolver (no rules) every key is text.
            return Node.Scalar(key, tag(.str), .plain, mark)
        }

        /// The value after `key:`: a scalar or flow list on the same line,
        /// or a block list on the lines below.
        private mutating func value() -> Node? {
            skipSpaces()
            if atEnd || current == UInt8(ascii: "\n") || current == UInt8(ascii: "#") {
                guard endOfLine() else { return nil }
                return blockList()
            }
            let value: Node? = current == UInt8(ascii: "[") ? flowList() : scalarValue(flow: false).map(Node.scalar)
            guard let value, endOfLine(), atEnd || current != UInt8(ascii: " ") else { return nil }
            return value
        }

        /// `- item` lines, all at one indentation, each item a scalar.
        private mutating func blockList() -> Node? {
            var items: [Node] = []
            var indent: Int?
            var start: Mark?
            while !atEnd {
                let lineBegin = position
                let spaces = skipSpaces()
                guard !atEnd, current == UInt8(ascii: "-"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: " "),
                      indent == nil || indent == spaces else {
                    position = lineBegin
                    break
                }
                indent = spaces
                if start == nil { start = mark(at: position) }
                position += 1
                skipSpaces()
                guard !atEnd, current != UInt8(ascii: "\n"), current != UInt8(ascii: "#"), current != UInt8(ascii: "["),
                      let item = scalarValue(flow: false), endOfLine() else { return nil }
                items.append(.scalar(item))
            }
            // A line indented under the list that is not an item of it
            // (a nested value, a continuation) is not in the subset.
            guard let start, atEnd || current != UInt8(ascii: " ") else { return nil }
            return .sequence(.init(items, tag(.implicit), .any, start))
        }

        /// `[a, "b", 'c']` on one line; `[]` is an empty list.
        private mutating func flowList() -> Node? {
            guard let start = mark(at: position) else { return nil }
            position += 1
            var items: [Node] = []
            skipSpaces()
            if !atEnd && current == UInt8(ascii: "]") {
                position += 1
            } else {
                while true {
                    guard !atEnd, let item = scalarValue(flow: true) else { return nil }
                    items.append(.scalar(item))
                    skipSpaces()
                    guard !atEnd else { return nil }
                    if current == UInt8(ascii: "]") { position += 1; break }
                    guard current == UInt8(ascii: ",") else { return nil }
                    position += 1
                    skipSpaces()
                }
            }
            return .sequence(.init(items, tag(.implicit), .any, start))
        }

        /// A plain, single- or double-quoted scalar on this line.
        private mutating func scalarValue(flow: Bool) -> Node.Scalar? {
            switch current {
            case UInt8(ascii: "\""): doubleQuoted()
            case UInt8(ascii: "'"): singleQuoted()
            default: plain(flow: flow)
            }
        }

        /// A plain scalar: up to a comment (` #`), the line's end or, in a
        /// list, `,` or `]`; trailing spaces are not part of it.
        private mutating func plain(flow: Bool) -> Node.Scalar? {
            let start = position
            let first = current
            guard !Self.indicators.contains(first) || first == UInt8(ascii: "-") && position + 1 < bytes.count
                    && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position + 1]),
                  let mark = mark(at: start) else { return nil }
            var end = position
            while !atEnd && current != UInt8(ascii: "\n") {
                let byte = current
                if byte == UInt8(ascii: "#") && bytes[position - 1] == UInt8(ascii: " ") { break }
                if flow && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]")) { break }
                // `: ` ends a key (an error here), and in a list `:` and
                // brackets mean more than text: not in the subset.
                if byte == UInt8(ascii: ":") && (flow || position + 1 == bytes.count || bytes[position + 1] == UInt8(ascii: " ")
                                                 || bytes[position + 1] == UInt8(ascii: "\n")) { return nil }
                if flow && (byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")) { return nil }
                guard isAllowed(at: position) else { return nil }
                position += 1
                if byte != UInt8(ascii: " ") { end = position }
            }
            position = end
            return scalar(string(start..<end), style: .plain, mark: mark)
        }

        /// `'text'`, where `''` is one quote.
        private mutating func singleQuoted() -> Node.Scalar? {
            guard let mark = mark(at: position) else { return nil }
            position += 1
            var value: [UInt8] = []
            while !atEnd && current != UInt8(ascii: "\n") {
                if current == UInt8(ascii: "'") {
                    guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "'") else {
                        position += 1
                        return scalar(String(decoding: value, as: UTF8.self), style: .singleQuoted, mark: mark)
                    }
                    position += 1
                }
                guard isAllowed(at: position) else { return nil }
                value.append(current)
                position += 1
            }
            return nil
        }

        /// `"text"` with the escapes `\\`, `\"`, `\/`, `\n` and `\t`.
        private mutating func doubleQuoted() -> Node.Scalar? {
            guard let mark = mark(at: position) else { return nil }
            position += 1
            var value: [UInt8] = []
            while !atEnd && current != UInt8(ascii: "\n") {
                switch current {
                case UInt8(ascii: "\""):
                    position += 1
                    return scalar(String(decoding: value, as: UTF8.self), style: .doubleQuoted, mark: mark)
                case UInt8(ascii: "\\"):
                    guard position + 1 < bytes.count, let escaped = Self.escapes[bytes[position + 1]] else { return nil }
                    value.append(escaped)
                    position += 2
                default:
                    guard isAllowed(at: position) else { return nil }
                    value.append(current)
                    position += 1
                }
            }
            return nil
        }

        private static let escapes: [UInt8: UInt8] = [
            UInt8(ascii: "\\"): UInt8(ascii: "\\"), UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "/"): UInt8(ascii: "/"),
            UInt8(ascii: "n"): UInt8(ascii: "\n"), UInt8(ascii: "t"): UInt8(ascii: "\t"),
        ]

        /// Bytes a plain scalar may not start with (YAML's indicators).
        private static let indicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@`".utf8)

        // MARK: Bytes

        private func isKeyStart(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || byte == UInt8(ascii: "_")
        }

        private func isKeyByte(_ byte: UInt8) -> Bool {
            isKeyStart(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
        }

        /// Printable characters that are not line breaks to YAML: no control
        /// characters or tabs, no U+0080 to U+009F (NEL is a line break), no
        /// byte order mark, U+2028, U+2029, U+FFFE or U+FFFF.
        private func isAllowed(at index: Int) -> Bool {
            let byte = bytes[index]
            if byte < 0x80 { return byte >= 0x20 && byte != 0x7F }
            guard index + 1 < bytes.count else { return true }
            let next = bytes[index + 1]
            switch byte {
            case 0xC2: return next >= 0xA0
            case 0xE2: return !(next == 0x80 && index + 2 < bytes.count && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9))
            case 0xEF: return !(index + 2 < bytes.count && (next == 0xBB && bytes[index + 2] == 0xBF || next == 0xBF && bytes[index + 2] >= 0xBE))
            default: return true
            }
        }

        private func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        private func tag(_ name: Tag.Name) -> Tag {
            Tag(name, YAMLText.resolver, constructor)
        }

        private func scalar(_ string: String, style: Node.Scalar.Style, mark: Mark) -> Node.Scalar {
            // As Yams' parser: a quoted scalar is text, a plain one resolved later.
            let tag = style == .plain ? tag(.implicit) : tag(.str)
            return Node.Scalar(string, tag, style, mark)
        }

        /// The mark of the character at `index`: columns count characters
        /// (counted on from the mark before on the same line).
        private mutating func mark(at index: Int) -> Mark? {
            if counted.index < lineStart || counted.index > index { counted = (lineStart, 1) }
            var column = counted.column
            for offset in counted.index..<index where bytes[offset] & 0xC0 != 0x80 { column += 1 }
            counted = (index, column)
            return SimpleYAML.mark(line: line, column: column)
        }
    }

    /// Yams' `Mark` has no public initializer: the marks of 32 columns of a
    /// line are taken from Yams' own parse of a list of one-letter items
    /// there (the list's mark is its `[`, an item's its letter), and of the
    /// same list a column further right, once per line and 32 columns.
    private static let markChunks = Mutex<[Int: [Mark]]>([:])
    private static let chunkWidth = 32

    static func mark(line: Int, column: Int) -> Mark? {
        guard line <= maximumLine, column <= maximumColumn else { return nil }
        let first = (column - 1) / chunkWidth * chunkWidth + 1
        let place = line << 16 | first
        if let marks = markChunks.withLock({ $0[place] }) { return marks[column - first] }
        var chunk = [Mark?](repeating: nil, count: chunkWidth)
        let items = "[" + Array(repeating: "x", count: chunkWidth / 2).joined(separator: ",") + "]"
        for indent in 0...1 {
            let text = String(repeating: "\n", count: line - 1) + String(repeating: " ", count: first - 1 + indent) + items
            guard case .sequence(let list)? = try? Parser(yaml: text, resolver: YAMLText.resolver, encoding: .utf8).singleRoot() else { return nil }
            for mark in [list.mark] + list.map(\.mark) {
                if let mark, mark.line == line, (first..<first + chunkWidth).contains(mark.column) { chunk[mark.column - first] = mark }
            }
        }
        let marks = chunk.compactMap { $0 }
        guard marks.count == chunkWidth else { return nil }
        markChunks.withLock { $0[place] = marks }
        return marks[column - first]
    }
}
