import Foundation

/// How `sitegen translations` prints a `TranslationReport`: a table per
/// language for people (`text`), the same as GitHub-flavoured Markdown
/// tables for an issue or pull request (`markdown`), or JSON for scripts
/// (`json`, documented in the README; `TranslationReport.schemaVersion`).
/// Every format lists the same things in the same order.
package enum TranslationReportFormat: String, Sendable, CaseIterable {
    case text, markdown, json

    /// - Parameter markCommand: the command that marks files current, to
    ///   which the paths of outdated translations are added
    ///   (`sitegen translations --mark-current`).
    package func render(_ report: TranslationReport, markCommand: String = "sitegen translations --mark-current") -> String {
        switch self {
        case .text: Self.text(report, markCommand: markCommand)
        case .markdown: Self.markdown(report, markCommand: markCommand)
        case .json: Self.json(report)
        }
    }

    // MARK: Text

    static func text(_ report: TranslationReport, markCommand: String) -> String {
        let source = report.defaultLanguage
        var lines = ["Originals: \(source.code) (\(source.name)), \(report.originalCount) page\(report.originalCount == 1 ? "" : "s")"]
        for language in report.languages {
            let code = language.language.code
            lines += ["", "\(code) (\(language.language.name)): \(counts(language.counts))"]
            var rows = [["STATUS", "ORIGINAL (\(source.code))", "TRANSLATION (\(code))", "NOTE"]]
            for page in language.pages {
                rows.append([page.status.rawValue, page.original ?? "-", page.translation ?? "-",
                             note(page, language: code, defaultLanguage: source.code)])
            }
            lines += table(rows).map { "  " + $0 }
            let outdated = language.pages(.outdated).compactMap(\.translation)
            if !outdated.isEmpty {
                lines += ["  After updating a translation to match its original, mark it current:",
                          "    \(markCommand) \(outdated.joined(separator: " "))"]
            }
        }
        lines += ["", "UI strings (compared with content/\(source.code)/_strings.yml):"]
        for strings in report.uiStrings {
            var parts: [String] = []
            if !strings.missing.isEmpty { parts.append("\(strings.missing.count) missing: \(strings.missing.joined(separator: ", "))") }
            if !strings.extra.isEmpty { parts.append("\(strings.extra.count) only in \(strings.language): \(strings.extra.joined(separator: ", "))") }
            lines.append("  \(strings.language): " + (parts.isEmpty ? "complete" : parts.joined(separator: "; ")))
        }
        lines += ["", conclusion(report)]
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n") + "\n"
    }

    /// Columns padded to the widest cell.
    private static func table(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }
    }

    // MARK: Markdown

    static func markdown(_ report: TranslationReport, markCommand: String) -> String {
        let source = report.defaultLanguage
        var lines = ["# Translation status", "",
                     "Originals: \(source.code) (\(source.name)), \(report.originalCount) page\(report.originalCount == 1 ? "" : "s")."]
        for language in report.languages {
            let code = language.language.code
            lines += ["", "## \(code) (\(cell(language.language.name)))", "", counts(language.counts) + ".", "",
                      "| Status | Original (\(source.code)) | Translation (\(code)) | Note |", "|---|---|---|---|"]
            for page in language.pages {
                lines.append("| \(page.status.rawValue) | \(page.original.map(code(_:)) ?? "–") | \(page.translation.map(code(_:)) ?? "–") | \(cell(note(page, language: code, defaultLanguage: source.code))) |")
            }
            let outdated = language.pages(.outdated).compactMap(\.translation)
            if !outdated.isEmpty {
                lines += ["", "After updating a translation to match its original, mark it current:", "",
                          "```sh", "\(markCommand) \(outdated.joined(separator: " "))", "```"]
            }
        }
        lines += ["", "## UI strings", "", "Compared with `content/\(source.code)/_strings.yml`.", "",
                  "| Language | Missing keys | Keys only in this language |", "|---|---|---|"]
        for strings in report.uiStrings {
            let list = { (keys: [String]) in keys.isEmpty ? "–" : keys.map(code(_:)).joined(separator: ", ") }
            lines.append("| \(strings.language) | \(list(strings.missing)) | \(list(strings.extra)) |")
        }
        lines += ["", conclusion(report)]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A table cell's text: pipes escaped, so they do not split the row.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    /// A code span, fenced with more backticks than the text holds, pipes escaped.
    private static func code(_ text: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + padding + cell(text) + padding + fence
    }

    // MARK: JSON

    static func json(_ report: TranslationReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every value is a string, number, boolean, array or object: encoding cannot fail.
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // MARK: Shared

    static func counts(_ counts: TranslationCounts) -> String {
        TranslationState.allCases.map { "\(counts[$0]) \($0.rawValue)" }.joined(separator: ", ")
    }

    static func note(_ page: PageTranslation, language: String, defaultLanguage: String) -> String {
        var notes: [String] = []
        switch page.status {
        case .current:
            break
        case .outdated:
            if let recorded = page.recorded {
                notes.append("original changed since \(recorded)" + (page.expected.map { " (now \($0))" } ?? ""))
            } else {
                notes.append("never marked current (no translationOf)")
            }
        case .missing:
            if let original = page.original {
                let relative = SiteLayout.path(original, inContentOf: defaultLanguage) ?? original
                // The same path pairs only when the original's key is its path.
                notes.append(relative.dropLast(".md".count) == page.translationKey
                    ? "not translated; translate into content/\(language)/\(relative)"
                    : "not translated; translate into a page of content/\(language)/ with translationKey: \(page.translationKey)")
            }
        case .extra:
            notes.append("only in \(language): no '\(defaultLanguage)' page has its path or translationKey")
        }
        if page.draft { notes.append("draft") }
        return notes.joined(separator: "; ")
    }

    static func conclusion(_ report: TranslationReport) -> String {
        if report.isComplete { return "Everything is current." }
        let outdated = report.languages.reduce(0) { $0 + $1.counts.outdated }
        let missing = report.languages.reduce(0) { $0 + $1.counts.missing }
        let strings = report.uiStrings.reduce(0) { $0 + $1.missing.count }
        var parts: [String] = []
        if outdated > 0 { parts.append("\(outdated) outdated") }
        if missing > 0 { parts.append("\(missing) missing") }
        if strings > 0 { parts.append("\(strings) UI string\(strings == 1 ? "" : "s") missing") }
        return "Not everything is current: " + parts.joined(separator: ", ") + "."
    }
}
