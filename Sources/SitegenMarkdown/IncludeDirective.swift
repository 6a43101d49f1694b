import SitegenSupport

/// A request to put another file's text into a page, in any spelling:
///
///     --8<-- "path"                 pymdownx snippets (also path:3:9, path:name)
///     {{< include "path" >}}        Hugo-style shortcode
///     {{< code "path" lines="3-9" hl_lines="2" lang="python" >}}
///     {* ../docs_src/app.py hl[3] ln[1:9] *}   MkDocs code include (FastAPI's docs)
///
/// The first two put the text in as Markdown; the last two as a fenced code block.
package struct IncludeDirective: Sendable, Hashable {
    package var path: String
    /// 1-based inclusive line ranges to keep (all lines when empty).
    package var lines: [ClosedRange<Int>] = []
    /// A named section (`--8<-- [start:name]` ... `[end:name]`).
    package var section: String?
    /// As a code block: the fence's language (nil for Markdown), its marked lines.
    package var code: (language: String, markedLines: String?)?

    package static func == (lhs: IncludeDirective, rhs: IncludeDirective) -> Bool {
        lhs.path == rhs.path && lhs.lines == rhs.lines && lhs.section == rhs.section
            && lhs.code?.language == rhs.code?.language && lhs.code?.markedLines == rhs.code?.markedLines
    }

    package func hash(into hasher: inout Hasher) { hasher.combine(path) }

    // MARK: Spellings

    /// `--8<-- "path"` with pymdownx's selectors: `path:3:9` (lines 3 to 9),
    /// `path:3` (from 3), `path::9` (to 9), `path:1:3,7:8` and `path:name`.
    /// Nil when `argument` is not a quoted path.
    package static func snippet(_ argument: Substring) -> IncludeDirective? {
        let quoted = argument.trimmingSpaces
        guard quoted.count >= 2, let quote = quoted.first, quote == "\"" || quote == "'", quoted.last == quote else { return nil }
        return snippetPath(String(quoted.dropFirst().dropLast()))
    }

    /// A snippet path with its selector (unquoted, as in a `--8<--` block).
    package static func snippetPath(_ written: String) -> IncludeDirective {
        guard let colon = written.firstIndex(of: ":") else { return IncludeDirective(path: written) }
        let selector = written[written.index(after: colon)...]
        var directive = IncludeDirective(path: String(written[..<colon]))
        if selector.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "," }) {
            for part in selector.split(separator: ",") {
                let bounds = part.split(separator: ":", omittingEmptySubsequences: false)
                let low = bounds.first.flatMap { Int($0) } ?? 1
                let high = bounds.count > 1 ? (Int(bounds[1]) ?? Int.max) : Int.max
                if low >= 1 && low <= high { directive.lines.append(low...high) }
            }
        } else if selector.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) {
            directive.section = String(selector)
        } else {
            return IncludeDirective(path: written)
        }
        return directive
    }

    /// `{* path hl[3,5:7] ln[1:9] *}` (the text between the braces). Nil
    /// when there is no path.
    package static func codeInclude(_ inside: Substring) -> IncludeDirective? {
        var words = inside.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let path = words.first else { return nil }
        words.removeFirst()
        var directive = IncludeDirective(path: String(path))
        var marked: String?
        for word in words {
            guard let open = word.firstIndex(of: "["), word.last == "]" else { continue }
            let list = word[word.index(after: open)..<word.index(before: word.endIndex)]
            let ranges = list.split(separator: ",").compactMap { part -> ClosedRange<Int>? in
                let bounds = part.split(separator: ":").compactMap { Int($0) }
                guard let low = bounds.first, low >= 1 else { return nil }
                let high = bounds.count > 1 ? bounds[1] : low
                return low <= high ? low...high : nil
            }
            switch word[..<open] {
            case "hl": marked = ranges.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: " ")
            case "ln": directive.lines = ranges
            default: continue
            }
        }
        directive.code = (IncludeDirective.language(ofFile: directive.path), marked)
        return directive
    }

    /// `{{< include "path" >}}` or `{{< include file="path" >}}`.
    package static func includeShortcode(_ tag: ShortcodeTag) -> IncludeDirective? {
        tag.argument("file", orPosition: 0).map { snippetPath($0) }
    }

    /// `{{< code "path" lines="3-9" hl_lines="2" lang="python" >}}`.
    package static func codeShortcode(_ tag: ShortcodeTag) -> IncludeDirective? {
        guard let path = tag.argument("file", orPosition: 0) else { return nil }
        var directive = IncludeDirective(path: path)
        if let lines = tag.argument("lines") {
            directive.lines = lines.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { part in
                let bounds = part.split(separator: "-").compactMap { Int($0) }
                guard let low = bounds.first, low >= 1 else { return nil }
                let high = bounds.count > 1 ? bounds[1] : low
                return low <= high ? low...high : nil
            }
        }
        directive.code = (tag.argument("lang") ?? IncludeDirective.language(ofFile: path), tag.argument("hl_lines"))
        return directive
    }

    // MARK: Selecting

    /// The lines of `text` this directive keeps, without pymdownx's section
    /// marker lines. Nil when a named section does not exist.
    package func select(from text: String) -> [Substring]? {
        var all = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { all.removeLast() }
        if let section {
            guard let start = all.firstIndex(where: { $0.contains("--8<-- [start:\(section)]") }) else { return nil }
            let end = all[(start + 1)...].firstIndex(where: { $0.contains("--8<-- [end:\(section)]") }) ?? all.endIndex
            all = Array(all[(start + 1)..<end])
        }
        if !lines.isEmpty {
            var kept: [Substring] = []
            for range in lines where range.lowerBound <= all.count {
                kept += all[(range.lowerBound - 1)..<min(range.upperBound, all.count)]
            }
            all = kept
        }
        return all.filter { !IncludeDirective.isSectionMarker($0) }
    }

    /// A line with `--8<-- [start:name]` or `[end:name]` (often in a comment).
    package static func isSectionMarker(_ line: Substring) -> Bool {
        guard let marker = line.range(of: "--8<-- [") else { return false }
        let rest = line[marker.upperBound...]
        return rest.hasPrefix("start:") || rest.hasPrefix("end:")
    }

    /// The fence language for a file's extension (`text` when unknown).
    package static func language(ofFile path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "text" }
        let known = [
            "py": "python", "js": "javascript", "mjs": "javascript", "ts": "typescript", "tsx": "typescript",
            "jsx": "javascript", "sh": "bash", "bash": "bash", "yml": "yaml", "yaml": "yaml", "json": "json",
            "toml": "toml", "rs": "rust", "go": "go", "swift": "swift", "java": "java", "kt": "kotlin",
            "c": "c", "h": "c", "cpp": "cpp", "hpp": "cpp", "cs": "csharp",
            "html": "html", "css": "css", "xml": "xml", "sql": "sql", "md": "markdown", "ini": "ini",
        ]
        return known[String(name[name.index(after: dot)...]).lowercased()] ?? "text"
    }
}
