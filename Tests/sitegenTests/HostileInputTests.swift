import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenPreview
@testable import SitegenSupport
import SitegenTestSupport

/// Input made to hurt: special files, odd names, tags in settings. Each case
/// was a crash, a hang or broken output before; now it is a located error or
/// correct output. Time limits bound the tests that used to hang; nothing
/// here measures time.
@Suite struct HostileInputTests {
    @Test(.timeLimit(.minutes(1)))
    func namedPipesAreRefusedNotWaitedOn() throws {
        let site = try SiteFixtures.copy("good")
        for file in ["content/nl/pijp.md", "content/en/_strings.yml", "templates/partials/nav.mustache"] {
            try? FileManager.default.removeItem(atPath: site + "/" + file)
            #expect(mkfifo(site + "/" + file, 0o644) == 0)
        }
        let (report, output) = try SiteFixtures.build(site)
        let errors = report.errors.map(\.description)
        for file in ["content/nl/pijp.md", "content/en/_strings.yml", "templates/partials/nav.mustache"] {
            #expect(errors.contains("\(file): error: cannot read file: it is a named pipe (FIFO), not a regular file; sitegen reads only regular files"))
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func aFileNameWithAControlCharacterIsAnError() throws {
        let site = try SiteFixtures.copy("good")
        try Data("x".utf8).write(to: URL(fileURLWithPath: site + "/content/nl/regel\nbreuk.png"))
        let (report, _) = try SiteFixtures.build(site)
        #expect(report.errors.map(\.description) == [
            "content/nl/regel\\nbreuk.png: error: the name holds a control character (a line break, tab or similar), which no URL can carry; rename it",
        ])
    }

    @Test func urlsArePercentEncodedWhereTheFileNameNeedsIt() throws {
        let site = try SiteFixtures.copy("good")
        for name in ["hash#tag", "q?mark", "pct%41", "spatie en"] {
            try "---\ntitle: \(name)\n---\n\nTekst.\n".write(toFile: site + "/content/nl/\(name).md", atomically: false, encoding: .utf8)
        }
        try "---\ntitle: Links\n---\n\n[a](hash%23tag.md) [b](q%3Fmark.md) [c](pct%2541.md) [d](<spatie en.md>)\n"
            .write(toFile: site + "/content/nl/links.md", atomically: false, encoding: .utf8)
        let (report, output) = try SiteFixtures.build(site, baseURL: "https://example.org/docs/")
        #expect(report.errors.isEmpty, "\(report.errors)")
        for folder in ["hash#tag", "q?mark", "pct%41", "spatie en"] {
            #expect(FileManager.default.fileExists(atPath: output + "/nl/\(folder)/index.html"), "written under its own name: \(folder)")
        }
        let links = try HTMLPage(output + "/nl/links/index.html")
        #expect(try links.values("//main//a/@href") == ["../hash%23tag/", "../q%3Fmark/", "../pct%2541/", "../spatie%20en/"])
        let page = try HTMLPage(output + "/nl/hash#tag/index.html")
        #expect(try page.value("//link[@rel='canonical']/@href") == "https://example.org/docs/nl/hash%23tag/")
        let sitemap = try String(contentsOfFile: output + "/sitemap.xml", encoding: .utf8)
        #expect(sitemap.contains("<loc>https://example.org/docs/nl/q%3Fmark/</loc>"))
        #expect(!sitemap.contains("q?mark"))
        // Absolute URLs are ASCII; relative links keep other characters, as HTML allows.
        #expect(SitePath("nl/café/").urlPath == "nl/caf%C3%A9/")
        #expect(SitePath("nl/café/").relative(from: SitePath("nl/"), fileLinks: false) == "café/")
    }

    @Test func aNullCharacterInFrontMatterNeverReachesTheHTML() throws {
        let site = try SiteFixtures.copy("good")
        try "---\ntitle: \"Nul\\0teken\"\n---\n\nTekst.\n".write(toFile: site + "/content/nl/nul.md", atomically: false, encoding: .utf8)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.succeeded)
        let html = try String(contentsOfFile: output + "/nl/nul/index.html", encoding: .utf8)
        #expect(!html.contains("\u{0}"))
        #expect(html.contains("Nul\u{FFFD}teken"))
    }

    @Test func aBaseURLThatCouldBreakOutOfAnAttributeIsRefused() throws {
        let site = try SiteFixtures.copy("good")
        let attack = "https://example.org/a\"><script>alert(1)</script>/"
        let (report, output) = try SiteFixtures.build(site, baseURL: attack)
        #expect(!report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: output))
        let result = try CommandLineTests.run(["build", "--source", site, "--base-url", attack])
        #expect(result.status == 2, "a bad option is a usage error")
        #expect(result.standardError.contains("is not an absolute http or https URL"))
        for bad in ["https://exa mple.org/", "https://example.org/<x>/", "https://example.org/\u{7}/", "https://example.org/'/"] {
            #expect(!SiteConfig.isAbsoluteWebURL(bad), "\(bad)")
        }
        #expect(SiteConfig.isAbsoluteWebURL("https://example.org/docs/office365/"))
    }

    @Test func aHelpersResultIsEscaped() throws {
        let data: TemplateData = ["asset": .function { name in "x\"><script>\(name)</script>" }]
        #expect(try MustacheTests.render("<link href=\"{{#asset}}a{{/asset}}\">", data)
            == "<link href=\"x&quot;&gt;&lt;script&gt;a&lt;/script&gt;\">")
    }

    @Test func namesThatDifferOnlyInCaseAreAWarning() throws {
        let site = try SiteFixtures.copy("good")
        try "---\ntitle: Begrippen\n---\n\nA.\n".write(toFile: site + "/content/nl/Begrippen.md", atomically: false, encoding: .utf8)
        try "---\ntitle: begrippen\n---\n\nB.\n".write(toFile: site + "/content/nl/begrippen.md", atomically: false, encoding: .utf8)
        let (report, _) = try SiteFixtures.build(site)
        #expect(report.succeeded)
        #expect(report.warnings.map(\.description).contains(
            "content/nl/begrippen.md: warning: 'nl/begrippen/index.html' differs from the output of content/nl/Begrippen.md only in case: on a case-insensitive disk (macOS, Windows) one would overwrite the other; rename one"))
    }
}
