import Testing
@testable import SitegenMarkdown
@testable import SitegenSupport
import SitegenTestSupport

/// Hugo shortcodes read at the Markdown edge (`ShortcodeTag`,
/// `MarkdownExpander`, `ShortcodeTransform`; issue 28).
@Suite struct ShortcodeTests {
    /// A partial `box` that shows its inner HTML in a div, `icon` without
    /// inner text, and `params:` with a value that looks like Markdown.
    static let settings = ShortcodeSettings(
        partials: ["box", "icon"], partialsWithInner: ["box"], params: ["version": "2.1", "quote": "\"*x*\""],
        include: { path, _ in
            switch path {
            case "snippet.md": .found(SourceText("## Included {#inc}\n\nFrom a file.", path: "snippets/snippet.md"))
            case "app.py": .found(SourceText("one\ntwo\nthree\n", path: "src/app.py"))
            default: .refused("included file '\(path)' does not exist")
            }
        },
        render: { call, inner, _ in
            switch call.name {
            case "box": .success("<div class=\"box\" data-title=\"\(HTMLEscaping.escape(call.named["title"] ?? ""))\">\(inner)</div>\n")
            default: .success("<i class=\"icon-\(HTMLEscaping.escape(call.positional.first ?? ""))\"></i>\n")
            }
        })

    func rendered(_ markdown: String) -> RenderedMarkdown {
        render(markdown, options: MarkdownOptions(shortcodes: ShortcodeTests.settings))
    }

    // MARK: Tags

