import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenSupport
import SitegenTestSupport

/// One broken site per kind of bad input: `Tests/Fixtures/sites/broken/<kind>/`
/// holds the files that differ from the good site and `expected-errors.txt`,
/// every error the build must report (compiler style, all of them together).
@Suite struct BrokenSiteTests {
    static let kinds = ((try? FileManager.default.contentsOfDirectory(atPath: SiteFixtures.path("broken"))) ?? []).sorted()

    @Test func everyKindOfBadInputHasAFixture() {
        #expect(Self.kinds == [
            "alias-collision", "anchor-candidates", "bad-config", "bad-slug", "bad-strings", "broken-links", "decision-flow",
            "decision-page", "decision-words", "duplicate-url", "empty-layout", "heading-problems", "invalid-utf8",
            "invalid-yaml", "link-forms", "missing-title", "missing-ui-string", "no-cascade", "non-string-title",
            "output-collision", "partial-recursion", "symlink-escape", "template-csp", "template-syntax", "theme-url",
            "unknown-language", "unknown-layout", "unknown-partial", "unknown-template-name", "unreadable-file",
            "url-collision-translation", "yaml-limits",
        ])
    }

    @Test(arguments: kinds)
    func reportsEveryErrorAndWritesNothing(kind: String) throws {
        let site = try SiteFixtures.copy("good", overlay: "broken/" + kind)
        try? FileManager.default.removeItem(atPath: site + "/expected-errors.txt")
        let expected = try String(contentsOfFile: SiteFixtures.path("broken/\(kind)/expected-errors.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.errors.map(\.description) == expected)
        #expect(!expected.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output), "a failed build writes nothing")
    }

    @Test func failedBuildLeavesThePreviousOutputByteIdentical() throws {
        let site = try SiteFixtures.copy("good")
        let (first, output) = try SiteFixtures.build(site)
        #expect(first.succeeded)
        let before = SiteFixtures.snapshot(output)
        // Break a page, build again into the same folder.
        try "---\ntitle: [broken\n---\n".write(toFile: site + "/content/nl/over.md", atomically: false, encoding: .utf8)
        let (second, _) = try SiteFixtures.build(site, output: output)
        #expect(!second.succeeded)
        #expect(SiteFixtures.snapshot(output) == before)
        #expect(!FileManager.default.fileExists(atPath: (output as NSString).deletingLastPathComponent + "/.out.sitegen-staging"))
    }

    @Test func successfulRebuildReplacesTheOutput() throws {
        let site = try SiteFixtures.copy("good")
        let (_, output) = try SiteFixtures.build(site)
        try FileManager.default.removeItem(atPath: site + "/content/nl/concept.md")
        try "---\ntitle: Nieuw\n---\n\nNieuw.\n".write(toFile: site + "/content/nl/nieuw.md", atomically: false, encoding: .utf8)
        try "stale".write(toFile: output + "/nl/stale.html", atomically: false, encoding: .utf8)
        let (report, _) = try SiteFixtures.build(site, output: output)
        #expect(report.succeeded)
        #expect(FileManager.default.fileExists(atPath: output + "/nl/nieuw/index.html"))
        #expect(!FileManager.default.fileExists(atPath: output + "/nl/stale.html"), "the output is the new build, nothing else")
    }

    @Test func rebuildWritesOnlyChangedFilesAndRemovesOldOnes() throws {
        let site = try SiteFixtures.copy("good")
        try FileManager.default.createDirectory(atPath: site + "/content/nl/extra", withIntermediateDirectories: true)
        try "---\ntitle: Weg\n---\n\nStraks weg.\n".write(toFile: site + "/content/nl/extra/weg.md", atomically: false, encoding: .utf8)
        func inode(_ path: String) throws -> Int {
            try (FileManager.default.attributesOfItem(atPath: output + "/" + path)[.systemFileNumber] as! NSNumber).intValue
        }
        let (_, output) = try SiteFixtures.build(site)
        // Builds alternate between two folders: the output, and the build
        // before it kept beside the output, which the next build updates.
        // Files the edit below does not change, and that the manifest may
        // vouch for: older than the marker (a file written in the marker's
        // clock tick is written again, see OutputManifest). The English pages
        // show the Dutch page's new title in their navigation: written anew.
        // A quick build writes them in the marker's tick; with the marker
        // dated a tick later, as a slower build would have written it, they
        // are what the manifest vouches for, on any machine.
        SiteFixtures.age(output)
        let candidates = ["ar/guide-a/index.html", "ar/index.html", "nl/img/logo.png", "index.html", "404.html"]
        let untouched = try Dictionary(uniqueKeysWithValues: candidates.map { ($0, try inode($0)) })
        _ = try SiteFixtures.build(site, output: output)
        let previous = (output as NSString).deletingLastPathComponent + "/.out.sitegen-previous"
        #expect(!FileManager.default.fileExists(atPath: previous), "nothing changed: the output stays, no build is swapped out")

        try "---\ntitle: Over deze site\nweight: 3\n---\n\n## Wie\n\nAnders.\n\n## Waarom\n\nDaarom.\n"
            .write(toFile: site + "/content/nl/over.md", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: site + "/content/nl/extra/weg.md")
        let (report, _) = try SiteFixtures.build(site, output: output)
        #expect(report.succeeded, "\(report.errors)")
        // The same result as a build from nothing, file for file.
        let (_, fresh) = try SiteFixtures.build(site)
        var expected = SiteFixtures.snapshot(fresh)
        var actual = SiteFixtures.snapshot(output)
        expected[".sitegen-output"] = nil
        actual[".sitegen-output"] = nil
        #expect(actual == expected)
        #expect(!FileManager.default.fileExists(atPath: output + "/nl/extra"), "an emptied folder goes too")
        #expect(!FileManager.default.fileExists(atPath: output + "/en/extra"))
        // A file whose bytes did not change was not written again.
        for (path, number) in untouched { #expect(try inode(path) == number, "\(path)") }
        #expect(FileManager.default.fileExists(atPath: previous + "/.sitegen-output"), "the build before is kept beside the output")
    }

    @Test func refusesAFolderSitegenDidNotMake() throws {
        let site = try SiteFixtures.copy("good")
        let foreign = SiteFixtures.temporaryFolder()
        try "precious".write(toFile: foreign + "/notes.txt", atomically: false, encoding: .utf8)
        let (report, _) = try SiteFixtures.build(site, output: foreign)
        #expect(report.errors.first?.message.contains("sitegen did not make it") == true)
        #expect(try String(contentsOfFile: foreign + "/notes.txt", encoding: .utf8) == "precious")
    }

    @Test(arguments: ["/", "~", "SITE", "SITE/content", "SITE/content/nl/out", "SITE/templates"])
    func refusesDangerousOutputFolders(_ output: String) throws {
        let site = try SiteFixtures.copy("good")
        let path = output
            .replacingOccurrences(of: "SITE", with: site)
            .replacingOccurrences(of: "~", with: FileManager.default.homeDirectoryForCurrentUser.path)
        let before = SiteFixtures.snapshot(site)
        let (report, _) = try SiteFixtures.build(site, output: path)
        #expect(report.errors.first?.message.hasPrefix("refusing") == true, "\(report.errors)")
        #expect(SiteFixtures.snapshot(site) == before)
    }

    @Test func missingSettingsFileIsAUsageError() {
        #expect(throws: SiteLoader.NotASiteFolder.self) {
            _ = try SiteBuilder.build(BuildOptions(source: SiteFixtures.temporaryFolder()))
        }
    }
}
