import SitegenSupport

/// What the reader at the Markdown edge finds in one file, in order: the
/// shortcode tags and include lines, with where they stand. Tags inside
/// fenced code and code spans are left alone (they are shown as code);
/// `--8<--` lines are read inside fences too, as pymdownx does, since
/// that is how code from a file gets into a fence.
package struct ReaderToken {
    package enum Kind {
        case tag(ShortcodeTag)
        /// `{{</* name */>}}`: the text to show instead.
        case literal(String)
        /// `--8<--` or `{* *}`; `inFence` when written inside fenced code.
        case include(IncludeDirective, inFence: Bool)
        /// A line pymdownx leaves out (a section marker); `;--8<--` shown without its `;`.
        case replaceLine(String)
        /// Looks like a directive but is not one; the message says why.
        case problem(String)
    }

    package var kind: Kind
    /// What the token replaces: the tag, or whole lines without their last line break.
    package var range: Range<String.Index>
    /// The text before the token on its line, when that is only indentation
    /// or `>` markers (nil otherwise); with `isAlone`, a block-level token.
    package var prefix: Substring?
    /// Nothing but spaces after the token on its line.
    package var endsLine: Bool

    package var isBlock: Bool { prefix != nil && endsLine }

    /// Scans `text`. Fast when it holds none of `{{`, `--8<--`, `{*`.
    package static func scan(_ text: String) -> [ReaderToken] {
        guard MarkerCensus(text).has(.directive) else { return [] }
        var tokens: [ReaderToken] = []
        let lines = SourceLines(text).lines
        var fence: (marker: Character, count: Int)?
        var resumeAt = text.startIndex
        var blockSnippet: (start: String.Index, paths: [String])?
        for line in lines {
            if line.endIndex < resumeAt { continue }
            let indent = line.prefix(while: { $0 == " " || $0 == "\t" })
            let trimmed = line[indent.endIndex...]
            if var open = blockSnippet {
                // Inside a `--8<--` block: one path a line, `;` comments one out.
                if trimmed.trimmingSpaces == "--8<--" {
                    for path in open.paths {
                        tokens.append(ReaderToken(kind: .include(IncludeDirective.snippetPath(path), inFence: fence != nil),
                                                  range: open.start..<line.endIndex, prefix: nil, endsLine: true))
                    }
                    if open.paths.isEmpty {
                        tokens.append(ReaderToken(kind: .replaceLine(""), range: open.start..<line.endIndex, prefix: nil, endsLine: true))
                    }
                    blockSnippet = nil
                } else {
                    let path = trimmed.trimmingSpaces
                    if !path.isEmpty && !path.hasPrefix(";") { open.paths.append(String(path)) }
                    blockSnippet = open
                }
                continue
            }
            if let token = includeLine(line, indent: indent, trimmed: trimmed, inFence: fence != nil) {
                tokens.append(token)
                continue
            }
            if trimmed.trimmingSpaces == "--8<--" {
                blockSnippet = (line.startIndex, [])
                continue
            }
            if let open = fence {
                if closesFence(trimmed, open) { fence = nil }
                continue
            }
            // At any indentation: a fence in a list item is indented too.
            if let opener = fenceOpener(trimmed) {
                fence = opener
                continue
            }
            if trimmed.hasPrefix("{*"), trimmed.trimmingSpaces.hasSuffix("*}") {
                let inside = trimmed.trimmingSpaces.dropFirst(2).dropLast(2)
                let directive = IncludeDirective.codeInclude(inside)
                tokens.append(ReaderToken(kind: directive.map { .include($0, inFence: false) }
                                              ?? .problem("'{* *}' needs a file path, like {* docs_src/app.py hl[3] *}"),
                                          range: line.startIndex..<line.endIndex, prefix: indent, endsLine: true))
                continue
            }
            guard line.contains("{{") else { continue }
            resumeAt = scanTags(in: text, line: line, from: max(line.startIndex, resumeAt), into: &tokens)
        }
        if let open = blockSnippet {
            tokens.append(ReaderToken(kind: .problem("this '--8<--' block of file names is not closed by a line '--8<--'"),
                                      range: open.start..<open.start, prefix: nil, endsLine: false))
        }
        return tokens
    }

    /// A `--8<-- "path"` line, a section marker line, or an escaped `;--8<--`.
    private static func includeLine(_ line: Substring, indent: Substring, trimmed: Substring, inFence: Bool) -> ReaderToken? {
        let whole = line.startIndex..<line.endIndex
        if IncludeDirective.isSectionMarker(trimmed) {
            return ReaderToken(kind: .replaceLine(""), range: whole, prefix: indent, endsLine: true)
        }
        if trimmed.hasPrefix(";--8<--") {
            return ReaderToken(kind: .replaceLine(String(indent) + String(trimmed.dropFirst())), range: whole, prefix: indent, endsLine: true)
        }
        guard trimmed.hasPrefix("--8<--"), trimmed.trimmingSpaces != "--8<--" else { return nil }
        let argument = trimmed.dropFirst("--8<--".count)
        guard let directive = IncludeDirective.snippet(argument) else {
            return ReaderToken(kind: .problem("'--8<--' needs a quoted file path, like --8<-- \"docs/snippet.md\""),
                               range: whole, prefix: indent, endsLine: true)
        }
        return ReaderToken(kind: .include(directive, inFence: inFence), range: whole, prefix: indent, endsLine: true)
    }

    /// The shortcode tags on a line outside code spans; a tag may go on over
    /// later lines. Returns where scanning may go on.
    private static func scanTags(in text: String, line: Substring, from start: String.Index, into tokens: inout [ReaderToken]) -> String.Index {
        var index = start
        var resume = start
        while index < line.endIndex {
            let character = line[index]
            if character == "`" {
                // A code span: skip to the run of as many backticks that closes it.
                let run = line[index...].prefix(while: { $0 == "`" })
                var search = run.endIndex
                var closed = run.endIndex
                while let found = line[search...].firstIndex(of: "`") {
                    let closing = line[found...].prefix(while: { $0 == "`" })
                    if closing.count == run.count { closed = closing.endIndex; break }
                    search = closing.endIndex
                }
                index = closed
                continue
            }
            guard character == "{", let scan = ShortcodeTag.scan(text, at: index) else {
                index = line.index(after: index)
                continue
            }
            let range: Range<String.Index>
            let kind: Kind
            switch scan {
            case .tag(let tag):
                (range, kind) = (tag.range, .tag(tag))
            case .literal(let shown, let literalRange):
                (range, kind) = (literalRange, .literal(shown))
            case .malformed(let message):
                let end = text.index(index, offsetBy: 3)
                (range, kind) = (index..<end, .problem(message))
            }
            let before = line[line.startIndex..<index]
            let prefix = before.allSatisfy({ $0 == " " || $0 == "\t" || $0 == ">" }) ? before : nil
            let lineEnd = text[range.upperBound...].firstIndex(of: "\n") ?? text.endIndex
            let endsLine = text[range.upperBound..<lineEnd].allSatisfy { $0 == " " || $0 == "\t" }
            tokens.append(ReaderToken(kind: kind, range: range, prefix: prefix, endsLine: endsLine))
            if case .problem = kind {
                index = line.index(after: index)
                continue
            }
            resume = range.upperBound
            if range.upperBound > line.endIndex { return resume }
            index = range.upperBound
        }
        return resume
    }

    private static func fenceOpener(_ trimmed: Substring) -> (marker: Character, count: Int)? {
        guard let marker = trimmed.first, marker == "`" || marker == "~" else { return nil }
        let count = trimmed.prefix(while: { $0 == marker }).count
        guard count >= 3 else { return nil }
        // A backtick fence's info string has no backtick.
        if marker == "`" && trimmed.dropFirst(count).contains("`") { return nil }
        return (marker, count)
    }

    private static func closesFence(_ trimmed: Substring, _ open: (marker: Character, count: Int)) -> Bool {
        let count = trimmed.prefix(while: { $0 == open.marker }).count
        return count >= open.count && trimmed.dropFirst(count).trimmingSpaces.isEmpty
    }
}
