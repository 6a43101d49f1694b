import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenSupport
import SitegenTestSupport

/// `TranslationReport` on `Tests/Fixtures/sites/translations`: English has a
/// page in every state, German only its home page.
@Suite struct TranslationReportTests {
    static func report() throws -> TranslationReport {
        let (report, diagnostics) = try TranslationReport.load(site: SiteFixtures.path("translations"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(report)
    }

    static func entry(_ report: TranslationReport, _ language: String, translation: String? = nil, original: String? = nil) throws -> PageTranslation {
        let pages = try #require(report.languages.first { $0.language.code == language }).pages
        return try #require(pages.first { (translation == nil || $0.translation == translation) && (original == nil || $0.original == original) })
    }

    @Test func everyStateOfEveryPage() throws {
        let report = try Self.report()
        #expect(report.defaultLanguage.code == "nl")
        #expect(report.originalCount == 7)
        #expect(report.languages.map(\.language.code) == ["en", "de"])
        let english = report.languages[0]
        let states = english.pages.map { "\($0.status.rawValue) \($0.original ?? "-") \($0.translation ?? "-")" }
        #expect(states == [
            "outdated content/nl/nooit.md content/en/nooit.md",
            "outdated content/nl/veranderd.md content/en/veranderd.md",
            "missing content/nl/ontbreekt.md -",
            "extra - content/en/alleen.md",
            "current content/nl/concept.md content/en/concept.md",
            "current content/nl/handleiding.md content/en/guide.md",
            "current content/nl/index.md content/en/index.md",
            "current content/nl/witruimte.md content/en/witruimte.md",
        ])
        #expect(english.counts == TranslationCounts(current: 4, outdated: 2, missing: 1, extra: 1))
        let german = report.languages[1]
        #expect(german.counts == TranslationCounts(current: 1, outdated: 0, missing: 6, extra: 0))
        #expect(german.pages.last?.translation == "content/de/index.md")
    }

    @Test func outdatedRecordsTheOldVersionAndExpectsTheNewOne() throws {
        let changed = try Self.entry(Self.report(), "en", translation: "content/en/veranderd.md")
        #expect(changed.status == .outdated)
        #expect(changed.recorded == TranslationHash.of("De oude tekst."))
        #expect(changed.expected == TranslationHash.of("De nieuwe tekst, met meer uitleg."))
        #expect(!changed.neverMarked)
    }

    @Test func neverMarkedIsOutdatedWithNothingRecorded() throws {
        let never = try Self.entry(Self.report(), "en", translation: "content/en/nooit.md")
        #expect(never.status == .outdated)
        #expect(never.recorded == nil)
        #expect(never.neverMarked)
        #expect(never.expected == TranslationHash.of("Deze vertaling is nooit als actueel gemarkeerd."))
    }

    @Test func aWhitespaceOnlyEditOfTheOriginalKeepsItsTranslationCurrent() throws {
        let entry = try Self.entry(Self.report(), "en", translation: "content/en/witruimte.md")
        #expect(entry.status == .current)
        // The translation was marked against the paragraph on one line; the
        // original is wrapped differently now.
        let oneLine = "Deze alinea wordt straks anders afgebroken, maar de woorden blijven dezelfde.\n\n- een\n- twee\n"
        #expect(entry.recorded == TranslationHash.of(oneLine))
        let original = try String(contentsOfFile: SiteFixtures.path("translations/content/nl/witruimte.md"), encoding: .utf8)
        #expect(!original.contains(oneLine))
    }

    @Test func pairsByTranslationKeyLikeTheBuild() throws {
        let guide = try Self.entry(Self.report(), "en", translation: "content/en/guide.md")
        #expect(guide.original == "content/nl/handleiding.md")
        #expect(guide.translationKey == "guide")
        #expect(guide.status == .current)
    }

    @Test func draftsAreIncludedAndFlagged() throws {
        let report = try Self.report()
        let draft = try Self.entry(report, "en", translation: "content/en/concept.md")
        #expect(draft.status == .current && draft.draft)
        let missingDraft = try Self.entry(report, "de", original: "content/nl/concept.md")
        #expect(missingDraft.status == .missing && missingDraft.draft)
        #expect(try !Self.entry(report, "en", translation: "content/en/index.md").draft)
    }

