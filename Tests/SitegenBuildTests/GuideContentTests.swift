import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenSupport
import SitegenTestSupport

/// The shipped guide's content (content/), built with SitegenKit: the
/// decision helper sends every reader who is not sure to guide A and every
/// reader without the activation e-mail to the troubleshooting section on it,
/// every outcome carries the historical note, and every guide links its
/// sources.
@Suite struct GuideContentTests {
    /// The helper's start page and the two guides, per language.
    static let languages: [(code: String, start: String, guideA: String, guideB: String, problems: String, sources: String, historical: String, endDate: String)] = [
        ("nl", "nl/keuzehulp/", "nl/handleiding-a/", "nl/handleiding-b/", "nl/problemen-oplossen/", "nl/bronnen/", "Historische werkwijze", "31 december 2021"),
        ("en", "en/which-guide/", "en/guide-a/", "en/guide-b/", "en/troubleshooting/", "en/sources/", "Historical procedure", "31 December 2021"),
    ]

    /// The built page of a translation key in `language`.
    static func page(_ translationKey: String, in language: (code: String, start: String, guideA: String, guideB: String, problems: String, sources: String, historical: String, endDate: String)) -> String {
        switch translationKey {
        case "guide-a": language.guideA
        case "guide-b": language.guideB
        case "problems": language.problems
        default: "(no page for \(translationKey))"
        }
    }

    // The flow's helpers live in SitegenTestSupport, for SitegenKitTests' suite too.
    static func flow() throws -> DecisionFlow { try SitegenTestSupport.GuideContentTests.flow() }

    static func outcomePaths() throws -> [(step: DecisionStep, outcome: DecisionFlow.Outcome)] {
        try SitegenTestSupport.GuideContentTests.outcomePaths()
    }

    static func isUnsure(_ step: DecisionStep, in flow: DecisionFlow) -> Bool {
        SitegenTestSupport.GuideContentTests.isUnsure(step, in: flow)
    }

    /// The built page a relative link of `file` points to, as a path relative
    /// to the output folder (`nl/handleiding-a/`), and its fragment.
    static func target(of href: String, from file: String) -> (page: String, fragment: String?) {
        let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let folder = (file as NSString).deletingLastPathComponent
        let base = URL(fileURLWithPath: "/site/" + folder + "/" + parts[0]).standardizedFileURL.path
        var page = String(base.dropFirst("/site/".count))
        if !page.hasSuffix("/") { page += "/" }
        return (page, parts.count > 1 ? String(parts[1]) : nil)
    }

    @Test func everyNotSurePathOfTheBuiltHelperRecommendsGuideA() throws {
        let flow = try Self.flow()
        let (report, output) = try SiteFixtures.build(Fixtures.repository.path)
        #expect(report.errors.isEmpty, "\(report.errors)")
        for language in Self.languages {
            for (step, _) in try Self.outcomePaths() where Self.isUnsure(step, in: flow) {
                let file = language.start + step.relativeFolder + "index.html"
                let page = try HTMLPage(output + "/" + file)
                let href = try #require(try page.value("//article[@class='outcome']//a[@class='button']/@href"), "\(file)")
                #expect(Self.target(of: href, from: file).page == language.guideA, "\(file) recommends \(href)")
            }
        }
    }

    /// Each outcome page says, in its own text, that the procedure is
    /// historical: a paragraph headed "Historical procedure" that names
    /// November 2014 and the end of Open License.
    @Test func everyOutcomePageCarriesTheHistoricalNote() throws {
        let (_, output) = try SiteFixtures.build(Fixtures.repository.path)
        let paths = try Self.outcomePaths()
        #expect(paths.count == 15)
        for language in Self.languages {
            for (step, _) in paths {
                let file = language.start + step.relativeFolder + "index.html"
                let page = try HTMLPage(output + "/" + file)
                let notes = try page.values("//article[@class='outcome']/div[@class='content']//p[strong]")
                #expect(notes.contains { $0.hasPrefix(language.historical) && $0.contains("2014") && $0.contains(language.endDate) }, "\(file): no historical note")
            }
        }
    }

    /// The recommended section of each outcome exists on its page, and
    /// guide B's outcome starts at "what you need".
    @Test func outcomesLinkToSectionsThatExist() throws {
        let (_, output) = try SiteFixtures.build(Fixtures.repository.path)
        for language in Self.languages {
            for (step, outcome) in try Self.outcomePaths() {
                let file = language.start + step.relativeFolder + "index.html"
                let page = try HTMLPage(output + "/" + file)
                let href = try #require(try page.value("//article[@class='outcome']//a[@class='button']/@href"), "\(file)")
                let (target, fragment) = Self.target(of: href, from: file)
                #expect(target == Self.page(outcome.recommend.translationKey, in: language), "\(file)")
                #expect(fragment == outcome.recommend.anchor, "\(file)")
                let guide = try HTMLPage(output + "/" + target + "index.html")
                #expect(try !guide.nodes("//*[@id='\(fragment ?? "")']").isEmpty, "\(file): \(href) has no such id")
                if outcome.recommend.translationKey == "guide-b" {
                    #expect(fragment == "before-you-start", "\(file)")
                }
            }
        }
    }

    /// Both guides carry the historical note and link to the sources page.
    @Test func everyGuideLinksItsSources() throws {
        let (_, output) = try SiteFixtures.build(Fixtures.repository.path)
        for language in Self.languages {
            for guide in [language.guideA, language.guideB] {
                let file = guide + "index.html"
                let page = try HTMLPage(output + "/" + file)
                let links = try page.values("//main//a/@href").map { Self.target(of: $0, from: file).page }
                #expect(links.contains(language.sources), "\(file) does not link to \(language.sources)")
                let notes = try page.values("//div[contains(@class, 'callout')]")
                #expect(notes.contains { $0.contains(language.historical) && $0.contains("2014") && $0.contains(language.endDate) }, "\(file): no historical note")
            }
        }
    }
}
