extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    package var trimmingSpaces: SubSequence {
        trimming { $0 == " " || $0 == "\t" }
    }

    /// The text without leading and trailing spaces, tabs and line breaks.
    package var trimmingWhitespace: SubSequence {
        trimming { $0 == " " || $0 == "\t" || $0.isNewline }
    }

    fileprivate func trimming(_ isTrimmed: (Character) -> Bool) -> SubSequence {
        guard let first = firstIndex(where: { !isTrimmed($0) }) else { return self[endIndex...] }
        let last = lastIndex(where: { !isTrimmed($0) })!
        return self[first...last]
    }
}

extension Substring {
    /// `trimmingSpaces` by bytes (front matter lines, headings: 3,000
    /// instructions a line by Characters), unless a space trimmed touches a
    /// non-ASCII character, which a space can be one Character with.
    package var trimmingSpaces: Substring {
        let bytes = utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        let last = bytes.lastIndex(where: { !isSpace($0) })!
        let end = bytes.index(after: last)
        guard (first == bytes.startIndex || bytes[first] < 0x80) && (end == bytes.endIndex || bytes[last] < 0x80) else {
            return trimming { $0 == " " || $0 == "\t" }
        }
        return self[first..<end]
    }
}

extension String {
    /// `trimmingSpaces` by bytes, as `Substring`'s.
    package var trimmingSpaces: Substring { self[...].trimmingSpaces }
}

extension StringProtocol {
    /// Whether the text holds a control character (U+0000 to U+001F, U+007F
    /// to U+009F): never right in a file name, a slug or a URL.
    package var containsControlCharacter: Bool {
        unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}

extension String {
    /// The text for a message, with control characters written as escapes
    /// (`\n`, `\u{1B}`), so a message never prints one to the terminal.
    package var escapingControlCharacters: String {
        containsControlCharacter ? String(debugDescription.dropFirst().dropLast()) : self
    }

    /// The text for the terminal: every control character but the line
    /// break written as an escape (`\u{1B}`), so text from a page (a fence's
    /// language, a link, a file name) never moves the cursor, recolours or
    /// retitles the terminal it is printed to.
    package var escapingControlCharactersButLineBreaks: String {
        guard containsControlCharacter else { return self }
        var result = ""
        for scalar in unicodeScalars {
            if scalar != "\n" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)) {
                result += scalar == "\t" ? "\\t" : "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
