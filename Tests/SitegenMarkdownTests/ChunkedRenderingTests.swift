import Testing
@testable import SitegenMarkdown
@testable import SitegenSupport
import SitegenTestSupport

/// A large page is parsed piece by piece (`MarkdownChunks`): the result must
/// be the whole page's, byte for byte, and no piece may be much larger than
/// the target (the bound on what cmark holds at once).
@Suite struct ChunkedRenderingTests {
    /// Blocks that cross, or look as if they cross, the places a page may be cut.
    static let blocks: [String] = [
        "# Title\n",
        "# Title\n",
        "Use [the guide] and [Later Ref][later] and [x].\n",
        "- one\n\n- two (a loose list across a blank line)\n",
        "1. first\n\n   ```sh\n   echo inside an item\n\n   ```\n",
        "```\ncode\n\nnot a paragraph\n\n```\n",
        "~~~~ text\nstill code\n\nmore\n~~~~\n",
        "> quoted\n>\n> > nested\n\n> a new quote\n",
        "<!-- a comment\n\nacross blank lines\n-->\n",
        "<pre>\nkept\n\nas is\n</pre>\n",
        "<div>\n*raw*\n</div>\n",
        "Text with ![an image](pic.png) and <img src=\"raw.png\"> raw.\n",
        "| a | b |\n|---|---|\n| [the guide] | 2 |\n",
        "    indented code\n\n    more code\n",
        "Smart \"quotes\" -- and ~~strike~~ and www.example.com and - [ ] task.\n",
        "* * *\n",
        "Para\nwith lazy\n> quote after\n",
        "## Title\n",
        "Another [x] here.\n",
        "> [!NOTE]\n> A callout.\n",
        // Headings that set their id, and automatic ids that meet them (and tabs').
        "## Set {#mine}\n",
        "## Mine\n",
        "## Tab 1 1\n",
        // Other generators' blocks, nested, with blank lines and fences inside.
        "!!! note \"A *note*\"\n    Body [x].\n\n    More body.\n",
        ":::tip Title\nTip body.\n\n::: details Inner\nnested\n\n:::\n\nafter inner\n\n:::\n",
        "=== \"One\"\n    first tab\n\n=== \"Two\"\n\n    second tab\n",
        "/// note | Pymd\n    attrs: {id: box}\n\nBody.\n\n///\n",
        "::: code-group\n\n```sh [a.sh]\necho\n```\n\n```js\nx\n```\n\n:::\n",
        "```\n:::note\nin code\n```\n",
    ]

    /// Shortcodes (`ShortcodeTests.settings`) and an include, expanded
    /// before the page is cut: inner Markdown across blank lines, inline
    /// ones, one in code, inner text, an included heading with its own id.
    static let shortcodeBlocks: [String] = [
        "{{< icon \"star\" >}} inline {{< icon \"x\" >}} text [x].\n",
        "{{% box title=\"Boxed\" %}}\nInner *markdown* [the guide].\n\nSecond paragraph.\n\n## Boxed heading\n\n{{% /box %}}\n",
        "{{< include \"snippet.md\" >}}\n",
        "--8<-- \"snippet.md\"\n",
        "```\n{{< icon \"in-code\" >}}\n```\n",
        "{{< box >}}text inner\n\nacross a blank line{{< /box >}}\n",
        "Broken {{< nosuch >}} and [a link](page.md).\n",
    ]

    /// Footnotes: references in text, headings, tables, links and code;
    /// definitions anywhere (several times, in a list item, in a block,
    /// with indented blocks, unused), notes referring to notes (one only
    /// from a note, one to itself), a label in another case, one undefined.
    static let footnoteBlocks: [String] = [
        "Text[^1] and again[^1], then [^Two] and [^none], which nobody defined.\n",
        "## Heading with a note[^three]\n",
        "## Footnotes label\n\n## Fn 1\n",
        "`[^1]` in code, and [a link [^1] inside](linked.md).\n",
        "| a | b |\n|---|---|\n| cell[^two] | [the guide] |\n",
        "[^1]: Note one, see [^two] and [the guide] and [a link](one.md).\n",
        "[^two]: Note two\ncontinued *lazily* and [^1] and [^only-from-a-note].\n\n    Its second paragraph [^two].\n\n    ```\n    code in a note\n    ```\n",
        "[^three]: Three is defined [^three] here.\n",
        // (Links sitegen makes get the place of their block; a note's first
        // paragraph has none: autolinks come in its second.)
        "[^only-from-a-note]: Referred to from note two alone, ~~struck~~.\n\n    An autolink: www.example.com/note.\n",
        "[^unused]: Nobody refers to this one [^1] or [an unused link](unused.md).\n",
        "- an item\n\n  [^in-list]: Defined in a list item [^1].\n\nA reference to the list's note[^in-list].\n",
        ":::warning\nIn a block[^in-block].\n\n[^in-block]: Defined in a block.\n\n:::\n",
        "[^code-only]:\n\n    ```\n    only code\n    ```\n\nRefers to a note of code[^code-only].\n",
    ]

