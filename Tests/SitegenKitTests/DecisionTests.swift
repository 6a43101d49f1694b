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
