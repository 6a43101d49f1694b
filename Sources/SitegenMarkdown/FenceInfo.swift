import SitegenSupport

/// What a code fence's info string asks for:
///
///     ```yaml title="sitegen.yml" linenos hl_lines="2 4-6"
///     ```go {hl_lines=[6, "8-9"], linenos=true}          (Hugo's attribute form)
///     ```ts:line-numbers {1,3-5}                          (VitePress's)
///     ```js [config.js]{2}                                (VitePress's, Nuxt Content's)
///
/// The first word is the language (cmark's rule); options follow as
/// `name` or `name="value"`, or in Hugo's form: in braces, separated by
/// commas or spaces, with line lists in brackets. VitePress writes the lines
/// to mark as bare numbers in the braces, and line numbers as a suffix of
/// the language. Problems are kept with where in the info string they
/// start, for a warning with its column.
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
    /// VitePress's `[name]` (```` ```js [config.js] ````): the block's tab
    /// label in a code group; elsewhere its title (`CodeBlockTransform`).
    package var label: String?
    package var problems: [Problem] = []

    /// The options a fence may carry, for the message about an unknown one.
    package static let optionNames = ["hl_lines", "linenos", "title"]

    package init(_ info: String) {
        if let (language, attributes, problem) = FenceInfo.attributeForm(info) {
            self.language = language
            readLanguageSuffix()
            var rest = attributes[...]
            // Pandoc's `{.python}`: the language as the first class.
            if language.isEmpty, let first = rest.first, first.text.hasPrefix("."), first.text.count > 1 {
                self.language = String(first.text.dropFirst())
                rest = rest.dropFirst()
            }
            for word in rest { apply(word, inBraces: true) }
            if let problem { problems.append(problem) }
            return
        }
        let words = FenceInfo.words(info)
        var rest = words[...]
        // The language has no `=` (but VitePress's `js:line-numbers=2` has).
        if let first = rest.first, !first.text.prefix(while: { $0 != ":" }).contains("="), !FenceInfo.isLabel(first.text) {
            language = first.text
            rest = rest.dropFirst()
            readLanguageSuffix()
        }
        for word in rest { apply(word, inBraces: false) }
    }

    /// VitePress's `js:line-numbers` and `js:no-line-numbers` (the language
    /// starts the info string, so its offsets are the string's).
    private mutating func readLanguageSuffix() {
        guard let colon = language.firstIndex(of: ":") else { return }
        let suffix = language[language.index(after: colon)...]
        let offset = language.distance(from: language.startIndex, to: colon)
        language = String(language[..<colon])
        switch suffix {
        case "line-numbers": lineNumbers = true
        case "no-line-numbers": lineNumbers = false
        case _ where suffix.hasPrefix("line-numbers="):
            lineNumbers = true
            problems.append(Problem(message: "lines are numbered from 1: a start ('\(suffix)') is not read", offset: offset + 1))
        default:
            problems.append(Problem(message: "unknown code block option ':\(suffix)' after the language; known: :line-numbers, :no-line-numbers", offset: offset))
        }
    }

    /// The language and the attributes of Hugo's form, `go {a=1, b}` (also
    /// `go{a=1}` and `{.go a=1}`), and a problem with the braces; nil for the
    /// space-separated form.
    private static func attributeForm(_ info: String) -> (String, [Word], Problem?)? {
        guard let open = info.firstIndex(of: "{") else { return nil }
        var language = info[..<open].trimmingSpaces
        // VitePress's and Nuxt Content's `js [config.js]{2}`: a name in
        // brackets between the language and the braces.
        var label: [Word] = []
        if language.hasSuffix("]"), let bracket = language.lastIndex(of: "["), isLabel(String(language[bracket...])) {
            label = [Word(text: String(language[bracket...]), offset: info.distance(from: info.startIndex, to: bracket))]
            language = language[..<bracket].trimmingSpaces
        }
        guard !language.contains(where: { $0 == " " || $0 == "\t" || $0 == "=" || $0 == "\"" || $0 == "'" }) else { return nil }
        let close = info.lastIndex(of: "}") ?? info.endIndex
        let inner = info[info.index(after: open)..<max(close, info.index(after: open))]
        let offset = info.distance(from: info.startIndex, to: open) + 1
        let attributes = label + words(String(inner), separators: [" ", "\t", ","]).map { Word(text: $0.text, offset: $0.offset + offset) }
        var problem: Problem?
        if close == info.endIndex {
            problem = Problem(message: "the attribute list has no closing '}'", offset: info.distance(from: info.startIndex, to: open))
        } else if !info[info.index(after: close)...].trimmingSpaces.isEmpty {
            problem = Problem(message: "text after the attribute list's '}' is ignored", offset: info.distance(from: info.startIndex, to: close) + 1)
        }
        return (String(language), attributes, problem)
    }

    /// Whether the fence asks for anything beyond plain cmark output.
    package var hasOptions: Bool { title != nil || lineNumbers || !markedLines.isEmpty }

    private static func isLabel(_ word: String) -> Bool {
        word.count > 2 && word.hasPrefix("[") && word.hasSuffix("]")
    }

    private mutating func apply(_ word: Word, inBraces: Bool) {
        if FenceInfo.isLabel(word.text) {
            label = String(word.text.dropFirst().dropLast())
            return
        }
        // VitePress's `{1,3-5}`: a bare line or range in the braces marks it.
        if inBraces, word.text.first.map(FenceInfo.isDigit) == true, word.text.allSatisfy({ FenceInfo.isDigit($0) || $0 == "-" }) {
            if let lines = FenceInfo.lineSet(word.text) { markedLines.formUnion(lines) }
            else { problems.append(Problem(message: "'\(word.text)' is not a line or range of lines from 1; write the lines to mark like {1,4-6}", offset: word.offset)) }
            return
        }
        let (name, value) = word.nameAndValue
        switch (name, value) {
        case ("title", let value?): title = value
        case ("linenos", nil), ("linenos", "true"), ("linenos", "table"), ("linenos", "inline"): lineNumbers = true
        case ("linenos", "false"): lineNumbers = false
        case ("hl_lines", let value?):
            if let lines = FenceInfo.lineSet(value) { markedLines = lines }
            else { problems.append(Problem(message: "hl_lines=\"\(value)\" is not a list of line numbers; write it like hl_lines=\"2 4-6\" (or hl_lines=[2, \"4-6\"])", offset: word.offset)) }
        case ("title", nil), ("hl_lines", nil):
            problems.append(Problem(message: "'\(name)' needs a value, like \(name)=\"...\"", offset: word.offset))
        case ("linenos", _):
            problems.append(Problem(message: "'linenos' is on or off; write linenos, or linenos=true or linenos=false", offset: word.offset))
        default:
            problems.append(Problem(message: "unknown code block option '\(name)'; known: \(FenceInfo.optionNames.joined(separator: ", "))", offset: word.offset))
        }
    }

    private static func isDigit(_ character: Character) -> Bool {
        character >= "0" && character <= "9"
    }

    /// "2 4-6" (or Hugo's `[2, "4-6"]`) as {2, 4, 5, 6}; nil when any part
    /// is not a number or range of numbers from 1 (ranges of more than
    /// 100,000 lines are refused).
    static func lineSet(_ text: String) -> Set<Int>? {
        var lines: Set<Int> = []
        var list = Substring(text)
        if list.hasPrefix("["), list.hasSuffix("]") { list = list.dropFirst().dropLast() }
        let parts = list.split(whereSeparator: { $0 == " " || $0 == "," }).map { (part: Substring) -> Substring in
            let quoted = part.count >= 2 && (part.first == "\"" || part.first == "'") && part.last == part.first
            return quoted ? part.dropFirst().dropLast() : part
        }
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

    /// Words split at `separators` outside quotes and brackets, each with
    /// its offset.
    static func words(_ info: String, separators: Set<Character> = [" ", "\t"]) -> [Word] {
        var words: [Word] = []
        var current = ""
        var start = 0
        var quote: Character?
        var brackets = 0
        for (offset, character) in info.enumerated() {
            if quote == nil && brackets == 0 && separators.contains(character) {
                if !current.isEmpty { words.append(Word(text: current, offset: start)) }
                current = ""
                continue
            }
            if current.isEmpty { start = offset }
            if character == quote { quote = nil } else if quote == nil && (character == "\"" || character == "'") { quote = character }
            else if quote == nil && character == "[" { brackets += 1 } else if quote == nil && character == "]" { brackets = max(0, brackets - 1) }
            current.append(character)
        }
        if !current.isEmpty { words.append(Word(text: current, offset: start)) }
        return words
    }
}
