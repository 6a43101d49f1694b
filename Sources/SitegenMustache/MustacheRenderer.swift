import SitegenSupport
/// Renders parsed templates against `TemplateData`, appending to one string.
///
/// Names resolve as the specification says: the first part of `a.b.c` is
/// looked for in the innermost section's value first, then outwards; the
/// other parts only inside what the first found.
public struct MustacheRenderer {
    /// A partial including itself, directly or not, stops here.
    package static let depthLimit = 100
    /// Partials and parents one render may expand, in all: partials that
    /// each include the next twice would otherwise render 2^depth times
    /// (18 of them, 262,144 copies a page). The shipped theme's deepest
    /// page expands a few hundred (its sidebar is truncated).
    package static let expansionLimit = 100_000

    /// Partials that nest too deep or expand too often: a template including itself.
    public struct DepthError: Error {
        package let template: String
        /// The expansion budget ran out, rather than the depth.
        package var overBudget = false

        /// The error's message.
        public var message: String {
            overBudget
                ? "partials expand more than \(MustacheRenderer.expansionLimit) times for one page (at '\(template)'); do partials include each other more than once?"
                : "partials nest more than \(MustacheRenderer.depthLimit) deep; does '\(template)' include itself?"
        }
    }

    private let library: MustacheLibrary
    private var stack: [TemplateData]
    /// Blocks of the child templates being rendered, by name; the outermost
    /// child's block wins.
    private var blocks: [String: [MustacheNode]] = [:]
    private var depth = 0
    private var expansions = 0
    /// Indentation of the blocks being filled, outermost first: written at
    /// the start of every line of template text inside them.
    private var indentation = ""
    /// Whether the next output starts a line (only tracked inside an
    /// indented block).
    private var atLineStart = false
    /// The HTML rendered so far.
    public private(set) var output = ""

    /// A renderer of `library`'s templates with `context` as the outermost data.
    public init(library: MustacheLibrary, context: TemplateData, capacity: Int = 0) {
        self.library = library
        self.stack = [context]
        output.reserveCapacity(capacity)
    }

    /// Renders the template `name` onto `output`.
    public mutating func render(template name: String) throws(DepthError) {
        guard let nodes = library.template(named: name) else { return }
        try render(nodes)
    }

    private mutating func render(_ nodes: [MustacheNode]) throws(DepthError) {
        for node in nodes {
            switch node {
            case .text(let text):
                write(text: text)
            case .variable(let name, let escaped):
                guard let value = resolve(name) else { continue }
                interpolate(value, escaped: escaped)
            case .section(let name, let children, let source):
                guard let value = resolve(name), !value.isFalsy else { continue }
                switch value {
                case .bool:
                    try render(children)
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        try render(children)
                        stack.removeLast()
                    }
                case .function(let function):
                    // A helper's result is text (a URL), never HTML.
                    write(value: HTMLEscaping.escape(function(source)))
                default:
                    stack.append(value)
                    try render(children)
                    stack.removeLast()
                }
            case .invertedSection(let name, let children):
                if resolve(name)?.isFalsy ?? true { try render(children) }
            case .partial(let name, let indentation):
                guard let partial = library.template(named: name, indentation: indentation) else { continue }
                try nest(partial, template: name, blocks: blocks)
            case .parent(let name, let childBlocks, let indentation):
                guard let parent = library.template(named: name, indentation: indentation) else { continue }
                try nest(parent, template: name, blocks: childBlocks.merging(blocks) { _, outer in outer })
            case .block(let name, let defaults, let blockIndentation):
                let content = blocks[name] ?? defaults
                guard !blockIndentation.isEmpty else {
                    try render(content)
                    continue
                }
                let outer = indentation
                indentation += blockIndentation
                atLineStart = true
                try render(content)
                indentation = outer
            }
        }
    }

    private mutating func nest(_ nodes: [MustacheNode], template: String, blocks nestedBlocks: [String: [MustacheNode]]) throws(DepthError) {
        guard depth < Self.depthLimit else { throw DepthError(template: template) }
        expansions += 1
        guard expansions <= Self.expansionLimit else { throw DepthError(template: template, overBudget: true) }
        let saved = blocks
        depth += 1
        blocks = nestedBlocks
        defer {
            depth -= 1
            blocks = saved
        }
        try render(nodes)
    }

    /// Template text: every line it starts inside an indented block gets
    /// the indentation.
    private mutating func write(text: String) {
        guard !indentation.isEmpty else {
            output += text
            return
        }
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let next = utf8.index(after: index)
            if utf8[index] == UInt8(ascii: "\n") {
                if atLineStart { output += indentation }
                output += text[start..<next]
                atLineStart = true
                start = next
            }
            index = next
        }
        if start != utf8.endIndex {
            if atLineStart { output += indentation }
            output += text[start...]
            atLineStart = false
        }
    }

    /// A value's text: indented if it starts a line, but its own line
    /// breaks are not (as with partials, data is never re-indented).
    private mutating func write(value: String) {
        if atLineStart && !indentation.isEmpty && !value.isEmpty {
            output += indentation
            atLineStart = false
        }
        output += value
    }

    private func resolve(_ name: MustacheName) -> TemplateData? {
        guard let first = name.parts.first else { return stack.last }
        var found: TemplateData?
        for value in stack.reversed() {
            if let child = Self.child(first, of: value, probing: true) {
                found = child
                break
            }
        }
        for part in name.parts.dropFirst() {
            guard let value = found else { return nil }
            found = Self.child(part, of: value, probing: false)
        }
        return found
    }

    private static func child(_ key: String, of value: TemplateData, probing: Bool) -> TemplateData? {
        switch value {
        case .object(let values):
            return values[key]
        case .lookup(let lookup):
            // Looking outwards for a name must not count as asking for it.
            return probing ? lookup.probe(key) : lookup.value(forKey: key)
        default:
            return nil
        }
    }

    private mutating func interpolate(_ value: TemplateData, escaped: Bool) {
        switch value {
        case .text(let text):
            write(value: escaped ? HTMLEscaping.escape(text) : text)
        case .int(let number):
            write(value: String(number))
        case .double(let number):
            write(value: String(number))
        case .bool(let flag):
            write(value: flag ? "true" : "false")
        case .function(let function):
            let text = function("")
            write(value: escaped ? HTMLEscaping.escape(text) : text)
        case .html(let html):
            write(value: html)
        case .list, .object, .lookup:
            break
        }
    }
}
