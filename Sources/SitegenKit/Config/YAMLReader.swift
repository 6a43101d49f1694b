import SitegenSupport
import Yams

/// Typed reads of the nodes of one YAML text, shared by the settings, front
/// matter, UI strings and decision helpers: each read checks the node's
/// type and turns a problem into a diagnostic at the node's place, so every
/// reader says the same thing the same way.
final class YAMLReader {
    let yaml: YAMLText
    private(set) var diagnostics: [Diagnostic] = []

    init(_ yaml: YAMLText) {
        self.yaml = yaml
    }

    var root: Node? { yaml.root }
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func location(of node: Node?) -> SourceLocation {
        yaml.location(of: node)
    }

    func error(_ message: String, at node: Node?) {
        diagnostics.append(.error(message, at: location(of: node)))
    }

    func warning(_ message: String, at node: Node?) {
        diagnostics.append(.warning(message, at: location(of: node)))
    }

    func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    /// Text: a string scalar, not a number, boolean or null, which YAML reads
    /// from the same unquoted letters (`no`, `10`). A missing node is nil
    /// without a word, unless `parent` is given: then it is an error there.
    func text(_ node: Node?, _ what: String, missingIn parent: Node? = nil, allowsEmpty: Bool = true) -> String? {
        guard let node else {
            if let parent { error("\(what) is missing", at: parent) }
            return nil
        }
        guard YAMLText.isString(node), let value = node.string, allowsEmpty || !value.trimmingSpaces.isEmpty else {
            error("\(what) must be text; put it in quotes if it looks like a number or yes/no", at: node)
            return nil
        }
        return value
    }

    /// A whole number written as one (`10`, not `"10"` or `ten`).
    func int(_ node: Node?, _ message: String) -> Int? {
        guard let node else { return nil }
        guard YAMLText.tag(of: node) == .int, let value = Self.decimal(node) ?? node.int else {
            error(message, at: node)
            return nil
        }
        return value
    }

    /// A plain decimal (`10`, `-3`) read directly: Yams' reading of an
    /// integer tries its other spellings (`0x1F`, `1_000`, `1:30`) with
    /// regular expressions first, about 35,000 instructions for a `weight`.
    private static func decimal(_ node: Node) -> Int? {
        guard case .scalar(let scalar) = node else { return nil }
        let digits = scalar.string.utf8.drop { $0 == UInt8(ascii: "-") }
        guard scalar.string.utf8.count - digits.count <= 1, (1...18).contains(digits.count),
              digits.first != UInt8(ascii: "0") || scalar.string == "0",
              digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Int(scalar.string)
    }

    /// `true` or `false`.
    func bool(_ node: Node?, _ message: String) -> Bool? {
        guard let node else { return nil }
        guard let value = node.bool, YAMLText.tag(of: node) == .bool else {
            error(message, at: node)
            return nil
        }
        return value
    }

    /// A mapping, or nil with an error showing `example` (`name:` with
    /// `  example` under it) when the node is something else.
    func mapping(_ node: Node, _ name: String, example: String) -> Node.Mapping? {
        guard let mapping = node.mapping else {
            error("\(name) must be a mapping, like '\(name):' with '  \(example)'", at: node)
            return nil
        }
        return mapping
    }

    /// A mapping of settings with known keys (`markdown:`, `links:`,
    /// `warnings:`): each known key's value goes to `read`, an unknown key is
    /// a warning naming the known ones (a typo would otherwise go unnoticed).
    func settings(_ node: Node?, _ name: String, known: [String], example: String, read: (String, Node) -> Void) {
        guard let node, let mapping = mapping(node, name, example: example) else { return }
        for (key, value) in mapping {
            guard let text = key.string, known.contains(text) else {
                warning("unknown setting '\(name).\(key.string ?? "")'; known: \(known.sorted().joined(separator: ", "))", at: key)
                continue
            }
            read(text, value)
        }
    }

    /// The values of a mapping by key, the first of a repeated key (a YAML
    /// error Yams lets through in nested mappings); empty when the node is
    /// not a mapping. One pass: looking each key up in turn costs n².
    static func children(_ node: Node?) -> [String: Node] {
        // Not `node?.mapping ?? [:]`: an empty Node.Mapping makes a Yams
        // constructor with its tables (about 10,000 instructions a page).
        guard let mapping = node?.mapping else { return [:] }
        var children: [String: Node] = [:]
        for (key, value) in mapping {
            if let key = key.string, children[key] == nil { children[key] = value }
        }
        return children
    }
}
