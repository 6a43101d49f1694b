/// One Hugo shortcode tag as written: `{{< name arg key="value" >}}`,
/// `{{% name %}}`, a closing `{{< /name >}}` or a self-closing
/// `{{< name />}}`. Arguments are positional or `key=value`; a value is
/// bare, in double quotes (with `\"` escapes) or in backticks (raw), and a
/// tag may run over several lines, as in Hugo.
package struct ShortcodeTag: Sendable, Hashable {
    /// How the inner text of a paired shortcode is read.
    package enum Delimiter: Sendable, Hashable {
        /// `{{< >}}`: the inner text as it is.
        case angle
        /// `{{% %}}`: the inner text as Markdown.
        case percent
    }

    package var delimiter: Delimiter
    package var name: String
    package var isClosing = false
    package var isSelfClosing = false
    package var positional: [String] = []
    /// Named arguments in the order written.
    package var named: [(key: String, value: String)] = []
    /// The whole tag in the text it was read from.
    package var range: Range<String.Index>

    package static func == (lhs: ShortcodeTag, rhs: ShortcodeTag) -> Bool {
        lhs.name == rhs.name && lhs.range == rhs.range && lhs.positional == rhs.positional
            && lhs.named.map(\.key) == rhs.named.map(\.key) && lhs.named.map(\.value) == rhs.named.map(\.value)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(range.lowerBound)
    }

    /// The value of a named argument, else of the positional one at `index`.
    package func argument(_ key: String, orPosition index: Int? = nil) -> String? {
        if let found = named.first(where: { $0.key == key }) { return found.value }
        if let index, index < positional.count { return positional[index] }
        return nil
    }

    /// What is found at a `{{<` or `{{%`.
    package enum Scan: Sendable, Hashable {
        case tag(ShortcodeTag)
        /// Hugo's way to show a tag as text: `{{</* name */>}}` stands for
        /// `{{< name >}}` written out.
        case literal(String, Range<String.Index>)
        /// Starts like a tag but is not one; the message says why.
        case malformed(String)
    }

    /// Reads the tag starting at `start` (which is at `{{<` or `{{%`).
    /// Nil when the text there is no shortcode opener at all.
    package static func scan(_ whole: String, at start: String.Index) -> Scan? {
        // A tag longer than this is taken for an unclosed one: the scan
        // never reads on to the end of a large file for every `{{<`.
        // (Counted in bytes, which costs nothing; then back to a character's start.)
        let utf8 = whole.utf8
        var limit = utf8.index(start, offsetBy: maximumLength, limitedBy: utf8.endIndex) ?? utf8.endIndex
        while limit < utf8.endIndex && utf8[limit] & 0xC0 == 0x80 { limit = utf8.index(before: limit) }
        let text = whole[start..<limit]
        let scalars = text.unicodeScalars
        var index = start
        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            var i = index
            for _ in 0..<offset {
                guard i < scalars.endIndex else { return nil }
                i = scalars.index(after: i)
            }
            return i < scalars.endIndex ? scalars[i] : nil
        }
        func advance(_ count: Int = 1) {
            for _ in 0..<count where index < scalars.endIndex { index = scalars.index(after: index) }
        }
        guard peek() == "{", peek(1) == "{", let marker = peek(2), marker == "<" || marker == "%" else { return nil }
        let delimiter: Delimiter = marker == "<" ? .angle : .percent
        let closer: Unicode.Scalar = marker == "<" ? ">" : "%"
        advance(3)
        func skipSpace() {
            while let c = peek(), c == " " || c == "\t" || c == "\n" { advance() }
        }
        skipSpace()
        // {{</* ... */>}}: shown as written, without the comment marks.
        if peek() == "/", peek(1) == "*" {
            let rest = text[index...]
            guard let end = rest.range(of: "*/" + String(closer) + "}}") else {
                return .malformed("'{{\(marker)/*' is not closed by '*/\(closer)}}'")
            }
            let inner = text[text.unicodeScalars.index(index, offsetBy: 2)..<end.lowerBound].trimmingSpaces
            return .literal("{{\(marker) \(inner) \(closer)}}", start..<end.upperBound)
        }
        var tag = ShortcodeTag(delimiter: delimiter, name: "", range: start..<start)
        if peek() == "/" {
            tag.isClosing = true
            advance()
            skipSpace()
        }
        let nameStart = index
        while let c = peek(), isNameCharacter(c) { advance() }
        tag.name = String(text[nameStart..<index])
        guard !tag.name.isEmpty else {
            return .malformed("a shortcode needs a name after '{{\(marker)', like {{\(marker) alert \(closer)}}")
        }
        while true {
            skipSpace()
            guard let c = peek() else {
                return .malformed("shortcode '\(tag.name)' is not closed by '\(closer)}}'")
            }
            if c == closer, peek(1) == "}", peek(2) == "}" {
                advance(3)
                break
            }
            if c == "/", peek(1) == closer, peek(2) == "}", peek(3) == "}" {
                tag.isSelfClosing = true
                advance(4)
                break
            }
            guard let word = readValue(&index, in: text, closer: closer) else {
                return .malformed("shortcode '\(tag.name)' has an argument with an unclosed quote")
            }
            if peek() == "=", !word.quoted {
                advance()
                guard let value = readValue(&index, in: text, closer: closer) else {
                    return .malformed("shortcode '\(tag.name)' has an argument with an unclosed quote")
                }
                tag.named.append((word.text, value.text))
            } else {
                tag.positional.append(word.text)
            }
        }
        tag.range = start..<index
        return .tag(tag)
    }

    /// The longest tag read, in bytes.
    static let maximumLength = 4096

    private static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "/" || c == "."
    }

    /// A bare word (up to a space, `=` or the closing delimiter), a
    /// "quoted" value or a `raw` one. Nil for an unclosed quote.
    private static func readValue(_ index: inout String.Index, in text: Substring, closer: Unicode.Scalar) -> (text: String, quoted: Bool)? {
        let scalars = text.unicodeScalars
        guard index < scalars.endIndex else { return ("", false) }
        let first = scalars[index]
        if first == "\"" || first == "`" {
            var value = String.UnicodeScalarView()
            var i = scalars.index(after: index)
            while i < scalars.endIndex {
                let c = scalars[i]
                if c == first {
                    index = scalars.index(after: i)
                    return (String(value), true)
                }
                if first == "\"" && c == "\\", scalars.index(after: i) < scalars.endIndex {
                    i = scalars.index(after: i)
                    value.append(scalars[i])
                } else {
                    value.append(c)
                }
                i = scalars.index(after: i)
            }
            return nil
        }
        let start = index
        while index < scalars.endIndex {
            let c = scalars[index]
            if c == " " || c == "\t" || c == "\n" || c == "=" { break }
            if c == closer, text[index...].hasPrefix(String(closer) + "}}") { break }
            if c == "/", text[index...].hasPrefix("/" + String(closer) + "}}") { break }
            index = scalars.index(after: index)
        }
        return (String(text[start..<index]), false)
    }
}
