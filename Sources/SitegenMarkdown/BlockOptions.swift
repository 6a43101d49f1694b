/// The options of a pymdownx block: YAML on the lines indented right under
/// its header, before its content.
///
///     /// details | Summary
///         open: true
///         type: warning
///         attrs: {class: wide, id: setup-note}
///
///     Content.
///     ///
///
/// sitegen reads `open` (details), `type`, `attrs` (`class` and `id`) and,
/// for tabs, `new` and `select`: the ones pymdownx's built-in blocks take.
/// Anything else is a problem at its place, never text on the page. Only
/// the YAML pymdownx authors write is read: `key: value` lines, and `attrs`
/// as a flow map or as indented `key: value` lines under it.
package struct BlockOptions: Equatable {
    package struct Problem: Equatable {
        /// Index of the option line (0 for the first), and byte offset in it.
        package var line: Int
        package var offset: Int
        package var message: String
    }

    package var open: Bool?
    package var type: String?
    package var newGroup = false
    package var selected = false
    package var classes: [String] = []
    package var id: String?
    package var problems: [Problem] = []
    /// Where each option was written (`message` empty), for problems found later.
    package var places: [String: Problem] = [:]

    /// Reads the option lines as written (with their indentation).
    package init(lines: [Substring]) {
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let indent = line.utf8.prefix(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }).count
            let (key, value, valueOffset) = BlockOptions.pair(line, from: indent)
            index += 1
            if let key { places[key] = Problem(line: index - 1, offset: indent, message: "") }
            guard let key else {
                problems.append(Problem(line: index - 1, offset: indent, message: "this line under the block's header is not an option ('key: value'); put a blank line before the block's content"))
                continue
            }
            switch key {
            case "open", "new", "select":
                guard let flag = BlockOptions.flag(value) else {
                    problems.append(Problem(line: index - 1, offset: valueOffset, message: "option '\(key)' is true or false, not '\(value)'"))
                    continue
                }
                if key == "open" { open = flag } else if key == "new" { newGroup = flag } else { selected = flag }
            case "type":
                type = BlockOptions.unquoted(value)
            case "attrs":
                var entries: [(key: String, value: String, line: Int, keyOffset: Int, offset: Int)] = []
                if value.isEmpty {
                    // A block map: the lines indented under `attrs:`.
                    while index < lines.count {
                        let entry = lines[index]
                        let entryIndent = entry.utf8.prefix(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }).count
                        guard entryIndent > indent, case let (entryKey?, entryValue, offset) = BlockOptions.pair(entry, from: entryIndent) else { break }
                        entries.append((entryKey, entryValue, index, entryIndent, offset))
                        index += 1
                    }
                } else if value.hasPrefix("{") && value.hasSuffix("}") {
                    var offset = valueOffset + 1
                    for part in value.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false) {
                        let (entryKey, entryValue, entryOffset) = BlockOptions.pair(part, from: 0)
                        let skipped = part.utf8.prefix(while: { $0 == UInt8(ascii: " ") }).count
                        if let entryKey { entries.append((entryKey, entryValue, index - 1, offset + skipped, offset + entryOffset)) } else if !part.allSatisfy({ $0 == " " }) {
                            problems.append(Problem(line: index - 1, offset: offset + skipped, message: "'\(part.trimmingSpaces)' in attrs is not 'name: value'"))
                        }
                        offset += part.utf8.count + 1
                    }
                } else {
                    problems.append(Problem(line: index - 1, offset: valueOffset, message: "attrs is a map, like attrs: {class: wide, id: setup}"))
                }
                for entry in entries {
                    attribute(entry.key, BlockOptions.unquoted(entry.value), line: entry.line, keyOffset: entry.keyOffset, offset: entry.offset)
                }
            default:
                problems.append(Problem(line: index - 1, offset: indent, message: "option '\(key)' is not read by sitegen (it reads open, type, attrs, and new and select for tabs); it is left out"))
            }
        }
    }

    private mutating func attribute(_ name: String, _ value: String, line: Int, keyOffset: Int, offset: Int) {
        switch name {
        case "class":
            for word in value.split(separator: " ") {
                if BlockOptions.isName(word) {
                    classes.append(String(word))
                } else {
                    problems.append(Problem(line: line, offset: offset, message: "class '\(word)' is left out: a class here is letters, digits, '-' and '_'"))
                }
            }
        case "id":
            if BlockOptions.isName(Substring(value)) {
                id = value
            } else {
                problems.append(Problem(line: line, offset: offset, message: "id '\(value)' is left out: an id here is letters, digits, '-' and '_'"))
            }
        default:
            problems.append(Problem(line: line, offset: keyOffset, message: "attribute '\(name)' is not written by sitegen (it writes class and id); it is left out"))
        }
    }

    /// `key: value` from `start`: the key, the value trimmed, and the value's
    /// byte offset; a nil key when the line is not one.
    private static func pair(_ line: Substring, from start: Int) -> (String?, String, Int) {
        let text = Substring(line.utf8.dropFirst(start))
        guard let colon = text.firstIndex(of: ":") else { return (nil, "", start) }
        let key = text[..<colon].trimmingSpaces
        guard !key.isEmpty, isName(key) else { return (nil, "", start) }
        let afterColon = text[text.index(after: colon)...]
        let spaces = afterColon.utf8.prefix(while: { $0 == UInt8(ascii: " ") }).count
        let offset = start + text.utf8.distance(from: text.startIndex, to: afterColon.startIndex) + spaces
        return (key.lowercased(), String(afterColon.trimmingSpaces), offset)
    }

    private static func flag(_ value: String) -> Bool? {
        switch unquoted(value).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    private static func unquoted(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else { return value }
        return String(value.dropFirst().dropLast())
    }

    private static func isName(_ word: Substring) -> Bool {
        !word.isEmpty && word.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
    }
}
