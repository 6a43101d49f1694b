import ArgumentParser
import SitegenKit
import SitegenSupport
import SitegenMarkdown

/// Prints the HTML that sitegen makes of a Markdown file.
///
/// Synchronous on purpose: it runs on the main thread, which keeps it usable
/// under valgrind (whose 3.19 release crashes on Swift's concurrency threads).
struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Print the HTML that sitegen makes of a Markdown file.",
        discussion: """
            Renders CommonMark with sitegen's extensions (pipe tables, callouts, \
            heading ids, smart punctuation), in safe mode: raw HTML is left out. \
            YAML front matter (between '---' lines at the top) is skipped. \
            Callout titles are in English. Links are printed as written. \
            Code blocks are highlighted only with --highlight.
            """
    )

    /// The Markdown file to render; reads standard input when omitted or '-'.
    @Argument(help: "The Markdown file to render (standard input when omitted or '-').")
    var file: String?

    @Flag(help: "Highlight fenced code blocks that name a language, as 'sitegen build' does.")
    var highlight = false

    func run() throws {
        let path = (file == nil || file == "-") ? "<stdin>" : file!
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(file == "-" ? nil : file)
        } catch {
            throw UsageError(error.description)
        }
        let source: SourceText
        do {
            source = try FrontMatter.split(SourceText(decoding: bytes, path: path)).body
        } catch {
            error.diagnostics.forEach { FileHandleOutput.standardError($0.description) }
            throw ContentErrorExit()
        }
        let rendered = MarkdownRenderer.render(source, options: MarkdownOptions(highlight: highlight, shortcodes: SiteShortcodes.builtIn))
        rendered.diagnostics.forEach { FileHandleOutput.standardError($0.description) }
        FileHandleOutput.standardOutput(rendered.html, newline: false)
        if rendered.diagnostics.contains(where: { $0.severity == .error }) {
            throw ContentErrorExit()
        }
    }
}
