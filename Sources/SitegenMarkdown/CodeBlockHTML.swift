import SitegenHighlight
import SitegenSupport

/// The HTML of one fenced code block, highlighted:
///
///     <figure class="code-block"><figcaption>sitegen.yml</figcaption>   (with a title)
///     <pre class="highlight" tabindex="0"><code class="language-yaml linenos">...</code></pre>
///     </figure>
///
/// Line numbers are CSS counters (`linenos`), so they are never copied;
/// marked lines are `<mark class="line">`. In a console block each prompt is
/// `<span class="gp">` and each command `<span class="cmd">`, so the copy
/// button copies the commands alone.
package enum CodeBlockHTML {
    /// - Parameter language: nil shows the code plain (unknown or `text`).
    package static func render(code: String, info: FenceInfo, language: CodeLanguage?) throws(SourceHighlight.Failure) -> String {
        let perLine = info.lineNumbers || !info.markedLines.isEmpty
        var body: String
        switch language {
        case let language? where language != .plain && language != .console && !perLine:
            // The engine's output as it is: one line break after each line.
            body = try SourceHighlight.highlight(code, as: language)
        default:
            body = ""
            body.reserveCapacity(code.utf8.count * 2)
            for (index, line) in try highlightedLines(code, language: language).enumerated() {
                if !perLine {
                    body += line
                } else if info.markedLines.contains(index + 1) {
                    body += "<mark class=\"line\">" + line + "</mark>"
                } else {
                    body += "<span class=\"line\">" + line + "</span>"
                }
                body += "\n"
            }
        }
        var classes = info.language.isEmpty ? [] : ["language-" + info.language]
        if info.lineNumbers { classes.append("linenos") }
        if case .console = language { classes.append("console") }
        let codeClass = classes.isEmpty ? "" : " class=\"\(HTMLEscaping.escape(classes.joined(separator: " ")))\""
        // Focusable, so that a block wider than the screen can be scrolled
        // with the keyboard (WCAG 2.1.1; axe's scrollable-region-focusable).
        let pre = "<pre class=\"highlight\" tabindex=\"0\"><code\(codeClass)>" + body + "</code></pre>\n"
        guard let title = info.title else { return pre }
        return "<figure class=\"code-block\">\n<figcaption>\(HTMLEscaping.escape(title))</figcaption>\n" + pre + "</figure>\n"
    }

    /// One HTML string per line of `code` (which ends with a line break, as
    /// cmark keeps it).
    private static func highlightedLines(_ code: String, language: CodeLanguage?) throws(SourceHighlight.Failure) -> [String] {
        switch language {
        case nil, .plain?:
            return plainLines(code).map(HTMLEscaping.escape)
        case .console?:
            return try plainLines(code).map { line throws(SourceHighlight.Failure) in try consoleLine(line) }
        case let language?:
            var lines = try SourceHighlight.highlight(code, as: language).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // Every line ends with "\n": the split leaves one empty element after the last.
            lines.removeLast()
            return lines
        }
    }

    private static func plainLines(_ code: String) -> [String] {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if code.hasSuffix("\n") || code.isEmpty { lines.removeLast() }
        return lines
    }

    /// The prompts a console line may start with, each followed by a space.
    static let prompts: [String] = ["$", "#", "%", ">"]

    /// A prompt line: the prompt (not copied) and the command, highlighted as
    /// shell; any other line is output.
    private static func consoleLine(_ line: String) throws(SourceHighlight.Failure) -> String {
        guard let prompt = prompts.first(where: { line.hasPrefix($0 + " ") || line == $0 }) else {
            return line.isEmpty ? "" : "<span class=\"go\">" + HTMLEscaping.escape(line) + "</span>"
        }
        let command = String(line.dropFirst(min(prompt.count + 1, line.count)))
        let highlighted = command.isEmpty ? "" : try SourceHighlight.highlight(command, as: .system("sh.lang")).dropLast()
        return "<span class=\"gp\">" + HTMLEscaping.escape(prompt) + " </span><span class=\"cmd\">" + highlighted + "</span>"
    }
}
