import Foundation
import Testing
@testable import SitegenMarkdown
@testable import SitegenSupport
import SitegenTestSupport

@Suite struct PipeTableTests {
    static let gfmTableExamples = SpecExample.load(Fixtures.path("specs/gfm-0.29.txt"))
        .filter { $0.extensionName == "table" }

    /// Table HTML without the `data-label` attributes, for tests about cell content.
    func withoutLabels(_ markdown: String) -> String {
        html(markdown).replacingOccurrences(of: #" data-label="[^"]*""#, with: "", options: .regularExpression)
    }

    @Test func gfmSpecHasEightTableExamples() {
        #expect(Self.gfmTableExamples.count == 8)
    }

    /// Our HTML differs from GFM's on purpose in three ways only: header cells
    /// get `scope="col"`, body cells their column's header as `data-label`
    /// (for narrow screens), and alignment is a class (GFM's `align` attribute is
    /// obsolete HTML, and a `style` attribute would break a strict CSP).
    ///
    /// Where the spec says "not a table" (example 203), the paragraph is plain
    /// CommonMark, so it must match libcmark with smart punctuation (which
    /// turns the spec's `---` into an em dash).
    @Test(arguments: gfmTableExamples)
    func matchesGFMSpec(_ example: SpecExample) {
        let expected = example.html.contains("<table>")
            ? example.html
            : ConformanceTests.libcmarkAlone(example.markdown)
        let normalized = html(example.markdown)
            .replacingOccurrences(of: " scope=\"col\"", with: "")
            .replacingOccurrences(of: "<table tabindex=\"0\">", with: "<table>")
            .replacingOccurrences(of: #" data-label="[^"]*""#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #" class="align-(left|center|right)""#, with: " align=\"$1\"", options: .regularExpression)
        #expect(normalized == expected)
    }

    @Test func headerCellsHaveColumnScope() {
        let output = html("| a | b |\n|---|---|\n| 1 | 2 |")
        #expect(output.contains("<th scope=\"col\">a</th>"))
        #expect(output.contains("<td data-label=\"a\">1</td>"))
        #expect(output.contains("<thead>") && output.contains("<tbody>"))
    }

    @Test func bodyCellsCarryTheirHeaderAsLabel() {
        let output = html("| *Aspect* | \"Before\" & after |\n|---|---|\n| Key | x |")
        #expect(output.contains("<td data-label=\"Aspect\">Key</td>"))
        #expect(output.contains("<td data-label=\"“Before” &amp; after\">x</td>"))
    }

    @Test func alignmentBecomesAClass() {
        let output = withoutLabels("| l | c | r | n |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |")
        #expect(output.contains("<th scope=\"col\" class=\"align-left\">l</th>"))
        #expect(output.contains("<th scope=\"col\" class=\"align-center\">c</th>"))
        #expect(output.contains("<td class=\"align-right\">3</td>"))
        #expect(output.contains("<td>4</td>"))
    }

    @Test func pipesAreOptionalAtBothEnds() {
        #expect(html("a | b\n--- | ---\n1 | 2") == html("| a | b |\n| --- | --- |\n| 1 | 2 |"))
    }

    @Test func cellsHoldInlineMarkdownWithSmartPunctuation() {
        let output = withoutLabels("| Term | Meaning |\n|---|---|\n| **VLSC** | see [the guide](guide-b.md#stap-2) -- \"now\" |")
        #expect(output.contains("<td><strong>VLSC</strong></td>"))
        #expect(output.contains("<td>see <a href=\"guide-b.md#stap-2\">the guide</a> – “now”</td>"))
    }

    @Test func cellsAreInlineOnly() {
        let output = withoutLabels("| a | b |\n|---|---|\n| # not a heading | - not a list |\n| > no quote | 1. no list |")
        #expect(output.contains("<td># not a heading</td>"))
        #expect(output.contains("<td>- not a list</td>"))
        #expect(output.contains("<td>&gt; no quote</td>"))
        #expect(output.contains("<td>1. no list</td>"))
    }

    @Test func cellEndingInHashKeepsIt() {
        let output = withoutLabels("| lang | x |\n|---|---|\n| C# | a # |")
        #expect(output.contains("<td>C#</td>"))
        #expect(output.contains("<td>a #</td>"))
    }

    @Test func cellsUseThePagesLinkReferences() {
        let output = withoutLabels("| a |\n|---|\n| [guide][g] |\n\n[g]: guide-a.md")
        #expect(output.contains("<td><a href=\"guide-a.md\">guide</a></td>"))
    }

    @Test func textAboveTheHeaderStaysAParagraph() {
        let output = html("Some *intro* text\n| a | b |\n|---|---|\n| 1 | 2 |")
        #expect(output.hasPrefix("<p>Some <em>intro</em> text</p>\n<table tabindex=\"0\">"))
    }

    @Test func tableInsideBlockQuoteAndList() {
        let quoted = withoutLabels("> | a | b |\n> |---|---|\n> | 1 | 2 |")
        #expect(quoted.contains("<blockquote>\n<table tabindex=\"0\">"))
        #expect(quoted.contains("<td>2</td>"))
        let listed = withoutLabels("- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |")
        #expect(listed.contains("<table tabindex=\"0\">"))
        #expect(listed.contains("<td>1</td>"))
    }

    @Test func notATableWithoutMatchingDelimiterRow() {
        #expect(!html("| a | b |\n| --- |").contains("<table"))
        #expect(!html("a | b\nc | d").contains("<table"))
        #expect(html("Title\n---") == "<h2 id=\"title\">Title</h2>\n")
    }

    @Test func linksInCellsReportTheirPlaceInTheFile() {
        let rendered = render("Intro\n\n| a | b |\n|---|---|\n| x | go [here](page.md) |")
        #expect(rendered.links == [MarkdownLink(kind: .link, destination: "page.md", line: 5, column: 10)])
    }

    @Test func parsesRowsIntoCells() {
        let table = PipeTable.parse(["| a | b \\| c |", "|:-|-:|", "| 1 |", "| 1 | 2 | 3 |"])
        #expect(table?.header.map(\.text) == ["a", "b | c"])
        #expect(table?.alignments == [.left, .right])
        #expect(table?.rows.map { $0.map(\.text) } == [["1", ""], ["1", "2"]])
    }
}
