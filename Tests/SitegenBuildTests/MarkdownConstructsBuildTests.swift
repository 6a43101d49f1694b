import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenSupport
import SitegenTestSupport

/// The constructs fixture built whole (its pages' Markdown is SitegenKitTests'
/// MarkdownConstructsTests).
@Suite struct MarkdownConstructsBuildTests {
    @Test func theFixtureBuildsWithoutErrorsOrWarningsAboutItsMarkdown() throws {
        let (report, output) = try SiteFixtures.build(SiteFixtures.copy("constructs"))
        #expect(report.errors.isEmpty)
        #expect(report.warnings.allSatisfy { $0.kind == "missing translations" }, "\(report.warnings)")
        let dutch = try String(contentsOfFile: output + "/nl/index.html", encoding: .utf8)
        #expect(dutch.contains(">Waarschuwing</p>"))
        #expect(dutch.contains(">Gevaar</summary>"))
        #expect(dutch.contains("<h2 id=\"footnotes-label\">Voetnoten</h2>"))
        #expect(dutch.contains("aria-label=\"Terug naar de tekst\""))
    }
}
