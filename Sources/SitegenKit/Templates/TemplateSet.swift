import Foundation
import SitegenSupport
import SitegenMustache

/// The site's Mustache templates, parsed once and checked: syntax errors,
/// partials and parents that do not exist, and the layouts a build needs.
///
/// Layouts are the templates named in a page's `layout` (default `page`);
/// `languages` renders the root language chooser and `404` the error page.
/// Partials (`{{> name}}`) and parents (`{{< name}}`) are other templates.
package struct TemplateSet: Sendable {
    package static let defaultLayout = "page"
    package static let languageChooser = "languages"
    package static let notFound = "404"
    /// Layouts of a decision helper's question and outcome pages.
    package static let decisionQuestion = "decision-question"
    package static let decisionOutcome = "decision-outcome"
    static let required = [defaultLayout, languageChooser, notFound]

    let library: MustacheLibrary
    package let names: Set<String>
    /// Ids written literally in the templates (`id="main"`): headings in
    /// Markdown must not take them.
    package let templateIDs: Set<String>
    /// The UI strings the templates name (`{{strings.key}}`, `{{text.key}}`): every language
    /// needs them all, also those only some pages show, so a missing one is
    /// found before a page needs it.
    package let uiStringKeys: Set<String>
    /// The first tag naming each UI string (`{{strings.key}}`), where an
    /// error about a missing one points.
    var uiStringTags: [String: SourceLocation] = [:]
    /// The tag that includes each template (`{{> name}}`, `{{< name}}`) where
    /// an error about its nesting points: one in the template itself if it
    /// includes itself, else the first.
    let inclusionTags: [String: SourceLocation]

    package static func load(_ files: [SiteSource.TemplateFile]) -> (TemplateSet, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let sources = Dictionary(files.map { ($0.name, $0.source.text) }, uniquingKeysWith: { first, _ in first })
        let (library, errors) = MustacheLibrary.parse(sources)
        var ids: Set<String> = []
        let names = Set(files.map(\.name))
        var inclusionTags: [String: SourceLocation] = [:]
        for file in files.sorted(by: { $0.name < $1.name }) {
            if let error = errors[file.name] {
                diagnostics.append(Diagnostic(.error, file: file.source.path, line: error.line, column: error.column,
                                              "template syntax: \(error.message)"))
            }
            let references = references(in: file.source)
            for reference in references where inclusionTags[reference.name] == nil || reference.name == file.name {
                inclusionTags[reference.name] = reference.location
            }
            for reference in references where !names.contains(reference.name) {
                diagnostics.append(.error(
                    "\(reference.kind) '\(reference.name)' does not exist; add templates/\(reference.name).mustache",
                    at: reference.location))
            }
            diagnostics += TemplateChecks.check(file)
            ids.formUnion(literalIDs(in: file.source.text))
        }
        if errors.isEmpty {
            let paths = Dictionary(files.map { ($0.name, $0.source.path) }, uniquingKeysWith: { first, _ in first })
            diagnostics += TemplateNameCheck.check(library, paths: paths)
        }
        for name in required where !names.contains(name) {
            diagnostics.append(Diagnostic(.error, file: SiteLayout.template(name),
                "template is missing; every site needs templates/\(name).mustache"))
        }
        let used = usedTemplates(files, library: library)
        let uiStringKeys = Set(used.compactMap { library.templates[$0] }.flatMap(MustacheNode.names(in:)).compactMap { name in
            name.parts.count == 2 && Self.stringNamespaces.contains(name.parts[0]) ? name.parts[1] : nil
        })
        var set = TemplateSet(library: library, names: names, templateIDs: ids, uiStringKeys: uiStringKeys,
                              inclusionTags: inclusionTags)
        for file in files.sorted(by: { $0.name < $1.name }) where used.contains(file.name) {
            for (key, location) in stringTags(in: file.source) where set.uiStringTags[key] == nil {
                set.uiStringTags[key] = location
            }
        }
        return (set, diagnostics)
    }

    /// The error for a page's `layout:` that names no template: what to
    /// add, or, for a value written as a path (`../wide`,
    /// `templates/wide.mustache`), the name to write instead: a layout is
    /// a template's name, and `..` cannot leave templates/.
    func missingLayout(_ layout: String) -> String {
        var name = Substring(layout)
        if name.hasPrefix(SiteLayout.templatesFolder + "/") { name = name.dropFirst(SiteLayout.templatesFolder.count + 1) }
        if name.hasSuffix(".mustache") { name = name.dropLast(".mustache".count) }
        let plain = name.split(separator: "/").filter { $0 != "." && $0 != ".." }.joined(separator: "/")
        guard plain != layout else { return "layout '\(layout)' does not exist; add templates/\(layout).mustache or remove 'layout'" }
        let problem = "layout '\(layout)' is not a template's name, which is its file's path inside templates/ without '.mustache' (and no '..')"
        if plain.isEmpty { return problem + "; write 'layout: \(Self.defaultLayout)' or remove 'layout'" }
        if names.contains(plain) { return problem + "; write 'layout: \(plain)' (templates/\(plain).mustache)" }
        return problem + "; write 'layout: \(plain)' and add templates/\(plain).mustache, or remove 'layout'"
    }

    /// The templates whose UI strings every language needs up front: the
    /// site's own, the layouts every site has, and what they include. A
    /// built-in template nothing uses (the decision layouts of a site with
    /// its own theme) does not ask a language for its strings; if a page
    /// renders it after all, a missing string is still reported then.
    static func usedTemplates(_ files: [SiteSource.TemplateFile], library: MustacheLibrary) -> Set<String> {
        var pending = files.filter { !$0.isBuiltIn }.map(\.name) + required
        var used: Set<String> = []
        while let name = pending.popLast() {
            guard used.insert(name).inserted, let nodes = library.templates[name] else { continue }
            pending += TemplateNameCheck.inclusions(nodes)
        }
        return used
    }

    /// Renders the template `name`; throws when partials nest deeper than
    /// `MustacheRenderer.depthLimit` (a partial that includes itself).
    func render(_ context: TemplateData, template name: String, capacity: Int = 0) throws(MustacheRenderer.DepthError) -> String {
        var renderer = MustacheRenderer(library: library, context: context, capacity: capacity)
        try renderer.render(template: name)
        return renderer.output
    }

    struct Reference {
        var kind: String
        var name: String
        var location: SourceLocation
    }

    /// `{{> name}}` and `{{< name}}` tags (with the default delimiters).
    static func references(in source: SourceText) -> [Reference] {
        var found: [Reference] = []
        let lines = SourceLines(source.text)
        for (index, line) in lines.lines.enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                let marker = afterOpen.first
                guard marker == ">" || marker == "<", let close = afterOpen.range(of: "}}") else {
                    rest = afterOpen
                    continue
                }
                let name = afterOpen[afterOpen.index(after: afterOpen.startIndex)..<close.lowerBound].trimmingSpaces
                if !name.isEmpty && !name.hasPrefix("*") {
                    let column = line[..<open.lowerBound].unicodeScalars.count + 1
                    found.append(Reference(kind: marker == ">" ? "partial" : "parent template", name: String(name),
                                           location: SourceLocation(file: source.path, line: index + 1, column: column)))
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return found
    }

    /// The names under which templates read a UI string: `strings.key` (the
    /// text) and `text.key` (marked with its language when English stands in).
    static let stringNamespaces: Set<String> = ["strings", "text"]

    /// `strings.key` or `text.key` inside a `{{...}}` tag (with the default
    /// delimiters), with the place of the tag.
    static func stringTags(in source: SourceText) -> [(String, SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        for (index, line) in SourceLines(source.text).lines.enumerated() where line.contains("strings.") || line.contains("text.") {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                let inside = afterOpen[..<close.lowerBound].drop(while: { "{#^/&! ".contains($0) })
                if let namespace = stringNamespaces.first(where: { inside.hasPrefix($0 + ".") }) {
                    let key = inside.dropFirst(namespace.count + 1).prefix(while: { $0 != "}" && $0 != " " })
                    let column = line[..<open.lowerBound].unicodeScalars.count + 1
                    found.append((String(key), SourceLocation(file: source.path, line: index + 1, column: column)))
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return found
    }

    /// Values of `id="..."` attributes that contain no Mustache tag.
    static func literalIDs(in text: String) -> Set<String> {
        var ids: Set<String> = []
        var rest = text[...]
        while let range = rest.range(of: "id=\"") {
            let value = rest[range.upperBound...].prefix(while: { $0 != "\"" })
            if !value.contains("{") { ids.insert(String(value)) }
            rest = rest[range.upperBound...]
        }
        return ids
    }
}