    /// Notes holding headings (their ids come after every heading of the
    /// text, in the notes' order), with the text's headings of the same
    /// words before and after them; a heading in an unused note and in a
    /// note defined twice, which take no id.
    static let noteHeadingBlocks: [String] = [
        "Text with headed notes[^h1] and [^h2].\n",
        "[^h1]: A headed note [^h3].\n\n    ## Same words\n\n    ### Note *heading* [a link](h.md)\n",
        "[^h2]: Another.\n\n    ## Same words\n",
        "[^h3]: Named by a note only.\n\n    Same words\n    ---\n\n    > ## Quoted heading[^h1]\n",
        "## Same words\n\n## Same words 1\n",
        "[^h-unused]: Never named.\n\n    ## Same words\n",
        "[^h2]: Defined again.\n\n    ## Note heading\n",
    ]

    /// Each defined once in a page, anywhere.
    static let definitions = ["[the guide]: /guide.md \"Guide\"\n", "[LATER]:   https://example.com/later\n"]

    /// Pages from the blocks in many orders, cut at many sizes.
    static func pages(count: Int = 60, blocks: [String] = blocks, seed: UInt64 = 25) -> [String] {
        var pages: [String] = []
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<count {
            var page: [String] = []
            for _ in 0..<40 { page.append(blocks[Int(generator.next() % UInt64(blocks.count))] + "\n") }
            for definition in definitions { page.insert(definition + "\n", at: Int(generator.next() % UInt64(page.count))) }
            pages.append(page.joined())
        }
        guard seed == 25 else { return pages }
        // Definitions after their use; a definition in code, which is none
        // (the page is rendered whole); an unclosed fence at the end.
        let all = blocks.joined(separator: "\n") + "\n"
        pages.append(all + definitions.joined(separator: "\n") + "\n```\nunclosed\n\nstill code\n")
        pages.append(all + "```\n[x]: /not-a-definition\n```\n\n" + all)
        return pages
    }

    static func whole(_ text: String, options: MarkdownOptions) -> RenderedMarkdown {
        var page = PageState()
        let source = SourceText(text, path: "page.md")
        return MarkdownRenderer.render(source, census: MarkerCensus(source.text), options: options,
                                       rewriteLink: { "/site/\($0.destination)?line=\($0.line)" }, imageSize: { _ in nil }, page: &page)!
    }

    static func pieces(_ text: String, options: MarkdownOptions, targetSize: Int) -> RenderedMarkdown? {
        let source = SourceText(text, path: "page.md")
        var page = PageState()
        return MarkdownRenderer.renderInPieces(source, census: MarkerCensus(source.text), options: options,
                                               rewriteLink: { "/site/\($0.destination)?line=\($0.line)" }, imageSize: { _ in nil },
                                               targetSize: targetSize, threshold: 0, page: &page)
    }

    static func expectSame(_ a: RenderedMarkdown, _ b: RenderedMarkdown) {
        #expect(a.html == b.html)
        #expect(a.headings == b.headings)
        #expect(a.links == b.links)
        #expect(a.calloutLabelsUsed == b.calloutLabelsUsed)
        #expect(Set(a.diagnostics) == Set(b.diagnostics))
        #expect(a.htmlIDs == b.htmlIDs)
        #expect(a.hasCode == b.hasCode && a.hasTabs == b.hasTabs)
    }

    /// A page rendered in pieces of a line or so, expected the same as whole.
    static func cutFinely(_ text: String) throws -> RenderedMarkdown {
        let cut = try #require(Self.pieces(text, options: MarkdownOptions(), targetSize: 1))
        expectSame(cut, whole(text, options: MarkdownOptions()))
        return cut
    }

