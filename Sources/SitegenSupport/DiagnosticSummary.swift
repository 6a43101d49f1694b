/// Warnings of one kind beyond a handful are summarised: a site moved from
/// another tool can have a thousand pages not yet translated, and a thousand
/// lines saying so hide the three warnings that matter.
public enum DiagnosticSummary {
    /// More warnings of one kind than this become one line.
    public static let limit = 10

    /// The lines to print: errors and warnings as they are, except that the
    /// warnings of a kind that has more than `limit` become one line, with
    /// the count and the first three places, where the first of them was.
    public static func lines(_ diagnostics: [Diagnostic], verbose: Bool) -> [String] {
        guard !verbose else { return diagnostics.map(\.description) }
        var counts: [String: Int] = [:]
        for diagnostic in diagnostics where diagnostic.severity == .warning {
            if let kind = diagnostic.kind { counts[kind, default: 0] += 1 }
        }
        var lines: [String] = []
        var summarised: Set<String> = []
        for diagnostic in diagnostics {
            guard diagnostic.severity == .warning, let kind = diagnostic.kind, let count = counts[kind], count > limit else {
                lines.append(diagnostic.description)
                continue
            }
            guard summarised.insert(kind).inserted else { continue }
            let places = diagnostics.filter { $0.severity == .warning && $0.kind == kind }.prefix(3).map(\.place)
            lines.append("\(diagnostic.place): warning: \(count) \(kind) (first: \(places.joined(separator: ", ")), ...); --verbose lists them all"
                .escapingControlCharactersButLineBreaks)
        }
        return lines
    }
}
