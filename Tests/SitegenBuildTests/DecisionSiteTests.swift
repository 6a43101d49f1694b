import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenSupport
import SitegenTestSupport

/// The good fixture's decision helper, built (its flow and words are
/// SitegenKitTests' DecisionTests).
@Suite struct DecisionSiteTests {
    static func built() throws -> String {
        let (report, output) = try SiteFixtures.build(SiteFixtures.path("good"))
        #expect(report.errors.isEmpty, "\(report.errors)")
        return output
    }

    @Test func startPageLinksTheFirstQuestion() throws {
        let page = try HTMLPage(Self.built() + "/nl/keuze/index.html")
        #expect(try page.value("//a[@class='start']/@href") == "first/")
        #expect(try page.value("//a[@class='start']") == "Begin")
    }

    @Test func questionPageHasItsAnswersAsLinksAndABackLink() throws {
        let page = try HTMLPage(Self.built() + "/nl/keuze/first-yes/second/index.html")
        #expect(try page.value("//h1") == "Tweede vraag?")
        #expect(try page.values("//ul[@class='answers']//a") == ["Ja", "Nee", "Weet ik niet"])
        #expect(try page.values("//ul[@class='answers']//a/@href") == [
            "../second-yes/outcome-b/", "../second-no/outcome-a/", "../second-unsure/outcome-a/",
        ])
        #expect(try page.value("//a[@class='back']/@href") == "../../first/")
        let first = try HTMLPage(Self.built() + "/nl/keuze/first/index.html")
        #expect(try first.value("//a[@class='back']/@href") == "../")
        #expect(try first.value("//div[@class='hint']//a/@href") == "../../over/#wie")
    }

    @Test func outcomeListsTheAnswersWithChangeLinks() throws {
        let page = try HTMLPage(Self.built() + "/nl/keuze/first-yes/second-no/outcome-a/index.html")
        #expect(try page.value("//h1") == "Kies A")
        #expect(try page.value("//div[@class='why']/p") == "Omdat A past.")
        #expect(try page.values("//dl[@class='given']/dt") == ["Eerste vraag?", "Tweede vraag?"])
        #expect(try page.values("//dl[@class='given']/dd[not(a)]") == ["Ja", "Nee"])
        #expect(try page.values("//dl[@class='given']//a/@href") == ["../../../first/", "../../second/"])
        #expect(try page.value("//a[@class='recommend']/@href") == "../../../../handleidingen/handleiding-a/#stap-2")
        #expect(try page.value("//a[@class='alternative']/@href") == "../../../../over/")
        #expect(try page.value("//a[@class='restart']/@href") == "../../../")
    }

    @Test func languageSwitcherKeepsTheReaderOnTheSameStep() throws {
        let page = try HTMLPage(Self.built() + "/nl/keuze/first-yes/second/index.html")
        #expect(try page.values("//nav[@class='languages']//a/@href") == [
            "./", "../../../../en/choose/first-yes/second/", "../../../../ar/",
        ])
    }

    @Test func everyAnswerLinkLeadsToABuiltPage() throws {
        let output = try Self.built()
        for file in SiteFixtures.snapshot(output).keys.sorted() where file.contains("/keuze/") || file.contains("/choose/") {
            let page = try HTMLPage(output + "/" + file)
            let folder = (file as NSString).deletingLastPathComponent
            for href in try page.values("//ul[@class='answers']//a/@href | //dl[@class='given']//a/@href | //a[@class='back']/@href") {
                let target = URL(fileURLWithPath: output + "/" + folder + "/" + href).standardizedFileURL.path + "/index.html"
                #expect(FileManager.default.fileExists(atPath: target), "\(file) -> \(href)")
            }
        }
    }
}
