import SitegenSupport

/// The `# Title` a page's Markdown starts with, as MkDocs and GitHub read a
/// title: the first line of the body that is not empty, an ATX heading of
/// level 1 (`# Title`, `# Title #`, `# Title {#id}`) or a setext one
/// (`Title` over `=====`). Only the first line counts: a heading further
/// down is a heading of the page, not its title.
struct BodyTitle {
    /// The heading's text, with simple inline markup taken off
    /// (`` `code` ``, `**strong**`, `[text](url)`).
    var text: String
    /// The body without the heading (its lines left empty).
    var rest: MarkdownBody
    /// The heading's line in the file.
    var line: Int

    init?(_ body: MarkdownBody) {
        let text = body.file.text
        // Line ends are found as UTF-8 bytes (a source's text has no "\r"):
        // a page often starts with a long paragraph line, and stepping
        // through its characters was 5 % of a build's instructions.
        let bytes = text.utf8
        let lineEnd = { (start: String.Index) in bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex }
        var lineStart = body.start
        var emptyLines = 0
        // The first line with something on it.
        while lineStart < text.endIndex {
            let end = lineEnd(lineStart)
            if !text[lineStart..<end].trimmingWhitespace.isEmpty { break }
            emptyLines += 1
            lineStart = end < text.endIndex ? bytes.index(after: end) : text.endIndex
        }
        guard lineStart < text.endIndex else { return nil }
        let firstLineEnd = lineEnd(lineStart)
        let firstLine = text[lineStart..<firstLineEnd]
        let afterLine = firstLineEnd < text.endIndex ? bytes.index(after: firstLineEnd) : text.endIndex
        if let heading = Self.atxHeading(firstLine) {
            self.text = heading
            line = body.blankLines + emptyLines + 1
            rest = MarkdownBody(file: body.file, start: afterLine, blankLines: body.blankLines + emptyLines + 1)
            return
        }
        // Setext: the line, then a line of `=`.
        let underlineEnd = lineEnd(afterLine)
        let underline = text[afterLine..<underlineEnd].trimmingSpaces
        guard afterLine < text.endIndex, !underline.isEmpty, underline.allSatisfy({ $0 == "=" }),
              Self.leadingSpaces(firstLine) < 4, let first = firstLine.trimmingSpaces.first, !">-*+<|`~".contains(first)
        else { return nil }
        self.text = Self.plainText(Self.withoutAttributes(firstLine.trimmingSpaces))
        guard !self.text.isEmpty else { return nil }
        line = body.blankLines + emptyLines + 1
        let afterUnderline = underlineEnd < text.endIndex ? bytes.index(after: underlineEnd) : text.endIndex
        rest = MarkdownBody(file: body.file, start: afterUnderline, blankLines: body.blankLines + emptyLines + 2)
    }

    /// `# Title` (up to three spaces before it, an optional closing `#`
    /// run, an optional `{#id}`): the title's text.
    private static func atxHeading(_ line: Substring) -> String? {
        guard leadingSpaces(line) < 4 else { return nil }
        let trimmed = line.trimmingSpaces
        guard trimmed.hasPrefix("#") else { return nil }
        let afterHash = trimmed.dropFirst()
        guard let next = afterHash.first, next == " " || next == "\t" else { return nil }
        var content = afterHash.trimmingSpaces
        // The closing sequence: a run of `#` after a space.
        if let last = content.lastIndex(where: { $0 != "#" }), content[last] == " " || content[last] == "\t" {
            content = content[..<last].trimmingSpaces
        } else if content.allSatisfy({ $0 == "#" }) {
            content = ""
        }
        let text = plainText(withoutAttributes(content))
        return text.isEmpty ? nil : text
    }

    /// The text without a trailing `{#id .class}` marker.
    static func withoutAttributes(_ text: Substring) -> Substring {
        guard text.hasSuffix("}"), let open = text.lastIndex(of: "{"),
              text[text.index(after: open)...].drop(while: { $0 == " " }).first.map({ "#.".contains($0) }) == true
        else { return text }
        return text[..<open].trimmingSpaces
    }

    /// The words of inline Markdown as a reader sees them: code spans,
    /// emphasis and link destinations taken off.
    static func plainText(_ text: Substring) -> String {
        var result = ""
        var rest = text[...]
        while let character = rest.first {
            if character == "\\", rest.count > 1 {
                result.append(rest.dropFirst().first!)
                rest = rest.dropFirst(2)
            } else if character == "`" || character == "*" {
                rest = rest.dropFirst()
            } else if character == "_", result.last.map({ !$0.isLetter && !$0.isNumber }) ?? true
                        || rest.dropFirst().first.map({ !$0.isLetter && !$0.isNumber }) ?? true {
                rest = rest.dropFirst()
            } else if character == "]", rest.dropFirst().first == "(", let close = rest.firstIndex(of: ")") {
                rest = rest[rest.index(after: close)...]
            } else if character == "[" || character == "!" && rest.dropFirst().first == "[" {
                rest = rest.dropFirst(character == "[" ? 1 : 2)
            } else {
                result.append(character)
                rest = rest.dropFirst()
            }
        }
        return String(result.trimmingSpaces)
    }

    private static func leadingSpaces(_ line: Substring) -> Int {
        line.prefix(while: { $0 == " " }).count
    }
}
