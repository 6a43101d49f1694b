/// Splits the YAML front matter (between `---` lines at the top of a file) from
/// the Markdown body.
///
/// The body keeps the file's line numbers: the front matter's lines are left
/// in it as empty lines, which Markdown ignores at the start of a document.
public struct FrontMatter: Sendable, Hashable {
    /// The YAML text between the delimiters, or nil when the file has none.
    public var yaml: String?
    /// The line of the file on which the YAML text starts (for diagnostics).
    public var yamlStartLine: Int
    /// The Markdown body, same path and same line numbers as the file.
    public var body: SourceText

    /// - Throws: `DiagnosticError` when the front matter is never closed.
    public static func split(_ source: SourceText) throws(DiagnosticError) -> FrontMatter {
        let text = source.text
        guard text.hasPrefix("---\n") || text == "---" else {
            return FrontMatter(yaml: nil, yamlStartLine: 1, body: source)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let end = lines.indices.dropFirst().first(where: { isClosingDelimiter(lines[$0]) }) else {
            throw DiagnosticError(Diagnostic(
                .error, file: source.path, line: 1, column: 1,
                "front matter is not closed; end it with a line '---' before the Markdown"))
        }
        let yaml = lines[1..<end].map { $0 + "\n" }.joined()
        for index in 0...end {
            lines[index] = ""
        }
        return FrontMatter(
            yaml: yaml, yamlStartLine: 2,
            body: SourceText(lines.joined(separator: "\n"), path: source.path))
    }

    private static func isClosingDelimiter(_ line: Substring) -> Bool {
        let trimmed = line.trimmingSpaces
        return trimmed == "---" || trimmed == "..."
    }
}
