/// The first line of a block in another generator's syntax: an admonition or
/// a content tab, in the spellings of MkDocs (`!!! note "Title"`, `??? note`,
/// `???+ note`, `=== "Label"`), pymdownx blocks (`/// note | Title`,
/// `/// details | Summary`, `//// tab | Label`) and Docusaurus or VitePress
/// (`:::note Title`, `:::note[Title]`, `::: details Title`, `::: code-group`).
package struct BlockOpener: Equatable {
    package enum Role: Equatable {
        /// A callout of a type (`CalloutType`, or an unknown word lowercased).
        case callout(type: String, collapse: CalloutHTML.Collapse)
        /// A tab; `newGroup` starts a new group even right after another tab;
        /// `selected` is the group's tab shown first (`===+`), until the
        /// reader chooses one.
        case tab(newGroup: Bool, selected: Bool)
        /// VitePress's `::: code-group`: each code block in it a tab,
        /// labelled by the `[name]` of its fence.
        case codeGroup
        /// A footnote's definition (`[^label]: text`); its first line is the
        /// start of its first paragraph, not a title.
        case footnote(label: String)
    }

    package enum Body: Equatable {
        /// The body is the following lines indented four more spaces (MkDocs).
        case indented
        /// The body runs to a line of at least `count` times `mark` alone (`:::`, `///`).
        case fenced(mark: Character, count: Int)
        /// A footnote's: the lines continuing its first paragraph, then
        /// (after a blank line) lines indented four spaces.
        case footnote
    }

    package var role: Role
    package var body: Body
    /// The title (tab label), as a byte range of the line; nil when none was
    /// written, empty when an empty one was (`!!! note ""`: no title bar).
    package var title: Range<Int>?
    /// Classes the author gave the block (`!!! note inline end`, pymdownx's
    /// `attrs: {class: ...}`), and its id (`attrs: {id: ...}`).
    package var classes: [String] = []
    package var id: String?

    /// Reads `line` (without leading indentation), or nil when it opens no block.
    package static func parse(_ line: Substring) -> BlockOpener? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3 else { return nil }
        switch bytes[0] {
        case UInt8(ascii: "!"), UInt8(ascii: "?"): return mkDocsAdmonition(bytes)
        case UInt8(ascii: "="): return mkDocsTab(bytes)
        case UInt8(ascii: "/"): return pymdownxBlock(bytes)
        case UInt8(ascii: ":"): return directive(bytes)
        case UInt8(ascii: "["): return footnoteDefinition(bytes)
        default: return nil
        }
    }

    /// `///` alone, `:::` alone (with trailing spaces): how many marks, or nil.
    package static func closingCount(_ line: Substring, mark: Character) -> Int? {
        let trimmed = line.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0 == mark }) else { return nil }
        return trimmed.count
    }

    // MARK: Spellings

    /// `!!! type "Title"`, `??? type`, `???+ type`; words between the type and
    /// the title are classes, as in Python-Markdown (`!!! note inline end`:
    /// Material's side note, which the built-in theme also floats).
    private static func mkDocsAdmonition(_ bytes: [UInt8]) -> BlockOpener? {
        var scanner = ByteScanner(bytes)
        let mark = bytes[0]
        guard scanner.skip(mark, exactly: 3) else { return nil }
        var collapse = CalloutHTML.Collapse.none
        if mark == UInt8(ascii: "?") {
            collapse = scanner.skip(UInt8(ascii: "+"), exactly: 1) ? .open : .closed
        }
        guard scanner.skipSpaces() > 0, let type = scanner.word() else { return nil }
        var classes: [String] = []
        while scanner.skipSpaces() > 0, let word = scanner.word() { classes.append(word) }
        var title: Range<Int>?
        if scanner.peek == UInt8(ascii: "\"") {
            guard let quoted = scanner.quoted() else { return nil }
            title = quoted
            scanner.skipSpaces()
        }
        guard scanner.atEnd else { return nil }
        return BlockOpener(role: .callout(type: CalloutType.canonical(type) ?? type.lowercased(), collapse: collapse),
                           body: .indented, title: title, classes: classes)
    }

    /// `=== "Label"`, `===! "Label"` (a new group), `===+ "Label"` (shown
    /// first, until the reader chooses a label).
    private static func mkDocsTab(_ bytes: [UInt8]) -> BlockOpener? {
        var scanner = ByteScanner(bytes)
        guard scanner.skip(UInt8(ascii: "="), exactly: 3) else { return nil }
        var newGroup = scanner.skip(UInt8(ascii: "!"), exactly: 1)
        let selected = scanner.skip(UInt8(ascii: "+"), exactly: 1)
        // pymdownx also takes `===!+` and `===+!`.
        if selected && !newGroup { newGroup = scanner.skip(UInt8(ascii: "!"), exactly: 1) }
        guard scanner.skipSpaces() > 0, let label = scanner.quoted() else { return nil }
        scanner.skipSpaces()
        guard scanner.atEnd, !label.isEmpty else { return nil }
        return BlockOpener(role: .tab(newGroup: newGroup, selected: selected), body: .indented, title: label)
    }

    /// `/// name | Title` with three or more slashes; the names are the
    /// admonition types, `admonition`, `details` and `tab`.
    private static func pymdownxBlock(_ bytes: [UInt8]) -> BlockOpener? {
        var scanner = ByteScanner(bytes)
        let count = scanner.count(UInt8(ascii: "/"))
        guard count >= 3 else { return nil }
        scanner.skipSpaces()
        guard let name = scanner.word() else { return nil }
        scanner.skipSpaces()
        var title: Range<Int>?
        if scanner.peek == UInt8(ascii: "|") {
            scanner.advance()
            scanner.skipSpaces()
            title = scanner.rest(trimmed: true)
        }
        guard scanner.atEnd else { return nil }
        let role: Role
        switch name.lowercased() {
        case "tab": role = .tab(newGroup: false, selected: false)
        case "details": role = .callout(type: "note", collapse: .closed)
        case "admonition": role = .callout(type: "note", collapse: .none)
        default:
            guard let type = CalloutType.canonical(name) else { return nil }
            role = .callout(type: type, collapse: .none)
        }
        if case .tab = role, title?.isEmpty ?? true { return nil }
        return BlockOpener(role: role, body: .fenced(mark: "/", count: count), title: title)
    }

    /// `[^label]: text` (GitHub's footnotes): a label of anything but
    /// white space and brackets.
    private static func footnoteDefinition(_ bytes: [UInt8]) -> BlockOpener? {
        guard bytes.count >= 5, bytes[1] == UInt8(ascii: "^"),
              let close = bytes.firstIndex(of: UInt8(ascii: "]")), close > 2,
              close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: ":")
        else { return nil }
        let label = bytes[2..<close]
        guard !label.contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "[") }) else { return nil }
        var scanner = ByteScanner(bytes)
        scanner.position = close + 2
        guard scanner.atEnd || scanner.skipSpaces() > 0 else { return nil }
        return BlockOpener(role: .footnote(label: String(decoding: label, as: UTF8.self)), body: .footnote,
                           title: scanner.rest(trimmed: true))
    }

    /// `:::type Title`, `:::type[Title]`, `::: details Title` (VitePress,
    /// collapsible), with three or more colons.
    private static func directive(_ bytes: [UInt8]) -> BlockOpener? {
        var scanner = ByteScanner(bytes)
        let count = scanner.count(UInt8(ascii: ":"))
        guard count >= 3 else { return nil }
        scanner.skipSpaces()
        guard let name = scanner.word() else { return nil }
        var title: Range<Int>?
        if scanner.peek == UInt8(ascii: "[") {
            scanner.advance()
            guard let close = bytes[scanner.position...].lastIndex(of: UInt8(ascii: "]")) else { return nil }
            title = scanner.position..<close
            scanner.position = close + 1
            scanner.skipSpaces()
        } else if scanner.skipSpaces() > 0, !scanner.atEnd {
            title = scanner.rest(trimmed: true)
        }
        guard scanner.atEnd else { return nil }
        let role: Role
        if name.lowercased() == "details" {
            role = .callout(type: "note", collapse: .closed)
        } else if name.lowercased() == "code-group" {
            guard title == nil else { return nil }
            role = .codeGroup
        } else {
            guard let type = CalloutType.canonical(name) else { return nil }
            role = .callout(type: type, collapse: .none)
        }
        return BlockOpener(role: role, body: .fenced(mark: ":", count: count), title: title)
    }
}

