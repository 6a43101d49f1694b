import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenPreview
@testable import SitegenSupport
import SitegenTestSupport

/// `sitegen translations` as a user runs it: formats, exit statuses, marking.
@Suite struct TranslationCommandLineTests {
    static let fixture = SiteFixtures.path("translations")

    @Test func textListsEveryLanguageWithCountsAndTheFix() throws {
        let result = try CommandLineTests.run(["translations", "--source", Self.fixture])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Originals: nl (Nederlands), 7 pages")
        #expect(lines.contains("en (English): 4 current, 2 outdated, 1 missing, 1 extra"))
        #expect(lines.contains("de (Deutsch): 1 current, 0 outdated, 6 missing, 0 extra"))
        #expect(lines.contains { $0.hasPrefix("  outdated  content/nl/nooit.md ") && $0.hasSuffix("never marked current (no translationOf)") })
        #expect(lines.contains { $0.hasPrefix("  missing   content/nl/ontbreekt.md ") && $0.hasSuffix("translate into content/en/ontbreekt.md") })
        #expect(lines.contains { $0.hasPrefix("  extra     -  ") && $0.contains("content/en/alleen.md") })
        // A page paired by translationKey is found by that key, not by its path.
        #expect(lines.contains { $0.hasPrefix("  missing  content/nl/handleiding.md ") && $0.hasSuffix("translate into a page of content/de/ with translationKey: guide") })
        #expect(lines.contains("    sitegen translations --source \(Self.fixture) --mark-current content/en/nooit.md content/en/veranderd.md"))
        #expect(lines.contains("  en: 1 missing: footer; 1 only in en: englishOnly"))
        #expect(lines.suffix(2) == ["Not everything is current: 2 outdated, 7 missing, 1 UI string missing.", ""])
        #expect(!lines.contains { $0.hasSuffix(" ") }, "no trailing spaces")
    }

    @Test func strictExitsWithOneWhenSomethingIsOutdatedOrMissing() throws {
        #expect(try CommandLineTests.run(["translations", "--strict", "--source", Self.fixture]).status == 1)
        #expect(try CommandLineTests.run(["translations", "--strict", "--language", "de", "--source", Self.fixture]).status == 1)
        // Complete apart from a page and a UI string only English has: still complete.
        let site = try SiteFixtures.copy("translations")
        _ = try TranslationMarker.markCurrent(["content/en/nooit.md", "content/en/veranderd.md"], site: site, currentFolder: site)
        try FileManager.default.removeItem(atPath: site + "/content/nl/ontbreekt.md")
        let strings = try String(contentsOfFile: Self.fixture + "/content/en/_strings.yml", encoding: .utf8)
        try (strings + "footer: Only in Dutch and German.\n").write(toFile: site + "/content/en/_strings.yml", atomically: false, encoding: .utf8)
        let english = try CommandLineTests.run(["translations", "--strict", "--language", "en", "--source", site])
        #expect(english.status == 0, "\(english.standardOutput)")
        #expect(english.standardOutput.hasSuffix("Everything is current.\n"))
        #expect(english.standardOutput.contains("en (English): 6 current, 0 outdated, 0 missing, 1 extra"))
        #expect(!english.standardOutput.contains("de (Deutsch)"))
    }

    @Test func jsonHasTheDocumentedSchema() throws {
        let result = try CommandLineTests.run(["translations", "--format", "json", "--source", Self.fixture])
        #expect(result.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(Set(root.keys) == ["schemaVersion", "defaultLanguage", "languages", "uiStrings"])
        #expect(root["schemaVersion"] as? Int == 1)
        #expect(root["defaultLanguage"] as? String == "nl")

        let languages = try #require(root["languages"] as? [[String: Any]])
        #expect(languages.map { $0["code"] as? String } == ["en", "de"])
        let states = Set(TranslationState.allCases.map(\.rawValue))
        #expect(states == ["current", "outdated", "missing", "extra"])
        for language in languages {
            #expect(Set(language.keys) == ["code", "name", "counts", "pages"])
            #expect(language["name"] is String)
            let counts = try #require(language["counts"] as? [String: Int])
            #expect(Set(counts.keys) == states)
            let pages = try #require(language["pages"] as? [[String: Any]])
            #expect(pages.count == counts.values.reduce(0, +))
            for page in pages {
                #expect(Set(page.keys) == ["status", "translationKey", "original", "translation", "expected", "recorded", "draft"])
                let status = try #require(page["status"] as? String)
                #expect(states.contains(status))
                #expect(page["translationKey"] is String)
                #expect(page["draft"] is Bool)
                for key in ["original", "translation", "expected", "recorded"] {
                    #expect(page[key] is String || page[key] is NSNull, "\(key): \(String(describing: page[key]))")
                }
                for key in ["expected", "recorded"] {
                    if let hash = page[key] as? String { #expect(TranslationHash.isValid(hash)) }
                }
                #expect((page["original"] is NSNull) == (status == "extra"))
                #expect((page["translation"] is NSNull) == (status == "missing"))
            }
        }
        let english = languages[0]
        #expect(english["counts"] as? [String: Int] == ["current": 4, "outdated": 2, "missing": 1, "extra": 1])
        let changed = try #require((english["pages"] as? [[String: Any]])?.first { $0["translation"] as? String == "content/en/veranderd.md" })
        #expect(changed["status"] as? String == "outdated")
        #expect(changed["recorded"] as? String == TranslationHash.of("De oude tekst."))
        #expect(changed["expected"] as? String == TranslationHash.of("De nieuwe tekst, met meer uitleg."))
        #expect(changed["original"] as? String == "content/nl/veranderd.md")
        #expect(changed["translationKey"] as? String == "veranderd")
        #expect(changed["draft"] as? Bool == false)

        let strings = try #require(root["uiStrings"] as? [[String: Any]])
        #expect(strings.map { Set($0.keys) } == [["language", "missing", "extra"], ["language", "missing", "extra"]])
        #expect(strings[0]["language"] as? String == "en")
        #expect(strings[0]["missing"] as? [String] == ["footer"])
        #expect(strings[0]["extra"] as? [String] == ["englishOnly"])
    }

    @Test func outputIsDeterministic() throws {
        for format in TranslationReportFormat.allCases {
            let first = try CommandLineTests.run(["translations", "--format", format.rawValue, "--source", Self.fixture])
            let second = try CommandLineTests.run(["translations", "--format", format.rawValue, "--source", Self.fixture])
            #expect(first.standardOutput == second.standardOutput, "\(format)")
            #expect(!first.standardOutput.isEmpty)
        }
    }

    @Test func markdownIsATablePerLanguage() throws {
        let result = try CommandLineTests.run(["translations", "--format", "markdown", "--source", Self.fixture])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "# Translation status")
        #expect(lines.contains("## en (English)"))
        #expect(lines.contains("| Status | Original (nl) | Translation (en) | Note |"))
        #expect(lines.contains("| outdated | `content/nl/veranderd.md` | `content/en/veranderd.md` | original changed since \(TranslationHash.of("De oude tekst.")) (now \(TranslationHash.of("De nieuwe tekst, met meer uitleg."))) |"))
        #expect(lines.contains("| missing | `content/nl/ontbreekt.md` | – | not translated; translate into content/en/ontbreekt.md |"))
        #expect(lines.contains("| en | `footer` | `englishOnly` |"))
        #expect(lines.contains("| de | – | – |"))
    }

