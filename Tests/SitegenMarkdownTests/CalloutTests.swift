import Testing
@testable import SitegenMarkdown
@testable import SitegenSupport
import SitegenTestSupport

@Suite struct CalloutTests {
    /// The HTML without the kinds' icons (tested on their own below).
    func html(_ markdown: String) -> String {
        SitegenTestSupport.html(markdown).withoutCalloutIcons
    }

    func render(_ markdown: String, options: MarkdownOptions) -> RenderedMarkdown {
        var rendered = SitegenTestSupport.render(markdown, options: options)
        rendered.html = rendered.html.withoutCalloutIcons
        return rendered
    }

    @Test(arguments: CalloutKind.allCases)
    func everyKindBecomesACallout(kind: CalloutKind) {
        let output = html("> [!\(kind.rawValue.uppercased())]\n> Sign out first.")
        #expect(output == """
            <div class="callout callout-\(kind.rawValue)" role="note">
            <p class="callout-title">\(CalloutLabels.english[kind])</p>
            <p>Sign out first.</p>
            </div>

            """)
    }

    @Test func labelsComeFromTheLanguage() {
        let dutch = CalloutLabels([.warning: "Waarschuwing"])
        let output = render("> [!warning]\n> Eerst afmelden.", options: MarkdownOptions(calloutLabels: dutch)).html
        #expect(output.contains("<p class=\"callout-title\">Waarschuwing</p>"))
    }

    @Test func labelsAreEscaped() {
        let labels = CalloutLabels([.note: "<b>&"])
        let output = render("> [!NOTE]\n> x", options: MarkdownOptions(calloutLabels: labels)).html
        #expect(output.contains("<p class=\"callout-title\">&lt;b&gt;&amp;</p>"))
    }

    @Test func calloutKeepsBlockContent() {
        let output = html("> [!TIP]\n> First\n>\n> - one\n> - two\n>\n> | a |\n> |---|\n> | b |")
        #expect(output.contains("<p>First</p>\n<ul>"))
        #expect(output.contains("<td data-label=\"a\">b</td>"))
        #expect(output.hasSuffix("</table>\n</div>\n"))
    }

    @Test func markerMustBeAloneOnItsLine() {
        #expect(html("> [!NOTE]text").contains("<blockquote>"))
        #expect(html("> [!UNKNOWN]\n> text").contains("<blockquote>"))
        #expect(html("> Text\n> [!NOTE]").contains("<blockquote>"))
    }

    @Test func titleAfterTheMarkerIsTheTitle() {
        let output = html("> [!WARNING] Before you *start*\n> Sign out first.")
        #expect(output == """
            <div class="callout callout-warning" role="note">
            <p class="callout-title">Before you <em>start</em></p>
            <p>Sign out first.</p>
            </div>

            """)
    }

    @Test func titleOnlyCallout() {
        #expect(html("> [!NOTE] Just a title") == "<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Just a title</p>\n</div>\n")
    }

    @Test func unknownKindWithTitleStaysAQuote() {
        #expect(html("> [!NOPE] Title\n> text") == "<blockquote>\n<p>[!NOPE] Title\ntext</p>\n</blockquote>\n")
    }

    @Test func plainBlockQuoteStays() {
        #expect(html("> quoted") == "<blockquote>\n<p>quoted</p>\n</blockquote>\n")
    }

    @Test(arguments: CalloutKind.allCases)
    func eachKindHasAnIconHiddenFromScreenReaders(kind: CalloutKind) {
        let output = SitegenTestSupport.html("> [!\(kind.rawValue)]\n> x")
        #expect(output.contains("<p class=\"callout-title\">" + CalloutHTML.icon(kind) + CalloutLabels.english[kind] + "</p>"))
        #expect(CalloutHTML.icon(kind).contains("aria-hidden=\"true\""))
    }

    @Test func collapsibleGitHubCallouts() {
        #expect(html("> [!TIP]- Hidden *tip*\n> Body") == """
            <details class="callout callout-tip">
            <summary class="callout-title">Hidden <em>tip</em></summary>
            <p>Body</p>
            </details>

            """)
        #expect(html("> [!WARNING]+\n> Body").hasPrefix("<details class=\"callout callout-warning\" open=\"open\">\n<summary class=\"callout-title\">Warning</summary>"))
    }

    @Test func otherGeneratorsTypesMapOntoTheKinds() {
        let output = html("> [!DANGER]\n> x")
        #expect(output.hasPrefix("<div class=\"callout callout-caution callout-type-danger\" role=\"note\">\n<p class=\"callout-title\">Danger</p>"))
        let labels = CalloutLabels(["caution": "Let op"])
        #expect(render("> [!danger]\n> x", options: MarkdownOptions(calloutLabels: labels)).html.contains(">Let op</p>"))
        #expect(render("> [!danger]\n> x", options: MarkdownOptions(calloutLabels: labels)).calloutLabelsUsed.keys.sorted() == ["danger"])
    }
}
