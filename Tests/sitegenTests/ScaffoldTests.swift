import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenSupport
import SitegenTestSupport

/// `sitegen init` and `sitegen new`, run as a user runs them.
@Suite struct ScaffoldTests {
    static func run(_ arguments: [String]) throws -> CommandLineTests.Result {
        try CommandLineTests.run(arguments)
    }

    static func files(under folder: String) -> [String] {
        BuiltInThemeTests.files(under: folder).keys.sorted()
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func initMakesASiteThatBuildsWithTheBuiltInTheme() throws {
        let site = SiteFixtures.temporaryFolder() + "/my site"
        let result = try Self.run(["init", site, "--languages", "nl,en,fi", "--title", "Our: \"docs\""])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("Next: cd '\(site)' && sitegen serve"))
        #expect(Self.files(under: site) == [
            "content/en/example.md", "content/en/index.md", "content/fi/example.md", "content/fi/index.md",
            "content/nl/example.md", "content/nl/index.md",
            "sitegen.yml",
        ])
        #expect(try Self.read(site + "/sitegen.yml").contains("title: \"Our: \\\"docs\\\"\"\ndefaultLanguage: nl\n"))
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.succeeded)
        // Finnish: the theme's English texts until the site translates them.
        #expect(report.diagnostics.map(\.message).map { $0.prefix(20) } == ["language 'fi' lacks ", "this 'tip' callout i"], "\(report.diagnostics)")
        let example = try Self.read(output + "/nl/example/index.html")
        #expect(example.contains("<title>Voorbeeldpagina"))
        #expect(example.contains("callout-tip"))
        #expect(example.contains("<table tabindex=\"0\">"))
        #expect(example.contains("href=\"../\""))  // the link to index.md
        #expect(try Self.read(output + "/fi/index.html").contains("Skip to content"))
        let status = try Self.run(["translations", "--source", site, "--strict"])
        #expect(status.status == 0, "\(status.standardOutput)")
    }

    /// `--languages de,en`: German first, which the theme has no texts for.
    @Test func initWithALanguageTheThemeDoesNotSpeakPassesStrictTranslations() throws {
        let site = SiteFixtures.temporaryFolder() + "/site"
        #expect(try Self.run(["init", site, "--languages", "de,en"]).status == 0)
        let status = try Self.run(["translations", "--source", site, "--strict"])
        #expect(status.status == 0, "\(status.standardOutput)")
        #expect(try SiteFixtures.build(site).0.succeeded)
    }

    /// As the README says: add the language to `languages` and a folder.
    @Test func addingALanguageToAnInitSiteBuilds() throws {
        let site = SiteFixtures.temporaryFolder() + "/site"
        #expect(try Self.run(["init", site]).status == 0)
        let settings = try Self.read(site + "/sitegen.yml")
        try settings.replacingOccurrences(of: "languages:\n", with: "languages:\n  - code: nl\n    name: Nederlands\n")
            .write(toFile: site + "/sitegen.yml", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: site + "/content/nl", withIntermediateDirectories: true)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(FileManager.default.fileExists(atPath: output + "/nl/index.html"))
    }

    @Test func initRefusesAFolderThatHoldsAnything() throws {
        let site = SiteFixtures.temporaryFolder()
        try "keep me\n".write(toFile: site + "/notes.txt", atomically: false, encoding: .utf8)
        let result = try Self.run(["init", site])
        #expect(result.status == 2)
        #expect(result.standardError.contains("'\(site)' is not empty (it holds notes.txt); sitegen init writes only into a new or empty folder"))
        #expect(Self.files(under: site) == ["notes.txt"])
        #expect(try Self.read(site + "/notes.txt") == "keep me\n")
        let bad = try Self.run(["init", SiteFixtures.temporaryFolder() + "/x", "--languages", "nl,,en"])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("--languages nl,,en: give language codes separated by commas"))
    }

    @Test func initWithCopyThemeWritesTheThemeAndBuildsTheSame() throws {
        let plain = SiteFixtures.temporaryFolder() + "/site"
        let copied = SiteFixtures.temporaryFolder() + "/site"
        #expect(try Self.run(["init", plain, "--languages", "en,nl"]).status == 0)
        #expect(try Self.run(["init", copied, "--languages", "en,nl", "--copy-theme"]).status == 0)
        let theme = BuiltInThemeTests.files(under: copied + "/templates")
        #expect(theme == BuiltInThemeTests.files(under: BuiltInThemeTests.templates))
        let (_, plainOutput) = try SiteFixtures.build(plain)
        let (_, copiedOutput) = try SiteFixtures.build(copied)
        #expect(SiteFixtures.snapshot(plainOutput) == SiteFixtures.snapshot(copiedOutput))
    }

    @Test func newWritesAPageAndNeverReplacesOne() throws {
        let site = SiteFixtures.temporaryFolder() + "/site"
        #expect(try Self.run(["init", site]).status == 0)
        let result = try Self.run(["new", "content/en/guides/getting-started.md", "--source", site])
        #expect(result.status == 0, "\(result.standardError)")
        let page = site + "/content/en/guides/getting-started.md"
        #expect(try Self.read(page) == "---\ntitle: \"Getting started\"\n---\n\n")
        try "---\ntitle: Mine\n---\n\nMy text.\n".write(toFile: page, atomically: false, encoding: .utf8)
        let again = try Self.run(["new", "content/en/guides/getting-started.md", "--source", site, "--title", "Other"])
        #expect(again.status == 2)
        #expect(again.standardError.contains("content/en/guides/getting-started.md already exists; sitegen new never replaces a file"))
        #expect(try Self.read(page) == "---\ntitle: Mine\n---\n\nMy text.\n")
        let wrong = try Self.run(["new", "content/de/a.md", "--source", site])
        #expect(wrong.status == 2)
        #expect(wrong.standardError.contains("content/de/a.md: 'de' is not a language of sitegen.yml (en); put the page in one of those folders"))
        #expect(try SiteFixtures.build(site).0.succeeded)
    }

    @Test func newWithTranslateWritesAStubThatTranslationsListsAtOnce() throws {
        let site = SiteFixtures.temporaryFolder() + "/site"
        #expect(try Self.run(["init", site, "--languages", "nl,en"]).status == 0)
        let result = try Self.run(["new", "content/nl/handleidingen/c.md", "--translate", "en", "--title", "Handleiding C", "--source", site])
        #expect(result.status == 0, "\(result.standardError)")
        let stub = try Self.read(site + "/content/en/handleidingen/c.md")
        #expect(stub == "---\ntitle: \"Handleiding C\"\ntranslationKey: \"handleidingen/c\"\ntranslationOf: \(TranslationHash.of(""))\n---\n\n")
        #expect(try Self.read(site + "/content/nl/handleidingen/c.md").contains("translationKey: \"handleidingen/c\"\n"))
        var status = try Self.run(["translations", "--source", site])
        #expect(status.standardOutput.contains("current  content/nl/handleidingen/c.md"))
        try "\nEerste stap.\n".appendingToFile(site + "/content/nl/handleidingen/c.md")
        status = try Self.run(["translations", "--source", site])
        #expect(status.standardOutput.contains("outdated  content/nl/handleidingen/c.md"))
        let fromTranslation = try Self.run(["new", "content/en/d.md", "--translate", "nl", "--source", site])
        #expect(fromTranslation.status == 2)
        #expect(fromTranslation.standardError.contains("--translate: translations are made from the default language (nl)"))
        #expect(!FileManager.default.fileExists(atPath: site + "/content/en/d.md"))
    }
}

private extension String {
    func appendingToFile(_ path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(utf8))
    }
}
