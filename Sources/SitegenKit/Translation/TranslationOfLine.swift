/// Writes `translationOf: <hash>` into a page file's front matter and leaves
/// every other byte as it was: byte-order mark, comments, key order, quotes,
/// trailing spaces and line endings.
///
/// A top-level `translationOf:` line gets the new value in place of the old
/// one (inside the same quotes, before any `# comment`); without one, a line
/// `translationOf: <hash>` goes just before the closing `---`, ending like
/// the file's first line (LF, CRLF or CR).
package enum TranslationOfLine {
    package enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// The file does not start with a `---` line.
        case noFrontMatter
        /// No `---` (or `...`) line closes the front matter.
        case notClosed

        package var description: String {
            switch self {
            case .noFrontMatter: "the file has no front matter; a page starts with a line '---', then 'title: ...' and '---'"
            case .notClosed: "front matter is not closed; end it with a line '---' before the Markdown"
            }
        }
    }

    package struct Edit: Sendable, Hashable {
        /// The whole file, edited.
        package var bytes: [UInt8]
        /// The value the line had (without quotes); nil when the line was added.
        package var previous: String?
    }

    /// The file's bytes with `translationOf` set to `hash`.
    package static func setting(_ hash: String, in bytes: [UInt8]) throws(Problem) -> Edit {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let lines = Line.split(bytes, from: start)
        guard let first = lines.first, bytes[first.start..<first.contentEnd].elementsEqual("---".utf8) else {
            throw .noFrontMatter
        }
        guard first.end > first.contentEnd,
              let closing = lines.dropFirst().firstIndex(where: { isClosingDelimiter(bytes[$0.start..<$0.contentEnd]) })
        else { throw .notClosed }

        for line in lines[1..<closing] {
            guard let keyEnd = keyEnd(in: bytes[line.start..<line.contentEnd]) else { continue }
            return replacingValue(after: keyEnd, in: line, of: bytes, with: hash)
        }
        var edited = Array(bytes[..<lines[closing].start])
        edited += Array("translationOf: \(hash)".utf8) + bytes[first.contentEnd..<first.end]
        edited += bytes[lines[closing].start...]
        return Edit(bytes: edited, previous: nil)
    }

    /// The offset just after the colon when `line` is a top-level
    /// `translationOf:` key (at the start of the line; spaces may come
    /// before the colon, and a space, tab or the line's end after it).
    static func keyEnd(in line: ArraySlice<UInt8>) -> Int? {
        let key = "translationOf".utf8
        guard line.starts(with: key) else { return nil }
        var index = line.startIndex + key.count
        while index < line.endIndex, isSpace(line[index]) { index += 1 }
        guard index < line.endIndex, line[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        return index == line.endIndex || isSpace(line[index]) ? index : nil
    }

    private static func replacingValue(after keyEnd: Int, in line: Line, of bytes: [UInt8], with hash: String) -> Edit {
        var valueStart = keyEnd
        while valueStart < line.contentEnd, isSpace(bytes[valueStart]) { valueStart += 1 }
        // The value ends at a comment (a '#' after a space) or the line's end,
        // without the spaces before either.
        var valueEnd = valueStart
        while valueEnd < line.contentEnd, !(bytes[valueEnd] == UInt8(ascii: "#") && isSpace(bytes[valueEnd - 1])) {
            valueEnd += 1
        }
        while valueEnd > valueStart, isSpace(bytes[valueEnd - 1]) { valueEnd -= 1 }

        var value = bytes[valueStart..<valueEnd]
        var replacement = Array(hash.utf8)
        if let quote = value.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"),
           value.count >= 2, value.last == quote {
            value = value.dropFirst().dropLast()
            replacement = [quote] + replacement + [quote]
        }
        if valueStart == keyEnd { replacement.insert(UInt8(ascii: " "), at: 0) }
        if valueStart == valueEnd && valueEnd < line.contentEnd { replacement.append(UInt8(ascii: " ")) }
        let edited = Array(bytes[..<valueStart]) + replacement + bytes[valueEnd...]
        return Edit(bytes: edited, previous: value.isEmpty ? nil : String(decoding: value, as: UTF8.self))
    }

    private static func isClosingDelimiter(_ line: ArraySlice<UInt8>) -> Bool {
        let trimmed = line.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
        return trimmed.elementsEqual("---".utf8) || trimmed.elementsEqual("...".utf8)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// A line of the file: where it starts, where its text ends, and where
    /// its line ending (LF, CRLF, CR or none) ends.
    struct Line {
        var start: Int
        var contentEnd: Int
        var end: Int

        static func split(_ bytes: [UInt8], from start: Int) -> [Line] {
            var lines: [Line] = []
            var lineStart = start
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\n"):
                    lines.append(Line(start: lineStart, contentEnd: index, end: index + 1))
                case UInt8(ascii: "\r"):
                    let end = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? index + 2 : index + 1
                    lines.append(Line(start: lineStart, contentEnd: index, end: end))
                    index = end - 1
                default:
                    index += 1
                    continue
                }
                index += 1
                lineStart = index
            }
            if lineStart < bytes.count || lines.isEmpty {
                lines.append(Line(start: lineStart, contentEnd: bytes.count, end: bytes.count))
            }
            return lines
        }
    }
}