    @Test func aPipeInAFileNameDoesNotSplitAMarkdownRow() throws {
        let site = try SiteFixtures.copy("translations")
        try "---\ntitle: Pijp\n---\n\nA | B\n".write(toFile: site + "/content/nl/a|b.md", atomically: false, encoding: .utf8)
        let result = try CommandLineTests.run(["translations", "--format", "markdown", "--language", "en", "--source", site])
        #expect(result.standardOutput.contains("| missing | `content/nl/a\\|b.md` | – | not translated; translate into content/en/a\\|b.md |"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        for arguments in [
            ["translations", "--language", "fr", "--source", Self.fixture],
            ["translations", "--language", "nl", "--source", Self.fixture],
            ["translations", "--format", "html", "--source", Self.fixture],
            ["translations", "--mark-current", "--source", Self.fixture],
            ["translations", "content/en/nooit.md", "--source", Self.fixture],
            ["translations", "--mark-current", "--strict", "content/en/nooit.md", "--source", Self.fixture],
            ["translations", "--source", SiteFixtures.temporaryFolder()],
        ] {
            let result = try CommandLineTests.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.standardError)")
            #expect(!result.standardError.isEmpty)
        }
    }

    @Test func contentErrorsExitWithOne() throws {
        let site = try SiteFixtures.copy("translations")
        try "---\ntitle: Changed\ntranslationOf: 12345\n---\n".write(toFile: site + "/content/en/veranderd.md", atomically: false, encoding: .utf8)
        let result = try CommandLineTests.run(["translations", "--source", site])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.hasPrefix("content/en/veranderd.md:3:16: error: translationOf must be the 12 hex digits sitegen writes"))
    }

    @Test func markCurrentPrintsWhatItDid() throws {
        let site = try SiteFixtures.copy("translations")
        let result = try CommandLineTests.run(["translations", "--source", site, "--mark-current", "content/en/nooit.md", site + "/content/en/index.md"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == """
            content/en/nooit.md: marked current (translationOf: \(TranslationHash.of("Deze vertaling is nooit als actueel gemarkeerd.")), added)
            content/en/index.md: already current (translationOf: \(TranslationHash.of("Welkom bij de vertalingen.")))

            """)
        let after = try CommandLineTests.run(["translations", "--source", site, "--language", "en"])
        #expect(after.standardOutput.contains("en (English): 5 current, 1 outdated, 1 missing, 1 extra"))
    }

    @Test func markCurrentErrors() throws {
        let site = try SiteFixtures.copy("translations")
        let refused = try CommandLineTests.run(["translations", "--source", site, "--mark-current", "content/en/nooit.md", "content/nl/nooit.md"])
        #expect(refused.status == 1)
        #expect(refused.standardError == """
            content/nl/nooit.md: error: this page is in the default language ('nl'): it is an original, not a translation; mark its translations instead
            sitegen: nothing was marked

            """)
        #expect(refused.standardOutput.isEmpty)
        let missing = try CommandLineTests.run(["translations", "--source", site, "--mark-current", "content/en/nope.md"])
        #expect(missing.status == 2)
        #expect(missing.standardError.hasPrefix("content/en/nope.md: error: no such file\n"))
        #expect(!(try String(contentsOfFile: site + "/content/en/nooit.md", encoding: .utf8)).contains("translationOf"))
    }

    @Test func buildPrintsTheTranslationsLine() throws {
        let result = try CommandLineTests.run(["build", "--source", Self.fixture, "--output", SiteFixtures.temporaryFolder() + "/out"])
        #expect(result.status == 0)
        let lines = result.standardError.split(separator: "\n").filter { $0.hasPrefix("translations: ") }
        #expect(lines == ["translations: en 3 current, 2 outdated, 1 missing, 1 only in en; de 1 current, 0 outdated, 5 missing; UI strings missing: en 1 (sitegen translations lists them)"])
    }
}
