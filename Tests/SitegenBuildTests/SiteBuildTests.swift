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

/// Whole-site builds of `Tests/Fixtures/sites/good`: three languages (Arabic
/// right to left), a page missing in English (fallback) and in Arabic (omit).
@Suite struct SiteBuildTests {
    static func builtGoodSite(baseURL: String? = nil, fileLinks: Bool = false) throws -> String {
        let (report, output) = try SiteFixtures.build(SiteFixtures.path("good"), baseURL: baseURL, fileLinks: fileLinks)
        #expect(report.errors.isEmpty, "\(report.errors)")
        return output
    }

    @Test func writesPrettyURLsForEveryLanguage() throws {
        let output = try Self.builtGoodSite()
        let files = Set(SiteFixtures.snapshot(output).keys)
        #expect(files.isSuperset(of: [
            "index.html", "404.html", ".sitegen-output",
            "nl/index.html", "nl/handleidingen/handleiding-a/index.html", "nl/over/index.html", "nl/img/logo.png",
            "en/index.html", "en/guide-a/index.html", "en/over/index.html",
            "ar/index.html", "ar/guide-a/index.html",
        ]))
        #expect(!files.contains("ar/over/index.html"), "omit policy: no Arabic page for over.md")
        #expect(!files.contains { $0.contains("concept") }, "drafts are left out")
        #expect(files.contains { $0.hasPrefix("assets/style.") && $0.hasSuffix(".css") })
        #expect(!files.contains("sitemap.xml") && !files.contains("robots.txt"), "no base URL, no sitemap")
    }

    /// Links inside content/ are followed: to a file, and to a folder that is
    /// not listed otherwise. A link to a folder already listed (here: one
    /// before it in the alphabet, and the language folder itself) is not
    /// followed: that would publish its pages twice, or loop.
    @Test func symbolicLinksInsideContentAreFollowedOnce() throws {
        let site = try SiteFixtures.copy("good")
        let manager = FileManager.default
        for folder in ["nl/map", "_gedeeld"] {
            try manager.createDirectory(atPath: site + "/content/" + folder, withIntermediateDirectories: true)
        }
        try "---\ntitle: In een map\n---\nTekst.\n".write(toFile: site + "/content/nl/map/pagina.md", atomically: true, encoding: .utf8)
        try "---\ntitle: Gedeeld\n---\nTekst.\n".write(toFile: site + "/content/_gedeeld/stuk.md", atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: site + "/content/nl/kopie.md", withDestinationPath: "map/pagina.md")
        try manager.createSymbolicLink(atPath: site + "/content/nl/andere-map", withDestinationPath: "map")
        try manager.createSymbolicLink(atPath: site + "/content/nl/map/terug", withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: site + "/content/nl/gedeeld", withDestinationPath: "../_gedeeld")
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.errors.isEmpty, "\(report.errors)")
        let files = Set(SiteFixtures.snapshot(output).keys)
        #expect(files.isSuperset(of: ["nl/map/pagina/index.html", "nl/kopie/index.html", "nl/gedeeld/stuk/index.html"]))
        #expect(!files.contains { $0.contains("andere-map") || $0.contains("terug") })
    }

    /// A UI string only some pages show is needed before any page shows it:
    /// the error comes now, not on the day a page first needs it.
    @Test func uiStringsNamedInTemplatesAreNeededEvenWhenNoPageShowsThem() throws {
        let site = try SiteFixtures.copy("good")
        let partial = site + "/templates/partials/rare.mustache"
        try "{{#page.params.neverSet}}<p>{{strings.rarelyShown}}</p>{{/page.params.neverSet}}\n".write(toFile: partial, atomically: true, encoding: .utf8)
        let page = site + "/templates/page.mustache"
        try (String(contentsOfFile: page, encoding: .utf8) + "{{> partials/rare}}\n").write(toFile: page, atomically: true, encoding: .utf8)
        let (report, _) = try SiteFixtures.build(site)
        #expect(report.errors.map(\.description) == ["ar", "en", "nl"].map {
            "templates/partials/rare.mustache:1:29: error: this template asks for UI string 'rarelyShown', which language '\($0)' lacks; add 'rarelyShown: ...' to content/\($0)/_strings.yml"
        })
    }

    @Test func pageHasLanguageTitleDescriptionAndOneH1() throws {
        let page = try HTMLPage(Self.builtGoodSite() + "/nl/index.html")
        #expect(try page.value("/html/@lang") == "nl")
        #expect(try page.value("/html/@dir") == "ltr")
        #expect(try page.value("/html/head/title") == "Welkom | Testsite")
        #expect(try page.value("//meta[@name='description']/@content") == "De startpagina.")
        #expect(try page.nodes("//h1").count == 1)
    }

    @Test func rightToLeftLanguage() throws {
        let page = try HTMLPage(Self.builtGoodSite() + "/ar/guide-a/index.html")
        #expect(try page.value("/html/@lang") == "ar")
        #expect(try page.value("/html/@dir") == "rtl")
        #expect(try page.value("//h2[@id='stap-1']") == "الخطوة 1")
    }

    @Test func markdownLinksBecomeRelativePageLinks() throws {
        let output = try Self.builtGoodSite()
        let home = try HTMLPage(output + "/nl/index.html")
        #expect(try home.values("//div[@class='content']//a/@href") == ["handleidingen/handleiding-a/#stap-2", "over/"])
        #expect(try home.value("//div[@class='content']//img/@src") == "img/logo.png")
        let guide = try HTMLPage(output + "/nl/handleidingen/handleiding-a/index.html")
        #expect(try guide.values("//div[@class='content']//a/@href") == ["../../", "../../over/#wie", "../../over/"])
        // English links to the untranslated Dutch file name reach the fallback page.
        let english = try HTMLPage(output + "/en/index.html")
        #expect(try english.values("//div[@class='content']//a/@href") == ["guide-a/#stap-2", "over/"])
        // Arabic leaves the page out: the link goes to the Arabic home page.
        let arabic = try HTMLPage(output + "/ar/index.html")
        #expect(try arabic.values("//div[@class='content']//a/@href") == ["guide-a/", "./"])
    }

    @Test func languageSwitcherLinksTheSamePageOrTheHome() throws {
        let output = try Self.builtGoodSite()
        let guide = try HTMLPage(output + "/nl/handleidingen/handleiding-a/index.html")
        #expect(try guide.values("//nav[@class='languages']//a/@href") == ["./", "../../../en/guide-a/", "../../../ar/guide-a/"])
        let about = try HTMLPage(output + "/nl/over/index.html")
        #expect(try about.values("//nav[@class='languages']//a/@href") == ["./", "../../en/over/", "../../ar/"])
        #expect(try about.value("//nav[@class='languages']//a[@hreflang='ar']/@class") == " home-only")
        // Every switcher link leads to a file that exists.
        for file in SiteFixtures.snapshot(output).keys where file.hasSuffix(".html") && file != "404.html" && file != "index.html" {
            let page = try HTMLPage(output + "/" + file)
            let folder = (file as NSString).deletingLastPathComponent
            for href in try page.values("//nav[@class='languages']//a/@href") {
                let target = URL(fileURLWithPath: output + "/" + folder + "/" + href).standardizedFileURL.path + "/index.html"
                #expect(FileManager.default.fileExists(atPath: target), "\(file) -> \(href)")
            }
        }
    }

    @Test func fallbackPageHasNoticeAndTheOriginalsLanguage() throws {
        let page = try HTMLPage(Self.builtGoodSite() + "/en/over/index.html")
        #expect(try page.value("/html/@lang") == "en")
        #expect(try page.value("//p[@class='notice']") == "This page has not been translated yet.")
        #expect(try page.value("//div[@class='content']/@lang") == "nl")
        #expect(try page.value("//h2[@id='wie']") == "Wie")
    }

    @Test func hreflangAlternatesIncludeXDefault() throws {
        let page = try HTMLPage(Self.builtGoodSite() + "/en/guide-a/index.html")
        let alternates = try page.nodes("//link[@rel='alternate']").map { node -> String in
            let element = node as! XMLElement
            return "\(element.attribute(forName: "hreflang")!.stringValue!) \(element.attribute(forName: "href")!.stringValue!)"
        }
        #expect(alternates == ["nl ../../nl/handleidingen/handleiding-a/", "en ./", "ar ../../ar/guide-a/", "x-default ../../nl/handleidingen/handleiding-a/"])
        // A fallback page is no translation: it is not an alternate.
        let fallback = try HTMLPage(Self.builtGoodSite() + "/en/over/index.html")
        #expect(try fallback.nodes("//link[@rel='alternate']").isEmpty)
    }

    @Test func baseURLGivesAbsoluteAlternatesCanonicalSitemapAndRobots() throws {
        let output = try Self.builtGoodSite(baseURL: "https://example.org/docs")
        let page = try HTMLPage(output + "/en/guide-a/index.html")
        #expect(try page.value("//link[@rel='canonical']/@href") == "https://example.org/docs/en/guide-a/")
        #expect(try page.value("//link[@hreflang='x-default']/@href") == "https://example.org/docs/nl/handleidingen/handleiding-a/")
        let sitemap = try XMLDocument(contentsOf: URL(fileURLWithPath: output + "/sitemap.xml"))
        let locations = try sitemap.nodes(forXPath: "//*[local-name()='loc']").map { $0.stringValue! }
        #expect(locations.contains("https://example.org/docs/ar/guide-a/"))
        #expect(!locations.contains("https://example.org/docs/en/over/"), "fallback pages are not in the sitemap")
        // ...and their canonical link agrees: it names the original they repeat.
        let fallback = try HTMLPage(output + "/en/over/index.html")
        #expect(try fallback.value("//link[@rel='canonical']/@href") == "https://example.org/docs/nl/over/")
        #expect(locations.contains("https://example.org/docs/nl/over/"))
        let links = try sitemap.nodes(forXPath: "//*[local-name()='url'][*[local-name()='loc']='https://example.org/docs/nl/']/*[local-name()='link']/@hreflang")
        #expect(links.map { $0.stringValue! } == ["nl", "en", "ar"])
        let robots = try String(contentsOfFile: output + "/robots.txt", encoding: .utf8)
        #expect(robots.contains("Sitemap: https://example.org/docs/sitemap.xml"))
        // The 404 page's links are absolute, so they work at any depth.
        let notFound = try HTMLPage(output + "/404.html")
        #expect(try notFound.values("//a/@href") == ["/docs/nl/", "/docs/en/", "/docs/ar/"])
        #expect(try notFound.value("//link[@rel='stylesheet']/@href")?.hasPrefix("/docs/assets/style.") == true)
    }

    @Test func rootPageChoosesALanguage() throws {
        let page = try HTMLPage(Self.builtGoodSite() + "/index.html")
        #expect(try page.values("//main//a/@href") == ["nl/", "en/", "ar/"])
        #expect(try page.values("//main//li/@lang") == ["nl", "en", "ar"])
    }

    @Test func tableOfContentsWhenSeveralSections() throws {
        let output = try Self.builtGoodSite()
        let guide = try HTMLPage(output + "/nl/handleidingen/handleiding-a/index.html")
        #expect(try guide.values("//nav[@class='toc']//a/@href") == ["#stap-1", "#stap-2"])
        let home = try HTMLPage(output + "/nl/index.html")
        #expect(try home.nodes("//nav[@class='toc']").isEmpty)
    }

    @Test func calloutTitlesComeFromTheLanguagesStrings() throws {
        let output = try Self.builtGoodSite()
        #expect(try HTMLPage(output + "/nl/handleidingen/handleiding-a/index.html").value("//p[@class='callout-title']") == "Waarschuwing")
        #expect(try HTMLPage(output + "/en/guide-a/index.html").value("//p[@class='callout-title']") == "Note")
    }

    @Test func unknownFrontMatterKeysReachTemplates() throws {
        let page = try HTMLPage(Self.builtGoodSite() + "/nl/handleidingen/handleiding-a/index.html")
        #expect(try page.value("//p[@class='audience']") == "beheerders")
    }

    @Test func navigationFollowsWeight() throws {
        let page = try HTMLPage(Self.builtGoodSite() + "/nl/over/index.html")
        // Top-level pages and sections: handleidingen/ has no index.md, so
        // it gets a generated section page, titled from the folder's name.
        #expect(try page.values("//nav[@class='menu']//a") == ["Welkom", "Over deze site", "Keuzehulp", "Handleidingen"])
        #expect(try page.value("//nav[@class='menu']//a[@aria-current='page']") == "Over deze site")
    }

    @Test func fileLinksEndInIndexHTML() throws {
        let output = try Self.builtGoodSite(fileLinks: true)
        let home = try HTMLPage(output + "/nl/index.html")
        #expect(try home.values("//div[@class='content']//a/@href") == ["handleidingen/handleiding-a/index.html#stap-2", "over/index.html"])
        #expect(try home.values("//nav[@class='languages']//a/@href") == ["index.html", "../en/index.html", "../ar/index.html"])
        let root = try HTMLPage(output + "/index.html")
        #expect(try root.values("//main//a/@href") == ["nl/index.html", "en/index.html", "ar/index.html"])
    }

    @Test func aLinkToADraftIsAWarningAndGoesHome() throws {
        let site = try SiteFixtures.copy("good")
        try "---\ntitle: Over deze site\nweight: 3\n---\n\n## Wie\n\nZie het [concept](concept.md).\n\n## Waarom\n\nDaarom.\n"
            .write(toFile: site + "/content/nl/over.md", atomically: false, encoding: .utf8)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.succeeded)
        #expect(report.warnings.map(\.description).contains(
            "content/nl/over.md:8:9: warning: link target 'concept.md' is a draft, left out of this build (build with --drafts to include it); the link goes to the home page"))
        #expect(try HTMLPage(output + "/nl/over/index.html").value("//div[@class='content']//a/@href") == "../")
        let (withDrafts, draftOutput) = try SiteFixtures.build(site, drafts: true)
        #expect(withDrafts.warnings.allSatisfy { !$0.message.contains("draft") })
        #expect(try HTMLPage(draftOutput + "/nl/over/index.html").value("//div[@class='content']//a/@href") == "../concept/")
    }

    @Test func draftsAreBuiltOnRequest() throws {
        let (report, output) = try SiteFixtures.build(SiteFixtures.path("good"), drafts: true)
        #expect(report.succeeded)
        #expect(FileManager.default.fileExists(atPath: output + "/nl/concept/index.html"))
    }

    @Test func reportsMissingTranslations() throws {
        let (report, _) = try SiteFixtures.build(SiteFixtures.path("good"))
        #expect(report.warnings.map(\.description) == [
            "content/ar/keuze.md: warning: no 'ar' translation of content/nl/keuze.md (translationKey 'helper'); left out, links to it go to the 'ar' home page",
            "content/ar/over.md: warning: no 'ar' translation of content/nl/over.md (translationKey 'over'); left out, links to it go to the 'ar' home page",
            "content/en/over.md: warning: no 'en' translation of content/nl/over.md (translationKey 'over'); built from 'nl' with a notice",
        ])
        // nl and en: 3 pages, the helper's start page and its 7 steps; nl
        // also the generated section page of handleidingen/.
        #expect(report.pagesPerLanguage.map(\.pages) == [12, 11, 2])
    }

    @Test func parallelRenderingGivesTheSameOutputAsOneCore() throws {
        let (source, _) = try SiteLoader.load(SiteFixtures.path("good"))
        let config = try #require(SiteConfig.parse(source.config.text).0)
        let (site, _) = SiteResolver.resolve(source, config: config)
        let (templates, _) = TemplateSet.load(source.templates)
        func plan(workers: Int) -> [SitePath: [UInt8]] {
            SiteRenderer(site: site, templates: templates, assets: HashedAssets(source.assets), workers: workers).render().0.files
        }
        let one = plan(workers: 1)
        #expect(one.count > 20)
        #expect(plan(workers: 4) == one)
    }

    /// A build takes the pages' bodies out of the site before rendering
    /// (`Site.takeBodies`), so that each file's text goes once its page has
    /// rendered: no page left in the site or its navigation holds text, and
    /// the output is the same. The fixture has a fallback page, which shares
    /// its original's body, and a decision helper.
    @Test func renderingFromTakenBodiesGivesTheSameOutput() throws {
        let (source, _) = try SiteLoader.load(SiteFixtures.path("good"))
        let config = try #require(SiteConfig.parse(source.config.text).0)
        let (site, _) = SiteResolver.resolve(source, config: config)
        let (templates, _) = TemplateSet.load(source.templates)
        let kept = SiteRenderer(site: site, templates: templates, assets: HashedAssets(source.assets), workers: 1).render()
        var taken = site
        let bodies = taken.takeBodies()
        let fromBodies = SiteRenderer(site: taken, templates: templates, assets: HashedAssets(source.assets), workers: 2).render(bodies: bodies)
        #expect(kept.0.files.count > 20)
        #expect(fromBodies.0.files == kept.0.files)
        #expect(fromBodies.1 == kept.1)
        #expect(site.pages.contains { !$0.body.text.isEmpty && $0.isFallback })
        #expect(taken.pages.allSatisfy { $0.body.text.isEmpty && $0.frontMatter == nil })
        for language in config.languages.map(\.code) {
            #expect(taken.sectionTree(of: language)!.nodes.allSatisfy { $0.page.body.text.isEmpty && $0.page.frontMatter == nil })
            #expect(taken.navigation(in: language).allSatisfy { $0.body.text.isEmpty })
        }
        #expect(taken.pages.indices.allSatisfy { bodies.take($0) == nil })
    }

    @Test func buildsAreByteIdentical() throws {
        let (first, second) = (try Self.builtGoodSite(baseURL: "https://example.org/"), try Self.builtGoodSite(baseURL: "https://example.org/"))
        let a = SiteFixtures.snapshot(first), b = SiteFixtures.snapshot(second)
        #expect(a.count > 10)
        #expect(a == b)
    }
}
