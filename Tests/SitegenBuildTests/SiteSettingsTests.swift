import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenSupport
import SitegenTestSupport

/// The reader-facing site settings: `editURL` ("Edit this page") and the
/// OpenGraph and Twitter card tags (with front matter `image`), on a copy
/// of the docs fixture built with the built-in theme.
@Suite struct SiteSettingsTests {
    static let editURL = "https://code.example.org/docs/edit/main/"

    /// Two builds of the docs fixture, made once and shared by the tests that
    /// look at their output (each build takes seconds of CPU): one with every
    /// setting these tests show (edit links, a banner, a logo and favicon)
    /// and a page with code and tabs, and one with none and no base URL.
    static let withSettings = Result { () throws -> (BuildReport, String) in
        let (site, config) = try docsCopy()
        try FileManager.default.createDirectory(atPath: site + "/static/images", withIntermediateDirectories: true)
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\"/>"
        try svg.write(toFile: site + "/static/images/logo.svg", atomically: false, encoding: .utf8)
        try svg.write(toFile: site + "/static/favicon.svg", atomically: false, encoding: .utf8)
        let settings = "editURL: \(editURL.dropLast())\n" + "banner:\n  en: Version 2 is out.\n  nl: Versie 2 is uit.\n"
            + "logo: /images/logo.svg\nfavicon: favicon.svg\n"
        try (String(contentsOfFile: config, encoding: .utf8) + settings).write(toFile: config, atomically: false, encoding: .utf8)
        let page = site + "/content/en/getting-started/install.md"
        try (String(contentsOfFile: page, encoding: .utf8) + "\n```sh\nmake\n```\n\n=== \"One\"\n\n    First.\n\n=== \"Two\"\n\n    Second.\n")
            .write(toFile: page, atomically: false, encoding: .utf8)
        return try SiteFixtures.build(site, baseURL: "https://example.org/docs/")
    }

    static let withoutSettings = Result { () throws -> (BuildReport, String) in
        try SiteFixtures.build(try docsCopy().site, baseURL: nil)
    }

    /// A copy of the docs fixture whose install page has a front matter `image`.
    static func docsCopy() throws -> (site: String, config: String) {
        let site = try SiteFixtures.copy("docs")
        let page = site + "/content/en/getting-started/install.md"
        let text = try String(contentsOfFile: page, encoding: .utf8)
        try text.replacingOccurrences(of: "weight: 1\n", with: "weight: 1\nimage: images/install card.png\n")
            .write(toFile: page, atomically: false, encoding: .utf8)
        return (site, site + "/sitegen.yml")
    }

    static func read(_ output: String, _ path: String) throws -> String {
        try String(contentsOfFile: output + "/" + path, encoding: .utf8)
    }

    @Test func editLinksLeadToEachWrittenPagesSourceFile() throws {
        let (report, output) = try Self.withSettings.get()
        #expect(report.succeeded, "\(report.diagnostics)")
        let install = try Self.read(output, "en/getting-started/install/index.html")
        #expect(install.contains("<a href=\"\(Self.editURL)content/en/getting-started/install.md\">Edit this page</a>"))
        let dutch = try Self.read(output, "nl/getting-started/install/index.html")
        #expect(dutch.contains("href=\"\(Self.editURL)content/nl/getting-started/install.md\">Deze pagina bewerken</a>"))
        // A generated list page and a fallback (English text under /nl/) have no file to edit.
        #expect(!(try Self.read(output, "en/reference/options/page/2/index.html")).contains("edit-page"))
        let fallback = try FileManager.default.subpathsOfDirectory(atPath: output + "/nl").first { path in
            path.hasSuffix("index.html") && (try? Self.read(output, "nl/" + path))?.contains("class=\"notice\"") == true
        }
        let fallbackPage = try #require(fallback)
        #expect(!(try Self.read(output, "nl/" + fallbackPage)).contains("edit-page"))
    }

    @Test func withoutEditURLThereIsNoEditLink() throws {
        let (report, output) = try Self.withoutSettings.get()
        #expect(report.succeeded)
        #expect(!(try Self.read(output, "en/getting-started/install/index.html")).contains("edit-page"))
    }

