import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenSupport
import SitegenTestSupport

/// Admonitions, tabs and footnotes in other generators' spellings
/// (`BlockReader`, `BlockContainerTransform`, `FootnoteTransform`), and the
/// warnings for what is left (`ForeignSyntaxCheck`).
@Suite struct MarkdownConstructsTests {
    static let pages = ["github", "mkdocs", "pymdownx", "docusaurus"]

    /// Each page of the constructs fixture against its reviewed HTML.
    /// SITEGEN_UPDATE_GOLDEN=1 rewrites the golden files (review them by eye).
    @Test(arguments: pages)
    func fixturePageMatchesTheReviewedOutput(page: String) throws {
        let text = try String(contentsOfFile: SiteFixtures.path("constructs/content/en/\(page).md"), encoding: .utf8)
        let body = try #require(text.components(separatedBy: "\n---\n").dropFirst().first)
        let rendered = render(body, options: MarkdownOptions(highlight: true))
        #expect(rendered.diagnostics.isEmpty)
        let golden = Fixtures.path("constructs/\(page).html")
        if ProcessInfo.processInfo.environment["SITEGEN_UPDATE_GOLDEN"] == "1" {
            try rendered.html.write(toFile: golden, atomically: true, encoding: .utf8)
        }
        #expect(rendered.html == (try String(contentsOfFile: golden, encoding: .utf8)))
        // Well-formed, so the site's pages stay parseable as XML.
        _ = try XMLDocument(xmlString: "<div>" + rendered.html + "</div>")
    }

    // MARK: Spellings

