/// One piece of a parsed Mustache template.
///
/// Names are split into their dotted parts once, when the template is
/// parsed, so rendering only looks them up.
package indirect enum MustacheNode: Sendable {
    /// Literal text, written as it is.
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` and `{{& name}}` (not escaped).
    case variable(MustacheName, escaped: Bool)
    /// `{{#name}}...{{/name}}`. `source` is the text between the tags, for
    /// section helpers such as `asset`.
    case section(MustacheName, [MustacheNode], source: String)
    /// `{{^name}}...{{/name}}`: shown when the value is missing, false or an empty list.
    case invertedSection(MustacheName, [MustacheNode])
    /// `{{> name}}`. `indentation` is the whitespace before a tag alone on
    /// its line, which every line of the partial gets.
    case partial(String, indentation: String)
    /// `{{< name}}...{{/name}}`: renders the template `name` with the blocks
    /// defined inside replacing its own.
    case parent(String, blocks: [String: [MustacheNode]], indentation: String)
    /// `{{$name}}default{{/name}}`: replaced by a child's block of the same
    /// name. `indentation` is added to every line of whichever content fills
    /// it (the spec's block reindentation; see `MustacheParser`).
    case block(String, [MustacheNode], indentation: String)
}

extension MustacheNode {
    /// Every name looked up in `nodes`, in sections and blocks too.
    package static func names(in nodes: [MustacheNode]) -> [MustacheName] {
        nodes.flatMap { node -> [MustacheName] in
            switch node {
            case .variable(let name, _): [name]
            case .section(let name, let children, _), .invertedSection(let name, let children): [name] + names(in: children)
            case .block(_, let children, _): names(in: children)
            case .parent(_, let blocks, _): blocks.values.flatMap { names(in: $0) }
            case .text, .partial: []
            }
        }
    }
}

/// A name in a tag: `.` (the current value) or dotted parts (`page.title`),
/// with the tag's place in its template (equal names are equal wherever
/// they stand).
package struct MustacheName: Sendable, Equatable {
    /// Empty for `.`.
    package let parts: [String]
    package var line = 0
    package var column = 0

    package init(parts: [String], line: Int = 0, column: Int = 0) {
        self.parts = parts
        self.line = line
        self.column = column
    }

    package static func == (lhs: MustacheName, rhs: MustacheName) -> Bool {
        lhs.parts == rhs.parts
    }

    /// The name as written: `page.title`, or `.`.
    package var written: String { parts.isEmpty ? "." : parts.joined(separator: ".") }
}

/// A template that cannot be parsed: where, and what is wrong in words a
/// template author understands.
public struct MustacheSyntaxError: Error, Equatable {
    /// Where the problem is in the template (1-based).
    public let line: Int
    /// The column (1-based).
    public let column: Int
    /// What is wrong, for the template's author.
    public let message: String
}
