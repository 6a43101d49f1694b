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
        // A value or a partial as (part of) an element's or an attribute's
        // name (`<{{tag}}>`, `<a {{name}}=`): what it becomes is known only
        // when the page is rendered, so it is refused. A name that starts
        // as `data-` or `aria-` is written (`data-plural-{{category}}=`):
        // whatever follows, it is no event handler or style.
        let (marked, markedOrigins) = withoutTags(text, markingValues: true)
        let builtName = try! NSRegularExpression(pattern: "<\\/?[a-z0-9-]*\u{1}|<[a-z][^>]*\\s(?!data-|aria-)[a-z0-9:-]*\u{1}[a-z0-9:\u{1}-]*\\s*=", options: [.caseInsensitive])
        for match in builtName.matches(in: marked, range: NSRange(marked.startIndex..., in: marked)) {
            guard let matchRange = Range(match.range, in: marked) else { continue }
            let (line, column) = lines.location(ofByteOffset: markedOrigins[marked.utf8.distance(from: marked.startIndex, to: matchRange.lowerBound)])
            found.insert(Problem(line: line, column: column, message:
                "an element or attribute name made by a Mustache tag: what it becomes (<script>, onclick=) cannot be checked; write the name in the template"))
        }
        return found.sorted { ($0.line, $0.column) < ($1.line, $1.column) }.map { ($0.line, $0.column, $0.message) }
    }

    private struct Problem: Hashable {
        var line: Int
        var column: Int
        var message: String
    }

    /// What stands for a tag that writes a value or a partial in the text
    /// `withoutTags(_:markingValues:)` returns: a byte no template writes.
    static let valueMark: UInt8 = 0x01

    /// `text` without its Mustache tags, and for each of its UTF-8 bytes
    /// the offset of the byte in `text` it came from. Delimiters follow
    /// set-delimiter tags (`{{=<% %>=}}`), as the renderer does, so other
    /// delimiters cannot hide a tag from the checks. With `markingValues`,
    /// a tag that writes a value or a partial leaves `valueMark` in its place.
    static func withoutTags(_ text: String, markingValues: Bool = false) -> (text: String, origins: [Int]) {
        let bytes = Array(text.utf8)
        var opening = Array("{{".utf8), closing = Array("}}".utf8)
        var kept: [UInt8] = []
        var origins: [Int] = []
        var index = 0
        func starts(_ marker: [UInt8], at position: Int) -> Bool {
            position + marker.count <= bytes.count && bytes[position..<position + marker.count].elementsEqual(marker)
        }
        while index < bytes.count {
            if starts(opening, at: index) {
                let triple = opening == Array("{{".utf8) && starts(Array("{".utf8), at: index + 2)
                let end = triple ? closing + Array("}".utf8) : closing
                var close = index + opening.count + (triple ? 1 : 0)
                while close + end.count <= bytes.count && !starts(end, at: close) { close += 1 }
                if close + end.count <= bytes.count {
                    let inside = String(decoding: bytes[(index + opening.count)..<close], as: UTF8.self).trimmingWhitespace
                    if inside.hasPrefix("=") && inside.hasSuffix("=") && inside.count > 2 {
                        let parts = inside.dropFirst().dropLast().split(whereSeparator: \.isWhitespace)
                        if parts.count == 2 { (opening, closing) = (Array(parts[0].utf8), Array(parts[1].utf8)) }
                    } else if markingValues && (triple || !"!#^/".contains(inside.first ?? "!")) {
                        kept.append(valueMark)
                        origins.append(index)
                    }
                    index = close + end.count
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
