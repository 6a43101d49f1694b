import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenPreview
@testable import SitegenSupport
import SitegenTestSupport

/// `static/`: files published at the site's root as they are.
@Suite struct RootFilesTests {
    static func write(_ files: [String: String], into site: String) throws {
        for (path, text) in files {
            let full = site + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
    }

    @Test func staticFilesArePublishedAtTheRootDotNamesIncluded() throws {
        let site = try SiteFixtures.copy("good")
        try Self.write([
            "static/favicon.ico": "icon",
            "static/CNAME": "docs.example.org\n",
            "static/.well-known/security.txt": "Contact: mailto:security@example.org\n",
            "static/_headers": "/*\n  X-Frame-Options: DENY\n",
            "content/nl/.hidden.txt": "not published",
        ], into: site)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.errors.isEmpty, "\(report.errors)")
        let files = SiteFixtures.snapshot(output)
        #expect(files["favicon.ico"] == Data("icon".utf8))
        #expect(files["CNAME"] == Data("docs.example.org\n".utf8))
        #expect(files[".well-known/security.txt"] != nil)
        #expect(files["_headers"] != nil)
        // Dot-names are published from static/ only.
        #expect(files["nl/.hidden.txt"] == nil)
    }

    @Test func aSitesOwnRobotsTxtAnd404ReplaceSitegensAndVerboseSaysSo() throws {
        let site = try SiteFixtures.copy("good")
        try Self.write(["static/robots.txt": "User-agent: *\nDisallow: /private/\n", "static/404.html": "<!DOCTYPE html><title>own</title>"], into: site)
        let output = SiteFixtures.temporaryFolder() + "/out"
        let verbose = try CommandLineTests.run(["build", "--verbose", "--source", site, "--output", output, "--base-url", "https://example.org/"])
        #expect(verbose.status == 0, "\(verbose.standardError)")
        #expect(try String(contentsOfFile: output + "/robots.txt", encoding: .utf8) == "User-agent: *\nDisallow: /private/\n")
        #expect(try String(contentsOfFile: output + "/404.html", encoding: .utf8) == "<!DOCTYPE html><title>own</title>")
        #expect(verbose.standardError.contains("static: static/robots.txt replaces the robots.txt sitegen makes"))
        #expect(verbose.standardError.contains("static: static/404.html replaces the 404.html sitegen makes"))
        let plain = try CommandLineTests.run(["build", "--source", site, "--output", output, "--base-url", "https://example.org/"])
        #expect(plain.status == 0)
        #expect(!plain.standardError.contains("replaces"))
    }

    @Test func aCollisionWithAPageOrAGeneratedFileIsAnErrorNamingBoth() throws {
        let site = try SiteFixtures.copy("good")
        // (static/nl/index.html itself, where a page goes: the next test.)
        try Self.write([
            "static/sitemap.xml": "x",          // sitegen's, with a base URL
            "static/index.html": "x",           // the language chooser
            "static/en": "x",                   // a file where the folder en/ must be
            "static/nl/img/logo.png": "x",      // a file beside the pages
            "static/nl/index.html/x.txt": "x",  // inside a file sitegen writes
            "static/nl/extra.txt": "fine",      // beside the pages, but no collision
        ], into: site)
        let (report, _) = try SiteFixtures.build(site, baseURL: "https://example.org/")
        let messages = report.errors.map(\.description)
        #expect(messages.contains { $0.hasPrefix("static/sitemap.xml: error: this file would be written to 'sitemap.xml', where sitegen writes the sitemap sitegen makes") })
        #expect(messages.contains { $0.hasPrefix("static/index.html: error:") && $0.contains("the language chooser (templates/languages.mustache)") })
        #expect(messages.contains { $0.hasPrefix("static/en: error: this file has the name of the folder 'en/'") && $0.contains("content/en/") })
        #expect(messages.contains { $0.hasPrefix("static/nl/img/logo.png: error:") && $0.contains("content/nl/img/logo.png") })
        #expect(messages.contains { $0.hasPrefix("static/nl/index.html/x.txt: error: this file would be written inside 'nl/index.html/'") && $0.contains("the page content/nl/index.md") })
        #expect(!messages.contains { $0.contains("extra.txt") })
        #expect(report.errors.count == 5, "\(messages)")
    }

    @Test func aStaticFileInPlaceOfAPageNamesThePage() throws {
        let site = try SiteFixtures.copy("good")
        try Self.write(["static/nl/index.html": "x"], into: site)
        let (report, _) = try SiteFixtures.build(site)
        #expect(report.errors.map(\.description) == [
            "static/nl/index.html: error: this file would be written to 'nl/index.html', where sitegen writes the page content/nl/index.md; rename or remove one of them (only robots.txt and 404.html may replace sitegen's)",
        ])
    }

    @Test func aFileAtTheContentRootSuggestsStatic() throws {
        let site = try SiteFixtures.copy("good")
        try Self.write(["content/favicon.ico": "icon"], into: site)
        let (report, _) = try SiteFixtures.build(site)
        #expect(report.errors.map(\.description).contains { $0.hasPrefix("content/favicon.ico: error: file is outside a language folder") && $0.contains("static/") })
    }
}
