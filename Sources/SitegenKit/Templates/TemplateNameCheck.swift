import SitegenMustache
import SitegenSupport

/// Checks every name the templates use against the context each layout is
/// rendered with (`TemplateContextKind`): a name that context does not hold
/// is an error at its tag, with what could be meant. A partial or parent
/// shared by several layouts may test in a section for a value only some of
/// them have (`{{#page.hasCode}}` in a head that `404.mustache` includes).
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
    /// The layout being checked, and the context it is rendered with.
    private var layout = ""
    private var context = TemplateContextKind.page

    static func check(_ library: MustacheLibrary, paths: [String: String]) -> [Diagnostic] {
        var check = TemplateNameCheck(library: library, paths: paths)
        let included = Set(library.templates.values.flatMap(Self.inclusions))
        for name in library.templates.keys.sorted() where !included.contains(name) {
            check.layout = name
            check.context = .of(layout: name)
            // A shortcode partial sees its arguments, whatever their names.
            check.visit(template: name, stack: [name.hasPrefix(SiteShortcodes.folder) ? .open : check.context.shape])
        }
        // A partial several layouts include is reported once per tag.
        var seen: Set<SourceLocation> = []
        return check.diagnostics
            .filter { seen.insert(SourceLocation(file: $0.file, line: $0.line ?? 0, column: $0.column ?? 0)).inserted }
            .sorted { ($0.file, $0.line ?? 0, $0.column ?? 0) < ($1.file, $1.line ?? 0, $1.column ?? 0) }
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
                let elsewhere = isElsewhere(name, stack: stack)
                guard let shape = resolve(name, stack: stack, template: template, isSection: true) else { continue }
                if case .helper = shape { continue }
                // Inside a test for another layout's value, that layout's names are fine.
                visit(children, stack: stack + (elsewhere ? [TemplateContextKind.anyShape] : []) + [shape.sectionContext], template: template)
            case .invertedSection(let name, let children):
                _ = resolve(name, stack: stack, template: template, isSection: true)
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

    /// Whether a name's first part is not in the sections around it or the
    /// layout's context, but in another layout's.
    private func isElsewhere(_ name: MustacheName, stack: [TemplateShape]) -> Bool {
        guard let first = name.parts.first else { return false }
        return !stack.contains { $0.child(first) != nil } && TemplateContextKind.anyShape.child(first) != nil
    }

    /// The shape a name reaches, or nil after reporting that none does.
    private mutating func resolve(_ name: MustacheName, stack: [TemplateShape], template: String,
                                  isSection: Bool = false) -> TemplateShape? {
        guard let first = name.parts.first else { return stack.last }
        guard var found = stack.reversed().lazy.compactMap({ $0.child(first) }).first else {
            // The innermost section's names first: what was most likely meant.
            let inner = stack.last?.keys ?? []
            let known = inner.isEmpty ? (stack.first?.keys ?? []) : inner
            guard let elsewhere = TemplateContextKind.anyShape.child(first), stack.first?.keys.isEmpty == false else {
                report(name, template: template, known: known)
                return nil
            }
            // In a partial shared by layouts, a section may test for another
            // layout's value; a layout's own text is for its context only.
            if isSection && template != layout { return elsewhere }
            let owners = TemplateContextKind.allCases.filter { $0.values.contains { $0.name == first } }.map(\.layouts)
            report(name, template: template, known: known,
                   problem: "'\(first)' is a value of \(owners.joined(separator: " and ")) only, not of \(context.layouts)\(template == layout ? "" : ", which includes this template here")")
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

    private mutating func report(_ name: MustacheName, template: String, known: [String], problem: String? = nil) {
        let file = paths[template] ?? SiteLayout.template(template)
        let hint = known.isEmpty ? "" : "; here the names are: " + known.prefix(12).joined(separator: ", ")
            + (known.count > 12 ? " and \(known.count - 12) more" : "")
        diagnostics.append(Diagnostic(.error, file: file, line: name.line, column: name.column,
            "\(problem ?? "no template value is called '\(name.written)'")\(hint) (docs/themes.md lists them all)"))
    }
}
