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
        let withoutComments = file.source.text.replacingOccurrences(of: #"(?s)\{\{!.*?\}\}"#, with: "", options: .regularExpression)
        if layouts.contains(file.name) && withoutComments.trimmingWhitespace.isEmpty {
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
            (try! NSRegularExpression(pattern: #"<[a-z][^>]*\s(href|src|action|formaction|xlink:href|data)\s*=\s*["']?\s*javascript:"#, options: [.caseInsensitive]),
             "javascript: URL: it runs code when followed, and a strict Content-Security-Policy blocks it; link to a page, or use a script in templates/assets/"),
        ]
        // Checked as written and with every Mustache tag taken out, so a tag
        // cannot split what the check looks for (`<scr{{! c }}ipt>`).
        let (expanded, origins) = withoutTags(text)
        let lines = SourceLines(text)
        var found: Set<Problem> = []
        for (pattern, message) in patterns {
            for match in pattern.matches(in: expanded, range: NSRange(expanded.startIndex..., in: expanded)) {
                guard let matchRange = Range(match.range, in: expanded) else { continue }
                let offset = origins[expanded.utf8.distance(from: expanded.startIndex, to: matchRange.lowerBound)]
                let (line, column) = lines.location(ofByteOffset: offset)
                found.insert(Problem(line: line, column: column, message: message))
            }
        }
        return found.sorted { ($0.line, $0.column) < ($1.line, $1.column) }.map { ($0.line, $0.column, $0.message) }
    }

    private struct Problem: Hashable {
        var line: Int
        var column: Int
        var message: String
    }

    /// `text` without its Mustache tags, and for each of its UTF-8 bytes
    /// the offset of the byte in `text` it came from.
    static func withoutTags(_ text: String) -> (text: String, origins: [Int]) {
        let bytes = Array(text.utf8)
        var kept: [UInt8] = []
        var origins: [Int] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") {
                let triple = index + 2 < bytes.count && bytes[index + 2] == UInt8(ascii: "{")
                let closing: [UInt8] = triple ? Array("}}}".utf8) : Array("}}".utf8)
                var end = index + (triple ? 3 : 2)
                while end + closing.count <= bytes.count && Array(bytes[end..<end + closing.count]) != closing { end += 1 }
                if end + closing.count <= bytes.count {
                    index = end + closing.count
                    continue
                }
            }
            kept.append(bytes[index])
            origins.append(index)
            index += 1
        }
        origins.append(bytes.count)
        return (String(decoding: kept, as: UTF8.self), origins)
    }
}