/// Reads an ASCII-led line byte by byte.
private struct ByteScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position >= bytes.count }
    var peek: UInt8? { atEnd ? nil : bytes[position] }

    mutating func advance() { position += 1 }

    /// Skips exactly `count` of `byte` when the next byte after them is not
    /// one more; reports whether it did.
    mutating func skip(_ byte: UInt8, exactly count: Int) -> Bool {
        guard position + count <= bytes.count, bytes[position..<(position + count)].allSatisfy({ $0 == byte }),
              position + count == bytes.count || bytes[position + count] != byte
        else { return false }
        position += count
        return true
    }

    mutating func count(_ byte: UInt8) -> Int {
        let start = position
        while peek == byte { position += 1 }
        return position - start
    }

    @discardableResult
    mutating func skipSpaces() -> Int {
        let start = position
        while let byte = peek, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { position += 1 }
        return position - start
    }

    /// A word of letters, digits, `-` and `_`.
    mutating func word() -> String? {
        let start = position
        while let byte = peek, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
            position += 1
        }
        guard position > start else { return nil }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// `"..."`: the range inside the quotes (to the last quote on the line).
    mutating func quoted() -> Range<Int>? {
        guard peek == UInt8(ascii: "\""),
              let close = bytes.lastIndex(of: UInt8(ascii: "\"")), close > position
        else { return nil }
        let range = (position + 1)..<close
        position = close + 1
        return range
    }

    /// The rest of the line, trailing spaces left out.
    mutating func rest(trimmed: Bool) -> Range<Int> {
        var end = bytes.count
        while end > position, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        let range = position..<end
        position = bytes.count
        return range
    }
}
