/// What a code fence's info string asks for:
///
///     ```yaml title="sitegen.yml" linenos hl_lines="2 4-6"
///
/// The first word is the language (cmark's rule); options follow as
/// `name` or `name="value"`. Problems are kept with where in the info string
/// they start, for a warning with its column.
package struct FenceInfo: Sendable, Hashable {
    package struct Problem: Sendable, Hashable {
        package var message: String
        /// Offset in the info string, in characters.
        package var offset: Int
    }

    package var language: String = ""
    package var title: String?
    package var lineNumbers = false
    /// 1-based numbers of the lines to mark.
    package var markedLines: Set<Int> = []
    package var problems: [Problem] = []

    /// The options a fence may carry, for the message about an unknown one.
    package static let optionNames = ["hl_lines", "linenos", "title"]

    package init(_ info: String) {
        let words = FenceInfo.words(info)
        var rest = words[...]
        if let first = rest.first, !first.text.contains("=") {
            language = first.text
            rest = rest.dropFirst()
        }
        for word in rest { apply(word) }
    }

    /// Whether the fence asks for anything beyond plain cmark output.
    package var hasOptions: Bool { title != nil || lineNumbers || !markedLines.isEmpty }

    private mutating func apply(_ word: Word) {
        let (name, value) = word.nameAndValue
        switch (name, value) {
        case ("title", let value?): title = value
        case ("linenos", nil): lineNumbers = true
        case ("hl_lines", let value?):
            if let lines = FenceInfo.lineSet(value) { markedLines = lines }
            else { problems.append(Problem(message: "hl_lines=\"\(value)\" is not a list of line numbers; write it like hl_lines=\"2 4-6\"", offset: word.offset)) }
        case ("title", nil), ("hl_lines", nil):
            problems.append(Problem(message: "'\(name)' needs a value, like \(name)=\"...\"", offset: word.offset))
        case ("linenos", _):
            problems.append(Problem(message: "'linenos' takes no value; write just linenos", offset: word.offset))
        default:
            problems.append(Problem(message: "unknown code block option '\(name)'; known: \(FenceInfo.optionNames.joined(separator: ", "))", offset: word.offset))
        }
    }

    /// "2 4-6" as {2, 4, 5, 6}; nil when any part is not a number or range
    /// of numbers from 1 (ranges of more than 100,000 lines are refused).
    static func lineSet(_ text: String) -> Set<Int>? {
        var lines: Set<Int> = []
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," })
        guard !parts.isEmpty else { return nil }
        for part in parts {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count <= 2, let low = Int(bounds[0]), let high = Int(bounds.last!), low >= 1, low <= high, high - low < 100_000
            else { return nil }
            lines.formUnion(low...high)
        }
        return lines
    }

    struct Word {
        var text: String
        var offset: Int

        var nameAndValue: (String, String?) {
            guard let equals = text.firstIndex(of: "=") else { return (text, nil) }
            var value = text[text.index(after: equals)...]
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = value.dropFirst().dropLast()
            }
            return (String(text[..<equals]), String(value))
        }
    }

    /// Words split at spaces outside quotes, each with its offset.
    static func words(_ info: String) -> [Word] {
        var words: [Word] = []
        var current = ""
        var start = 0
        var quote: Character?
        for (offset, character) in info.enumerated() {
            if quote == nil && (character == " " || character == "\t") {
                if !current.isEmpty { words.append(Word(text: current, offset: start)) }
                current = ""
                continue
            }
            if current.isEmpty { start = offset }
            if character == quote { quote = nil } else if quote == nil && (character == "\"" || character == "'") { quote = character }
            current.append(character)
        }
        if !current.isEmpty { words.append(Word(text: current, offset: start)) }
        return words
    }
}
