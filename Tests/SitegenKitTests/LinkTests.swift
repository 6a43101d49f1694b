import Testing
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenSupport
import SitegenTestSupport

@Suite struct LinkTests {
    @Test func linksAndImagesAreListedWithTheirPlace() {
        let rendered = render("# Start\n\nSee [guide A](handleiding-a.md#stap-2)\nand ![logo](logo.png \"Logo\").\n\n> [!NOTE]\n> Also [B](handleiding-b.md).")
        #expect(rendered.links == [
            MarkdownLink(kind: .link, destination: "handleiding-a.md#stap-2", line: 3, column: 5),
            MarkdownLink(kind: .image, destination: "logo.png", line: 4, column: 5),
            MarkdownLink(kind: .link, destination: "handleiding-b.md", line: 7, column: 8),
        ])
    }

    @Test func wrappedLinkTextKeepsTheLineOfItsStart() {
        let rendered = render("Intro\n\nsee [text that\nwraps *over*\nthree lines](a.md) and ![an\nimage](b.png)")
        #expect(rendered.links.map { [$0.line, $0.column] } == [[3, 5], [5, 24]])
    }

    /// An autolink (`<...>`) never wraps: it keeps its own line, not that
    /// of a `[` above it in the same column.
    @Test func anAutolinkKeepsItsLine() {
        let rendered = render("[a](a.md)\n\n<https://example.com/x>\n")
        #expect(rendered.links.map { [$0.line, $0.column] } == [[1, 1], [3, 1]])
    }

    @Test func referenceDefinitionUnderATableIsNotARow() {
        let rendered = render("| a |\n|---|\n| [x][two] |\n[two]:\n  two.md\n  \"Title\"")
        #expect(rendered.html.contains("<td data-label=\"a\"><a href=\"two.md\" title=\"Title\">x</a></td>"))
        #expect(rendered.html.components(separatedBy: "<tr>").count == 3)
        #expect(!rendered.html.contains("two.md\n"))
    }

    @Test func columnsCountCharactersNotBytes() {
        let rendered = render("Één — [x](a.md)")
        #expect(rendered.links.first?.column == 7)
    }

    /// Read by bytes for ASCII schemes (issue 30), by Unicode's letters otherwise, as before.
    @Test func externalDestinationsHaveASchemeOrStartWithTwoSlashes() {
        for external in ["https://example.org", "mailto:a@b.c", "ftp:x", "git+ssh://h/r", "x-y.z:1", "//cdn.example/x", "tél:1", "HTTPS://X"] {
            #expect(LinkResolver.isExternal(external), "\(external)")
        }
        for local in ["guide.md", "a/b.md#x:y", ":x", "1ab:c", "a b:c", "/x/", "a_b:c", "é/x.md", "?q=a:b"] {
            #expect(!LinkResolver.isExternal(local), "\(local)")
        }
    }

    /// Split by bytes (issue 30): the first `#` starts the fragment, a `?`
    /// before it the query; both may hold the other and non-ASCII text.
    @Test(arguments: [
        ("a.md", "a.md", nil, nil), ("a.md#x", "a.md", nil, "x"), ("a.md?q=1", "a.md", "q=1", nil),
        ("a.md?q#f", "a.md", "q", "f"), ("a.md#f?q", "a.md", nil, "f?q"), ("#top", "", nil, "top"), ("?", "", "", nil),
        ("é.md#ü", "é.md", nil, "ü"), ("a.md##", "a.md", nil, "#"), ("日本.md?ä#ö", "日本.md", "ä", "ö"),
    ] as [(String, String, String?, String?)])
    func destinationParts(destination: String, path: String, query: String?, fragment: String?) {
        let parts = LinkResolver.parts(of: destination)
        #expect(parts.path == path && parts.query == query && parts.fragment == fragment, "\(destination)")
    }

    @Test func linksAreLeftAsWrittenByDefault() {
        #expect(html("[a](page.md#x)") == "<p><a href=\"page.md#x\">a</a></p>\n")
    }

    @Test func rewriteChangesTheHTMLButNotTheList() {
        let rendered = MarkdownRenderer.render(SourceText("## [Guide](guide.md)\n\n| x |\n|---|\n| [y](guide.md#a) |", path: "p.md")) { link in
            link.destination.replacingOccurrences(of: "guide.md", with: "../guide/")
        }
        #expect(rendered.html.contains("<h2 id=\"guide\"><a href=\"../guide/\">Guide</a></h2>"))
        #expect(rendered.html.contains("<td data-label=\"x\"><a href=\"../guide/#a\">y</a></td>"))
        #expect(rendered.links.map(\.destination) == ["guide.md", "guide.md#a"])
    }

    @Test func rewrittenURLsAreEscapedByCmark() {
        let rendered = MarkdownRenderer.render(SourceText("[a](x.md)", path: "p.md")) { _ in "a\"b<c" }
        #expect(rendered.html == "<p><a href=\"a%22b%3Cc\">a</a></p>\n")
    }
}
