import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenSupport
import SitegenTestSupport

/// Whole builds of inputs nobody designed for: a decision chain too deep or
/// too long, a page a thousand folders deep, 10,000 broken anchors (the
/// core's worst cases are SitegenKitTests' WorstCaseTests).
@Suite(.serialized) struct WorstCaseBuildTests {
    static func chainSite(questions: Int, words withWords: Bool = true) throws -> String {
        try SitegenTestSupport.WorstCaseTests.chainSite(questions: questions, words: withWords)
    }

    /// 500 questions make about 1,500 pages, under the page limit, but the last
    /// ones lie 500 folders deep. Before: 29 s, 1.7 GB, then "File name too long".
    @Test(.timeLimit(.minutes(1)))
    func deepChainIsALocatedErrorBeforeExpanding() throws {
        let (report, _) = try SiteFixtures.build(Self.chainSite(questions: 500))
        let errors = report.errors.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        // Answer "unsure" of q122 (line 3 + 5 × 121 + 5): the 121 folders
        // "q1-yes/" to "q121-yes/" take 981 bytes, "q122-unsure/outcome-a/" 22 more.
        #expect(errors.first == "content/_decisions/helper.yml:613:15: error: flow 'helper' makes page folders too long: answer 'unsure' of question 'q122' leads to a page 1003 bytes deep below the helper's page (at most 1,000), a path file systems refuse; ask fewer questions in a row or use shorter ids", "\(errors)")
        #expect(errors.allSatisfy { !$0.contains("File name too long") })
    }

    /// Before: the right error, after 46 s and 880 MB.
    @Test(.timeLimit(.minutes(1)))
    func longChainIsRejectedWithoutExpanding() throws {
        let (report, _) = try SiteFixtures.build(Self.chainSite(questions: 10_000, words: false))
        let errors = report.errors.map(\.description)
        #expect(errors.contains("content/_decisions/helper.yml:1:8: error: flow 'helper' makes more than 2,000 pages (its branches keep meeting again); split it into smaller helpers"), "\(errors)")
        #expect(errors.count == 2, "\(errors)")
    }

    /// A page 1,000 folders deep, with the built-in theme. Before: over 100
    /// levels was an error ("partials nest more than 100 deep", the sidebar
    /// opened every level of the path), and 1,000 crashed a rendering
    /// thread (its stack). Now the sidebar opens 12 levels and the
    /// breadcrumbs name the home page and the 11 nearest ancestors.
    @Test(.timeLimit(.minutes(3)))
    func aPageAThousandFoldersDeepBuilds() throws {
        let folder = "content/en/" + Array(repeating: "d", count: 1_000).joined(separator: "/")
        let site = try ForeignLayoutTests.site(["content/en/index.md": "---\ntitle: Home\n---\nHi\n", folder + "/leaf.md": "---\ntitle: Leaf\n---\nLeaf\n"])
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.succeeded, "\(report.diagnostics.prefix(3))")
        let leafPath = output + "/en/" + Array(repeating: "d", count: 1_000).joined(separator: "/") + "/leaf/index.html"
        let leaf = try String(contentsOfFile: leafPath, encoding: .utf8)
        #expect(leaf.components(separatedBy: "class=\"ancestor\"").count - 1 <= NavigationContext.sidebarDepth)
        let trail = try #require(leaf.range(of: "<nav class=\"breadcrumbs\"").map { leaf[$0.lowerBound...] })
        let crumbs = trail[..<(trail.range(of: "</nav>")?.upperBound ?? trail.endIndex)]
        #expect(crumbs.components(separatedBy: "<li").count - 1 == NavigationContext.breadcrumbCount)
    }

    /// 10,000 broken anchors into a page of 5,000 headings: each error's
    /// hint (the page's ids) sorted all 5,000 ids again, minutes in all.
    @Test(.timeLimit(.minutes(1)))
    func manyBrokenAnchorsIntoOneLongPageAreReportedQuickly() throws {
        let headings = (1...5_000).map { "## Part \($0)\n" }.joined()
        let links = (1...10_000).map { "[x](#missing-\($0))\n" }.joined()
        let site = try ForeignLayoutTests.site(["content/en/index.md": "---\ntitle: Home\n---\n" + headings + links])
        let (report, _) = try SiteFixtures.build(site)
        let anchorErrors = report.errors.filter { $0.message.hasPrefix("anchor '#missing-") }
        #expect(anchorErrors.count == 10_000)
        #expect(anchorErrors.first?.message.hasSuffix("its ids are: part-1, part-10, part-100, part-1000, part-1001, part-1002, part-1003, part-1004, part-1005, part-1006, part-1007, part-1008 and 4988 more") == true,
                "\(anchorErrors.first?.message ?? "")")
    }
}
