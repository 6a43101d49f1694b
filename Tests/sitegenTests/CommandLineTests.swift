import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenPreview
@testable import SitegenSupport
import SitegenTestSupport

/// The `sitegen` executable as a user runs it: output, errors and exit statuses.
@Suite struct CommandLineTests {
    // The helpers live in SitegenTestSupport, for the link checker's tests too.
    typealias Result = SitegenTestSupport.CommandLineTests.Result

    static var executable: URL { SitegenTestSupport.CommandLineTests.executable }

    static func run(_ arguments: [String], input: String? = nil) throws -> Result {
        try SitegenTestSupport.CommandLineTests.run(arguments, input: input)
    }

    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = SiteFixtures.temporaryFolder() + "/page.md"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func rendersAFile() throws {
        let path = try Self.temporaryFile(Array("# Hallo\n\n> [!TIP]\n> Kies A.\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Self.run(["markdown", path])
        #expect(result.status == 0)
        #expect(result.standardOutput.withoutCalloutIcons == "<h1 id=\"hallo\">Hallo</h1>\n<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<p>Kies A.</p>\n</div>\n")
        #expect(result.standardError.isEmpty)
    }

    @Test func readsStandardInput() throws {
        #expect(try Self.run(["markdown"], input: "*x*").standardOutput == "<p><em>x</em></p>\n")
        #expect(try Self.run(["markdown", "-"], input: "*y*").standardOutput == "<p><em>y</em></p>\n")
    }

    @Test func invalidUTF8IsAContentError() throws {
        let path = try Self.temporaryFile(Array("ok\n".utf8) + [0xFF])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Self.run(["markdown", path])
        #expect(result.status == 1)
        #expect(result.standardError == "\(path):2:1: error: invalid UTF-8 (byte offset 3); save the file with UTF-8 encoding\n")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func headingIDErrorIsAContentError() throws {
        let result = try Self.run(["markdown"], input: "# A {#x}\n# B {#x}\n")
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("<stdin>:2:1: error: heading id 'x' is used twice"))
    }

    @Test func missingFileIsAUsageError() throws {
        let result = try Self.run(["markdown", "/nonexistent/page.md"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("cannot read '/nonexistent/page.md': No such file or directory"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try Self.run(["markdown", "--nope"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("Unknown option '--nope'"))
    }

    @Test func versionAndHelp() throws {
        let version = try Self.run(["--version"])
        #expect(version.status == 0)
        #expect(version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try Self.run(["--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("markdown"))
        let subcommandHelp = try Self.run(["markdown", "--help"])
        #expect(subcommandHelp.standardOutput.contains("standard input"))
    }
}

/// `sitegen build` as a user runs it.
@Suite struct BuildCommandLineTests {
    @Test func buildsAndPrintsASummary() throws {
        let output = SiteFixtures.temporaryFolder() + "/out"
        let result = try CommandLineTests.run(["build", "--source", SiteFixtures.path("good"), "--output", output])
        #expect(result.status == 0)
        #expect(result.standardError.contains("sitegen: built 25 pages (nl 12, en 11, ar 2)"))
        #expect(result.standardError.contains("3 warnings"))
        #expect(FileManager.default.fileExists(atPath: output + "/nl/index.html"))
    }

    @Test func quietPrintsOnlyWarnings() throws {
        let output = SiteFixtures.temporaryFolder() + "/out"
        let result = try CommandLineTests.run(["build", "--quiet", "--source", SiteFixtures.path("good"), "--output", output])
        #expect(result.status == 0)
        #expect(result.standardError.split(separator: "\n").allSatisfy { $0.contains(": warning: ") })
    }

    @Test func contentErrorsExitWithOne() throws {
        let site = try SiteFixtures.copy("good", overlay: "broken/broken-links")
        let result = try CommandLineTests.run(["build", "--source", site, "--output", SiteFixtures.temporaryFolder() + "/out"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("content/nl/over.md:7:5: error: link target 'ontbrekend.md' does not exist"))
        #expect(result.standardError.contains("sitegen: build failed: 5 errors"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        let notASite = try CommandLineTests.run(["build", "--source", SiteFixtures.temporaryFolder()])
        #expect(notASite.status == 2)
        #expect(notASite.standardError.contains("no sitegen.yml in"))
        #expect(try CommandLineTests.run(["build", "--frobnicate"]).status == 2)
    }

    @Test func aRefusedOutputFolderIsAUsageError() throws {
        let site = try SiteFixtures.copy("good")
        let result = try CommandLineTests.run(["build", "--source", site, "--output", site + "/content/nl/out"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("error: refusing to write the output into"))
    }

    @Test func anUnknownFlowOrLanguageOfDecisionGraphIsAUsageError() throws {
        let site = SiteFixtures.path("good")
        let noFlow = try CommandLineTests.run(["decision-graph", "--source", site, "nothing"])
        #expect(noFlow.status == 2)
        #expect(noFlow.standardError.contains("no decision flow 'nothing'"))
        let noLanguage = try CommandLineTests.run(["decision-graph", "--source", site, "--language", "fr", "helper"])
        #expect(noLanguage.status == 2)
        #expect(noLanguage.standardError.contains("--language fr: not a language of the site (nl, en, ar)"))
        #expect(try CommandLineTests.run(["decision-graph", "--source", site, "helper"]).status == 0)
    }

    @Test func manyWarningsOfOneKindAreSummarisedUnlessVerbose() throws {
        let site = try SiteFixtures.copy("good")
        for number in 1...11 {
            try "---\ntitle: P\(number)\n---\n\nText.\n".write(toFile: site + "/content/nl/p\(number).md", atomically: false, encoding: .utf8)
        }
        let output = SiteFixtures.temporaryFolder() + "/out"
        let summary = try CommandLineTests.run(["build", "--quiet", "--source", site, "--output", output])
        #expect(summary.status == 0)
        let lines = summary.standardError.split(separator: "\n").filter { $0.contains("missing translations") }
        #expect(lines == ["content/ar/keuze.md: warning: 25 missing translations (first: content/ar/keuze.md, content/ar/over.md, content/ar/p1.md, ...); --verbose lists them all"])
        let verbose = try CommandLineTests.run(["build", "--quiet", "--verbose", "--source", site, "--output", output])
        #expect(verbose.standardError.split(separator: "\n").filter { $0.contains("translation of") }.count == 25)
    }

    @Test func missingTranslationWarningsCanBeTurnedOff() throws {
        let site = try SiteFixtures.copy("good", settings: "warnings:\n  missingTranslations: false\n")
        let result = try CommandLineTests.run(["build", "--source", site, "--output", SiteFixtures.temporaryFolder() + "/out"])
        #expect(result.status == 0)
        #expect(!result.standardError.contains("translation of"))
        #expect(result.standardError.contains("translations: en"), "the summary line stays")
    }
}
