import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenSupport
import SitegenTestSupport

/// `Tests/Fixtures/sites/features/` laid over the good site: every link form,
/// file fallback, aliases, callout titles, heading ids and raw HTML allowed.
@Suite struct AuthoringFeaturesTests {
    static func build() throws -> (BuildReport, String) {
        let site = try SiteFixtures.copy("good", overlay: "features")
        return try SiteFixtures.build(site)
    }

    @Test func everyLinkFormResolvesToARelativeLink() throws {
        let (report, output) = try Self.build()
        #expect(report.errors.isEmpty, "\(report.errors)")
        let page = try HTMLPage(output + "/nl/links/index.html")
        #expect(try page.values("//div[@class='content']//li/a/@href") == [
            "../handleidingen/handleiding-a/#stap-2",   // a .md file
            "../gids/",                                 // a folder (its index.md)
            "../gids/",                                 // the same, without '/'
            "../gids/deel/",                            // relative to the page's URL
            "../gids/deel/",                            // from the language root
            "../../en/guide-a/",                        // from the site root
            "../gids/",                                 // after the baseURL's path
            "../over/?x=1#wie",                         // a query is kept
            "../../en/guide-a/",                        // another language's file
        ])
        #expect(try page.value("//div[@class='content']//li/img/@src") == "../img/logo.png")
        // No warning for a root-relative link that resolves.
        #expect(!report.warnings.contains { $0.message.contains("server root") })
    }

    @Test func aFallbackPageLinksThePagesOfItsLanguage() throws {
        let (_, output) = try Self.build()
        let page = try HTMLPage(output + "/en/links/index.html")
        let links = try page.values("//div[@class='content']//li/a/@href")
        #expect(links.first == "../guide-a/#stap-2")
        #expect(links.dropFirst().first == "../gids/")
        #expect(try page.value("//div[@class='content']//li/img/@src") == "../../nl/img/logo.png")
    }

    @Test func filesFallBackToTheDefaultLanguageAndArePublishedOnce() throws {
        let (report, output) = try Self.build()
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(try HTMLPage(output + "/en/files/index.html").value("//div[@class='content']//img/@src") == "../../nl/img/logo.png")
        let files = SiteFixtures.snapshot(output).keys
        #expect(files.filter { $0.hasSuffix("logo.png") } == ["nl/img/logo.png"])
    }

    @Test func aliasesWriteRedirectPages() throws {
        let (_, output) = try Self.build()
        let redirect = try String(contentsOfFile: output + "/nl/oud/links/index.html", encoding: .utf8)
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../links/\">"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://example.org/docs/nl/links/\">"))
        #expect(redirect.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(redirect.contains("<a href=\"../../links/\">Links</a>"))
        // From the site root, once; and in the language built from the page.
        #expect(try String(contentsOfFile: output + "/oud-links/index.html", encoding: .utf8).contains("url=../nl/links/"))
        #expect(FileManager.default.fileExists(atPath: output + "/en/oud/links/index.html"))
        // An old URL of an HTML file is that file.
        #expect(try String(contentsOfFile: output + "/nl/oud.html", encoding: .utf8).contains("url=links/"))
    }

    @Test func headingIDsCalloutTitlesAndRawHTML() throws {
        let (_, output) = try Self.build()
        let page = try HTMLPage(output + "/nl/links/index.html")
        #expect(try page.values("//div[@class='content']//h2/@id") == ["vormen", "log-appender--bridge", "spaties", "klasse", "snake_case-en-über--ons"])
        #expect(try page.value("//h2[@id='klasse']/@class") == "breed")
        #expect(try page.value("//p[@class='callout-title']") == "Eigen titel")
        #expect(try page.value("//div[@class='content']//details/summary") == "Meer")
    }

    @Test func themeStylesheetsNameTheHashedFiles() throws {
        let (report, output) = try Self.build()
        #expect(report.errors.isEmpty, "\(report.errors)")
        let files = SiteFixtures.snapshot(output).keys
        let stylesheet = try #require(files.first { $0.hasPrefix("assets/theme.") })
        let image = try #require(files.first { $0.hasPrefix("assets/img/bg.") })
        let font = try #require(files.first { $0.hasPrefix("assets/fonts/a.") })
        let css = try String(contentsOfFile: output + "/" + stylesheet, encoding: .utf8)
        #expect(css.contains("url(\(image.dropFirst("assets/".count)))"))
        #expect(css.contains("url(\"\(font.dropFirst("assets/".count))?#iefix\")"))
        // Comments are not published (nor rewritten).
        #expect(!css.contains("not-a-reference") && !css.contains("/*"))
        #expect(css.contains("url(data:image/gif;base64,R0lGODlhAQABAAAAACw=)"))
        #expect(css.contains("url('https://example.org/x.png')"))
    }

    /// A site without a decision layout of its own gets the built-in theme's.
    @Test func aMissingDecisionTemplateIsTheBuiltInOne() throws {
        let site = try SiteFixtures.copy("good")
        try FileManager.default.removeItem(atPath: site + "/templates/decision-question.mustache")
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.errors.isEmpty, "\(report.errors)")
        // The built-in question layout's back link (the fixture's own has none).
        let questions = SiteFixtures.snapshot(output).filter { $0.key.hasPrefix("en/choose/") && $0.key != "en/choose/index.html" }
        #expect(!questions.isEmpty)
        #expect(questions.values.contains { String(decoding: $0, as: UTF8.self).contains("class=\"back-link\"") })
    }

    @Test func aCalloutWithATitleNeedsNoLabelAndOneWithoutIsTitledInEnglishWithAWarning() throws {
        let site = try SiteFixtures.copy("good")
        try "---\ntitle: Tips\n---\n\n> [!TIP] Eigen titel\n> Tekst.\n\nEn:\n\n> [!TIP]\n> Nog een.\n"
            .write(toFile: site + "/content/ar/tips.md", atomically: false, encoding: .utf8)
        // The site's own theme strings for Arabic, in place of the built-in
        // theme's, have no callout titles: the theme's English one stands in.
        try FileManager.default.createDirectory(atPath: site + "/templates/strings", withIntermediateDirectories: true)
        try "footer: صُنع باستخدام sitegen.\n".write(toFile: site + "/templates/strings/ar.yml", atomically: false, encoding: .utf8)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.errors.isEmpty)
        #expect(report.warnings.map(\.description).contains(
            "content/ar/tips.md:10:1: warning: this 'tip' callout is titled in English: language 'ar' lacks the UI string 'callout.tip'; add it to content/ar/_strings.yml, or write a title after the marker"
        ))
        #expect(try HTMLPage(output + "/ar/tips/index.html").values("//p[@class='callout-title']") == ["Eigen titel", "Tip"])
    }

    /// An alias into `/pagefind/` was written where Pagefind's index goes,
    /// and one into `/assets/` among the theme's files.
    @Test func aliasesIntoSitegensOwnFoldersAreRefused() throws {
        let site = try SiteFixtures.copy("good")
        try "---\ntitle: Verhuisd\naliases: [/pagefind/, /Assets/old/, /pagefind.html, /assets-old/]\n---\n\nTekst.\n"
            .write(toFile: site + "/content/nl/verhuisd.md", atomically: false, encoding: .utf8)
        let (report, _) = try SiteFixtures.build(site)
        #expect(report.errors.map(\.description) == [
            "content/nl/verhuisd.md:3:11: error: alias '/pagefind/' would be written into pagefind/ (the search index), which sitegen fills itself on every build; a redirect there is lost or replaces one of its files: remove the alias or choose another old URL",
            "content/nl/verhuisd.md:3:23: error: alias '/Assets/old/' would be written into assets/ (the theme's files), which sitegen fills itself on every build; a redirect there is lost or replaces one of its files: remove the alias or choose another old URL",
        ])
    }

    /// `/../../x.png` climbs above the root from both readings: the error
    /// listed nothing it looked for.
    @Test func aLinkClimbingAboveTheSiteRootSaysSo() throws {
        let site = try SiteFixtures.copy("good")
        try "---\ntitle: Klimt\n---\n\n![x](/../../x.png) and [y](/../../../y/)\n"
            .write(toFile: site + "/content/nl/klimt.md", atomically: false, encoding: .utf8)
        let (report, _) = try SiteFixtures.build(site)
        #expect(report.errors.map(\.description) == [
            "content/nl/klimt.md:5:1: error: link target '/../../x.png' climbs above the site root with '..'; write the path from the site root without '..', like '/img/logo.png'",
            "content/nl/klimt.md:5:24: error: link target '/../../../y/' climbs above the site root with '..'; write the path from the site root without '..', like '/img/logo.png'",
        ])
    }
}
