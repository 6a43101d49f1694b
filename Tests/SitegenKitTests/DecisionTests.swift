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

/// The decision helper: the flow's structure (one broken fixture flow per
/// kind of mistake), the words per language, and the pages a build makes.
@Suite struct DecisionFlowTests {
    static func parse(_ name: String) throws -> (DecisionFlow?, [String]) {
        let text = try String(contentsOfFile: Fixtures.path("decisions/\(name).yml"), encoding: .utf8)
        let (flow, diagnostics) = DecisionFlow.parse(SourceText(text, path: "\(name).yml"), id: name)
        return (flow, diagnostics.map(\.description))
    }

    @Test func goodFlowHasOnePagePerPath() throws {
        let (flow, diagnostics) = try Self.parse("good")
        #expect(diagnostics.isEmpty)
        let steps = try #require(flow?.paths())
        #expect(steps.map(\.relativeFolder) == [
            "first/", "first-yes/second/", "first-yes/second-yes/outcome-b/", "first-yes/second-no/outcome-a/",
            "first-yes/second-unsure/outcome-a/", "first-no/outcome-a/", "first-unsure/outcome-a/",
        ])
    }

    @Test(arguments: [
        ("unknown-target", [
            "unknown-target.yml:5:12: error: answer 'yes' of question 'first' leads to 'second', which is no question or outcome of this flow",
            "unknown-target.yml:6:11: error: answer 'no' of question 'first' leads to 'nowhere', which is no question or outcome of this flow",
            "unknown-target.yml:8:3: error: outcome 'done' cannot be reached from the start; lead an answer to it or remove it",
        ]),
        ("leads-nowhere", [
            "leads-nowhere.yml:3:3: error: question 'first' has 1 answer; a question needs at least two",
            "leads-nowhere.yml:6:7: error: answer 'no' of question 'first' leads nowhere; name a question or an outcome",
        ]),
        ("unreachable", [
            "unreachable.yml:7:3: error: question 'lonely' cannot be reached from the start; lead an answer to it or remove it",
            "unreachable.yml:14:3: error: outcome 'forgotten' cannot be reached from the start; lead an answer to it or remove it",
        ]),
        ("cycle", [
            "cycle.yml:9:12: error: the flow goes round in a circle: first -> second -> first; every path must end in an outcome",
        ]),
        ("one-answer", [
            "one-answer.yml:3:3: error: question 'first' has 1 answer; a question needs at least two",
        ]),
        ("no-unsure", [
            "no-unsure.yml:4:3: error: question 'first' has no 'unsure' answer (unsureAnswer); every question offers it",
        ]),
        ("bad-start", [
            "bad-start.yml:1:8: error: start 'done' is not a question of this flow",
        ]),
    ])
    func brokenFlowsAreLocatedErrors(name: String, expected: [String]) throws {
        let (flow, diagnostics) = try Self.parse(name)
        #expect(flow == nil)
        #expect(diagnostics.sorted() == expected.sorted())
    }

    @Test func graphsShowEveryAnswer() throws {
        let (flow, _) = try Self.parse("good")
        let mermaid = DecisionGraph.mermaid(try #require(flow), words: nil)
        #expect(mermaid.hasPrefix("flowchart TD\n"))
        #expect(mermaid.contains("  first -->|yes| second\n"))
        #expect(mermaid.contains("  second -->|unsure| outcome_a\n"))
        let dot = DecisionGraph.dot(try #require(flow), words: nil)
        #expect(dot.hasPrefix("digraph \"good\" {\n"))
        #expect(dot.contains("  \"first\" -> \"second\" [label=\"yes\"];\n"))
        #expect(dot.contains("  \"outcome-b\" [shape=box"))
    }
}

@Suite struct DecisionWordsTests {
    static let flow: DecisionFlow = {
        let text = try! String(contentsOfFile: Fixtures.path("decisions/good.yml"), encoding: .utf8)
        return DecisionFlow.parse(SourceText(text, path: "good.yml"), id: "helper").0!
    }()

    static func parse(_ yaml: String) -> [String] {
        DecisionWords.parse(frontMatter: yaml, file: "content/en/choose.md", firstLine: 2, flows: ["helper": flow]).2.map(\.description)
    }

    @Test func missingTextsAndOtherStructureAreErrors() {
        let yaml = """
            title: Helper
            decision:
              flow: helper
              startButton: Start
              questions:
                first:
                  text: First?
                  answers:
                    yes: "Yes"
                    maybe: Maybe
                extra:
                  text: Extra?
              outcomes:
                outcome-a:
                  title: A
                  text: Because.

            """
        #expect([
            "content/en/choose.md:11:9: error: answer 'maybe' is not an answer of question 'first' in flow 'helper'",
            "content/en/choose.md:10:9: error: the label of answer 'no' of question 'first' is missing",
            "content/en/choose.md:10:9: error: the label of answer 'unsure' of question 'first' is missing",
            "content/en/choose.md:12:5: error: question 'extra' is not in flow 'helper' (good.yml); every language has the flow's questions and no others",
            "content/en/choose.md:7:5: error: the words of question 'second' are missing",
            "content/en/choose.md:15:5: error: the words of outcome 'outcome-b' are missing",
        ].sorted() == Self.parse(yaml).sorted())
    }

    @Test func unknownFlowIsAnError() {
        #expect(Self.parse("decision:\n  flow: other\n") == [
            "content/en/choose.md:3:9: error: decision flow 'other' does not exist; add content/_decisions/other.yml"
        ])
    }
}

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