    @Test func mkDocsAdmonitionsWithTitlesAndCollapsing() {
        let output = html("!!! tip \"Use *this*\"\n    Body.\n\n??? warning\n    Hidden.\n\n???+ bug\n    Shown.\n\n!!! note \"\"\n    No title.\n").withoutCalloutIcons
        #expect(output == """
            <div class="callout callout-tip" role="note">
            <p class="callout-title">Use <em>this</em></p>
            <p>Body.</p>
            </div>
            <details class="callout callout-warning">
            <summary class="callout-title">Warning</summary>
            <p>Hidden.</p>
            </details>
            <details class="callout callout-caution callout-type-bug" open="open">
            <summary class="callout-title">Bug</summary>
            <p>Shown.</p>
            </details>
            <div class="callout callout-note" role="note">
            <p>No title.</p>
            </div>

            """)
    }

    @Test func blocksEndWhereTheirSyntaxSays() {
        // Indented bodies end at the first line indented less; fenced ones at their fence.
        let mkdocs = html("!!! note\n    inside\n\noutside\n").withoutCalloutIcons
        #expect(mkdocs.hasSuffix("<p>inside</p>\n</div>\n<p>outside</p>\n"))
        let pymdownx = html("/// note\ninside\n///\noutside\n").withoutCalloutIcons
        #expect(pymdownx.hasSuffix("<p>inside</p>\n</div>\n<p>outside</p>\n"))
        let docusaurus = html(":::note\ninside\n:::\noutside\n").withoutCalloutIcons
        #expect(docusaurus.hasSuffix("<p>inside</p>\n</div>\n<p>outside</p>\n"))
    }

    @Test func nestedBlocksOfTheSameSyntax() {
        let output = html("::::warning Outer\n:::tip\ninner\n:::\nafter inner\n::::\n").withoutCalloutIcons
        #expect(output == """
            <div class="callout callout-warning" role="note">
            <p class="callout-title">Outer</p>
            <div class="callout callout-tip" role="note">
            <p class="callout-title">Tip</p>
            <p>inner</p>
            </div>
            <p>after inner</p>
            </div>

            """)
    }

    @Test func adjacentTabsFormOneGroupAndBangStartsANewOne() {
        let output = html("=== \"A\"\n    a\n=== \"B\"\n    b\n\n===! \"C\"\n    c\n")
        #expect(output == """
            <div class="tabs">
            <div class="tab-panel" id="tab-1-1" role="group" aria-labelledby="tab-1-1-label">
            <p class="tab-label" id="tab-1-1-label">A</p>
            <p>a</p>
            </div>
            <div class="tab-panel" id="tab-1-2" role="group" aria-labelledby="tab-1-2-label">
            <p class="tab-label" id="tab-1-2-label">B</p>
            <p>b</p>
            </div>
            </div>
            <div class="tabs">
            <div class="tab-panel" id="tab-2-1" role="group" aria-labelledby="tab-2-1-label">
            <p class="tab-label" id="tab-2-1-label">C</p>
            <p>c</p>
            </div>
            </div>

            """)
    }

    @Test func headingsAvoidTheTabIDs() {
        let rendered = render("## Tab 1 1\n\n=== \"A\"\n    a\n")
        #expect(rendered.headings.map(\.id) == ["tab-1-1-1"])
    }

    @Test func markersInCodeStayCode() {
        let output = html("```\n!!! note\n    x\n:::tip\n```\n\n    !!! indented code? no: a callout in a list is indented\n")
        #expect(output.hasPrefix("<pre><code>!!! note\n    x\n:::tip\n</code></pre>\n"))
    }

    /// MkDocs Material's own docs show tab syntax inside a fence, with
    /// fences indented inside the example: those do not close the outer one.
    @Test func anIndentedFenceDoesNotCloseTheExample() {
        let output = html("``` title=\"Tabs\"\n=== \"C\"\n\n    ``` c\n    x\n    ```\n\n=== \"D\"\n    y\n```\n")
        #expect(!output.contains("tab-panel"))
        #expect(output.hasSuffix("=== &quot;D&quot;\n    y\n</code></pre>\n"))
    }

    @Test func linksInsideBlocksReportTheirPlaceInTheFile() {
        let rendered = render("!!! note \"See [a](a.md)\"\n    Read [b](b.md).\n\n:::tip\n> [c](c.md)\n:::\n")
        #expect(rendered.links.map { "\($0.destination) \($0.line):\($0.column)" } == ["a.md 1:15", "b.md 2:10", "c.md 5:3"])
    }

    // MARK: Footnotes

    @Test func footnotesAreNumberedInOrderOfUse() {
        let output = html("b[^b] a[^a] b[^B]\n\n[^a]: A.\n[^b]: B.\n")
        #expect(output.contains("b<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" aria-describedby=\"footnotes-label\">1</a></sup>"))
        #expect(output.contains("a<sup class=\"footnote-ref\"><a href=\"#fn-2\" id=\"fnref-2\""))
        #expect(output.contains("id=\"fnref-1-2\""))
        #expect(output.contains("<li id=\"fn-1\">\n<p>B. <a href=\"#fnref-1\" class=\"footnote-back\" aria-label=\"Back to the text (1)\">"))
        #expect(output.contains("<a href=\"#fnref-1-2\" class=\"footnote-back\" aria-label=\"Back to the text (2)\">"))
    }

    @Test func anUndefinedFootnoteIsTextNeverALink() {
        let rendered = render("日本語の脚注[^1]です。[^2]\n\n[^2]: 注釈")
        #expect(rendered.links.isEmpty)
        #expect(rendered.html.hasPrefix("<p>日本語の脚注[^1]です。<sup class=\"footnote-ref\">"))
        #expect(rendered.diagnostics.isEmpty)
    }

    @Test func anUnusedFootnoteIsAWarning() {
        let rendered = render("Text.\n\n[^x]: Never used.\n")
        #expect(rendered.html == "<p>Text.</p>\n")
        #expect(rendered.diagnostics.map(\.description) == ["test.md:3:1: warning: footnote '[^x]' is defined but never referred to; it is left out"])
    }

    // MARK: Options and modifiers

    /// pymdownx's options under a block's header are read, never shown.
    @Test func pymdownxOptionsAreReadNotShown() {
        let rendered = render("""
            /// details | Open at first
                open: true
                type: warning
                attrs: {class: wide framed, id: setup-note}

            Body.
            ///

            /// note
                attrs:
                  class: 'side'

            Note body.
            ///

            See [the note](#setup-note).
            """)
        #expect(rendered.diagnostics.isEmpty, "\(rendered.diagnostics)")
        #expect(rendered.html.withoutCalloutIcons == """
            <details class="callout callout-warning wide framed" id="setup-note" open="open">
            <summary class="callout-title">Open at first</summary>
            <p>Body.</p>
            </details>
            <div class="callout callout-note side" role="note">
            <p class="callout-title">Note</p>
            <p>Note body.</p>
            </div>
            <p>See <a href="#setup-note">the note</a>.</p>

            """)
        // The id is an anchor of the page, and no heading takes it.
        #expect(rendered.htmlIDs == ["setup-note"])
        #expect(render("/// note\n    attrs: {id: x}\n\n## X\n///\n").headings.map(\.id) == ["x-1"])
    }

    @Test func pymdownxOptionsSitegenDoesNotReadAreLocatedWarnings() {
        let rendered = render("""
            /// note | Title
                open: true
                markdown: block
                attrs: {class: "ok", style: "color: red", id: "two words"}
                type: nonsense
            Body stays.
            ///

            /// tab | A
                new: maybe
                select: true
                attrs: {id: mine}

            a
            ///
            """)
        #expect(rendered.diagnostics.map(\.description) == [
            "test.md:2:5: warning: option 'open' is for details blocks; it is left out",
            "test.md:3:5: warning: option 'markdown' is not read by sitegen (it reads open, type, attrs, and new and select for tabs); it is left out",
            "test.md:4:26: warning: attribute 'style' is not written by sitegen (it writes class and id); it is left out",
            "test.md:4:51: warning: id 'two words' is left out: an id here is letters, digits, '-' and '_'",
            "test.md:5:5: warning: type 'nonsense' is not an admonition type sitegen knows (\(CalloutType.titled.joined(separator: ", "))); it is left out",
            "test.md:10:10: warning: option 'new' is true or false, not 'maybe'",
            "test.md:12:5: warning: a tab's id is sitegen's (tab-1-1 ...): attrs: {id} is left out",
        ])
        #expect(rendered.diagnostics.allSatisfy { $0.kind == BlockReader.optionKind })
        #expect(!rendered.html.contains("markdown:") && !rendered.html.contains("nonsense") && !rendered.html.contains("maybe"))
        #expect(rendered.html.contains("<div class=\"callout callout-note ok\" role=\"note\">"))
        #expect(rendered.html.contains("<p>Body stays.</p>"))
        #expect(rendered.html.contains("<div class=\"tab-panel\" id=\"tab-1-1\" role=\"group\" aria-labelledby=\"tab-1-1-label\" data-selected=\"\">"))
    }

    /// `===+` marks the tab shown first; `===!+` also starts a new group.
    @Test func aPlusMarksTheTabShownFirst() {
        let output = html("=== \"A\"\n    a\n===+ \"B\"\n    b\n\n===!+ \"C\"\n    c\n")
        #expect(output.components(separatedBy: "<div class=\"tabs\">").count - 1 == 2)
        #expect(output.contains("<div class=\"tab-panel\" id=\"tab-1-1\" role=\"group\" aria-labelledby=\"tab-1-1-label\">"))
        #expect(output.contains("<div class=\"tab-panel\" id=\"tab-1-2\" role=\"group\" aria-labelledby=\"tab-1-2-label\" data-selected=\"\">"))
        #expect(output.contains("<div class=\"tab-panel\" id=\"tab-2-1\" role=\"group\" aria-labelledby=\"tab-2-1-label\" data-selected=\"\">"))
    }

    /// Python-Markdown's words after the type are classes: Material's
    /// `inline` and `inline end` side notes.
    @Test func wordsAfterTheTypeAreClasses() {
        let output = html("!!! info inline end \"Side\"\n    Beside the text.\n\n!!! tip inline\n    Left.\n").withoutCalloutIcons
        #expect(output.contains("<div class=\"callout callout-note callout-type-info inline end\" role=\"note\">"))
        #expect(output.contains("<div class=\"callout callout-tip inline\" role=\"note\">"))
    }

    /// VitePress's code group: a tab per code block, labelled by `[name]`.
    @Test func aCodeGroupIsTabsOfItsCodeBlocks() {
        let rendered = render("""
            === "Before"
                a

            ::: code-group

            ```sh [npm]
            npm install
            ```

            Text with the npm block.

            ```sh [pnpm install]
            pnpm install
            ```

            ```
            plain
            ```

            :::
            """, options: MarkdownOptions(highlight: true))
        #expect(rendered.diagnostics.isEmpty, "\(rendered.diagnostics)")
        let html = rendered.html
        // Its own group, not joined to the tabs before it.
        #expect(html.components(separatedBy: "<div class=\"tabs\">").count - 1 == 2)
        let labels = html.matches(of: /<p class="tab-label" id="tab-2-(\d)-label">([^<]*)<\/p>/).map { "\($0.1) \($0.2)" }
        #expect(labels == ["1 npm", "2 pnpm install", "3 3"])
        #expect(html.contains("<p>Text with the npm block.</p>\n</div>\n<div class=\"tab-panel\" id=\"tab-2-2\""))
        #expect(html.contains("language-sh"))
        #expect(!html.contains("[npm]"))
    }

    // MARK: Nothing lost in silence

    /// Shortcodes and includes are read by `MarkdownExpander` (their errors
    /// are its own); what no reader took is warned about here.
    @Test func linesInOtherSyntaxAreLocatedWarnings() {
        let rendered = render("Intro {% include \"x.html\" %} and `{% raw %}`.\n\n:::unknown\nbody\n\n!!! note\n    /// html | div\n\n=== Python\n")
        #expect(rendered.diagnostics.map { "\($0.place) \($0.kind ?? "")" } == [
            "test.md:1:7 lines in another generator's syntax ('{%')",
            "test.md:3:1 lines in another generator's syntax (':::')",
            "test.md:7:5 lines in another generator's syntax ('///')",
            "test.md:9:1 lines in another generator's syntax ('===')",
        ])
    }

    /// mkdocs-macros' `{{ expression }}` in text (FastAPI's people page);
    /// in code it is an example.
    @Test func templateExpressionsInTextAreLocatedWarnings() {
        let rendered = render("Answers: {{ user.answers }} and `{{ shown }}`.\n\n`{{ code }}` only.\n")
        #expect(rendered.diagnostics.map { "\($0.place) \($0.kind ?? "")" } == [
            "test.md:1:10 lines in another generator's syntax ('{{')",
        ])
    }

    /// Kept raw HTML is shown as written: template syntax in its text is
    /// lost as much as in a paragraph (FastAPI's people page writes
    /// `@{{ user.login }}` in `<div>`s). Comments and code elements are not looked at.
    @Test func templateSyntaxInKeptRawHTMLIsALocatedWarning() {
        let markdown = """
            Intro.

            <div class="user"><div class="title">@{{ user.login }}</div>
            <span>Answers: {{ user.answers }}</span>
            {% for user in people %}
            <code>{{ example }}</code> <pre>{% raw %}</pre>
            <!-- {{ hidden }} -->
            <script>const t = `{{ vue }}`;</script><style>a { --x: "{%"; }</style>
            </div>

            > <section>
            > --8<-- "snippet.md"
            > </section>

            A <a title="{{ tip }}" href="x.html">tag</a> and `{{ code }}` <code>{{ inline }}</code>.

            <textarea>
            {{ typed }}
            </textarea>

            """
        let rendered = render(markdown, options: MarkdownOptions(rawHTML: .allow))
        #expect(rendered.diagnostics.map { "\($0.place) \($0.kind ?? "")" } == [
            "test.md:3:39 lines in another generator's syntax ('{{')",
            "test.md:4:16 lines in another generator's syntax ('{{')",
            "test.md:5:1 lines in another generator's syntax ('{%')",
            "test.md:12:3 lines in another generator's syntax ('--8<--')",
            "test.md:15:13 lines in another generator's syntax ('{{')",
        ])
        #expect(rendered.diagnostics.first?.message == "'{{ user.login }}' looks like a template expression (Jinja, Liquid, MkDocs macros, Hugo), which sitegen does not expand; it is shown as text")
        #expect(rendered.html.contains("@{{ user.login }}"))
    }

    /// With raw HTML dropped (the default), the page's one warning says
    /// what was left out; its text is not also warned about.
    @Test func droppedRawHTMLGivesItsOwnWarningOnly() {
        let rendered = render("<div>@{{ user.login }}</div>\n")
        #expect(rendered.diagnostics.map { $0.kind ?? "" } == ["files with raw HTML dropped"])
    }

    /// Code elements, comments and their tags are blanked out, line breaks kept.
    @Test func rawHTMLTextOutsideCode() {
        func blank(_ count: Int) -> String { String(repeating: "\u{1}", count: count) }
        #expect(ForeignSyntaxCheck.textOutsideCode(ofHTML: "a<CODE>b</Code >c<!--d\ne-->f<codex>g</codex><pre") ==
            "a" + blank(15) + "c" + blank(5) + "\n" + blank(4) + "f<codex>g</codex>" + blank(4))
    }

    /// Text in an inline `<code>` element is code, like a code span; the
    /// paragraph's text and tags give one warning a line.
    @Test func inlineCodeElementsAreCodeAndALineWarnsOnce() {
        for rawHTML in RawHTMLPolicy.allCases {
            let rendered = render("Write <code>{{ x }}</code> or <CODE>\n{% y %}</code>.\n\n<span title=\"{{ a }}\">{{ b }}</span>\n",
                                  options: MarkdownOptions(rawHTML: rawHTML))
            #expect(rendered.diagnostics.filter { $0.kind != "files with raw HTML dropped" }.map(\.place).sorted() == ["test.md:4:14"])
        }
    }

    @Test func mermaidIsCodeWithItsLanguageShownAndANote() {
        let rendered = render("```mermaid\ngraph TD\n```\n", options: MarkdownOptions(highlight: true))
        #expect(rendered.html.contains("<figcaption>mermaid</figcaption>"))
        #expect(rendered.diagnostics.map(\.kind) == [CodeBlockTransform.mermaidKind])
    }

    // MARK: Bad input

    @Test func anUnclosedBlockRunsToTheEndWithAWarning() {
        let rendered = render("Text\n\n:::note\nnever closed\n\n## Heading\n")
        #expect(rendered.html.contains("<h2 id=\"heading\">Heading</h2>\n</div>"))
        #expect(rendered.diagnostics.map(\.description) == [
            "test.md:3:1: warning: this ':::' block is never closed; it runs to the end of the file (end it with a line ':::')"
        ])
    }

    /// Nesting stops at `BlockReader.maxDepth` (32) however deep the file
    /// goes. 2,000 levels (and 200 indented ones) show it as well as the
    /// 10,000 (and 1,000) this test used, which cost 10 s of its CPU: the
    /// indented file grows with the square of its depth (2 MB at 1,000).
    @Test func thousandsOfNestedBlocksGiveACleanResult() {
        let depth = 2_000
        let fenced = String(repeating: ":::note\n", count: depth) + "deep\n" + String(repeating: ":::\n", count: depth)
        let rendered = render(fenced)
        #expect(rendered.html.components(separatedBy: "callout-note").count - 1 == BlockReader.maxDepth)
        #expect(rendered.diagnostics.contains { $0.message.hasPrefix("blocks nested more than 32 deep") })
        let indented = (0..<200).map { String(repeating: " ", count: 4 * $0) + "!!! note\n" }.joined()
        #expect(render(indented).html.components(separatedBy: "callout-note").count - 1 == BlockReader.maxDepth)
        let tabs = String(repeating: "/// tab | T\n", count: depth)
        #expect(render(tabs).html.contains("tab-panel"))
    }
}
