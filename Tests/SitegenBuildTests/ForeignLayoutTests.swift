import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenSupport
import SitegenTestSupport

/// Sites written for Hugo, MkDocs or GitHub, as their authors wrote them:
/// one test per rule that lets them build unedited.
@Suite struct ForeignLayoutTests {
    /// A site folder with these files (paths relative to it) and a one-language
    /// `sitegen.yml` unless given (in SitegenTestSupport, for the command
    /// line's tests too).
    static func site(_ files: [String: String], settings: String = "") throws -> String {
        try SitegenTestSupport.ForeignLayoutTests.site(files, settings: settings)
    }

    static func build(_ files: [String: String], settings: String = "") throws -> (BuildReport, String) {
        try SiteFixtures.build(try site(files, settings: settings))
    }

    // MARK: Folder pages

    @Test func hugosUnderscoreIndexIsItsFoldersPage() throws {
        let (report, output) = try Self.build([
            "content/en/_index.md": "---\ntitle: Home\n---\nSee the [guide](guide/_index.md).\n",
            "content/en/guide/_index.md": "---\ntitle: Guide\n---\nThe guide.\n",
            "content/en/guide/step.md": "---\ntitle: Step\n---\nBack to the [guide](_index.md).\n",
        ])
        #expect(report.errors.isEmpty, "\(report.errors)")
        let guide = try HTMLPage(output + "/en/guide/index.html")
        #expect(try guide.value("//h1") == "Guide")
        let step = try HTMLPage(output + "/en/guide/step/index.html")
        #expect(try step.values("//main//p/a/@href").contains("../"))
    }

    @Test func readmeIsAFoldersPageOnlyWithoutAnIndex() throws {
        let (report, output) = try Self.build([
            "content/en/index.md": "# Home\n\nSee [the API](api/README.md) and [notes](notes/README.md).\n",
            "content/en/api/README.md": "# API\n\nThe API.\n",
            "content/en/notes/index.md": "# Notes\n",
            "content/en/notes/README.md": "# Read me\n\nA page of its own.\n",
        ])
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(try HTMLPage(output + "/en/api/index.html").value("//h1") == "API")
        #expect(try HTMLPage(output + "/en/notes/index.html").value("//h1") == "Notes")
        #expect(try HTMLPage(output + "/en/notes/README/index.html").value("//h1") == "Read me")
        #expect(try HTMLPage(output + "/en/index.html").values("//main//p/a/@href") == ["api/", "notes/README/"])
    }

    @Test func indexAndUnderscoreIndexInOneFolderAreAnError() throws {
        let (report, _) = try Self.build([
            "content/en/index.md": "# Home\n",
            "content/en/_index.md": "# Home again\n",
        ])
        #expect(report.errors.map(\.description) == [
            "content/en/index.md:1:1: error: this file and content/en/_index.md are both the folder's page (index.md, _index.md); keep one",
        ])
    }

    // MARK: Titles

    @Test func theFirstHeadingIsTheTitleAndIsNotPrintedTwice() throws {
        let (report, output) = try Self.build([
            "content/en/index.md": "\n# The `sitegen` *home* {#top}\n\nWelcome.\n\n## Later\n",
            "content/en/setext.md": "Setext title\n============\n\nText.\n",
            "content/en/same.md": "---\nweight: 2\n---\n# Same\n\nText.\n",
        ])
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let home = try HTMLPage(output + "/en/index.html")
        #expect(try home.values("//h1") == ["The sitegen home"])
        #expect(try home.value("//title")?.hasPrefix("The sitegen home |") == true)
        #expect(try HTMLPage(output + "/en/setext/index.html").values("//h1") == ["Setext title"])
        #expect(try HTMLPage(output + "/en/same/index.html").values("//h1") == ["Same"])
    }

    @Test func aTitleAndADifferentFirstHeadingIsAWarning() throws {
        let (report, output) = try Self.build([
            "content/en/index.md": "---\ntitle: Home\n---\n\n# Welcome\n",
        ])
        #expect(report.errors.isEmpty)
        #expect(report.warnings.map(\.description) == [
            "content/en/index.md:5:1: warning: the page's title 'Home' and its first heading 'Welcome' differ, so it shows both; remove the heading, or the front matter's title to use the heading",
        ])
        #expect(try HTMLPage(output + "/en/index.html").values("//h1") == ["Home", "Welcome"])
    }

    @Test func noTitleAnywhereIsAnError() throws {
        let (report, _) = try Self.build([
            "content/en/index.md": "Text, then\n\n# A heading\n",
        ])
        #expect(report.errors.map(\.description) == [
            "content/en/index.md:1:1: error: page has no title; start its Markdown with a heading '# Title', or add 'title: ...' to its front matter",
        ])
    }
}

