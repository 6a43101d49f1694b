import Testing
@testable import SitegenKit
@testable import SitegenSupport

/// The version a translation records: a hash of its original's body that
/// whitespace-only edits do not change.
@Suite struct TranslationHashTests {
    @Test func isFNV1aOfTheBodyWithWhitespaceCollapsed() {
        // Reference values: 64-bit FNV-1a, first 12 hex digits.
        #expect(TranslationHash.of("") == "cbf29ce48422")
        #expect(TranslationHash.of("a") == "af63dc4c8601")
        #expect(TranslationHash.of("foo bar") == "5fd13fcc22c8")
        #expect(TranslationHash.of("\n\n  foo\r\n\t bar \n") == "5fd13fcc22c8")
        #expect(TranslationHash.of("Hallo wereld, één keer.") == "38007e121845")
    }

    @Test func whitespaceOnlyEditsKeepTheHashOtherEditsChangeIt() {
        let original = "Eerste regel van een alinea\ndie verder gaat.\n\n- een\n- twee\n"
        let rewrapped = "  Eerste regel van een alinea die\r\nverder gaat.\r\n\r\n\r\n-\teen\n-   twee"
        #expect(TranslationHash.of(rewrapped) == TranslationHash.of(original))
        #expect(TranslationHash.of(original.replacingOccurrences(of: "gaat.", with: "gaat!")) != TranslationHash.of(original))
        // Removing the space between two words is not whitespace-only.
        #expect(TranslationHash.of("een twee") != TranslationHash.of("eentwee"))
        // A non-breaking space is a character of its own.
        #expect(TranslationHash.of("10\u{00A0}km") != TranslationHash.of("10 km"))
    }

    @Test func validHashesAreTwelveHexDigits() {
        #expect(TranslationHash.isValid("3f9a0c12be47"))
        #expect(TranslationHash.isValid("3F9A0C12BE47"))
        #expect(TranslationHash.isValid("123456789012"))
        #expect(!TranslationHash.isValid("3f9a0c12be4"))
        #expect(!TranslationHash.isValid("3f9a0c12be470"))
        #expect(!TranslationHash.isValid("3f9a0c12be4g"))
        #expect(!TranslationHash.isValid(""))
    }
}

/// What the core reads of translations: `translationOf`, the status of a
/// site of one language, `translationNotices` (the report on a site
/// folder and the builds are SitegenBuildTests' TranslationReportTests).
@Suite struct TranslationStatusTests {
    @Test func aHashOfDigitsOnlyIsText() throws {
        let (metadata, diagnostics) = PageMetadata.parse("title: T\ntranslationOf: 012345678901\n", file: "t.md", firstLine: 2)
        #expect(diagnostics.isEmpty)
        #expect(metadata?.translationOf == "012345678901")
        #expect(metadata?.params["translationOf"] == nil, "translationOf does not reach page.params")
        let (upper, _) = PageMetadata.parse("title: T\ntranslationOf: \"3F9A0C12BE47\"\n", file: "t.md", firstLine: 2)
        #expect(upper?.translationOf == "3f9a0c12be47")
        let (_, bad) = PageMetadata.parse("title: T\ntranslationOf: [3f9a0c12be47]\n", file: "t.md", firstLine: 2)
        #expect(bad.map(\.description).first?.hasPrefix("t.md:3:16: error: translationOf must be the 12 hex digits") == true)
    }

    @Test func oneLanguageHasNoStatus() throws {
        let (config, _) = SiteConfig.parse("title: T\nlanguages:\n  - code: nl\n    name: Nederlands\n")
        let source = SiteSource(root: "/site", config: SourceText("", path: "sitegen.yml"), pages: [
            SiteSource.PageFile(language: "nl", relativePath: "index.md", source: SourceText("---\ntitle: T\n---\n", path: "content/nl/index.md")),
        ])
        let (site, _) = SiteResolver.resolve(source, config: try #require(config))
        #expect(site.translationStatus == nil)
    }

    @Test func translationNoticesMustBeTrueOrFalse() {
        let base = "title: T\nlanguages:\n  - code: nl\n    name: Nederlands\n"
        #expect(SiteConfig.parse(base).0?.translationNotices == false)
        #expect(SiteConfig.parse(base + "translationNotices: true\n").0?.translationNotices == true)
        let (config, diagnostics) = SiteConfig.parse(base + "translationNotices: sometimes\n")
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == ["sitegen.yml:5:21: error: translationNotices must be true or false"])
    }
}
