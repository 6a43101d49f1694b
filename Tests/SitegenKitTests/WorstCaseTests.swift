import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenSupport
import SitegenTestSupport

/// Inputs an adversarial run used to make the build slow or fail badly. Each
/// test has a time limit instead of a timing assertion: before the fixes they
/// took from half a minute to well over a minute; now each takes well under
/// a second or two in a debug build. One at a time: they are heavy, and
/// running two at once on a 2-core machine kept the preview server test from
/// being scheduled in time.
@Suite(.serialized) struct WorstCaseTests {
    // MARK: Heading ids

    /// Quadratic before: every duplicate tried `a-1`, `a-2`... from the start.
    @Test(.timeLimit(.minutes(1)))
    func manyIdenticalHeadingsGetNumberedIDsQuickly() {
        let count = 30_000
        let rendered = MarkdownRenderer.render(SourceText(String(repeating: "## a\n\n", count: count), path: "many.md"))
        #expect(rendered.headings.count == count)
        #expect(rendered.headings.map(\.id) == ["a"] + (1..<count).map { "a-\($0)" })
        #expect(rendered.diagnostics.isEmpty)
    }

    /// The numbering rules stay as they were: explicit ids and reserved ids are
    /// taken first; an automatic id is the slug, else the slug with the lowest
    /// free number; a heading whose own slug looks numbered (`a-1`) is not
    /// renumbered but pushes later duplicates past it.
    @Test func numberingSkipsIDsTakenInAnyWay() {
        let markdown = """
            # a
            # a-1
            # a
            # A {#a-3}
            # a
            # a
            # a-1
            # a-2
            # main
            # main
            """
        let rendered = MarkdownRenderer.render(SourceText(markdown, path: "mix.md"), options: MarkdownOptions(reservedIDs: ["main", "a-5"]))
        #expect(rendered.headings.map(\.id) == ["a", "a-1", "a-2", "a-3", "a-4", "a-6", "a-1-1", "a-2-1", "main-1", "main-2"])
    }

    // MARK: Link positions

    /// Quadratic before: each link's column was counted from the start of its line.
    @Test(.timeLimit(.minutes(1)))
    func manyLinksOnOneLineAreLocatedQuickly() {
        let count = 100_000
        let rendered = MarkdownRenderer.render(SourceText(String(repeating: "[é](x) ", count: count), path: "links.md"))
        #expect(rendered.links.count == count)
        // "[é](x) " is 7 scalars (8 bytes): columns count scalars.
        #expect(rendered.links.first.map { [$0.line, $0.column] } == [1, 1])
        #expect(rendered.links.last.map { [$0.line, $0.column] } == [1, 7 * (count - 1) + 1])
        #expect(rendered.links.allSatisfy { $0.line == 1 && ($0.column - 1) % 7 == 0 })
    }

    /// Links on several lines, in block quotes and table cells, out of order of
    /// their byte offsets (a cell's link is recorded after its paragraph's).
    @Test func linkPositionsOnManyLines() {
        let markdown = "ä [a](1)\n> b [b](2) [c](3)\n\n| x | y |\n|---|---|\n| [d](4) | ö [e](5) |\n\n[f](6)\n"
        let links = MarkdownRenderer.render(SourceText(markdown, path: "l.md")).links
        #expect(links.map { "\($0.destination)@\($0.line):\($0.column)" } == ["1@1:3", "2@2:5", "3@2:12", "4@6:3", "5@6:14", "6@8:1"])
    }

    // MARK: Decision flows

    static func chainSite(questions: Int, words withWords: Bool = true) throws -> String {
        try SitegenTestSupport.WorstCaseTests.chainSite(questions: questions, words: withWords)
    }

    /// Counting by dynamic programming: branches that meet again multiply the
    /// paths. 10 diamonds in a row make 2^10 ways to the last outcome.
    @Test(.timeLimit(.minutes(1)))
    func pageCountIsCountedWithoutExpanding() throws {
        func flow(diamonds: Int) -> DecisionFlow {
            var text = "start: q1\nquestions:\n"
            for index in 1...diamonds {
                let next = index == diamonds ? "end" : "q\(index + 1)"
                text += "  q\(index):\n    answers:\n      yes: \(next)\n      no: \(next)\n"
            }
            text += "outcomes:\n  end:\n    recommend: over\n"
            let (flow, problems) = DecisionFlow.parse(SourceText(text, path: "d.yml"), id: "d")
            #expect(problems.isEmpty)
            return flow!
        }
        // 1 + 2 + 4 + ... + 2^8 question pages and 2^9 outcome pages.
        #expect(flow(diamonds: 9).pageCount(limit: 2_000) == 1_023)
        #expect(flow(diamonds: 9).paths()?.count == 1_023)
        #expect(flow(diamonds: 10).pageCount(limit: 2_047) == 2_047)
        #expect(flow(diamonds: 10).pageCount(limit: 2_046) == nil)
        #expect(flow(diamonds: 10).paths() == nil)
        // 60 diamonds would be 2^60 paths: counting stops at the limit.
        #expect(flow(diamonds: 60).pageCount(limit: 2_000) == nil)
        #expect(flow(diamonds: 60).paths() == nil)
    }
}