/// The first build shows all the work: every stage checks what is valid.
@Suite struct FirstBuildTests {
    @Test func errorsOfEveryStageInOneRun() throws {
        let site = try ForeignLayoutTests.site([
            "content/en/index.md": "# Home\n\nSee [a missing page](missing.md) and [b](b.md#nowhere).\n",
            "content/en/b.md": "# B\n\n## Here\n",
            "content/en/broken.md": "---\ntitle: [unclosed\n---\n",
            "content/en/bad-utf8.md": "# Bad \u{FFFD}\n",
        ])
        // Invalid UTF-8: a load error.
        try Data([0x23, 0x20, 0xC3, 0x28, 0x0A]).write(to: URL(fileURLWithPath: site + "/content/en/bad-utf8.md"))
        let (report, output) = try SiteFixtures.build(site)
        let errors = report.errors.map { "\($0.file):\($0.line ?? 0)" }
        #expect(errors.contains("content/en/bad-utf8.md:1"), "load: \(errors)")
        #expect(errors.contains("content/en/broken.md:3"), "resolve: \(errors)")
        #expect(errors.filter { $0 == "content/en/index.md:3" }.count == 2, "render: \(errors)")
        #expect(report.warnings.map(\.message).contains(
            "2 page files with errors above could not be rendered, so their links and Markdown were not checked; fix them and build again"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func templateErrorsSaySoWhenThePagesCannotRender() throws {
        let (report, _) = try ForeignLayoutTests.build([
            "content/en/index.md": "---\ntitle: [unclosed\n---\n",
            "content/en/a.md": "# A\n\n[x](missing.md)\n",
            "templates/page.mustache": "{{#page}}\n",
        ])
        #expect(report.errors.contains { $0.file == "content/en/index.md" })
        #expect(report.errors.contains { $0.file == "templates/page.mustache" })
        #expect(report.warnings.map(\.description).contains(
            "templates/: warning: the 2 pages were not rendered, so their links, anchors and Markdown were not checked, because the templates have errors; fix them and build again"))
    }
}

@Suite struct ReferenceDefinitionTests {
    @Test func aBrokenDefinitionIsOneErrorAtTheDefinition() throws {
        let (report, _) = try ForeignLayoutTests.build([
            "content/en/index.md": "# Home\n\nSee [one][g], [two][g] and [three][G].\n\nAnd [inline](gone.md).\n\n[g]: guide.md\n",
        ])
        #expect(report.errors.map(\.description) == [
            "content/en/index.md:5:5: error: link target 'gone.md' does not exist (looked for content/en/gone.md)",
            "content/en/index.md:7:6: error: link target 'guide.md' does not exist (looked for content/en/guide.md) (in this reference definition, used 3 times)",
        ])
    }
}

/// `aliases` as Hugo reads them.
@Suite struct HugoAliasTests {
    @Test func relativeFromThePagesFolderRootRelativeUnderATranslationsLanguage() throws {
        let (report, output) = try MultilingualSite(["en", "de"], files: [
            "content/en/docs/manual.md": "---\ntitle: Manual\naliases: [old-manual/, ../handbook/, /manual/]\n---\n",
            "content/de/docs/manual.md": "---\ntitle: Handbuch\naliases: [/manual/]\n---\n",
        ]).build()
        #expect(report.errors.isEmpty, "\(report.errors)")
        func target(_ path: String) throws -> String? {
            let html = try String(contentsOfFile: output + "/" + path, encoding: .utf8)
            return html.firstRange(of: "url=").map { String(html[$0.upperBound...].prefix(while: { $0 != "\"" })) }
        }
        #expect(try target("en/docs/old-manual/index.html") == "../manual/")
        #expect(try target("en/handbook/index.html") == "../docs/manual/")
        #expect(try target("manual/index.html") == "../en/docs/manual/")
        #expect(try target("de/manual/index.html") == "../docs/manual/")
    }

