import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenSupport
import SitegenTestSupport

/// The built-in theme's UI strings: every language has every text, the
/// plural forms its grammar needs, and a text English stands in for is
/// marked as English on the page.
@Suite struct ThemeStringsTests {
    // The helpers live in SitegenTestSupport, for SitegenBuildTests' suite too.
    static let languages = SitegenTestSupport.ThemeStringsTests.languages

    static func themeStrings(_ language: String) -> UIStrings { SitegenTestSupport.ThemeStringsTests.themeStrings(language) }

    /// A site in every language the theme speaks, read in context: each
    /// page shows its own language's texts, none of them in English.
    @Test func aSiteInEveryLanguageShowsEachOnesOwnTexts() throws {
        var site = MultilingualSite(Self.languages)
        for language in Self.languages {
            site.files["content/\(language)/index.md"] = "# Docs\n\nText.\n\n## Part\n\nMore.\n"
        }
        let (report, output) = try site.build()
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(!report.warnings.contains { $0.message.contains("UI strings") }, "\(report.warnings)")
        for language in Self.languages {
            let strings = Self.themeStrings(language)
            let page = try HTMLPage(output + "/\(language)/index.html")
            #expect(try page.value("//a[@class='skip-link']") == strings["skipToContent"], "\(language)")
            #expect(try page.value("//footer//p") == strings["footer"], "\(language)")
            #expect(try page.nodes("//span[@lang='en']").isEmpty, "\(language)")
        }
    }

    // MARK: English standing in

    @Test func aTextInEnglishOnAPageInAnotherLanguageIsMarkedEnglish() throws {
        let (report, output) = try MultilingualSite(["fi", "nl"], files: [
            "content/fi/_strings.yml": "footer: Tehty sitegenillä.\n",
        ]).build()
        #expect(report.errors.isEmpty, "\(report.errors)")
        let finnish = try HTMLPage(output + "/fi/index.html")
        #expect(try finnish.value("//a[@class='skip-link']/span[@lang='en'][@dir='ltr']") == "Skip to content")
        #expect(try finnish.value("//footer//p") == "Tehty sitegenillä.")
        #expect(try finnish.nodes("//footer//*[@lang]").isEmpty)
        // In an attribute a string cannot be marked without its element.
        #expect(try finnish.value("//nav[@class='site-nav']/@aria-label") == "Main menu")
        let dutch = try HTMLPage(output + "/nl/index.html")
        #expect(try dutch.value("//a[@class='skip-link']") == "Naar de inhoud")
        #expect(try dutch.nodes("//span[@lang='en']").isEmpty)
    }

    /// The language switcher's link to a language without the page leads
    /// to its home page, with a note in the page's language, not the link's.
    @Test func theSwitchersNoteIsInThePagesLanguage() throws {
        let (report, output) = try MultilingualSite(["ar", "en"], settings: "missingPages: omit\n", files: [
            "content/ar/only.md": "# صفحة\n\nنص.\n",
        ]).build()
        #expect(report.errors.isEmpty, "\(report.errors)")
        let page = try HTMLPage(output + "/ar/only/index.html")
        let link = "//nav[@class='language-switcher']//a[@hreflang='en']"
        #expect(try page.value(link + "/@lang") == "en")
        #expect(try page.value(link + "/span[@class='language-note']/@lang") == "ar")
        #expect(try page.value(link + "/span[@class='language-note']/@dir") == "rtl")
        #expect(try page.value(link + "/span[@class='language-note']") == "(" + Self.themeStrings("ar")["homePageOnly"]! + ")")
    }

    /// Callout and footnote titles English stands in for are marked too.
    @Test func calloutAndFootnoteTitlesInEnglishAreMarkedEnglish() throws {
        let page = "# Ohjeet\n\n> [!TIP]\n> Vinkki.\n\n> [!NOTE] Oma otsikko\n> Teksti.\n\nAlaviite.[^1]\n\n[^1]: Huomautus.\n"
        let (report, output) = try MultilingualSite(["fi", "nl"], files: [
            "content/fi/index.md": page,
            "content/nl/index.md": page.replacingOccurrences(of: "# Ohjeet", with: "# Handleiding"),
        ]).build()
        #expect(report.errors.isEmpty, "\(report.errors)")
        let finnish = try HTMLPage(output + "/fi/index.html")
        #expect(try finnish.values("//*[@class='callout-title']/span[@lang='en'][@dir='ltr']") == ["Tip"])
        #expect(try finnish.values("//*[@class='callout-title']") == ["Tip", "Oma otsikko"])
        #expect(try finnish.value("//h2[@id='footnotes-label']/span[@lang='en']") == "Footnotes")
        let dutch = try HTMLPage(output + "/nl/index.html")
        #expect(try dutch.values("//*[@class='callout-title']") == ["Tip", "Oma otsikko"])
        #expect(try dutch.value("//h2[@id='footnotes-label']") == "Voetnoten")
        #expect(try dutch.nodes("//span[@lang='en']").isEmpty)
    }

    // MARK: Plural forms

    @Test func searchCountsCarryTheLanguagesPluralForms() throws {
        let site = try MultilingualSite(["pl", "en"], settings: "search: true\n").write()
        let output = SiteFixtures.temporaryFolder() + "/out"
        let report = try SearchTests.build(site, output: output)
        #expect(report.errors.isEmpty, "\(report.errors)")
        for path in ["pl/index.html", "pl/search/index.html"] {
            let page = try String(contentsOfFile: output + "/" + path, encoding: .utf8)
            #expect(page.contains(#"data-many="Znaleziono [COUNT] stron" data-plural-few="Znaleziono [COUNT] strony" data-plural-many="Znaleziono [COUNT] stron""#), "\(path)")
        }
        let english = try String(contentsOfFile: output + "/en/index.html", encoding: .utf8)
        #expect(english.contains(#"data-many="[COUNT] pages found""#))
        #expect(!english.contains("data-plural-"))
    }
}
