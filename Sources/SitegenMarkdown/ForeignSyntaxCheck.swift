import SitegenSupport

/// Nothing lost in silence: a line of text that looks like another
/// generator's syntax but did not become a construct (a shortcode nobody
/// read, `:::` of an unknown type, an admonition without a type...) is a
/// warning at its place, one kind per marker, so a site moved from Hugo,
/// MkDocs or Docusaurus shows at once what still reads as markup.
///
/// It runs last, on what is left in the tree: whatever a reader turned into
/// a construct (callouts, tabs, shortcodes, includes) is no longer text.
/// Code (fenced, indented, inline) is never looked at.
package enum ForeignSyntaxCheck {
    /// A marker and what to tell the author about it.
    private struct Marker {
        var text: String
        /// Only at the start of a line (block syntax), or anywhere (inline).
        var atLineStart: Bool
        var advice: String
    }

    private static let markers: [Marker] = [
        Marker(text: "{{<", atLineStart: false, advice: "a Hugo shortcode sitegen did not read"),
        Marker(text: "{{%", atLineStart: false, advice: "a Hugo shortcode sitegen did not read"),
        Marker(text: "{%", atLineStart: false, advice: "a template tag (Jinja, Liquid, MkDocs macros), which sitegen does not run"),
        // After the shortcodes' "{{<" and "{{%": FastAPI's docs show
        // "@{{ user.login }}" from mkdocs-macros on its people page.
        Marker(text: "{{", atLineStart: false, advice: "a template expression (Jinja, Liquid, MkDocs macros, Hugo), which sitegen does not expand"),
        Marker(text: "{*", atLineStart: false, advice: "an MkDocs code include sitegen did not read"),
        // Smart punctuation has made "--" a dash by now.
        Marker(text: "\u{2013}8<\u{2013}", atLineStart: true, advice: "a pymdownx snippet include sitegen did not read"),
        Marker(text: ":::", atLineStart: true, advice: "a Docusaurus or VitePress block sitegen did not read; it reads ':::TYPE Title' ... ':::' with TYPE note, tip, info, important, warning, caution, danger or details"),
        Marker(text: "///", atLineStart: true, advice: "a pymdownx block sitegen did not read; it reads '/// TYPE | Title', '/// admonition | Title', '/// details | Summary' and '/// tab | Label', ended by '///'"),
        Marker(text: "!!!", atLineStart: true, advice: "an MkDocs admonition sitegen did not read; write '!!! TYPE \"Title\"' with its text indented four spaces"),
        Marker(text: "???", atLineStart: true, advice: "a collapsible MkDocs admonition sitegen did not read; write '??? TYPE \"Title\"' with its text indented four spaces"),
        Marker(text: "===", atLineStart: true, advice: "an MkDocs content tab sitegen did not read; write '=== \"Label\"' with its content indented four spaces"),
    ]

    /// The kind of a warning about a marker, as the build summarises it.
    package static func kind(of marker: String) -> String {
        "lines in another generator's syntax ('\(marker)')"
    }

    package static func apply(to markdown: ParsedMarkdown) {
        guard markdown.census.has([.markerRun, .templatePair]) else { return }
        for paragraph in markdown.document.nodes(ofType: .paragraph) {
            for (offset, line) in visibleText(of: paragraph).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let start = line.drop(while: { $0 == " " || $0 == "\t" })
                guard let marker = markers.first(where: { $0.atLineStart ? start.hasPrefix($0.text) : line.contains($0.text) }) else { continue }
                let shown = marker.atLineStart ? start : line[line.range(of: marker.text)!.lowerBound...]
                let written = marker.text.hasPrefix("\u{2013}") ? "--8<--" : marker.text
                markdown.diagnostics.append(Diagnostic(
                    .warning, location: place(of: written, in: paragraph, lineOffset: offset, markdown: markdown),
                    "'\(shown.prefix(40))' looks like \(marker.advice); it is shown as text",
                    kind: kind(of: written)))
            }
        }
    }

    /// The paragraph's text as a reader sees it, one source line per line;
    /// code spans are left out (a marker in code is an example).
    private static func visibleText(of paragraph: MarkdownNode) -> String {
        var text = ""
        paragraph.document.walk(from: paragraph) { event, node in
            guard event == .enter else { return }
            switch node.type {
            case .text, .htmlInline: text += node.literal ?? ""
            case .softBreak, .lineBreak: text += "\n"
            case .code: text += "\u{FFFC}"
            default: break
            }
        }
        return text
    }

    /// Where a marker is: on the paragraph's line `lineOffset` when the
    /// source has it there, at its column.
    private static func place(of marker: String, in paragraph: MarkdownNode, lineOffset: Int, markdown: ParsedMarkdown) -> SourceLocation {
        let line = paragraph.startLine + lineOffset
        let text = markdown.lines.line(line)
        guard paragraph.startLine > 0, let range = text.range(of: marker) else { return markdown.location(of: paragraph) }
        return markdown.location(line: line, byteColumn: text.utf8.distance(from: text.startIndex, to: range.lowerBound) + 1)
    }
}

private extension Diagnostic {
    init(_ severity: Severity, location: SourceLocation, _ message: String, kind: String) {
        self.init(severity, file: location.file, line: location.line, column: location.column, message, kind: kind)
    }
}