    @Test func anAliasOutOfTheSiteIsAnErrorAtIt() throws {
        let (report, _) = try ForeignLayoutTests.build([
            "content/en/index.md": "---\ntitle: Home\naliases: [../../x/]\n---\n",
        ])
        #expect(report.errors.map(\.description) == [
            "content/en/index.md:3:11: error: alias '../../x/' climbs out of the site from this page's folder; write it from the site root, like '/old/path/'",
        ])
    }
}

/// `links: outside:`: paths on this host another build serves.
@Suite struct OutsideLinkTests {
    @Test func linksIntoOutsidePathsAreKeptOthersStillChecked() throws {
        let (report, output) = try ForeignLayoutTests.build([
            "content/en/index.md": "# Home\n\n[Post](/blog/2024/post/), [forum](/community/forum/#top) and [gone](/blogs/).\n",
        ], settings: "links:\n  outside: [/blog/, /community]\n")
        #expect(report.errors.map(\.description) == [
            "content/en/index.md:3:62: error: link target '/blogs/' does not exist (looked for en/blogs/ (from the language root) and blogs/ (from the site root))",
        ])
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func keptAsWritten() throws {
        let (report, output) = try ForeignLayoutTests.build([
            "content/en/index.md": "# Home\n\n[Post](/blog/2024/post/)\n",
        ], settings: "links:\n  outside: [/blog/]\n")
        #expect(report.errors.isEmpty)
        #expect(try HTMLPage(output + "/en/index.html").values("//main//p/a/@href") == ["/blog/2024/post/"])
    }
}

@Suite struct WeightInheritanceTests {
    @Test func aTranslationWithoutWeightTakesItsOriginals() throws {
        let root = try MultilingualSite(["en", "de"], files: [
            "content/en/a.md": "---\ntitle: A\nweight: 2\n---\n",
            "content/en/b.md": "---\ntitle: B\nweight: 1\n---\n",
            "content/de/a.md": "# Ä\n",
            "content/de/b.md": "---\ntitle: Bö\nweight: 5\n---\n",
        ]).write()
        let loaded = try SitePipeline.load(root)
        let (site, problems) = SiteResolver.resolve(loaded.source, config: try #require(loaded.config))
        #expect(problems.filter { $0.severity == .error }.isEmpty)
        #expect(site.page("a", in: "de")?.metadata.weight == 2)
        #expect(site.page("b", in: "de")?.metadata.weight == 5, "its own weight stays")
    }
}

/// Link-only entries: `redirect:`, or Hugo's `manualLinkTarget` with `build: {render: link}`.
@Suite struct LinkOnlyEntryTests {
    @Test func navigationLinksToTheTargetAndThePageSendsReadersOn() throws {
        let (report, output) = try ForeignLayoutTests.build([
            "content/en/index.md": "# Home\n",
            "content/en/docs/index.md": "# Docs\n",
            "content/en/docs/forum.md": "---\ntitle: Forum\nmanualLinkTarget: https://forum.example.org/\nbuild: {render: link}\n---\n",
            "content/en/docs/news.md": "---\ntitle: News\nredirect: /blog/\n---\n",
            "content/en/docs/kept.md": "---\ntitle: Kept\nmanualLinkTarget: https://x.example/\n---\n\nA page of its own.\n",
        ])
        #expect(report.errors.isEmpty, "\(report.errors)")
        let links = try HTMLPage(output + "/en/docs/index.html").values("//main//a/@href")
        #expect(links.contains("https://forum.example.org/"))
        #expect(links.contains("/blog/"))
        #expect(links.contains("kept/"))
        let forum = try String(contentsOfFile: output + "/en/docs/forum/index.html", encoding: .utf8)
        #expect(forum.contains("<meta http-equiv=\"refresh\" content=\"0; url=https://forum.example.org/\">"))
    }

