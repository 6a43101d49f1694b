import Yams
import SitegenSupport

/// YAML parsed with the positions of its nodes, so every problem in a settings
/// file or a page's front matter can name its line and column.
struct YAMLText {
    let file: String
    /// The line of the file on which the YAML text starts.
    let firstLine: Int
    let root: Node?

    /// Parses `text`. A syntax error becomes a diagnostic at its place.
    init(_ text: String, file: String, firstLine: Int = 1) throws(DiagnosticError) {
        self.file = file
        self.firstLine = firstLine
        do {
            // Front matter's common shape is read directly (`SimpleYAML`);
            // anything else, and every error, by Yams. The encoding is given:
            // by default Yams reads an environment variable on every parse,
            // which costs more than the parse itself.
            if let simple = SimpleYAML.root(text) {
                // Within SimpleYAML's bounds the size limits hold (no
                // aliases, two levels): no walk needed (1 % of a link-heavy build).
                self.root = simple
                return
            }
            self.root = try Parser(yaml: text, resolver: YAMLText.resolver, encoding: .utf8).singleRoot()
        } catch let error as YamlError {
            throw DiagnosticError(YAMLText.diagnostic(for: error, file: file, firstLine: firstLine))
        } catch {
            throw DiagnosticError(Diagnostic(.error, file: file, line: firstLine, "invalid YAML: \(error)"))
        }
        if let root, let problem = YAMLText.sizeProblem(root) {
            throw DiagnosticError(.error(problem.message, at: location(of: problem.node)))
        }
    }

    /// The most values a YAML text may stand for, counting every use of an
    /// alias (`*name`) as a copy of what it names, and the deepest nesting.
    /// Aliases let a few hundred bytes stand for billions of values (327
    /// bytes in 8 levels took 14 s and 4.5 GB); no settings file, front
    /// matter or decision flow comes near these numbers.
    static let maximumValues = 100_000
    static let maximumDepth = 64

    /// Where a text stands for too many values or nests too deep: the
    /// top-level entry (its key) or item in which the walk passed a limit.
    /// Stops at the limit, so it costs at most `maximumValues` steps.
    static func sizeProblem(_ root: Node) -> (node: Node, message: String)? {
        let entries: [(place: Node, value: Node)] = switch root {
        case .mapping(let mapping): mapping.map { ($0.key, $0.value) }
        case .sequence(let sequence): sequence.map { ($0, $0) }
        default: []
        }
        var count = 1
        for (place, value) in entries {
            var pending: [(node: Node, depth: Int)] = [(value, 2)]
            while let (node, depth) = pending.popLast() {
                count += 1
                if count > maximumValues {
                    return (place, "this value stands for more than \(maximumValues) values once its aliases (*name) are expanded; write the values out, or use fewer aliases")
                }
                if depth > maximumDepth {
                    return (place, "this value nests deeper than \(maximumDepth) levels; flatten it")
                }
                switch node {
                case .mapping(let mapping): pending += mapping.map { ($0.value, depth + 1) }
                case .sequence(let sequence): pending += sequence.map { ($0, depth + 1) }
                default: break
                }
            }
        }
        return nil
    }

    /// Plain scalars are booleans (YAML 1.1's words: `yes`, `off`...),
    /// numbers, null or text. YAML 1.1's timestamps, merge keys (`<<`) and
    /// `=` are text: a date in front matter is text for templates anyway.
    /// Yams resolves a tag by trying each rule's regular expression in turn,
    /// which was 4 % of a warm build (every key of every page, for its
    /// duplicate-key check, and every value read); so the parser gets no
    /// rules, and `tag(of:)` resolves what sitegen reads, the same way.
    static let resolver = Resolver.basic
    /// The rules that need a regular expression, tried only on a scalar
    /// that starts like a number.
    private static let numberRules = Resolver.basic.appending(.int).appending(.float)
    private static let booleanWords: Set<String> = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
                                                    "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"]
    private static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// The node's tag, as `Resolver.default` without timestamps, merge
    /// keys and `=` would resolve it (booleans, then numbers, then null),
    /// for a plain scalar without a tag; otherwise the tag written.
    static func tag(of node: Node) -> Tag.Name {
        guard case .scalar(let scalar) = node, scalar.tag.description == Tag.Name.implicit.rawValue else {
            return Tag.Name(rawValue: node.tag.description)
        }
        let text = scalar.string
        if booleanWords.contains(text) { return .bool }
        // A plain decimal (`weight: 10`) is an int by every rule; the rules'
        // regular expressions cost 24,000 instructions for one.
        if isPlainDecimal(text) { return .int }
        if let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
            return numberRules.resolveTag(of: .scalar(.init(text)))
        }
        return nullWords.contains(text) ? .null : .str
    }

    /// `[-+]?(0|[1-9][0-9]*)`: what YAML's int rule reads as a decimal.
    private static func isPlainDecimal(_ text: String) -> Bool {
        var digits = Substring(text).utf8
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard let first = digits.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        if first == UInt8(ascii: "0") { return digits.count == 1 }
        return digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// The place of a node in the file.
    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: firstLine, column: 1) }
        return SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
    }

    static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(.error, file: file, line: mark.line + firstLine - 1, column: mark.column,
                              "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(.error, file: file, line: context.mark.line + firstLine - 1, column: context.mark.column,
                              "key '\(duplicates.joined(separator: "', '"))' appears twice; keep one")
        default:
            return Diagnostic(.error, file: file, line: firstLine, "invalid YAML: \(error)")
        }
    }

    /// The node as a template value.
    static func templateValue(_ node: Node) -> TemplateValue {
        switch node {
        case .scalar(let scalar):
            switch tag(of: node).rawValue {
            case Tag.Name.bool.rawValue: return node.bool.map(TemplateValue.bool) ?? .string(scalar.string)
            case Tag.Name.int.rawValue: return node.int.map(TemplateValue.int) ?? .string(scalar.string)
            case Tag.Name.float.rawValue: return node.float.map(TemplateValue.double) ?? .string(scalar.string)
            case Tag.Name.null.rawValue: return .string("")
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            return .list(sequence.map(templateValue))
        case .mapping(let mapping):
            var dictionary: [String: TemplateValue] = [:]
            for (key, value) in mapping {
                dictionary[key.string ?? ""] = templateValue(value)
            }
            return .map(dictionary)
        case .alias:
            return .string("")
        }
    }

    /// Whether a scalar node holds text (not a number, boolean or null).
    static func isString(_ node: Node) -> Bool {
        if case .scalar = node { return tag(of: node) == .str }
        return false
    }
}