    @Test func openGraphAndTwitterCardTags() throws {
        let (report, output) = try Self.withSettings.get()
        #expect(report.succeeded)
        let install = try Self.read(output, "en/getting-started/install/index.html")
        for tag in [
            "<meta property=\"og:title\" content=\"Install\" />",
            "<meta property=\"og:description\" content=\"Put it on your machine.\" />",
            "<meta property=\"og:type\" content=\"article\" />",
            "<meta property=\"og:url\" content=\"https://example.org/docs/en/getting-started/install/\" />",
            "<meta property=\"og:image\" content=\"https://example.org/docs/images/install%20card.png\" />",
            "<meta name=\"twitter:card\" content=\"summary_large_image\" />",
        ] {
            #expect(install.contains(tag), "\(tag)")
        }
        let home = try Self.read(output, "en/index.html")
        #expect(home.contains("<meta property=\"og:type\" content=\"website\" />"))
        #expect(home.contains("<meta name=\"twitter:card\" content=\"summary\" />"))
        #expect(!home.contains("og:image"))
    }

    @Test func aRelativeImageNeedsABaseURL() throws {
        let (report, output) = try Self.withoutSettings.get()
        #expect(report.succeeded)
        let install = try Self.read(output, "en/getting-started/install/index.html")
        #expect(!install.contains("og:image") && !install.contains("og:url"))
    }

    @Test func aBannerPerLanguageOnEveryPage() throws {
        let (report, output) = try Self.withSettings.get()
        #expect(report.succeeded, "\(report.diagnostics)")
        let english = try Self.read(output, "en/getting-started/install/index.html")
        #expect(english.contains("<aside class=\"banner\" aria-label=\"Announcement\" data-dismiss=\"Dismiss\">\n<p>Version 2 is out.</p>"))
        #expect(english.contains("data-banner=\"Version 2 is out.\""))
        #expect(try Self.read(output, "nl/index.html").contains("<p>Versie 2 is uit.</p>"))
        #expect(!(try Self.read(output, "ar/index.html")).contains("class=\"banner\""))
        #expect(try Self.read(output, "404.html").contains("class=\"banner\""))
    }

    @Test func logoAndFaviconAreFilesOfStaticShownOnEveryPage() throws {
        let (report, output) = try Self.withSettings.get()
        #expect(report.succeeded, "\(report.diagnostics)")
        let install = try Self.read(output, "en/getting-started/install/index.html")
        #expect(install.contains("<link rel=\"icon\" href=\"../../../favicon.svg\" />"))
        #expect(install.contains("<img class=\"site-logo\" src=\"../../../images/logo.svg\" alt=\"\" />"))
        // The 404 page is served at any depth: its links start at the base URL's path.
        let notFound = try Self.read(output, "404.html")
        #expect(notFound.contains("<link rel=\"icon\" href=\"/docs/favicon.svg\" />"))
        #expect(notFound.contains("src=\"/docs/images/logo.svg\""))
    }

    @Test func theCopyAndTabsScriptsLoadOnlyOnPagesThatUseThem() throws {
        let (report, output) = try Self.withSettings.get()
        #expect(report.succeeded, "\(report.diagnostics.filter { $0.severity == .error })")
        let withBoth = try Self.read(output, "en/getting-started/install/index.html")
        #expect(withBoth.contains("copy-code.") && withBoth.contains("tabs."))
        let without = try Self.read(output, "en/getting-started/configure/index.html")
        #expect(!without.contains("<pre") && !without.contains("copy-code.") && !without.contains("tabs."))
        #expect(without.contains("reading-aids."))
    }

    @Test func aLogoThatIsNoFileOfStaticIsALocatedError() throws {
        let site = try SiteFixtures.copy("docs")
        let config = site + "/sitegen.yml"
        let text = try String(contentsOfFile: config, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
        try (text + "logo: images/logo.svg\nfavicon: ../secret.ico\n").write(toFile: config, atomically: false, encoding: .utf8)
        let (report, _) = try SiteFixtures.build(site, baseURL: nil)
        #expect(!report.succeeded)
        let messages = report.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("sitegen.yml:\(line + 1):10: error: favicon '../secret.ico' must be the path of a file in static/") }, "\(messages)")
        // Settings errors stop the build before the files are listed; alone, the logo is checked against static/.
        try (text + "logo: images/logo.svg\n").write(toFile: config, atomically: false, encoding: .utf8)
        let (second, _) = try SiteFixtures.build(site, baseURL: nil)
        #expect(second.diagnostics.map(\.description).contains(
            "sitegen.yml:\(line):7: error: logo 'images/logo.svg' is no file in static/; put the file at static/images/logo.svg or correct the path"),
            "\(second.diagnostics)")
    }
}
