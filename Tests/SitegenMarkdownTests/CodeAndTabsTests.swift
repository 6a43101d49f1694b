import Testing
@testable import SitegenMarkdown
@testable import SitegenSupport
import SitegenTestSupport

/// `RenderedMarkdown.hasCode` and `hasTabs` (the theme's `page.hasCode`,
/// `page.hasTabs`): the renderer says whether it made a code block or a
/// group of tabs, from Markdown, an included file, a shortcode's partial or
/// kept raw HTML, and it agrees with what the HTML holds.
@Suite struct CodeAndTabsTests {
    static let settings = ShortcodeSettings(
        partials: ["tabpane", "tab", "snippet"], partialsWithInner: ["tabpane", "tab"],
        include: { path, _ in
            path == "code.md" ? .found(SourceText("```sh\nmake\n```\n", path: "code.md")) : .refused("no \(path)")
        },
        render: { call, inner, _ in
            switch call.name {
            case "tabpane": .success("<div class=\"tabs\">\n\(inner)\n</div>\n")
            case "tab": .success("<div class=\"tab-panel\" id=\"t\" role=\"group\">\n\(inner)\n</div>\n")
            default: .success("<pre><code>from a partial</code></pre>\n")
            }
        })

    static let cases: [(name: String, markdown: String, code: Bool, tabs: Bool)] = [
        ("prose", "Text with `<pre>` in code and <pre> dropped.\n", false, false),
        ("fence with a language", "```swift\nlet a = 1\n```\n", true, false),
        ("fence without one", "```\nplain\n```\n", true, false),
        ("indented code", "Text.\n\n    indented\n", true, false),
        ("fence in a callout", "> [!NOTE]\n> ```sh\n> make\n> ```\n", true, false),
        ("MkDocs tabs", "=== \"One\"\n\n    First.\n\n=== \"Two\"\n\n    Second.\n", false, true),
        ("a code group", "::: code-group\n\n```js [a.js]\na\n```\n\n```ts [b.ts]\nb\n```\n\n:::\n", true, true),
        ("an included file", "{{< include \"code.md\" >}}\n", true, false),
        ("a tabs shortcode", "{{< tabpane >}}\n{{< tab \"One\" >}}\nFirst.\n{{< /tab >}}\n{{< /tabpane >}}\n", false, true),
        ("a partial's code", "{{< snippet >}}\n", true, false),
    ]

    @Test(arguments: [false, true])
    func markdownSaysWhatItMade(highlight: Bool) {
        for (name, markdown, code, tabs) in Self.cases {
            let rendered = render(markdown, options: MarkdownOptions(highlight: highlight, shortcodes: Self.settings))
            #expect(rendered.hasCode == code, "\(name): \(rendered.html)")
            #expect(rendered.hasTabs == tabs, "\(name): \(rendered.html)")
            #expect(rendered.hasCode == ByteSearch.contains(rendered.html, "<pre"), "\(name)")
            #expect(rendered.hasTabs == ByteSearch.contains(rendered.html, TabsHTML.groupOpen), "\(name)")
        }
    }

    @Test func keptRawHTMLCounts() {
        let options = MarkdownOptions(rawHTML: .allow)
        let code = render("<pre>kept</pre>\n", options: options)
        #expect(code.hasCode && !code.hasTabs)
        let tabs = render("<div class=\"tabs\">\n\nText.\n\n</div>\n", options: options)
        #expect(tabs.hasTabs && !tabs.hasCode)
        let dropped = render("<pre>dropped</pre>\n")
        #expect(!dropped.hasCode && !ByteSearch.contains(dropped.html, "<pre"))
    }

    /// `ByteSearch` (glibc's memmem) at the edges: empty text or needle, a
    /// needle at either end or longer than the text, bytes beyond ASCII.
    @Test func byteSearchAtTheEdges() {
        #expect(ByteSearch.contains("", ""))
        #expect(ByteSearch.contains("abc", ""))
        #expect(!ByteSearch.contains("", "a"))
        #expect(ByteSearch.contains("<pre>", "<pre") && ByteSearch.contains("x<pre", "<pre"))
        #expect(!ByteSearch.contains("<pr", "<pre") && !ByteSearch.contains("<PRE", "<pre"))
        #expect(ByteSearch.contains("naïve café", "é") && !ByteSearch.contains("naive cafe", "é"))
    }
}
