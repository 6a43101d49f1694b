import SitegenSupport
/// Splits the YAML front matter (between `---` lines at the top of a file) from
/// the Markdown body.
///
/// The body keeps the file's line numbers: the front matter's lines are left
/// in it as empty lines, which Markdown ignores at the start of a document.
package struct FrontMatter: Sendable, Hashable {
    /// The YAML text between the delimiters, or nil when the file has none:
    /// a part of the file's text, not a copy (pages keep it; see `MarkdownBody`).
    package var yamlText: Substring?
    package var yaml: String? { yamlText.map(String.init) }
    /// The line of the file on which the YAML text starts (for diagnostics).
    package var yamlStartLine: Int
    /// The Markdown body, same path and same line numbers as the file.
    package var markdown: MarkdownBody
    package var body: SourceText { markdown.source }

    /// - Throws: `DiagnosticError` when the front matter is never closed.
    package static func split(_ source: SourceText) throws(DiagnosticError) -> FrontMatter {
        let text = source.text
        guard text.hasPrefix("---\n") || text == "---" else {
            return FrontMatter(yamlText: nil, yamlStartLine: 1, markdown: MarkdownBody(source))
        }
        // Scans lines as UTF-8 bytes: this runs for every page of the site.
        let bytes = text.utf8
        let yamlStart = bytes.index(after: bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.index(before: bytes.endIndex))
        var lineStart = yamlStart
        var line = 1
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            if isClosingDelimiter(text[lineStart..<lineEnd]) {
                let rest = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : bytes.endIndex
                // The delimiters and the YAML become empty lines.
                let blankLines = lineEnd < bytes.endIndex ? line + 1 : line
                return FrontMatter(
                    yamlText: text[yamlStart..<lineStart], yamlStartLine: 2,
                    markdown: MarkdownBody(file: source, start: rest, blankLines: blankLines))
            }
            line += 1
            lineStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : bytes.endIndex
        }
        throw DiagnosticError(Diagnostic(
            .error, file: source.path, line: 1, column: 1,
            "front matter is not closed; end it with a line '---' before the Markdown"))
    }

    private static func isClosingDelimiter(_ line: Substring) -> Bool {
        let trimmed = line.trimmingSpaces
        return trimmed == "---" || trimmed == "..."
    }
}
