/// Warnings (and errors) of one kind beyond a handful are summarised: a
/// site moved from another tool can have a thousand pages not yet
/// translated, or a shortcode of its old theme on every page, and a
/// thousand lines saying so hide the three problems that matter.
public enum DiagnosticSummary {
    /// More diagnostics of one kind than this become one line.
    public static let limit = 10

    /// The lines to print: errors and warnings as they are, except that
    /// those of a kind (and severity) that has more than `limit` become one
    /// line, with the count and the first three places, where the first of
    /// them was.
    public static func lines(_ diagnostics: [Diagnostic], verbose: Bool) -> [String] {
        guard !verbose else { return diagnostics.map(\.description) }
        var counts: [String: Int] = [:]
        for diagnostic in diagnostics {
            if let key = key(diagnostic) { counts[key, default: 0] += 1 }
        }
        var lines: [String] = []
        var summarised: Set<String> = []
        for diagnostic in diagnostics {
            guard let key = key(diagnostic), let kind = diagnostic.kind, let count = counts[key], count > limit else {
                lines.append(diagnostic.description)
                continue
            }
            guard summarised.insert(key).inserted else { continue }
            let places = diagnostics.filter { self.key($0) == key }.prefix(3).map(\.place)
            lines.append("\(diagnostic.place): \(diagnostic.severity.rawValue): \(count) \(kind) (first: \(places.joined(separator: ", ")), ...); --verbose lists them all")
        }
        return lines
    }

    private static func key(_ diagnostic: Diagnostic) -> String? {
        diagnostic.kind.map { diagnostic.severity.rawValue + ":" + $0 }
    }
}
