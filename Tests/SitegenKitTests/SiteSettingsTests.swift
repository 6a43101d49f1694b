import Testing
@testable import SitegenKit
@testable import SitegenSupport

/// Site settings read from sitegen.yml's text (what they do to a built
/// site is SitegenBuildTests' SiteSettingsTests).
@Suite struct SiteSettingsTests {
    @Test func aBadEditURLIsALocatedError() throws {
        let (config, diagnostics) = SiteConfig.parse("title: T\nlanguages:\n  - code: en\n    name: English\neditURL: github.com/o/r\n")
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == [
            "sitegen.yml:5:10: error: editURL must be an absolute http or https URL of the site folder on a code host, like 'https://github.com/owner/repo/edit/main/'",
        ])
    }

    @Test func aBannerIsTextOrTextPerLanguage() {
        let (config, _) = SiteConfig.parse("title: T\nlanguages:\n  - code: en\n    name: English\n  - code: nl\n    name: Nederlands\nbanner: Hello\n")
        #expect(config?.banner == ["en": "Hello", "nl": "Hello"])
        let (bad, diagnostics) = SiteConfig.parse("title: T\nlanguages:\n  - code: en\n    name: English\nbanner: [a, b]\n")
        #expect(bad == nil)
        #expect(diagnostics.map(\.description) == ["sitegen.yml:5:9: error: banner must be text, or a mapping from language code to text"])
    }

    /// A language written right to left is laid out so without `direction:`
    /// (as Starlight and Docusaurus do): `code: ar` alone once gave a
    /// left-to-right Arabic site without a word. `direction:` still rules.
    @Test func rightToLeftLanguagesAreRightToLeftByDefault() {
        let languages = ["ar", "he", "fa", "ur", "ar-EG", "nl", "en-US"].map { "  - code: \($0)\n    name: N\($0)\n" }.joined()
        let (config, diagnostics) = SiteConfig.parse("title: T\nlanguages:\n" + languages
            + "  - code: yi\n    name: Yi\n    direction: ltr\n  - code: de\n    name: Deutsch\n    direction: rtl\n")
        #expect(diagnostics.isEmpty)
        #expect(config?.languages.map { "\($0.code) \($0.direction.rawValue)" } == [
            "ar rtl", "he rtl", "fa rtl", "ur rtl", "ar-EG rtl", "nl ltr", "en-US ltr", "yi ltr", "de rtl",
        ])
    }

    /// `markdown:`, `links:`, `warnings:` and `params:` are read alike: a
    /// mapping, each unknown key a warning naming the known ones.
    @Test func settingsMapsWarnAboutUnknownKeysAndMustBeMappings() {
        let base = "title: T\nlanguages:\n  - code: en\n    name: English\n"
        let (config, warnings) = SiteConfig.parse(base + "markdown:\n  highlite: false\nlinks:\n  outsde: [/blog/]\nwarnings:\n  missing: false\n")
        #expect(config != nil)
        #expect(warnings.map(\.description) == [
            "sitegen.yml:6:3: warning: unknown setting 'markdown.highlite'; known: headingIDs, highlight, rawHTML",
            "sitegen.yml:8:3: warning: unknown setting 'links.outsde'; known: outside",
            "sitegen.yml:10:3: warning: unknown setting 'warnings.missing'; known: missingTranslations",
        ])
        let (bad, errors) = SiteConfig.parse(base + "markdown: yes\nlinks: [/blog/]\nwarnings: off\nparams: 2\n")
        #expect(bad == nil)
        #expect(errors.map(\.description) == [
            "sitegen.yml:5:11: error: markdown must be a mapping, like 'markdown:' with '  rawHTML: allow'",
            "sitegen.yml:6:8: error: links must be a mapping, like 'links:' with '  outside: [/blog/]'",
            "sitegen.yml:7:11: error: warnings must be a mapping, like 'warnings:' with '  missingTranslations: false'",
            "sitegen.yml:8:9: error: params must be a mapping, like 'params:' with '  version: \"2.1\"'",
        ])
    }
}
