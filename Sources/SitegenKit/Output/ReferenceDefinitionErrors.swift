import SitegenMarkdown
import SitegenSupport

/// A broken reference definition (`[guide]: guide.md`) is one error at the
/// definition, with the number of uses, not one error at each
/// `[text][guide]` that uses it: the fix is made once, on the definition's
/// line. cmark resolves references before sitegen sees the links, so the
/// definitions are found again in the source, only for a page with errors.
enum ReferenceDefinitionErrors {
    static func collapse(_ diagnostics: [Diagnostic], links: [MarkdownLink], source: SourceText) -> [Diagnostic] {
        guard diagnostics.contains(where: { $0.severity == .error && $0.file == source.path }) else { return diagnostics }
        let definitions = self.definitions(in: source.text)
        guard !definitions.isEmpty else { return diagnostics }
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        var destinationAt: [Int: [Int: String]] = [:]
        for link in links { destinationAt[link.line, default: [:]][link.column] = link.destination }

        // Errors at uses of a definition, by the definition's line.
        var uses: [Int: [Diagnostic]] = [:]
        var kept: [Diagnostic] = []
        for diagnostic in diagnostics {
            guard diagnostic.severity == .error, diagnostic.file == source.path,
                  let line = diagnostic.line, let column = diagnostic.column,
                  let destination = destinationAt[line]?[column],
                  let definition = definitions[destination],
                  // An inline link writes its destination on its own line.
                  line - 1 < lines.count, !lines[line - 1].contains("(" + destination)
            else {
                kept.append(diagnostic)
                continue
            }
            uses[definition.line, default: []].append(diagnostic)
        }
        for (line, errors) in uses.sorted(by: { $0.key < $1.key }) {
            var error = errors[0]
            error.line = line
            error.column = definitions.values.first { $0.line == line }?.column
            error.message += errors.count == 1 ? " (in this reference definition, used once)"
                : " (in this reference definition, used \(errors.count) times)"
            kept.append(error)
        }
        return kept
    }

    /// `[label]: destination` lines: where each destination is defined
    /// (the first definition of it).
    static func definitions(in text: String) -> [String: (line: Int, column: Int)] {
        var definitions: [String: (line: Int, column: Int)] = [:]
        var inFence = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            guard !inFence, line.count - trimmed.count < 4, trimmed.hasPrefix("["),
                  let close = trimmed.firstIndex(of: "]"), trimmed[trimmed.index(after: close)...].first == ":"
            else { continue }
            let afterColon = trimmed[trimmed.index(close, offsetBy: 2)...]
            let start = afterColon.drop(while: { $0 == " " || $0 == "\t" })
            var destination = start.prefix(while: { $0 != " " && $0 != "\t" })
            if destination.hasPrefix("<"), destination.hasSuffix(">") { destination = destination.dropFirst().dropLast() }
            guard !destination.isEmpty, definitions[String(destination)] == nil else { continue }
            let column = line.distance(from: line.startIndex, to: start.startIndex) + 1
            definitions[String(destination)] = (index + 1, column)
        }
        return definitions
    }
}