    /// Renders each page whole and in pieces at 3 cut sizes, and expects
    /// the same; returns how many times a page was cut.
    static func expectPiecesAsWhole(_ pages: [String], options: MarkdownOptions) -> Int {
        var cutPages = 0
        for (index, page) in pages.enumerated() {
            let whole = whole(page, options: options)
            for target in [1, 40, 300] {
                guard let pieces = pieces(page, options: options, targetSize: target) else { continue }
                cutPages += 1
                if pieces.html != whole.html { Issue.record("page \(index), target \(target) differs") }
                expectSame(pieces, whole)
            }
        }
        return cutPages
    }

    @Test(arguments: [RawHTMLPolicy.drop, .allow])
    func piecesRenderAsTheWholePage(policy: RawHTMLPolicy) {
        let options = MarkdownOptions(rawHTML: policy, images: true)
        var cutPages = 0
        var pieceCount = 0
        for (index, page) in Self.pages().enumerated() {
            let whole = Self.whole(page, options: options)
            for target in [1, 40, 300] {
                let source = SourceText(page, path: "page.md")
                if let chunks = MarkdownChunks(source.text, census: MarkerCensus(source.text), targetSize: target, threshold: 0) {
                    pieceCount += chunks.chunks.count
                }
                guard let pieces = Self.pieces(page, options: options, targetSize: target) else { continue }
                cutPages += 1
                if pieces.html != whole.html { Issue.record("page \(index), target \(target) differs") }
                Self.expectSame(pieces, whole)
            }
        }
        // Most pages are cut, into many pieces, and render as one.
        #expect(cutPages > 100)
        #expect(pieceCount > 2_000)
    }

    /// Pages with shortcodes and includes are expanded, then cut: the same
    /// HTML, and the same places (the expanded lines name their files).
    @Test(arguments: [RawHTMLPolicy.drop, .allow])
    func expandedPiecesRenderAsTheWholePage(policy: RawHTMLPolicy) {
        let options = MarkdownOptions(rawHTML: policy, shortcodes: ShortcodeTests.settings, images: true)
        var cutPages = 0
        for (index, page) in Self.pages(count: 30, blocks: Self.blocks + Self.shortcodeBlocks + Self.shortcodeBlocks, seed: 26).enumerated() {
            let whole = Self.whole(page, options: options)
            for target in [1, 40, 300] {
                guard let pieces = Self.pieces(page, options: options, targetSize: target) else { continue }
                cutPages += 1
                if pieces.html != whole.html { Issue.record("page \(index), target \(target) differs") }
                Self.expectSame(pieces, whole)
            }
            #expect(!page.contains("snippet.md") || whole.includedFiles == ["snippets/snippet.md"])
        }
        #expect(cutPages > 50)
    }

    /// Pages with footnotes: numbered across the pieces, listed at the end.
    @Test(arguments: [RawHTMLPolicy.drop, .allow])
    func footnotePiecesRenderAsTheWholePage(policy: RawHTMLPolicy) {
        let options = MarkdownOptions(rawHTML: policy, images: true)
        let pages = Self.pages(count: 40, blocks: Self.blocks + Self.footnoteBlocks + Self.footnoteBlocks, seed: 27)
        #expect(Self.expectPiecesAsWhole(pages, options: options) > 100)
    }

    /// Footnotes in included files and in a shortcode's inner Markdown.
    @Test func expandedFootnotePiecesRenderAsTheWholePage() {
        var settings = ShortcodeTests.settings
        let included = settings.include
        settings.include = { path, from in
            guard path == "notes.md" else { return included(path, from) }
            return .found(SourceText("Included[^1] and [^inc].\n\n[^inc]: A note from an included file [^two].\n", path: "snippets/notes.md"))
        }
        let options = MarkdownOptions(shortcodes: settings, images: true)
        let blocks = Self.blocks + Self.shortcodeBlocks + Self.footnoteBlocks + [
            "{{< include \"notes.md\" >}}\n",
            "{{% box title=\"Noted\" %}}\nIn a box[^1].\n\n[^boxed]: Defined in a box.\n\nAnd its reference[^boxed].\n\n{{% /box %}}\n",
        ]
        #expect(Self.expectPiecesAsWhole(Self.pages(count: 20, blocks: blocks, seed: 28), options: options) > 30)
    }

