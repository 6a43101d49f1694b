import CCmark
import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenPreview
@testable import SitegenSupport

/// sitegen's extensions must never change plain CommonMark: every example of
/// the CommonMark 0.30 spec renders exactly as libcmark alone renders it (safe
/// mode, smart punctuation), apart from the heading ids sitegen adds.
@Suite struct ConformanceTests {
    static let examples = SpecExample.load(Fixtures.path("specs/commonmark-0.30.txt"))

    @Test func specHasAllExamples() {
        #expect(Self.examples.count == 652)
    }

    @Test(arguments: examples)
    func matchesLibcmark(_ example: SpecExample) {
        let expected = Self.libcmarkAlone(example.markdown)
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
