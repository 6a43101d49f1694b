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
/// are DocsFixtureTests below).
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

/// The docs fixture, loaded and resolved: its navigation's values.
enum DocsFixture {
    static func site() throws -> Site {
        let (source, _) = try SiteLoader.load(SiteFixtures.path("docs"))
        let config = try #require(SiteConfig.parse(source.config.text, file: source.config.path).0)
        return SiteResolver.resolve(source, config: config).0
    }
}

@Suite struct DocsFixtureTests {
    typealias S = NavigationSite

    @Test func fallbackPagesStayInTheTreeMarked() throws {
        let site = try DocsFixture.site()
        let context = try S.context(site, "nl/reference/options/")
        let children = S.list(context["children"])
        #expect(children.count == 100)
        #expect(children.allSatisfy { S.field($0, "isFallback")?.isFalsy == false && S.text(S.field($0, "lang")) == "en" })
        // The switcher on a fallback page of the list goes to the same page.
        let fallback = try S.context(site, "nl/reference/options/page/3/")
        let english = S.list(fallback["translations"]).first { S.text(S.field($0, "code")) == "en" }
        #expect(S.text(S.field(english, "url")) == "../../../../../en/reference/options/page/3/")
        // Omitted in Arabic: the about page is not in its tree.
        let arabic = try #require(site.sectionTree(of: "ar"))
        #expect(!arabic.nodes.contains { $0.page.translationKey == "about" })
        #expect(site.sectionTree(of: "nl")!.nodes.contains { $0.page.translationKey == "about" && $0.page.isFallback })
    }

    @Test func decisionStepsAndDraftsAreNotInTheTree() throws {
        let site = try DocsFixture.site()
        let tree = try #require(site.sectionTree(of: "en"))
        #expect(!tree.nodes.contains { $0.page.metadata.draft })
        #expect(!tree.nodes.contains { $0.page.decision?.isStep == true })
        #expect(site.pages.count(where: { $0.sourcePath.hasSuffix("unfinished.md") }) == 0)
    }
}