    /// Notes are numbered by first reference, the text's before the notes':
    /// a note only a later note refers to comes after every note the text
    /// names, wherever the pieces define them. (`[^a b]` is no label: its
    /// definition is a link's, which every piece naming it gets.)
    @Test func notesAreNumberedAcrossPieces() throws {
        let text = "[^c]: Third, named by a note [^b].\n\nText[^a] and [^b].\n\n" + String(repeating: "Para.\n\n", count: 20)
            + "[^a]: First, names [^c].\n\n[^b]: Second.\n\nAgain[^a] and [^a b].\n\n[^a]: Defined twice.\n\n[^a b]: /a-link\n"
        let pieces = try Self.cutFinely(text)
        #expect(pieces.html.contains("<li id=\"fn-3\">\n<p>Third, named by a note <sup class=\"footnote-ref\"><a href=\"#fn-2\" id=\"fnref-2-2\""))
        #expect(pieces.html.contains("id=\"fnref-1-2\""))
        #expect(pieces.diagnostics.map(\.message) == ["footnote '[^a]' is defined twice; the first definition is used"])
        #expect(pieces.diagnostics.first?.line == 51)
        #expect(pieces.links.map(\.destination) == ["/a-link"])
    }

    /// A page that defines a note takes `footnotes-label` from its
    /// headings, even when no note is referred to (as the whole render does).
    @Test func aDefinitionAloneTakesTheListsID() throws {
        let text = "## Footnotes label\n\n" + String(repeating: "Para.\n\n", count: 20) + "[^x]: Never referred to.\n"
        let pieces = try Self.cutFinely(text)
        #expect(pieces.headings.map(\.id) == ["footnotes-label-1"])
        #expect(pieces.diagnostics.map(\.line) == [43])
    }

    /// The place of each callout type's first label, as the whole render
    /// names it: a GitHub callout's (`> [!NOTE]`) before a block's.
    @Test func calloutLabelsArePlacedAsInTheWholePage() throws {
        let text = ":::note\nA block.\n:::\n\n" + String(repeating: "Para.\n\n", count: 20) + "> [!NOTE]\n> GitHub's.\n"
        #expect(try Self.cutFinely(text).calloutLabelsUsed["note"]?.line == 45)
    }

    /// Notes' headings get their ids after every heading of the text (as
    /// the whole page's render, which lists the notes at the end, gives
    /// them), in the notes' order, whichever piece defines each note.
    @Test(arguments: [RawHTMLPolicy.drop, .allow])
    func noteHeadingPiecesRenderAsTheWholePage(policy: RawHTMLPolicy) {
        let options = MarkdownOptions(rawHTML: policy, images: true)
        let pages = Self.pages(count: 30, blocks: Self.blocks + Self.footnoteBlocks + Self.noteHeadingBlocks + Self.noteHeadingBlocks,
                               seed: 29)
        #expect(Self.expectPiecesAsWhole(pages, options: options) > 60)
    }

    @Test func aNoteHeadingYieldsToTheTextsLaterHeadings() throws {
        let text = "Text[^b] and [^a].\n\n[^a]: A.\n\n    ## Words\n\n[^b]: B.\n\n    ## Words\n\n"
            + String(repeating: "Para.\n\n", count: 20) + "## Words\n"
        let pieces = try Self.cutFinely(text)
        #expect(pieces.headings.map(\.id) == ["words", "words-1", "words-2"])
        #expect(pieces.headings.map(\.line) == [51, 9, 5])
        #expect(pieces.html.contains("<li id=\"fn-1\">\n<p>B.</p>\n<h2 id=\"words-1\">Words</h2>"))
    }

    /// A note with an image is listed after every other of the page's
    /// (which image is the first, not lazy), and a note's heading with a
    /// `{` may set its id (the whole render takes it before every
    /// automatic one): such a page is rendered whole.
    @Test func aNoteWithAnImageOrAnIDIsNotRenderedInPieces() {
        for note in ["[^1]: Note.\n\n    ## A heading in a note {#mine}\n", "[^1]: Note ![image](pic.png).\n"] {
            let text = "Text[^1].\n\n" + String(repeating: "Para.\n\n", count: 20) + note
            #expect(Self.pieces(text, options: MarkdownOptions(), targetSize: 1) == nil)
        }
    }

