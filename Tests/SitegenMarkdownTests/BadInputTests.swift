import Testing
@testable import SitegenMarkdown
@testable import SitegenSupport
import SitegenTestSupport

/// Large and deeply nested input must give a result, not a crash or a hang.
@Suite struct BadInputTests {
    @Test func tenThousandNestedBlockQuotes() {
        let output = html(String(repeating: ">", count: 10_000) + " deep")
        #expect(output.components(separatedBy: "<blockquote>").count == 10_001)
        #expect(output.contains("<p>deep</p>"))
    }

    @Test func tenThousandNestedListLevels() {
        let output = html(String(repeating: "- ", count: 10_000) + "deep")
        #expect(output.components(separatedBy: "<ul>").count == 10_001)
        #expect(output.contains("<li>deep</li>"))
    }

    @Test func tenThousandNestedEmphasisAndBrackets() {
        let output = html(String(repeating: "*a ", count: 10_000) + String(repeating: "[", count: 10_000))
        #expect(output.hasPrefix("<p>"))
    }

    /// A page of many megabytes renders whole and right. It is rendered in
    /// pieces (`MarkdownChunks`) above 256 KB, so 2 MB shows the same as 10
    /// MB did (which took 172 s of a busy machine's `make check`): every
    /// heading, its unique id across the pieces, and every link.
    @Test func largeFile() throws {
        var section = """
            ## Stap {n}: activeer het abonnement

            Open de e-mail van Microsoft en volg de [link](handleiding-a.md#stap-2). Meld je aan met je
            *organisatieaccount*; heb je er nog geen, maak er dan eerst een aan. "Let op" -- dit is eenmalig.

            - Eerste punt met `code`
            - Tweede punt

            > [!NOTE]
            > Activering is binnen 48 uur zichtbaar in het VLSC.


            """
        var text = ""
        var n = 0
        while text.utf8.count < 2_000_000 {
            n += 1
            if n % 10 == 0 { section += "| a | b |\n|---|---|\n| 1 | 2 |\n\n" }
            text += section.replacingOccurrences(of: "{n}", with: String(n))
        }
        let chunks = try #require(MarkdownChunks(text, census: MarkerCensus(text)))
        #expect(chunks.chunks.count > 10)
        let rendered = render(text)
        #expect(rendered.headings.count == n)
        #expect(Set(rendered.headings.map(\.id)).count == n)
        #expect(rendered.links.count == n)
        #expect(rendered.html.utf8.count > 2_000_000)
    }
}
