/// Escaping for HTML that sitegen generates itself (ids, labels, attributes).
package enum HTMLEscaping {
    /// Escapes text for use in element content and in quoted attribute values.
    /// Control characters other than tab and line breaks, which HTML does not
    /// allow (a `"\0"` in front matter, say), become U+FFFD, as a browser
    /// would show them.
    package static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || isControl($0) || $0 == 0xC2 }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case _ where character.value < 0x80 ? isControl(UInt8(character.value)) : (0x80...0x9F).contains(character.value):
                result += "\u{FFFD}"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// An ASCII control character HTML does not allow (all but tab, line
    /// feed, form feed and carriage return).
    private static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D) || byte == 0x7F
    }
}