    @Test func pagesThatCannotBeCutExactlyAreNot() {
        let census = { (text: String) in MarkerCensus(text) }
        for text in [
            "[a]: /one\n\n" + String(repeating: "Para [a].\n\n", count: 50) + "[A]: /two\n",
            "[a]:\n/split\n\n" + String(repeating: "Para [a].\n\n", count: 50),
            "> [a]: /quoted\n\n" + String(repeating: "Para [a].\n\n", count: 50),
            ":::note\n" + String(repeating: "Para.\n\n", count: 50) + ":::\n",
            "=== \"A\"\n    a\n\n=== \"B\"\n    b\n\n=== \"C\"\n    c\n",
            "```\n" + String(repeating: "Para.\n\n", count: 50) + "```\n",
        ] {
            #expect(MarkdownChunks(text, census: census(text), targetSize: 1, threshold: 0) == nil)
        }
    }

    /// Ids the whole page takes first: a `{#id}` further down, a tab's id.
    /// Each piece sees them (a survey of every piece comes first).
    @Test func automaticIDsAvoidIDsSetLaterInThePage() throws {
        let text = "## Mine\n\n## Tab 1 1\n\n" + String(repeating: "Para.\n\n", count: 20)
            + "## Later {#mine}\n\n=== \"A\"\n    a\n\n## Mine\n"
        let pieces = try Self.cutFinely(text)
        #expect(pieces.headings.map(\.id) == ["mine-1", "tab-1-1-1", "mine", "mine-2"])
    }

    /// A piece that leaves a block of another generator's syntax open (had
    /// the line scanner been misled) is not rendered alone: the page is
    /// rendered whole.
    @Test func aPieceLeavingABlockOpenIsNotRenderedAlone() {
        for (text, isFollowed) in [(":::note\nbody\n\n", true), (":::note\nbody\n\n:::\n\n", true), (":::note\nbody\n", false)] {
            let chunk = MarkdownChunks.Chunk(text: text[...], firstLine: 0, endsBeforeNext: isFollowed)
            var page = PageState()
            page.piece = PageState.Piece(chunk)
            let source = SourceText(text, path: "page.md")
            let rendered = MarkdownRenderer.render(source, census: MarkerCensus(text), options: MarkdownOptions(),
                                                   rewriteLink: { _ in nil }, imageSize: { _ in nil }, page: &page)
            #expect((rendered == nil) == (isFollowed && !text.hasSuffix(":::\n\n")))
        }
    }

    /// The bound: a node-dense page of 1 MB (a link, emphasis and a list
    /// item on every line) is parsed in pieces of about `targetSize`, and
    /// renders as the whole page does.
    @Test func aLargePageIsParsedInBoundedPieces() throws {
        var text = ""
        var line = 0
        while text.utf8.count < 1_000_000 {
            line += 1
            text += "- item \(line) with [a link](page\(line % 7).md) and *emphasis* and `code`\n"
            if line % 40 == 0 { text += "\n## Part \(line / 40)\n\nText [ref\(line % 5)].\n\n" }
        }
        text += "\n"
        for number in 0..<5 { text += "[ref\(number)]: /target\(number)\n" }
        let chunks = try #require(MarkdownChunks(text, census: MarkerCensus(text)))
        let longestLine = text.split(separator: "\n").map(\.utf8.count).max() ?? 0
        #expect(chunks.chunks.count > 5)
        for chunk in chunks.chunks {
            // A piece ends at the first safe line after the target: a few lines more.
            #expect(chunk.text.utf8.count <= MarkdownChunks.targetSize + 60 * (longestLine + 1))
        }
        let options = MarkdownOptions(images: true)
        // Rendered in pieces (nil: a piece was not self-contained)...
        let pieces = try #require(Self.pieces(text, options: options, targetSize: MarkdownChunks.targetSize))
        Self.expectSame(pieces, Self.whole(text, options: options))
        // ... which is what `render` does with a page this large.
        let rendered = MarkdownRenderer.render(SourceText(text, path: "page.md"), options: options,
                                               rewriteLink: { "/site/\($0.destination)?line=\($0.line)" })
        Self.expectSame(rendered, Self.whole(text, options: options))
    }
}
