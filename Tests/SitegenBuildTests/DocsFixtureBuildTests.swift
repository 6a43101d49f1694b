import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenSupport
import SitegenTestSupport

/// The docs fixture, built with the shipped theme (its navigation's values
/// are SitegenKitTests' NavigationTests).
@Suite struct DocsFixtureBuildTests {
    /// A copy of Tests/Fixtures/sites/docs with the shipped templates/.
    static func folder() throws -> String {
        let destination = SiteFixtures.temporaryFolder() + "/docs"
        try FileManager.default.copyItem(atPath: SiteFixtures.path("docs"), toPath: destination)
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates").path
        try FileManager.default.copyItem(atPath: templates, toPath: destination + "/templates")
        return destination
    }

    @Test func itBuildsWithTheShippedTheme() throws {
        let (report, output) = try SiteFixtures.build(Self.folder())
        #expect(report.errors.isEmpty, "\(report.errors)")
        for path in ["en/reference/options/page/3/index.html", "nl/reference/options/page/3/index.html",
                     "ar/reference/options/page/2/index.html", "en/guides/writing/index.html"] {
            #expect(FileManager.default.fileExists(atPath: output + "/" + path), "\(path)")
        }
        #expect(!FileManager.default.fileExists(atPath: output + "/ar/reference/options/page/3/index.html"))
        let page = try HTMLPage(output + "/en/guides/publishing/advanced/cdn/index.html")
        #expect(try page.values("//nav[@class='breadcrumbs']//a") == ["Docs fixture", "Guides", "Publishing", "Advanced", "CDN"])
        #expect(try page.value("//nav[@class='breadcrumbs']//a[@aria-current='page']") == "CDN")
        #expect(try page.value("//a[@rel='next']//span[@class='pager-title']") == "Sub-folders")
        let list = try HTMLPage(output + "/en/reference/options/page/2/index.html")
        #expect(try list.values("//head/link[@rel='prev' or @rel='next']/@href") == ["../../", "../3/"])
        #expect(try list.values("//ul[@class='child-list']/li").count == 100)
    }
}
