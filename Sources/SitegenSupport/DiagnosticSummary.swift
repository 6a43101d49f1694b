/// Diagnostics of one kind beyond a handful are summarised: a site moved
/// from another tool can have a thousand pages not yet translated, or a
/// thousand links of one broken form, and a thousand lines saying so hide
/// the three that matter.
package enum DiagnosticSummary {
    /// More diagnostics of one kind than this become one line.
    package static let limit = 10

    /// The lines to print: errors and warnings as they are, except that
    /// those of a kind that has more than `limit` become one line, with the
    /// count and the first three places, where the first of them was.
    /// Warnings are of a kind when they say so (`Diagnostic.kind`); errors
    /// too, or when their messages differ only in what they quote.
    package static func lines(_ diagnostics: [Diagnostic], verbose: Bool) -> [String] {
        guard !verbose else { return diagnostics.map(\.description) }
        // One pass to group and count, keeping each group's first places:
        // filtering the list again per group cost n times the groups.
        let groups = diagnostics.map(Group.init)
        var counts: [Group: Int] = [:]
        var places: [Group: [String]] = [:]
        for (diagnostic, group) in zip(diagnostics, groups) {
            guard let group else { continue }
            counts[group, default: 0] += 1
            if places[group, default: []].count < 3 { places[group, default: []].append(diagnostic.place) }
        }
        var lines: [String] = []
        var summarised: Set<Group> = []
        for (diagnostic, group) in zip(diagnostics, groups) {
            guard let group, let count = counts[group], count > limit else {
                lines.append(diagnostic.description)
                continue
            }
            guard summarised.insert(group).inserted else { continue }
            let what = diagnostic.kind.map { "\(count) \($0)" } ?? "\(count) errors like this: \(diagnostic.message)"
            lines.append("\(diagnostic.place): \(diagnostic.severity.rawValue): \(what) (first: \(places[group, default: []].joined(separator: ", ")), ...); --verbose lists them all"
                .escapingControlCharactersButLineBreaks)
        }
        return lines
    }

    /// What diagnostics are counted together by.
    struct Group: Hashable {
        var severity: Diagnostic.Severity
        var kind: String

        init?(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity
            if let kind = diagnostic.kind {
                self.kind = kind
            } else if diagnostic.severity == .error {
                kind = Self.shape(of: diagnostic.message)
            } else {
                return nil
            }
        }

        /// The message with every quoted part (`'...'`), parenthesised part
        /// and number left out: "link target 'a.md' does not exist (looked
        /// for content/en/a.md)" and "link target 'b.md' does not exist
        /// (looked for content/nl/b.md)" are one kind. The parentheses hold
        /// the paths looked for, which differ with every target: kept in
        /// the shape, 110 links to a template expression in a real site's
        /// raw HTML (FastAPI's `{{ sponsor.url }}`) were 110 lines.
        static func shape(of message: String) -> String {
            var shape = ""
            var inQuote = false
            var parentheses = 0
            var previous: Character = " "
            for character in message {
                if !inQuote && (character == "(" || (character == ")" && parentheses > 0)) {
                    parentheses += character == "(" ? 1 : -1
                    if parentheses == 1 && character == "(" { shape += "(…)" }
                } else if parentheses > 0 {
                    // Inside parentheses: left out, quotes and all.
                } else if character == "'" && (inQuote || !previous.isLetter) {
                    inQuote.toggle()
                    if inQuote { shape += "'…'" }
                } else if !inQuote && !character.isNumber {
                    shape.append(character)
                }
                previous = character
            }
            return shape
        }
    }
}