    @Test func missingAndExtraPages() throws {
        let report = try Self.report()
        let missing = try Self.entry(report, "en", original: "content/nl/ontbreekt.md")
        #expect(missing.status == .missing && missing.translation == nil && missing.recorded == nil)
        #expect(missing.expected == TranslationHash.of("Deze pagina heeft geen Engelse vertaling."))
        let extra = try Self.entry(report, "en", translation: "content/en/alleen.md")
        #expect(extra.status == .extra && extra.original == nil && extra.expected == nil)
    }

    @Test func uiStringsMissingAndExtraPerLanguage() throws {
        let report = try Self.report()
        #expect(report.uiStrings == [
            UIStringDifference(language: "en", missing: ["footer"], extra: ["englishOnly"]),
            UIStringDifference(language: "de", missing: [], extra: []),
        ])
    }

    @Test func completeOnlyWithoutOutdatedMissingPagesOrStrings() throws {
        let report = try Self.report()
        #expect(!report.isComplete)
        #expect(!report.restricted(to: "de").isComplete, "German misses pages")
        #expect(report.restricted(to: "de").languages.map(\.language.code) == ["de"])
        #expect(report.restricted(to: "de").uiStrings.map(\.language) == ["de"])

        // Extra pages and extra UI strings do not make a site incomplete.
        var english = report.restricted(to: "en")
        english.languages[0].pages.removeAll { $0.status == .outdated || $0.status == .missing }
        english.languages[0].counts = TranslationCounts(current: 4, outdated: 0, missing: 0, extra: 1)
        #expect(!english.isComplete, "a UI string is missing")
        english.uiStrings[0].missing = []
        #expect(english.isComplete)
    }

    @Test func aPageOfTheDefaultLanguageWithTranslationOfIsAWarning() throws {
        let site = try SiteFixtures.copy("translations")
        try "---\ntitle: Welkom\n# een opmerking\ntranslationOf: 0123456789ab\n---\n\nWelkom bij de vertalingen.\n"
            .write(toFile: site + "/content/nl/index.md", atomically: false, encoding: .utf8)
        let (report, diagnostics) = try TranslationReport.load(site: site)
        #expect(report != nil)
        #expect(diagnostics.map(\.description) == [
            "content/nl/index.md:4:1: warning: translationOf on a page of the default language ('nl'), which has no original; remove the line",
        ])
        let (build, _) = try SiteFixtures.build(site)
        #expect(build.warnings.map(\.description).contains(diagnostics[0].description))
    }

    @Test func errorsInTheSiteGiveNoReport() throws {
        let site = try SiteFixtures.copy("translations")
        try "---\ntitle: Changed\ntranslationOf: old\n---\n\nThe old text.\n"
            .write(toFile: site + "/content/en/veranderd.md", atomically: false, encoding: .utf8)
        let (report, diagnostics) = try TranslationReport.load(site: site)
        #expect(report == nil)
        #expect(diagnostics.map(\.description) == [
            "content/en/veranderd.md:3:16: error: translationOf must be the 12 hex digits sitegen writes; check the translation against its original, then run 'sitegen translations --mark-current content/en/veranderd.md'",
        ])
    }
}

