/// Parsed templates by name, ready to render.
///
/// A partial included on a line of its own with whitespace before it gets
/// that indentation on every line, as the specification asks. Those indented
/// copies are parsed here, once, so rendering never parses.
public struct MustacheLibrary: Sendable {
    private struct IndentedName: Hashable {
        package var name: String
        package var indentation: String
    }

    package private(set) var templates: [String: [MustacheNode]] = [:]
    private var indented: [IndentedName: [MustacheNode]] = [:]

    /// Indented copies of indented copies stop here (a partial including
    /// itself, indented, would otherwise never end).
    private static let indentedCopiesLimit = 1000

    /// Parses every template (name to source). Templates with syntax errors
    /// are left out, and their errors returned by name.
    public static func parse(_ sources: [String: String]) -> (MustacheLibrary, [String: MustacheSyntaxError]) {
        var library = MustacheLibrary()
        var errors: [String: MustacheSyntaxError] = [:]
        for (name, source) in sources {
            do {
                library.templates[name] = try MustacheParser.parse(source)
            } catch {
                errors[name] = error
            }
        }
        for name in library.templates.keys.sorted() {
            library.addIndentedCopies(for: library.templates[name]!, sources: sources)
        }
        return (library, errors)
    }

    package func template(named name: String, indentation: String = "") -> [MustacheNode]? {
        if !indentation.isEmpty, let nodes = indented[IndentedName(name: name, indentation: indentation)] { return nodes }
        return templates[name]
    }

    private mutating func addIndentedCopies(for nodes: [MustacheNode], sources: [String: String]) {
        var pending = Self.indentedInclusions(in: nodes)
        while let wanted = pending.popLast(), indented.count < Self.indentedCopiesLimit {
            guard indented[wanted] == nil, templates[wanted.name] != nil, let source = sources[wanted.name],
                  let nodes = try? MustacheParser.parse(Self.indent(source, by: wanted.indentation)) else { continue }
            indented[wanted] = nodes
            pending += Self.indentedInclusions(in: nodes)
        }
    }

    /// Every line of `source` starts with `indentation`, except the empty
    /// one after a final line break.
    package static func indent(_ source: String, by indentation: String) -> String {
        var result = ""
        var atLineStart = true
        for scalar in source.unicodeScalars {
            if atLineStart { result += indentation }
            result.unicodeScalars.append(scalar)
            atLineStart = scalar == "\n"
        }
        return result
    }

    private static func indentedInclusions(in nodes: [MustacheNode]) -> [IndentedName] {
        var found: [IndentedName] = []
        for node in nodes {
            switch node {
            case .partial(let name, let indentation) where !indentation.isEmpty:
                found.append(IndentedName(name: name, indentation: indentation))
            case .parent(let name, let blocks, let indentation):
                if !indentation.isEmpty { found.append(IndentedName(name: name, indentation: indentation)) }
                for block in blocks.values { found += indentedInclusions(in: block) }
            case .section(_, let children, _), .invertedSection(_, let children), .block(_, let children, _):
                found += indentedInclusions(in: children)
            default:
                break
            }
        }
        return found
    }
}
