import Testing
@testable import SitegenMarkdown
@testable import SitegenSupport
import SitegenTestSupport

@Suite struct SafeModeTests {
    @Test func rawHTMLIsOmitted() {
        #expect(html("<script>alert(1)</script>") == "<!-- raw HTML omitted -->\n")
        #expect(html("a <b onclick=\"x()\">b</b>") == "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --></p>\n")
    }

    @Test(arguments: ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "vbscript:msgbox", "file:///etc/passwd", "data:text/html;base64,PHNjcmlwdD4="])
    func dangerousLinkURLsAreEmptied(url: String) {
        #expect(html("[x](\(url))") == "<p><a href=\"\">x</a></p>\n")
    }

    @Test func droppedRawHTMLIsOneWarningPerFileWithTheFirstPlace() {
        let rendered = render("Intro\n\n<details>\n<summary>More</summary>\n\nText<br>\n\n</details>\n\n<!-- a comment -->\n")
        #expect(rendered.diagnostics.map(\.description) == [
            "test.md:3:1: warning: 2 raw HTML blocks and 1 raw HTML tag dropped (first here); set markdown.rawHTML: allow in sitegen.yml to keep them"
        ])
        #expect(render("Just <!-- a comment -->").diagnostics.isEmpty)
    }

    @Test func allowedRawHTMLIsKeptAndURLsStaySafe() {
        let allow = MarkdownOptions(rawHTML: .allow)
        let rendered = render("<details>\n<summary>More</summary>\n\nText<br><a id=\"old\"></a>\n\n</details>\n\n[x](javascript:alert(1))", options: allow)
        #expect(rendered.html == "<details>\n<summary>More</summary>\n<p>Text<br><a id=\"old\"></a></p>\n</details>\n<p><a href=\"\">x</a></p>\n")
        #expect(rendered.diagnostics.isEmpty)
        // In a table cell too.
        #expect(render("| a |\n|---|\n| x<br>y |", options: allow).html.contains("x<br>y"))
    }

    @Test func dataImagesAreKept() {
        #expect(html("![dot](data:image/png;base64,iVBORw0KGgo=)").contains("src=\"data:image/png;base64,iVBORw0KGgo=\""))
    }

    @Test func rawHTMLInTableCellsAndCalloutsIsOmitted() {
        let output = html("> [!NOTE]\n> <img src=x onerror=alert(1)>\n\n| a |\n|---|\n| <script>x</script> |")
        #expect(!output.contains("<img"))
        #expect(!output.contains("<script"))
    }

    @Test func dangerousURLsInTableCellsAreEmptied() {
        #expect(html("| a |\n|---|\n| [x](javascript:alert(1)) |").contains("<a href=\"\">x</a>"))
    }
}
