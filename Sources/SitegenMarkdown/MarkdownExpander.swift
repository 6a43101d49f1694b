import SitegenSupport

/// The reader at the Markdown edge, before cmark: puts included files in
/// (`--8<--`, `{* *}`, `{{< include >}}`, `{{< code >}}`), fills in
/// `{{< param >}}` and `{{< ref >}}`, and leaves every other shortcode as a
/// placeholder for `ShortcodeTransform`, keeping for each line of the
/// result the file and line it came from.
package struct MarkdownExpander {
    /// How deep includes may nest before the chain is taken for a mistake.
    static let depthLimit = 16
    /// Built-in shortcodes that read their inner text as Markdown in both
    /// spellings, as Docsy's templates do (`markdownify`).
    static let markdownInner: Set<String> = ["alert", "callout", "notice", "tab", "tabpane"]

    let settings: ShortcodeSettings
    private(set) var output: ExpandedMarkdown
    /// The files being expanded, outermost first (the page, then includes).
    private var chain: [String] = []

    /// The expanded text, or nil when the page has nothing for the reader
    /// (most pages: one scan of its bytes).
    package static func expand(_ source: SourceText, settings: ShortcodeSettings, census: MarkerCensus? = nil) -> ExpandedMarkdown? {
        guard (census ?? MarkerCensus(source.text)).has(.directive) else { return nil }
        var expander = MarkdownExpander(settings: settings, output: ExpandedMarkdown(file: source.path))
        expander.expand(source.text, file: source.path, firstLine: 1)
        return expander.output
    }

    // MARK: One file

    private mutating func expand(_ text: String, file: String, firstLine: Int) {
        chain.append(file)
        defer { chain.removeLast() }
        let tokens = ReaderToken.scan(text)
        let lines = SourceLines(text)
        var line = firstLine
        var copied = text.startIndex
        let pairs = pair(tokens, lines: lines, file: file, firstLine: firstLine)
        var openCalls: [Int: Int] = [:]
        var skipUntil = text.startIndex
        for (number, token) in tokens.enumerated() where token.range.lowerBound >= skipUntil {
            output.append(text[copied..<token.range.lowerBound], file: file, line: &line)
            let location = place(token.range.lowerBound, lines: lines, file: file, firstLine: firstLine)
            let tokenLine = line
            let (outputLine, outputStart) = (output.origins.count, output.text.utf8.count)
            var end = token.range.upperBound
            switch token.kind {
            case .problem(let message):
                output.diagnostics.append(.error(message, at: location))
                output.appendGenerated(String(text[token.range]), file: file, line: tokenLine)
            case .literal(let shown):
                var call = ShortcodeCall(name: "", positional: [], named: [:], innerText: nil, isPaired: false, location: location)
                call.literalText = shown
                append(call)
                output.appendGenerated(ShortcodePlaceholder.open(output.calls.count - 1), file: file, line: tokenLine)
            case .replaceLine(let shown):
                output.appendGenerated(shown, file: file, line: tokenLine)
            case .include(let directive, let inFence):
                include(directive, token: token, inFence: inFence, at: location, line: tokenLine)
            case .tag(let tag):
                end = shortcode(tag, token: token, number: number, tokens: tokens, pairs: pairs, openCalls: &openCalls,
                                text: text, at: location, line: tokenLine) ?? end
                skipUntil = end
            }
            let lineBreaks = text[token.range.lowerBound..<end].utf8.count(of: UInt8(ascii: "\n"))
            // (Not when the line became an included file's.)
            if lineBreaks == 0 && output.origins.count == outputLine && output.text.utf8.count >= outputStart
                && output.origins[outputLine - 1].file == file {
                output.recordReplacement(of: text[token.range.lowerBound..<end].unicodeScalars.count, from: outputStart)
            }
            line = tokenLine + lineBreaks
            copied = end
        }
        output.append(text[copied...], file: file, line: &line)
    }

    private func place(_ index: String.Index, lines: SourceLines, file: String, firstLine: Int) -> SourceLocation {
        let (line, column) = lines.location(ofByteOffset: lines.text.utf8.distance(from: lines.text.startIndex, to: index))
        return SourceLocation(file: file, line: firstLine + line - 1, column: column)
    }

    // MARK: Shortcodes

    /// For every opening tag of a shortcode with inner text, the token of
    /// its closing tag. A closing tag with no opening one, and an opening
    /// one never closed, are errors.
    private mutating func pair(_ tokens: [ReaderToken], lines: SourceLines, file: String, firstLine: Int) -> [Int: Int] {
        var pairs: [Int: Int] = [:]
        var open: [(index: Int, name: String)] = []
        for (index, token) in tokens.enumerated() {
            guard case .tag(let tag) = token.kind, !tag.isSelfClosing else { continue }
            if tag.isClosing {
                if let found = open.lastIndex(where: { $0.name == tag.name }) {
                    for unclosed in open[(found + 1)...] { reportUnclosed(unclosed.name, tokens[unclosed.index], lines, file, firstLine) }
                    pairs[open[found].index] = index
                    open.removeSubrange(found...)
                } else if settings.partials.contains(tag.name) || ShortcodeSettings.readerShortcodes.contains(tag.name) {
                    // (An unknown shortcode is reported at its opening tag.)
                    output.diagnostics.append(.error(
                        "closing shortcode '\(tag.name)' has no opening {{< \(tag.name) >}} before it; remove it or add the opening tag",
                        at: place(token.range.lowerBound, lines: lines, file: file, firstLine: firstLine)))
                }
            } else if takesInner(tag.name) {
                open.append((index, tag.name))
            }
        }
        for unclosed in open { reportUnclosed(unclosed.name, tokens[unclosed.index], lines, file, firstLine) }
        return pairs
    }

    private mutating func reportUnclosed(_ name: String, _ token: ReaderToken, _ lines: SourceLines, _ file: String, _ firstLine: Int) {
        output.diagnostics.append(.error(
            "shortcode '\(name)' is not closed; add {{< /\(name) >}} where its content ends",
            at: place(token.range.lowerBound, lines: lines, file: file, firstLine: firstLine)))
    }

    /// Whether a shortcode has inner text, so its opening tag needs a closing one.
    private func takesInner(_ name: String) -> Bool {
        !ShortcodeSettings.readerShortcodes.contains(name) && settings.partialsWithInner.contains(name)
    }

    /// Puts one tag in the output. Returns where copying goes on when the
    /// tag took text after it (a shortcode's inner text read as text).
    private mutating func shortcode(_ tag: ShortcodeTag, token: ReaderToken, number: Int, tokens: [ReaderToken], pairs: [Int: Int],
                                    openCalls: inout [Int: Int], text: String, at location: SourceLocation, line: Int) -> String.Index? {
        let file = location.file
        switch tag.name {
        case _ where tag.isClosing:
            // Only closing tags of Markdown inner text are left; the call is the opening tag's.
            if let call = openCalls[number] {
                placeholder(ShortcodePlaceholder.close(call), token: token, file: file, line: line)
            }
        case "param":
            guard let name = tag.argument("name", orPosition: 0) else {
                output.diagnostics.append(.error("shortcode 'param' needs a name, like {{< param \"version\" >}}", at: location))
                break
            }
            guard let value = settings.params[name] else {
                let known = settings.params.keys.sorted()
                output.diagnostics.append(.error(
                    "param '\(name)' is not set; add it under 'params:' in sitegen.yml"
                        + (known.isEmpty ? "" : " (set: \(known.prefix(12).joined(separator: ", ")))"), at: location))
                break
            }
            output.appendGenerated(tag.delimiter == .percent ? value : MarkdownExpander.escapingMarkdown(value), file: file, line: line)
        case "ref", "relref":
            guard let target = tag.argument("path", orPosition: 0), !target.isEmpty else {
                output.diagnostics.append(.error("shortcode '\(tag.name)' needs a page, like {{< \(tag.name) \"guide.md\" >}}", at: location))
                break
            }
            // The link target as written, checked and rewritten like any link
            // to a page; found by name when its path leads nowhere.
            output.refTargets.insert(target)
            output.appendGenerated(target.contains(" ") ? "<\(target)>" : target, file: file, line: line)
        case "figure":
            guard let source = tag.argument("src", orPosition: 0), !source.isEmpty else {
                output.diagnostics.append(.error("shortcode 'figure' needs an image, like {{< figure src=\"map.png\" alt=\"...\" >}}", at: location))
                break
            }
            // The same image as Markdown's: checked, sized, a figure when it has a caption.
            output.appendGenerated(MarkdownExpander.image(source: source, alt: tag.argument("alt") ?? "",
                                                          caption: tag.argument("caption") ?? tag.argument("title"),
                                                          link: tag.argument("link")), file: file, line: line)
        case "include":
            guard let directive = IncludeDirective.includeShortcode(tag) else {
                output.diagnostics.append(.error("shortcode 'include' needs a file, like {{< include \"snippets/note.md\" >}}", at: location))
                break
            }
            include(directive, token: token, inFence: false, at: location, line: line)
        case "code":
            guard token.isBlock else {
                output.diagnostics.append(.error("shortcode 'code' makes a code block: put it on a line of its own", at: location))
                break
            }
            guard let directive = IncludeDirective.codeShortcode(tag) else {
                output.diagnostics.append(.error("shortcode 'code' needs a file, like {{< code \"docs_src/app.py\" lines=\"3-9\" >}}", at: location))
                break
            }
            include(directive, token: token, inFence: false, at: location, line: line)
        case _ where !settings.partials.contains(tag.name):
            output.diagnostics.append(.error(
                "unknown shortcode '\(tag.name)'; known: \(settings.knownNames.joined(separator: ", ")) (add templates/shortcodes/\(tag.name).mustache to define it)",
                at: location).of(kind: "uses of the unknown shortcode '\(tag.name)'"))
            // Its inner text stays, shown as written, and so does its closing tag's place.
        default:
            let close = pairs[number]
            var call = ShortcodeCall(name: tag.name, positional: tag.positional,
                                     named: Dictionary(tag.named.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }),
                                     innerText: nil, isPaired: close != nil, location: location)
            if let close, tag.delimiter == .angle, !MarkdownExpander.markdownInner.contains(tag.name), case .tag(let closing) = tokens[close].kind {
                // Inner text as it is: taken out of the Markdown whole.
                var inner = text[tag.range.upperBound..<closing.range.lowerBound]
                if inner.first == "\n" { inner = inner.dropFirst() }
                if inner.last == "\n" { inner = inner.dropLast() }
                call.innerText = String(inner)
                append(call)
                placeholder(ShortcodePlaceholder.open(output.calls.count - 1), token: token, file: file, line: line)
                return closing.range.upperBound
            }
            if let close, tag.name == "tab", let language = tag.argument("lang"), case .tag(let closing) = tokens[close].kind {
                // Docsy's `{{< tab header="Python" lang="python" >}}`: the inner text is code.
                var inner = text[tag.range.upperBound..<closing.range.lowerBound]
                if inner.first == "\n" { inner = inner.dropFirst() }
                if inner.last == "\n" { inner = inner.dropLast() }
                let fence = String(repeating: "`", count: max(3, MarkdownExpander.longestBacktickRun(in: inner) + 1))
                append(call)
                let number = output.calls.count - 1
                placeholder(ShortcodePlaceholder.open(number), token: token, file: file, line: line)
                output.appendGenerated("\n" + fence + language + "\n" + inner + "\n" + fence + "\n", file: file, line: line)
                placeholder(ShortcodePlaceholder.close(number), token: tokens[close], file: file, line: line)
                return closing.range.upperBound
            }
            append(call)
            if close != nil { openCalls[close!] = output.calls.count - 1 }
            placeholder(ShortcodePlaceholder.open(output.calls.count - 1), token: token, file: file, line: line)
        }
        return nil
    }

    /// Adds a call, numbered in the page.
    private mutating func append(_ call: ShortcodeCall) {
        var call = call
        call.number = output.calls.count + 1
        output.calls.append(call)
    }

    static func longestBacktickRun(in text: Substring) -> Int {
        var (longest, run) = (0, 0)
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    /// A placeholder: on a line of its own with blank lines around it when
    /// the tag stood alone on its line (so cmark makes it a paragraph of its
    /// own, in the same list item or quote), else in the running text.
    private mutating func placeholder(_ mark: String, token: ReaderToken, file: String, line: Int) {
        guard token.isBlock, let prefix = token.prefix else {
            output.appendGenerated(mark, file: file, line: line)
            return
        }
        let blank = String(prefix.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
        output.dropToLineStart()
        if !output.endsWithBlankLine(prefix: blank) {
            output.appendGenerated(blank + "\n", file: file, line: line)
        }
        output.appendGenerated(String(prefix) + mark + "\n" + blank, file: file, line: line)
    }

    /// `![alt](source "caption")`, in a link when there is one.
    static func image(source: String, alt: String, caption: String?, link: String?) -> String {
        func destination(_ url: String) -> String {
            url.contains(where: { $0 == " " || $0 == "(" || $0 == ")" }) ? "<\(url)>" : url
        }
        let title = caption.map { " \"" + $0.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\"" } ?? ""
        let image = "![\(escapingMarkdown(alt))](\(destination(source))\(title))"
        return link.map { "[\(image)](\(destination($0)))" } ?? image
    }

    /// Text that cmark shows as it is: ASCII punctuation escaped (also
    /// quotes, so smart punctuation leaves them).
    static func escapingMarkdown(_ value: String) -> String {
        var escaped = ""
        for character in value {
            if character.isASCII, character.isPunctuation || character.isSymbol { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    // MARK: Includes

    private mutating func include(_ directive: IncludeDirective, token: ReaderToken, inFence: Bool, at location: SourceLocation, line: Int) {
        let prefix = String(token.prefix ?? "")
        guard chain.count <= MarkdownExpander.depthLimit else {
            output.diagnostics.append(.error("includes nest more than \(MarkdownExpander.depthLimit) deep: \(chain.joined(separator: " -> "))", at: location))
            return
        }
        let found: SourceText
        switch settings.include(directive.path, location.file) {
        case .refused(let message):
            output.diagnostics.append(.error(message, at: location))
            return
        case .found(let text, let passedOver):
            found = text
            output.includedFiles.formUnion(passedOver)
        }
        if chain.contains(found.path) {
            output.diagnostics.append(.error(
                "include cycle: \((chain + [found.path]).joined(separator: " -> ")); remove one of these includes", at: location))
            return
        }
        output.includedFiles.insert(found.path)
        if token.isBlock { output.dropToLineStart() }
        guard let selected = directive.select(from: found.text) else {
            output.diagnostics.append(.error("section '\(directive.section ?? "")' is not in \(found.path); mark it with --8<-- [start:\(directive.section ?? "")] and --8<-- [end:\(directive.section ?? "")]", at: location))
            return
        }
        let firstLine = directive.lines.first?.lowerBound ?? 1
        if let code = directive.code {
            let longest = selected.map { MarkdownExpander.longestBacktickRun(in: $0) }.max() ?? 0
            let fence = String(repeating: "`", count: max(3, longest + 1))
            let options = code.markedLines.map { " hl_lines=\"\($0)\"" } ?? ""
            var block = prefix + fence + code.language + options + "\n"
            for codeLine in selected { block += (codeLine.isEmpty ? "" : prefix) + codeLine + "\n" }
            block += prefix + fence
            output.appendGenerated(block, file: location.file, line: line)
        } else if inFence {
            let block = selected.map { ($0.isEmpty ? "" : prefix) + $0 }.joined(separator: "\n")
            output.appendGenerated(block, file: location.file, line: line)
        } else {
            let block = selected.map { ($0.isEmpty ? "" : prefix) + $0 }.joined(separator: "\n")
            // A block include's first line is the file's, not the page's
            // line of the directive (a broken link there was reported in the page).
            if token.isBlock, prefix.isEmpty { output.origins[output.origins.count - 1] = LineOrigin(file: found.path, line: firstLine) }
            expand(block, file: found.path, firstLine: firstLine)
        }
    }
}

extension ExpandedMarkdown {
    // Both look back from the end on bytes: counting characters from the
    // start made a page of 4,000 shortcodes take 15 s.

    /// Removes what was written since the last line break.
    mutating func dropToLineStart() {
        let utf8 = text.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "\n")).map { utf8.index(after: $0) } ?? utf8.startIndex
        text.removeSubrange(start..<text.endIndex)
    }

    /// Whether the text so far ends with an empty line (one that holds only `prefix`).
    func endsWithBlankLine(prefix: String) -> Bool {
        let utf8 = text.utf8
        guard let last = utf8.last, last == UInt8(ascii: "\n") else { return text.isEmpty }
        let lineEnd = utf8.index(before: utf8.endIndex)
        let lineStart = utf8[..<lineEnd].lastIndex(of: UInt8(ascii: "\n")).map { utf8.index(after: $0) } ?? utf8.startIndex
        return text[lineStart..<lineEnd].trimmingSpaces == prefix.trimmingSpaces
    }
}

private extension String.UTF8View.SubSequence {
    func count(of byte: UInt8) -> Int { reduce(0) { $0 + ($1 == byte ? 1 : 0) } }
}
