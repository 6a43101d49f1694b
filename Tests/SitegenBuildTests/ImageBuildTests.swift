import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenSupport
import SitegenTestSupport

/// Images and raw HTML in a whole build (the renderer's are SitegenKitTests' ImageTests).
@Suite struct ImageBuildTests {
    /// Raw HTML kept by `rawHTML: allow`: `img` and `a` targets rewritten
    /// like Markdown's (and checked), ids anchors, sizes added.
    @Test func rawHTMLLinksAreCheckedAndRewritten() throws {
        let site = try SiteFixtures.copy("shortcodes", settings: "markdown:\n  rawHTML: allow\n")
        let page = """
            ---
            title: Raw
            ---

            <p id="raw-anchor">See <a href="guide/index.md#setup">setup</a>
            and <img src="guide/small.png" alt="An orange square">.</p>

            Inline <a href="index.md">home</a>; [up](#raw-anchor).
            """
        try page.write(toFile: site + "/content/en/raw.md", atomically: true, encoding: .utf8)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.errors.isEmpty, "\(report.errors)")
        let html = try String(contentsOfFile: output + "/en/raw/index.html", encoding: .utf8)
        #expect(html.contains(#"<p id="raw-anchor">See <a href="../guide/#setup">setup</a>"#))
        #expect(html.contains(#"<img width="120" height="80" src="../guide/small.png" alt="An orange square">"#), "the page's first image: not lazy")
        #expect(html.contains(##"Inline <a href="../">home</a>; <a href="#raw-anchor">up</a>"##))

        try (page + "\n\n<a href=\"missing.md\">x</a> <a href=\"#nope\">y</a>\n").write(toFile: site + "/content/en/raw.md", atomically: true, encoding: .utf8)
        let (broken, _) = try SiteFixtures.build(site)
        #expect(broken.errors.map(\.description) == [
            "content/en/raw.md:10:10: error: link target 'missing.md' does not exist (looked for content/en/missing.md)",
            "content/en/raw.md:10:37: error: anchor '#nope' does not exist in content/en/raw.md; its ids are: raw-anchor",
        ])
    }
}
