import SitegenMustache
import SitegenSupport

/// Checks every name the templates use against `TemplateShape`: a name no
/// context can hold is an error at its tag, with what could be meant.
///
/// Names are resolved as the renderer resolves them: the first part in the
/// innermost section's value, then outwards; the other parts only inside
/// what the first found. A partial is checked where it is included, in the
/// sections around its tag (each place once); the other templates (layouts)
/// at the root.
struct TemplateNameCheck {
    let library: MustacheLibrary
    let paths: [String: String]
    private(set) var diagnostics: [Diagnostic] = []
    private var checked: Set<String> = []
    /// The templates being checked, outermost first: a partial that
    /// includes itself (a tree rendered recursively) is checked once.
    private var including: [String] = []

    static func check(_ library: MustacheLibrary, paths: [String: String]) -> [Diagnostic] {
        var check = TemplateNameCheck(library: library, paths: paths)
        let included = Set(library.templates.values.flatMap(Self.inclusions))
        for name in library.templates.keys.sorted() where !included.contains(name) {
            // A shortcode partial sees its arguments, whatever their names.
            check.visit(template: name, stack: [name.hasPrefix(SiteShortcodes.folder) ? .open : .root])
        }
        return check.diagnostics.sorted { ($0.file, $0.line ?? 0, $0.column ?? 0) < ($1.file, $1.line ?? 0, $1.column ?? 0) }
    }

    /// The templates a template's nodes include (partials and parents).
    static func inclusions(_ nodes: [MustacheNode]) -> [String] {
        nodes.flatMap { node -> [String] in
            switch node {
            case .partial(let name, _): [name]
            case .parent(let name, let blocks, _): [name] + blocks.values.flatMap(inclusions)
            case .section(_, let children, _), .invertedSection(_, let children), .block(_, let children, _): inclusions(children)
            case .text, .variable: []
            }
        }
    }

    private mutating func visit(template name: String, stack: [TemplateShape]) {
        // The same template in the same sections is checked once (and a
        // partial that includes itself stops here).
        let key = name + "@" + stack.map { "\($0.keys)" }.joined(separator: "/")
        guard !including.contains(name), checked.insert(key).inserted, let nodes = library.templates[name] else { return }
        including.append(name)
        visit(nodes, stack: stack, template: name)
        including.removeLast()
    }

    private mutating func visit(_ nodes: [MustacheNode], stack: [TemplateShape], template: String) {
        for node in nodes {
            switch node {
            case .text:
                continue
            case .variable(let name, _):
                _ = resolve(name, stack: stack, template: template)
            case .section(let name, let children, _):
                guard let shape = resolve(name, stack: stack, template: template) else { continue }
                if case .helper = shape { continue }
                visit(children, stack: stack + [shape.sectionContext], template: template)
            case .invertedSection(let name, let children):
                _ = resolve(name, stack: stack, template: template)
                visit(children, stack: stack, template: template)
            case .partial(let name, _):
                visit(template: name, stack: stack)
            case .parent(let name, let blocks, _):
                for block in blocks.values { visit(block, stack: stack, template: template) }
                visit(template: name, stack: stack)
            case .block(_, let children, _):
                visit(children, stack: stack, template: template)
            }
        }
    }

    /// The shape a name reaches, or nil after reporting that none does.
    private mutating func resolve(_ name: MustacheName, stack: [TemplateShape], template: String) -> TemplateShape? {
        guard let first = name.parts.first else { return stack.last }
        guard var found = stack.reversed().lazy.compactMap({ $0.child(first) }).first else {
            // The innermost section's names first: what was most likely meant.
            let inner = stack.last?.keys ?? []
            report(name, template: template, known: inner.isEmpty ? TemplateShape.root.keys : inner)
            return nil
        }
        for part in name.parts.dropFirst() {
            guard let next = found.child(part) else {
                report(name, template: template, known: found.keys)
                return nil
            }
            found = next
        }
        return found
    }

    private mutating func report(_ name: MustacheName, template: String, known: [String]) {
        let file = paths[template] ?? SiteLayout.template(template)
        let hint = known.isEmpty ? "" : "; here the names are: " + known.prefix(12).joined(separator: ", ")
            + (known.count > 12 ? " and \(known.count - 12) more" : "")
        diagnostics.append(Diagnostic(.error, file: file, line: name.line, column: name.column,
            "no template value is called '\(name.written)'\(hint) (docs/themes.md lists them all)"))
    }
}
