import CCmark
import Foundation
import Testing
@testable import SitegenMarkdown
@testable import SitegenSupport
import SitegenTestSupport

/// sitegen's extensions must never change plain CommonMark: every example of
/// the CommonMark 0.30 spec renders exactly as libcmark alone renders it (safe
/// mode, smart punctuation), apart from the heading ids sitegen adds, and
/// where GitHub's extensions change it on github.com too: three examples
/// have a bare URL or e-mail address as text, which GFM's extended autolinks
/// (a GFM extension to CommonMark) make links.
///
/// How this stays true: the extensions read only what CommonMark leaves as
/// text (tildes, `[ ]` at an item's start, bare URLs, `[^label]`) or whole
/// lines CommonMark has no meaning for (`!!!`, `:::`, `///`, `===` markers),
/// and this suite runs all 652 examples through every one of them.
@Suite struct ConformanceTests {
    static let examples = SpecExample.load(Fixtures.path("specs/commonmark-0.30.txt"))

    @Test func specHasAllExamples() {
        #expect(Self.examples.count == 652)
    }

    /// The examples GFM's extended autolinks change, with github.com's rendering.
    static let autolinkedExamples: [Int: String] = [
        607: "<p>&lt; <a href=\"http://foo.bar\">http://foo.bar</a> &gt;</p>\n",
        610: "<p><a href=\"http://example.com\">http://example.com</a></p>\n",
        611: "<p><a href=\"mailto:foo@bar.example.com\">foo@bar.example.com</a></p>\n",
    ]

    @Test(arguments: examples)
    func matchesLibcmark(_ example: SpecExample) {
        let expected = Self.autolinkedExamples[example.number] ?? Self.libcmarkAlone(example.markdown)
        let actual = Self.removingHeadingIDs(render(example.markdown).html)
        #expect(actual == expected, "\(example.markdown)")
    }

    /// libcmark's own rendering, with no sitegen code in between.
    static func libcmarkAlone(_ markdown: String) -> String {
        let options = CMARK_OPT_SMART
        let document = markdown.withCString { cmark_parse_document($0, strlen($0), options) }!
        defer { cmark_node_free(document) }
        let html = cmark_render_html(document, options)!
        defer { free(html) }
        return String(cString: html)
    }

    static func removingHeadingIDs(_ html: String) -> String {
        html.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
    }
}