    /// `redirect: ../guide/install.md`, written as a link on a code host is.
    @Test func aMarkdownTargetLeadsToThatPagesURL() throws {
        let (report, output) = try ForeignLayoutTests.build([
            "content/en/index.md": "# Home\n",
            "content/en/guide/index.md": "# Guide\n",
            "content/en/guide/install.md": "# Install\n\n## Step {#step}\n",
            "content/en/docs/index.md": "# Docs\n",
            "content/en/docs/setup.md": "---\ntitle: Setting up\nredirect: ../guide/install.md#step\n---\n",
        ])
        #expect(report.errors.isEmpty, "\(report.errors)")
        let docs = try HTMLPage(output + "/en/docs/index.html")
        #expect(try docs.values("//main//a[.='Setting up']/@href").first == "../guide/install/#step")
        let setup = try String(contentsOfFile: output + "/en/docs/setup/index.html", encoding: .utf8)
        #expect(setup.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../guide/install/#step\">"), "\(setup)")

        let (broken, _) = try ForeignLayoutTests.build([
            "content/en/index.md": "# Home\n",
            "content/en/setup.md": "---\ntitle: Setting up\nredirect: gone.md\n---\n",
        ])
        #expect(broken.errors.map(\.description) == [
            "content/en/setup.md: error: this link-only entry's target 'gone.md' is not a page (a '.md' target is a file of the page's language folder, from the page's folder)",
        ])
    }

    /// The ids the templates write (`id="main"`) are on every page they lay
    /// out, though the renderer keeps only each page's own ids; a link-only
    /// entry's page is not laid out, so they are not on it.
    @Test func theTemplatesIDsAreOnLaidOutPagesAndNotOnLinkOnlyOnes() throws {
        let (report, _) = try ForeignLayoutTests.build([
            "content/en/index.md": "# Home\n\n[Guide](guide.md#main), [forum](forum.md#main), [step](guide.md#step).\n",
            "content/en/guide.md": "# Guide\n\n## Step\n",
            "content/en/forum.md": "---\ntitle: Forum\nredirect: https://forum.example.org/\n---\n",
        ])
        #expect(report.errors.map(\.description) == [
            "content/en/index.md:3:25: error: anchor '#main' does not exist in content/en/forum.md; it has no headings",
        ])
    }
}

/// `nav:` in MkDocs' shape, for every language.
@Suite struct NavOrderTests {
    @Test func everyLanguageFollowsTheNavAndUnlistedPagesComeLast() throws {
        let site = try SiteFixtures.copy("mkdocs-style")
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.errors.isEmpty, "\(report.errors)")
        for language in ["en", "fi"] {
            let children = try HTMLPage(output + "/\(language)/getting-started/index.html").values("//main//ul/li/a")
            // The sidebar (its section, then the section's pages), then the
            // section's list; 'Install' is nav's title for the page
            // 'Installing Widget' (Finnish shows the English page).
            #expect(Array(children.dropFirst().prefix(6)) == ["Troubleshooting", "Install", "Notes"] + ["Troubleshooting", "Install", "Notes"], "\(language)")
        }
        // The Dutch page's own title stays.
        #expect(try HTMLPage(output + "/nl/index.html").values("//nav[@class='sidebar']//a").contains("Aan de slag"))
        // nav's external link, at its place at the top level, marked.
        let home = try HTMLPage(output + "/en/index.html")
        #expect(try home.values("//nav[@class='sidebar']/ul/li/a") == ["Getting started", "Blog (external site) ↗"])
        #expect(try home.values("//nav[@class='sidebar']/ul/li/a[@rel='external']/@href") == ["https://example.org/blog/"])
        #expect(report.warnings.map(\.description).contains(
            "sitegen.yml: warning: nav does not list 1 page (content/en/getting-started/notes.md); they come after the listed ones in their sections, in every language"))
    }

    @Test func aNavEntryThatIsNoPageIsAnErrorAtIt() throws {
        let (report, _) = try ForeignLayoutTests.build([
            "content/en/index.md": "# Home\n",
        ], settings: "nav:\n  - index.md\n  - Gone: gone.md\n")
        #expect(report.errors.map(\.description) == ["sitegen.yml:7:11: error: nav entry 'gone.md' is not a page of content/en/"])
    }

    @Test func aNavEntryOfAPageWithErrorsIsNoSecondError() throws {
        let (report, _) = try ForeignLayoutTests.build([
            "content/en/index.md": "# Home\n",
            "content/en/broken.md": "No title here.\n",
        ], settings: "nav:\n  - index.md\n  - broken.md\n")
        #expect(report.errors.map(\.file) == ["content/en/broken.md"])
    }
}