    @Test func tagArgumentsInEverySpelling() throws {
        let text = #"{{< box "first" second title="A \"quoted\" title" raw=`a "b"` bare=yes >}}"#
        guard case .tag(let tag) = try #require(ShortcodeTag.scan(text, at: text.startIndex)) else {
            Issue.record("not a tag")
            return
        }
        #expect(tag.name == "box")
        #expect(tag.delimiter == .angle)
        #expect(tag.positional == ["first", "second"])
        #expect(tag.named.map(\.key) == ["title", "raw", "bare"])
        #expect(tag.named.map(\.value) == [#"A "quoted" title"#, #"a "b""#, "yes"])
        #expect(tag.range.upperBound == text.endIndex)
    }

    @Test func closingSelfClosingAndPercentTags() throws {
        for (text, closing, selfClosing, delimiter) in [("{{< /box >}}", true, false, ShortcodeTag.Delimiter.angle),
                                                        ("{{% box /%}}", false, true, .percent),
                                                        ("{{%box%}}", false, false, .percent)] {
            guard case .tag(let tag) = try #require(ShortcodeTag.scan(text, at: text.startIndex)) else {
                Issue.record("\(text) is not a tag")
                continue
            }
            #expect(tag.isClosing == closing, "\(text)")
            #expect(tag.isSelfClosing == selfClosing, "\(text)")
            #expect(tag.delimiter == delimiter, "\(text)")
        }
    }

    @Test func aTagMayRunOverLines() {
        let output = rendered("{{% box\n  title=\"Two lines\"\n%}}\ninside\n{{% /box %}}\n").html
        #expect(output == "<div class=\"box\" data-title=\"Two lines\">\n<p>inside</p>\n</div>\n")
    }

    @Test func anUnclosedTagIsALocatedErrorNotAScanToTheEnd() {
        let result = rendered("Text\n\nA {{< box title=\"x\" and then nothing" + String(repeating: " more", count: 2000))
        #expect(result.diagnostics.contains { $0.message.contains("not closed by '>}}'") && $0.line == 3 && $0.column == 3 })
    }

    // MARK: Placement

    @Test func markdownInnerTextStaysInThePage() {
        let result = rendered("{{% box title=\"T\" %}}\n## Inside {#inside}\n\nSee [here](#inside).\n{{% /box %}}\n")
        #expect(result.html == "<div class=\"box\" data-title=\"T\">\n<h2 id=\"inside\">Inside</h2>\n<p>See <a href=\"#inside\">here</a>.</p>\n</div>\n")
        #expect(result.headings.map(\.id) == ["inside"])
    }

    @Test func innerTextAsItIsIsEscaped() {
        let output = rendered("{{< box >}}\n**not bold** <b>\n{{< /box >}}\n").html
        #expect(output == "<div class=\"box\" data-title=\"\">**not bold** &lt;b&gt;</div>\n")
    }

    @Test func aShortcodeInRunningTextStaysInline() {
        #expect(rendered("Press {{< icon \"save\" >}} to save.").html == "<p>Press <i class=\"icon-save\"></i> to save.</p>\n")
    }

    @Test func aBlockShortcodeInAListItemStaysThere() {
        let output = rendered("1. Step one\n   {{% box %}}\n   inside\n   {{% /box %}}\n2. Step two\n").html
        #expect(output.contains("<li>\n<p>Step one</p>\n<div class=\"box\" data-title=\"\">\n<p>inside</p>\n</div>\n</li>"))
        #expect(output.contains("<li>\n<p>Step two</p>\n</li>"))
    }

    @Test func shortcodesInCodeAreLeftAlone() {
        let output = rendered("```\n{{< icon \"x\" >}}\n```\n\nAnd `{{< icon \"y\" >}}` too.\n").html
        #expect(output == "<pre><code>{{&lt; icon &quot;x&quot; &gt;}}\n</code></pre>\n<p>And <code>{{&lt; icon &quot;y&quot; &gt;}}</code> too.</p>\n")
    }

    @Test func shortcodesInAFenceInAListItemAreLeftAlone() {
        let output = rendered("1. Step\n\n    ```\n    {{< icon \"x\" >}}\n    ```\n").html
        #expect(output.contains("<pre><code>{{&lt; icon &quot;x&quot; &gt;}}\n</code></pre>"))
    }

    @Test func hugosCommentFormShowsTheTag() {
        let result = render("Write {{</* icon \"x\" */>}}.", options: MarkdownOptions(shortcodes: ShortcodeTests.settings))
        #expect(result.html == "<p>Write {{&lt; icon &quot;x&quot; &gt;}}.</p>\n")
    }

    /// Docsy's `{{< tab lang="..." >}}`: the inner text is a code block.
    @Test func aTabWithALanguageHoldsCode() {
        let settings = ShortcodeSettings(partials: ["tab"], partialsWithInner: ["tab"], render: { call, inner, _ in
            .success("<div id=\"\(call.number)\">\(inner)</div>")
        })
        let output = render("{{< tab header=\"Py\" lang=\"python\" >}}\nprint(\"*x*\")\n{{< /tab >}}\n",
                            options: MarkdownOptions(shortcodes: settings)).html
        #expect(output == "<div id=\"1\">\n<pre><code class=\"language-python\">print(&quot;*x*&quot;)\n</code></pre>\n</div>\n")
    }

    // MARK: Reader shortcodes

    @Test func paramIsText() {
        #expect(rendered("Version {{< param \"version\" >}}.").html == "<p>Version 2.1.</p>\n")
        // Smart punctuation and emphasis never touch a value.
        #expect(rendered("It is {{< param quote >}}.").html == "<p>It is &quot;*x*&quot;.</p>\n")
    }

    @Test func aMissingParamIsAnErrorNamingTheSetOnes() {
        let result = rendered("A {{< param \"nope\" >}}.")
        #expect(result.diagnostics.map(\.description) == [
            "test.md:1:3: error: param 'nope' is not set; add it under 'params:' in sitegen.yml (set: quote, version)",
        ])
    }

    @Test func refBecomesALinkTargetThatIsChecked() {
        let result = rendered("[Guide]({{< ref \"guide.md#setup\" >}}) and [same]({{< relref \"guide.md\" >}}).")
        #expect(result.links.map(\.destination) == ["guide.md#setup", "guide.md"])
        #expect(result.links.map(\.column) == [1, 43])
    }

    // MARK: Errors

    @Test func anUnknownShortcodeListsTheKnownOnes() {
        let result = rendered("Text\n\n{{< tabz >}}\n")
        #expect(result.diagnostics.map(\.description) == [
            "test.md:3:1: error: unknown shortcode 'tabz'; known: box, code, figure, icon, include, param, ref, relref (add templates/shortcodes/tabz.mustache to define it)",
        ])
    }

    /// A shortcode of the old theme on every page is one line, not a flood.
    @Test func manyUsesOfAnUnknownShortcodeAreSummarised() {
        let result = rendered(String(repeating: "{{< pageinfo >}}\n\n", count: 12))
        #expect(result.diagnostics.count == 12)
        #expect(DiagnosticSummary.lines(result.diagnostics, verbose: false) == [
            "test.md:1:1: error: 12 uses of the unknown shortcode 'pageinfo' (first: test.md:1:1, test.md:3:1, test.md:5:1, ...); --verbose lists them all",
        ])
    }

    @Test func anUnclosedShortcodeIsAnError() {
        let result = rendered("{{% box %}}\nnever closed\n")
        #expect(result.diagnostics.map(\.description) == ["test.md:1:1: error: shortcode 'box' is not closed; add {{< /box >}} where its content ends"])
        #expect(result.html == "<div class=\"box\" data-title=\"\"></div>\n<p>never closed</p>\n")
    }

    @Test func aClosingTagWithoutOpeningIsAnError() {
        let result = rendered("Text\n{{< /box >}}\n")
        #expect(result.diagnostics.map(\.description) == [
            "test.md:2:1: error: closing shortcode 'box' has no opening {{< box >}} before it; remove it or add the opening tag",
        ])
    }

    @Test func tenThousandNestedShortcodesEndCleanly() {
        let markdown = String(repeating: "{{% box %}}\n", count: 10_000) + "deep\n" + String(repeating: "{{% /box %}}\n", count: 10_000)
        let result = rendered(markdown)
        #expect(result.diagnostics.isEmpty)
        #expect(result.html.components(separatedBy: "<div class=\"box\"").count == 10_001)
    }

    @Test func openAndCloseInDifferentBlocksIsAnError() {
        let result = rendered("- {{% box %}}\n\n{{% /box %}}\n")
        #expect(result.diagnostics.contains { $0.message.contains("opens here and closes in another block") })
    }

    // MARK: Includes

    @Test func anIncludedFileIsMarkdownOfThePageWithItsOwnPlaces() {
        let result = rendered("Before.\n\n--8<-- \"snippet.md\"\n\n[x](nowhere.md)\n")
        #expect(result.html == "<p>Before.</p>\n<h2 id=\"inc\">Included</h2>\n<p>From a file.</p>\n<p><a href=\"nowhere.md\">x</a></p>\n")
        #expect(result.headings.map(\.id) == ["inc"])
        // Its first line too (it was placed on the page's line of the directive).
        #expect(result.headings.map { [$0.file, $0.line.map(String.init)] } == [["snippets/snippet.md", "1"]])
        // A file of one line: its columns are the file's.
        let oneLine = render("Before.\n\n--8<-- \"one.md\"\n", options: MarkdownOptions(shortcodes: ShortcodeSettings(include: { _, _ in
            .found(SourceText("Go [there](nowhere.md).", path: "snippets/one.md"))
        })))
        #expect(oneLine.links.map { [$0.file, "\($0.line)", "\($0.column)"] } == [["snippets/one.md", "1", "4"]])
        #expect(result.includedFiles == ["snippets/snippet.md"])
        // The page's own lines keep their numbers after the included ones.
        #expect(result.links.first.map { [$0.line, $0.column] } == [5, 1])
        #expect(result.links.first?.file == nil)
    }

    @Test func codeFromAFileBecomesAFence() {
        let output = rendered("{{< code \"app.py\" lines=\"2-3\" >}}\n\n{* app.py ln[1] *}\n").html
        #expect(output == "<pre><code class=\"language-python\">two\nthree\n</code></pre>\n<pre><code class=\"language-python\">one\n</code></pre>\n")
    }

    @Test func aMissingIncludeIsALocatedError() {
        let result = rendered("Text\n\n  --8<-- \"gone.md\"\n")
        #expect(result.diagnostics.map(\.description) == ["test.md:3:1: error: included file 'gone.md' does not exist"])
    }

    @Test func snippetSelectors() {
        #expect(IncludeDirective.snippetPath("a.py:3:9").lines == [3...9])
        #expect(IncludeDirective.snippetPath("a.py:3").lines == [3...Int.max])
        #expect(IncludeDirective.snippetPath("a.py::2").lines == [1...2])
        #expect(IncludeDirective.snippetPath("a.py:1:2,5:6").lines == [1...2, 5...6])
        #expect(IncludeDirective.snippetPath("a.py:greet").section == "greet")
        let text = "a\n# --8<-- [start:greet]\nb\nc\n# --8<-- [end:greet]\nd\n"
        #expect(IncludeDirective.snippetPath("x:greet").select(from: text) == ["b", "c"])
        #expect(IncludeDirective.snippetPath("x:2:3").select(from: text) == ["b"])
        #expect(IncludeDirective.snippetPath("x:nope").select(from: text) == nil)
        #expect(IncludeDirective.codeInclude("../src/x.py hl[3,5:6] ln[2:9]")?.code?.markedLines == "3-3 5-6")
    }

    @Test func pagesWithoutDirectivesAreNotExpanded() {
        #expect(MarkdownExpander.expand(SourceText("Plain {{ text }} and {x}.", path: "a.md"), settings: ShortcodeTests.settings) == nil)
    }
}
