import Foundation
import SitegenSupport

/// Checks on a template's text beyond Mustache syntax: what would make the
/// site fail under a strict Content-Security-Policy, and layouts that would
/// give empty pages.
enum TemplateChecks {
    /// Layouts that render whole pages: empty, every such page is empty.
    static let layouts: Set<String> = [TemplateSet.defaultLayout, TemplateSet.languageChooser, TemplateSet.notFound,
                                       TemplateSet.decisionQuestion, TemplateSet.decisionOutcome]

    static func check(_ file: SiteSource.TemplateFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if layouts.contains(file.name) && file.source.text.trimmingWhitespace.isEmpty {
            diagnostics.append(Diagnostic(.error, file: file.source.path,
                "template is empty: every page it lays out would be empty; write its HTML, or delete it to get an error naming what is missing"))
        }
        for problem in inlineCode(in: file.source.text) {
            diagnostics.append(.error(problem.message, at: SourceLocation(file: file.source.path, line: problem.line, column: problem.column)))
        }
        return diagnostics
    }

    /// Inline scripts, styles and event handlers, which a strict
    /// Content-Security-Policy (`default-src 'self'`) blocks: a site that
    /// uses them would break on a host that sends one. Scripts with `src`
    /// and data blocks (`type="application/ld+json"`) are fine.
    static func inlineCode(in text: String) -> [(line: Int, column: Int, message: String)] {
        let patterns: [(NSRegularExpression, String)] = [
            (try! NSRegularExpression(pattern: #"<script\b(?![^>]*\bsrc\s*=)(?![^>]*\btype\s*=\s*["']?application/(ld\+)?json)[^>]*>"#, options: [.caseInsensitive]),
             "inline <script>: a strict Content-Security-Policy blocks it; put the code in templates/assets/ and load it with <script src=\"{{#asset}}name.js{{/asset}}\">"),
            (try! NSRegularExpression(pattern: #"<style\b"#, options: [.caseInsensitive]),
             "inline <style>: a strict Content-Security-Policy blocks it; put the rules in a stylesheet in templates/assets/"),
            (try! NSRegularExpression(pattern: #"<[a-z][^>]*\s(style|on[a-z]+)\s*="#, options: [.caseInsensitive]),
             "inline style or event attribute: a strict Content-Security-Policy blocks it; use a class and the stylesheet, or a script in templates/assets/"),
        ]
        let lines = SourceLines(text)
        var found: [(line: Int, column: Int, message: String)] = []
        let range = NSRange(text.startIndex..., in: text)
        for (pattern, message) in patterns {
            for match in pattern.matches(in: text, range: range) {
                guard let matchRange = Range(match.range, in: text) else { continue }
                let offset = text.utf8.distance(from: text.startIndex, to: matchRange.lowerBound)
                let (line, column) = lines.location(ofByteOffset: offset)
                found.append((line, column, message))
            }
        }
        return found.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }
}
