import SitegenHighlight
import SitegenSupport

/// Fenced code blocks, highlighted at build time (`markdown.highlight`):
/// each fenced block becomes a custom block of `CodeBlockHTML`. Blocks
/// without a language or options (indented ones too) keep cmark's output.
///
/// A language sitegen does not know is shown plain with a warning of the kind
/// `unknownLanguageKind`; the site build keeps one per language.
package enum CodeBlockTransform {
    package static let unknownLanguageKind = "code blocks in an unknown language"
    /// Mermaid diagrams are shown as their source, titled "mermaid", with one note.
    package static let mermaidKind = "Mermaid diagrams"
    /// A fence's options sitegen cannot read: many of one kind are one line
    /// (a real MkDocs site wrote `{ .yaml .annotate }` 39 times).
    package static let optionProblemKind = "code block options sitegen cannot read (shown without them)"

    /// Returns whether it made any block. Without `highlight`, only blocks
    /// with options (a title, line numbers, marked lines) or problems are
    /// made, shown plain; the others keep cmark's output.
    @discardableResult
    /// `grouped`: the blocks that are tabs of a code group, whose `[name]`
    /// labels the tab; elsewhere it is the block's title (as Nuxt Content
    /// shows it), not dropped.
    package static func apply(to markdown: ParsedMarkdown, highlight: Bool = true, grouped: Set<OpaquePointer> = []) -> Bool {
        guard markdown.census.has(.fence) else { return false }
        var made = false
        for node in markdown.document.nodes(ofType: .codeBlock) {
            var info = FenceInfo(node.fenceInfo ?? "")
            if let label = info.label, info.title == nil, !grouped.contains(node.pointer) { info.title = label }
            guard (highlight && !info.language.isEmpty) || info.hasOptions || !info.problems.isEmpty else { continue }
            report(info.problems, of: node, in: markdown)
            let isMermaid = info.language.lowercased() == "mermaid"
            let language = !highlight || info.language.isEmpty || isMermaid ? CodeLanguage.plain : CodeLanguage(name: info.language)
            if !highlight {
                // Shown plain, as asked: no warning about the language.
            } else if isMermaid {
                info.title = info.title ?? info.language
                markdown.diagnostics.append(.warning(
                    "Mermaid diagrams are shown as their source code, titled 'mermaid' (sitegen draws no diagrams)",
                    at: markdown.location(of: node)).of(kind: mermaidKind))
            } else if language == nil {
                markdown.diagnostics.append(.warning(
                    "no highlighting for code language '\(info.language)'; the block is shown as plain text (write a known name, or 'text'; docs/authoring.md lists them)",
                    at: markdown.location(of: node)).of(kind: unknownLanguageKind))
            }
            let html: String
            do {
                html = try CodeBlockHTML.render(code: node.literal ?? "", info: info, language: language)
            } catch {
                markdown.diagnostics.append(.warning("could not highlight this code block (\(error)); it is shown as plain text",
                                                     at: markdown.location(of: node)))
                guard let plain = try? CodeBlockHTML.render(code: node.literal ?? "", info: info, language: nil) else { continue }
                html = plain
            }
            node.replace(with: markdown.document.makeCustom(.customBlock, onEnter: html, onExit: ""))
            made = true
        }
        return made
    }

    /// Each problem of the fence's options, at its column on the fence line.
    private static func report(_ problems: [FenceInfo.Problem], of node: MarkdownNode, in markdown: ParsedMarkdown) {
        guard !problems.isEmpty else { return }
        let fence = markdown.location(of: node)
        // The info string starts after the fence characters and spaces (ASCII:
        // bytes are columns here).
        let fenceLine = markdown.sourceLines(of: node).first ?? ""
        let marks = fenceLine.prefix(while: { $0 == "`" || $0 == "~" }).count
        let spaces = fenceLine.dropFirst(marks).prefix(while: { $0 == " " || $0 == "\t" }).count
        let infoColumn = (fence.column ?? 1) + marks + spaces
        for problem in problems {
            markdown.diagnostics.append(Diagnostic(.warning, file: fence.file, line: fence.line,
                                                   column: infoColumn + problem.offset, problem.message).of(kind: optionProblemKind))
        }
    }
}