/// What `sitegen build` does with translation status: one summary line, and
/// a notice on outdated translations when `translationNotices` is on.
@Suite struct TranslationBuildTests {
    @Test func buildLogsOneTranslationsLine() throws {
        var lines: [String] = []
        let report = try SiteBuilder.build(
            BuildOptions(source: SiteFixtures.path("translations"), output: SiteFixtures.temporaryFolder() + "/out"),
            log: { lines.append("\($0.name): \($0.detail)") })
        #expect(report.succeeded)
        // The build leaves drafts out: the English draft is not counted.
        #expect(lines.filter { $0.hasPrefix("translations:") } == [
            "translations: en 3 current, 2 outdated, 1 missing, 1 only in en; de 1 current, 0 outdated, 5 missing; UI strings missing: en 1 (sitegen translations lists them)",
        ])
    }

    @Test func buildOfOneLanguageLogsNoTranslationsLine() throws {
        let site = try MultilingualSite(["nl"]).write()
        var lines: [String] = []
        let report = try SiteBuilder.build(BuildOptions(source: site, output: SiteFixtures.temporaryFolder() + "/out"),
                                           log: { lines.append($0.name) })
        #expect(report.succeeded, "\(report.errors)")
        #expect(lines.contains("resolve") && !lines.contains("translations"))
    }

    @Test func outdatedTranslationsShowANoticeLinkingTheOriginal() throws {
        let (report, output) = try SiteFixtures.build(SiteFixtures.path("translations"))
        #expect(report.succeeded, "\(report.errors)")
        let changed = try HTMLPage(output + "/en/veranderd/index.html")
        let notice = try #require(try changed.nodes("//p[@role='note']").first)
        #expect(notice.stringValue == "The Dutch original was updated after this translation. The original: Veranderd")
        #expect(try changed.value("//p[@role='note']/a/@href") == "../../nl/veranderd/")
        #expect(try changed.value("//p[@role='note']/a/@hreflang") == "nl")
        #expect(try changed.value("//p[@role='note']/a/@lang") == "nl")
        // Current, never marked, missing (fallback) and original pages have none.
        for file in SiteFixtures.snapshot(output).keys where file.hasSuffix(".html") && file != "en/veranderd/index.html" {
            let page = try String(contentsOfFile: output + "/" + file, encoding: .utf8)
            #expect(!page.contains("role=\"note\""), "\(file)")
        }
    }

    @Test func noNoticeWhenTheSettingIsOff() throws {
        let site = try SiteFixtures.copy("translations")
        let settings = try String(contentsOfFile: site + "/sitegen.yml", encoding: .utf8)
        try settings.replacingOccurrences(of: "translationNotices: true", with: "translationNotices: false")
            .write(toFile: site + "/sitegen.yml", atomically: false, encoding: .utf8)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.succeeded, "\(report.errors)")
        let changed = try String(contentsOfFile: output + "/en/veranderd/index.html", encoding: .utf8)
        #expect(changed.contains("The old text."))
        #expect(!changed.contains("role=\"note\""))
    }

    /// German, which the fixture gives only two texts: the notice the
    /// site's own template shows is the built-in theme's German one.
    @Test func aNoticeStringTheSiteLacksIsTheThemesInItsLanguage() throws {
        let site = try SiteFixtures.copy("translations")
        try "notFound: Nicht gefunden\nfallbackNotice: Diese Seite ist noch nicht übersetzt.\n"
            .write(toFile: site + "/content/de/_strings.yml", atomically: false, encoding: .utf8)
        let (report, _) = try SiteFixtures.build(site)
        #expect(report.errors.isEmpty)
        #expect(!report.warnings.contains { $0.file.hasSuffix("_strings.yml") }, "\(report.warnings)")
    }

    @Test func templatesSeeTheOriginalOfATranslation() throws {
        let site = try SiteFixtures.copy("translations")
        try "<p class=\"original\">{{#page.original}}{{code}} {{name}} {{dir}} {{url}} {{title}}{{/page.original}}</p>\n"
            .write(toFile: site + "/templates/page.mustache", atomically: false, encoding: .utf8)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.succeeded, "\(report.errors)")
        let read = { (file: String) in try String(contentsOfFile: output + "/" + file, encoding: .utf8) }
        #expect(try read("en/guide/index.html") == "<p class=\"original\">nl Nederlands ltr ../../nl/handleiding/ Handleiding</p>\n")
        #expect(try read("nl/handleiding/index.html") == "<p class=\"original\"></p>\n", "an original has none")
        #expect(try read("en/ontbreekt/index.html") == "<p class=\"original\"></p>\n", "a fallback has none")
        #expect(try read("en/alleen/index.html") == "<p class=\"original\"></p>\n", "a page only in English has none")
    }
}
