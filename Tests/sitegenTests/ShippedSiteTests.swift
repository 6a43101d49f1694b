import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenPreview
@testable import SitegenSupport
import SitegenTestSupport

/// The site in this repository (sitegen.yml, content/, templates/): sitegen's
/// first real user must build cleanly.
@Suite struct ShippedSiteTests {
    static func build() throws -> (BuildReport, String) {
        try SiteFixtures.build(Fixtures.repository.path)
    }

    @Test func buildsWithoutErrorsOrWarnings() throws {
        let (report, _) = try Self.build()
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.pagesPerLanguage.map(\.language) == ["nl", "en"])
        #expect(report.pagesPerLanguage.allSatisfy { $0.pages >= 1 })
    }

    @Test func everyPageIsWellFormedWithOneH1() throws {
        let (_, output) = try Self.build()
        let pages = SiteFixtures.snapshot(output).keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.count >= 4)
        for file in pages {
            let page = try HTMLPage(output + "/" + file)
            #expect(try page.nodes("//h1").count == 1, "\(file)")
            #expect(try page.value("/html/@lang")?.isEmpty == false, "\(file)")
            #expect(try page.nodes("//script[not(@src)] | //style | //*[@style]").isEmpty, "\(file): inline script or style")
        }
    }

    @Test func everyPageHasATranslationInTheOtherLanguage() throws {
        let (_, output) = try Self.build()
        for file in SiteFixtures.snapshot(output).keys where file.hasPrefix("nl/") && file.hasSuffix(".html") {
            let page = try HTMLPage(output + "/" + file)
            let english = try page.value("//a[@hreflang='en']/@href")
            #expect(english != nil, "\(file)")
            if let english {
                let target = URL(fileURLWithPath: output + "/" + (file as NSString).deletingLastPathComponent + "/" + english)
                    .standardizedFileURL.path + "/index.html"
                #expect(FileManager.default.fileExists(atPath: target), "\(file) -> \(english)")
            }
        }
    }

    /// Every English page records the version of its Dutch original it
    /// translates, and that is the original as it is now.
    @Test func everyTranslationIsCurrent() throws {
        let (loaded, diagnostics) = try TranslationReport.load(site: Fixtures.repository.path)
        #expect(diagnostics.map(\.description) == [])
        let report = try #require(loaded)
        #expect(report.isComplete)
        #expect(report.languages.map(\.language.code) == ["en"])
        #expect(report.languages.allSatisfy { $0.counts.current == report.originalCount && $0.counts.extra == 0 })
        #expect(report.uiStrings.allSatisfy { $0.missing.isEmpty && $0.extra.isEmpty })
        let result = try CommandLineTests.run(["translations", "--strict", "--source", Fixtures.repository.path])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasSuffix("\nEverything is current.\n"))
    }
}
