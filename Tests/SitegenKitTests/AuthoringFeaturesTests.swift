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

    @Test func publishedStylesheetsLeaveOutComments() {
        let css = "/* theme */\na { color: red; } /* why */\n\n/*! licence */\nb::before { content: \"/* kept */\"; }\nc::after { content: '\\'/*'; }\n"
        #expect(StylesheetComments.stripped(css)
                == "a { color: red; } \n/*! licence */\nb::before { content: \"/* kept */\"; }\nc::after { content: '\\'/*'; }\n")
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

    @Test func aliasesAreCheckedWhenRead() {
        let (_, problems) = PageMetadata.parse("title: X\naliases: [/../weg/, 'ok/', 'https://x.org/']", file: "p.md", firstLine: 2)
        #expect(problems.map(\.description).count == 2)
        #expect(problems.first?.description.hasPrefix("p.md:3:11: error: alias '/../weg/' must be a URL path") == true)
    }

    /// `/.sitegen-output/` was accepted, listed in the manifest, and its
    /// redirect lost under the marker file in silence.
    @Test func aliasesWithHiddenNamesAreRefused() {
        let (_, problems) = PageMetadata.parse("title: X\naliases: [/.sitegen-output/, old/.hidden/, ./ok/, ../fine/]", file: "p.md", firstLine: 2)
        #expect(problems.map(\.description) == [
            "p.md:3:11: error: alias '/.sitegen-output/' must be a URL path in the site, like 'old/path/' (from this page's folder) or '/old/path/' (from the site root), without '?', '#', a scheme or a name starting with '.'",
            "p.md:3:30: error: alias 'old/.hidden/' must be a URL path in the site, like 'old/path/' (from this page's folder) or '/old/path/' (from the site root), without '?', '#', a scheme or a name starting with '.'",
        ])
        let (metadata, none) = PageMetadata.parse("title: X\naliases: [./ok/, ../fine/]", file: "p.md", firstLine: 2)
        #expect(none.isEmpty)
        #expect(metadata?.aliases.map(\.path) == ["./ok", "../fine"])
    }

    /// `/a%2Fb/` became a folder named `a%2Fb`, which no request reaches:
    /// a web server decodes the URL before it looks for the file.
    @Test func percentEncodedAliasesAreDecodedAndBadEscapesRefused() {
        let (metadata, none) = PageMetadata.parse("title: X\naliases: [/a%2Fb/, /caf%C3%A9/, /100%25/]", file: "p.md", firstLine: 2)
        #expect(none.isEmpty)
        #expect(metadata?.aliases.map(\.path) == ["a/b", "café", "100%"])
        let (_, problems) = PageMetadata.parse(
            "title: X\naliases: [/a%2Fb/, /caf%C3%A9/, /%2E%2E/etc/, /bad%zz/, /half%E2%82/, /100%25/]", file: "p.md", firstLine: 2)
        #expect(problems.map(\.description) == [
            "p.md:3:33: error: alias '/%2E%2E/etc/' must be a URL path in the site, like 'old/path/' (from this page's folder) or '/old/path/' (from the site root), without '?', '#', a scheme or a name starting with '.'",
            "p.md:3:47: error: alias '/bad%zz/' has a '%' that starts no %-escape of UTF-8 text (like %20 or %C3%A9); write '%25' for a '%' itself",
            "p.md:3:57: error: alias '/half%E2%82/' has a '%' that starts no %-escape of UTF-8 text (like %20 or %C3%A9); write '%25' for a '%' itself",
        ])
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

    @Test func markdownSettingsAreRead() {
        let (config, problems) = SiteConfig.parse("title: T\nlanguages: [{code: en, name: English}]\nmarkdown:\n  rawHTML: allow\n  headingIDs: compact\nwarnings:\n  missingTranslations: false\n")
        #expect(problems.isEmpty)
        #expect(config?.markdown.rawHTML == .allow)
        #expect(config?.markdown.headingIDs == .compact)
        #expect(config?.missingTranslationWarnings == false)
        let (_, bad) = SiteConfig.parse("title: T\nlanguages: [{code: en, name: English}]\nmarkdown:\n  rawHTML: keep\n")
        #expect(bad.map(\.description) == ["sitegen.yml:4:12: error: markdown.rawHTML must be 'drop' or 'allow'"])
    }

    @Test func manyWarningsOfAKindAreOneLine() {
        let warnings = (1...12).map { Diagnostic(.warning, file: "content/en/p\($0).md", "no 'en' translation", kind: "missing translations") }
        let lines = DiagnosticSummary.lines([Diagnostic(.error, file: "a.md", "bad")] + warnings, verbose: false)
        #expect(lines == [
            "a.md: error: bad",
            "content/en/p1.md: warning: 12 missing translations (first: content/en/p1.md, content/en/p2.md, content/en/p3.md, ...); --verbose lists them all",
        ])
        #expect(DiagnosticSummary.lines(warnings, verbose: true).count == 12)
        #expect(DiagnosticSummary.lines(Array(warnings.prefix(10)), verbose: false).count == 10)
    }
}

@Suite struct ErrorSummaryTests {
    @Test func manyErrorsOfOneShapeAreOneLine() {
        let errors = (1...11).map { Diagnostic(.error, file: "content/en/p\($0).md", line: 3, column: 1, "link target 'x\($0).md' does not exist") }
        let other = Diagnostic(.error, file: "content/en/z.md", "the page's title isn't 'text'")
        let lines = DiagnosticSummary.lines(errors + [other], verbose: false)
        #expect(lines == [
            "content/en/p1.md:3:1: error: 11 errors like this: link target 'x1.md' does not exist (first: content/en/p1.md:3:1, content/en/p2.md:3:1, content/en/p3.md:3:1, ...); --verbose lists them all",
            "content/en/z.md: error: the page's title isn't 'text'",
        ])
        #expect(DiagnosticSummary.lines(errors, verbose: true).count == 11)
        #expect(DiagnosticSummary.lines(Array(errors.prefix(10)), verbose: false).count == 10)
    }
}
