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
            check(visibleText(of: paragraph), in: markdown, skipping: { markdown.rawHTMLWarnedLines.contains(paragraph.startLine + $0) }) { written, _, offset in
                place(of: written, in: paragraph, lineOffset: offset, markdown: markdown)
            }
        }
    }

    /// Kept raw HTML (`rawHTML: allow`, a block or a tag), before
    /// `RawHTMLTransform` sets it aside where `apply` no longer reads it:
    /// its text is shown as written too. Comments and the insides of
    /// `script`, `style`, `pre`, `code` and `textarea` are not looked at
    /// (code, like code spans in Markdown).
    package static func checkRawHTML(_ node: MarkdownNode, in markdown: ParsedMarkdown) {
        guard markdown.census.has([.markerRun, .templatePair]), let html = node.literal else { return }
        check(textOutsideCode(ofHTML: html), in: markdown, smartDashes: false) { written, shown, offset in
            let line = node.startLine + offset
            // A paragraph's line warns once, for its tags and text together.
            if node.type == .htmlInline { markdown.rawHTMLWarnedLines.insert(line) }
            let source = markdown.lines.line(line)
            // On the node's first line, from where it starts (an inline tag may follow text with the same marker).
            let from = offset == 0 && node.startColumn > 1
                ? source.utf8.index(source.startIndex, offsetBy: min(node.startColumn - 1, source.utf8.count)) : source.startIndex
            guard node.startLine > 0,
                  let range = source[from...].range(of: shown) ?? source[from...].range(of: written)
            else { return markdown.location(of: node) }
            return markdown.location(line: line, byteColumn: source.utf8.distance(from: source.startIndex, to: range.lowerBound) + 1)
        }
    }

    /// One warning per line of `text` that holds a marker, at the place
    /// `place` gives for the marker as written, the text from it and the line's offset.
    /// Raw HTML (`smartDashes` false) is read as written.
    private static func check(_ text: String, in markdown: ParsedMarkdown, smartDashes: Bool = true,
                              skipping: (_ lineOffset: Int) -> Bool = { _ in false },
                              place: (_ written: String, _ shown: Substring, _ lineOffset: Int) -> SourceLocation) {
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !skipping(offset) {
            let start = line.drop(while: { $0 == " " || $0 == "\t" })
            func seen(_ marker: Marker) -> String { !smartDashes && marker.text.hasPrefix("\u{2013}") ? "--8<--" : marker.text }
            guard let marker = markers.first(where: { $0.atLineStart ? start.hasPrefix(seen($0)) : line.contains(seen($0)) }) else { continue }
            // Up to blanked-out code, if any, and in raw HTML up to the next tag.
            var shown = (marker.atLineStart ? start : line[line.range(of: seen(marker))!.lowerBound...]).prefix { $0 != "\u{1}" }
            if !smartDashes, let tag = shown.dropFirst(seen(marker).count).firstIndex(of: "<") { shown = shown[..<tag] }
            let written = marker.text.hasPrefix("\u{2013}") ? "--8<--" : marker.text
            markdown.diagnostics.append(Diagnostic(
                .warning, location: place(written, shown.prefix(40), offset),
                "'\(shown.prefix(40))' looks like \(marker.advice); it is shown as text",
                kind: kind(of: written)))
        }
    }

    /// Elements whose text is code, not prose.
    private static let codeElements = ["script", "style", "pre", "code", "textarea"]

    /// Raw HTML with comments and code elements (tags and insides) blanked
    /// out, line breaks kept, so lines keep their numbers.
    static func textOutsideCode(ofHTML html: String) -> String {
        let bytes = Array(html.utf8)
        guard bytes.contains(UInt8(ascii: "<")) else { return html }
        var text = bytes
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            var end: Int?
            if starts(bytes, at: index, with: "<!--") {
                end = find("-->", in: bytes, from: index + 4).map { $0 + 3 } ?? bytes.count
            } else if let name = codeElements.first(where: { opens(bytes, at: index, $0) }) {
                let closing = find("</" + name, in: bytes, from: index + 1) ?? bytes.count
                end = find(">", in: bytes, from: closing).map { $0 + 1 } ?? bytes.count
            }
            guard let end else {
                index += 1
                continue
            }
            for blanked in index..<end where bytes[blanked] != UInt8(ascii: "\n") { text[blanked] = 1 }
            index = end
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `text` (lowercase ASCII) at `index`, in any case.
    private static func starts(_ bytes: [UInt8], at index: Int, with text: String) -> Bool {
        let needle = Array(text.utf8)
        guard index + needle.count <= bytes.count else { return false }
        for (offset, byte) in needle.enumerated() {
            let seen = bytes[index + offset]
            if seen != byte && !(seen >= UInt8(ascii: "A") && seen <= UInt8(ascii: "Z") && seen | 0x20 == byte) { return false }
        }
        return true
    }

    /// An opening tag `<name` at `index`, its name ended.
    private static func opens(_ bytes: [UInt8], at index: Int, _ name: String) -> Bool {
        guard starts(bytes, at: index + 1, with: name) else { return false }
        let after = index + 1 + name.utf8.count
        return after == bytes.count || [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "/")].contains(bytes[after])
    }

    private static func find(_ text: String, in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if starts(bytes, at: index, with: text) { return index }
            index += 1
        }
        return nil
    }

    /// How many inline code elements are open after a tag (or kept raw
    /// HTML), `depth` before it.
    private static func codeDepth(after html: String, from depth: Int) -> Int {
        guard html.hasPrefix("<") else { return depth }
        let bytes = Array(html.utf8)
        if let name = codeElements.first(where: { opens(bytes, at: 0, $0) }), find("</" + name, in: bytes, from: 1) == nil {
            return depth + 1
        }
        if depth > 0, codeElements.contains(where: { starts(bytes, at: 0, with: "</" + $0) }) { return depth - 1 }
        return depth
    }

    /// The paragraph's text as a reader sees it, one source line per line;
    /// code spans and the text of inline code elements (`<code>...</code>`)
    /// are left out (a marker in code is an example).
    private static func visibleText(of paragraph: MarkdownNode) -> String {
        var text = ""
        var inCode = 0
        paragraph.document.walk(from: paragraph) { event, node in
            guard event == .enter else { return }
            switch node.type {
            case .text: text += inCode > 0 ? "\u{FFFC}" : node.literal ?? ""
            case .htmlInline, .customInline:
                let html = (node.type == .htmlInline ? node.literal : node.onEnter) ?? ""
                if node.type == .htmlInline { text += html }
                inCode = codeDepth(after: html, from: inCode)
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
