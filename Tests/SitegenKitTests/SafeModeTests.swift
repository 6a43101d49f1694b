import Testing
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenPreview
@testable import SitegenSupport

@Suite struct SafeModeTests {
    @Test func rawHTMLIsOmitted() {
        #expect(html("<script>alert(1)</script>") == "<!-- raw HTML omitted -->\n")
        #expect(html("a <b onclick=\"x()\">b</b>") == "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --></p>\n")
    }

    @Test(arguments: ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "vbscript:msgbox", "file:///etc/passwd", "data:text/html;base64,PHNjcmlwdD4="])
    func dangerousLinkURLsAreEmptied(url: String) {
        #expect(html("[x](\(url))") == "<p><a href=\"\">x</a></p>\n")
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