extension WorstCaseTests {
    /// The words of a flow with many questions are matched to the flow by
    /// key, not by searching the front matter's mapping for each question.
    @Test(.timeLimit(.minutes(1)))
    func wordsOfManyQuestionsAreReadQuickly() throws {
        let site = try Self.chainSite(questions: 5_000)
        let flowText = try String(contentsOfFile: site + "/content/_decisions/helper.yml", encoding: .utf8)
        let (flow, flowProblems) = DecisionFlow.parse(SourceText(flowText, path: "helper.yml"), id: "helper")
        #expect(flowProblems.isEmpty)
        let page = try String(contentsOfFile: site + "/content/en/choose.md", encoding: .utf8)
        let yaml = page.dropFirst(4).components(separatedBy: "\n---\n")[0]
        let (words, _, problems) = DecisionWords.parse(frontMatter: yaml, file: "choose.md", firstLine: 2, flows: ["helper": try #require(flow)])
        #expect(problems.isEmpty)
        #expect(words?.questions.count == 5_000)
        #expect(words?.questions["q4999"]?.answers["unsure"] == "Not sure")
    }
}

extension WorstCaseTests {
    /// The ids of the old search (try the slug, then `-1`, `-2`... from 1 each
    /// time), for mixes of repeated, numbered-looking, explicit and reserved ids.
    @Test func headingIDsMatchTheSimpleSearch() {
        let texts = ["a", "a", "a-1", "a-2", "A", "a 1", "b", "b-1", "a {#a-2}", "b {#a-1-1}", "main", "x {#b-2}"]
        var seed: UInt64 = 12_345
        for _ in 0..<50 {
            var headings: [String] = []
            for _ in 0..<40 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                headings.append(texts[Int(seed >> 33) % texts.count])
            }
            let reserved: Set<String> = ["main", "a-3"]
            // The old rules: explicit ids first, then the others in order.
            var taken = reserved
            for text in headings where text.contains("{#") {
                taken.insert(String(text.split(separator: "#")[1].dropLast()))
            }
            let expected = headings.map { text -> String in
                if text.contains("{#") { return String(text.split(separator: "#")[1].dropLast()) }
                let base = HeadingAnchors.slug(text)
                var candidate = base
                var counter = 1
                while taken.contains(candidate) {
                    candidate = "\(base)-\(counter)"
                    counter += 1
                }
                taken.insert(candidate)
                return candidate
            }
            let markdown = headings.map { "## " + $0 }.joined(separator: "\n")
            let rendered = MarkdownRenderer.render(SourceText(markdown, path: "mix.md"), options: MarkdownOptions(reservedIDs: reserved))
            #expect(rendered.headings.map(\.id) == expected, "\(headings)")
        }
    }
}

extension WorstCaseTests {
    /// Counting columns on from the previous node gives what counting from
    /// the line start gives, in document order and in any other order.
    @Test func nodeLocationsMatchCountingFromTheLineStart() {
        let text = "# Tïtel *ä* [x](y)\n\n> ö [a](1) **ü** `c` [b](2)\n>\n> - é [c](3)\n\n| ä | [d](4) |\n|---|---|\n| [e](5) ö | ü [f](6) |\n\n日本 [g](7) 語 ![h](8)\n"
        let markdown = ParsedMarkdown(SourceText(text, path: "t.md"))
        PipeTableTransform.apply(to: markdown)
        var nodes: [MarkdownNode] = []
        markdown.document.walk { event, node in
            if event == .enter && node.type != .document { nodes.append(node) }
        }
        #expect(nodes.count > 30)
        for order in [nodes, nodes.reversed(), nodes.enumerated().sorted { ($0.offset * 7) % 11 < ($1.offset * 7) % 11 }.map(\.element)] {
            for node in order {
                let (line, column) = markdown.lines.location(ofByteOffset: markdown.byteOffset(of: node))
                let location = markdown.location(of: node)
                #expect([location.line, location.column] == [line, column], "\(node.type)")
            }
        }
    }

    // MARK: Deep trees
}
