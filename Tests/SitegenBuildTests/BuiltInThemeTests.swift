import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenSupport
import SitegenTestSupport

/// The built-in theme: embedded from templates/, used where a site has no
/// file of its own, overridden file by file, and its UI strings as defaults.
@Suite struct BuiltInThemeTests {
    // The helpers live in SitegenTestSupport, for the scaffold tests too.
    static let templates = SitegenTestSupport.BuiltInThemeTests.templates

    static func files(under folder: String) -> [String: [UInt8]] { SitegenTestSupport.BuiltInThemeTests.files(under: folder) }

    /// A copy of the docs fixture (English, Dutch, Arabic right to left; no
    /// templates of its own), with `templates` files laid over it.
    static func docsSite(templates: [String: String] = [:]) throws -> String {
        let site = try SiteFixtures.copy("docs")
        for (path, text) in templates {
            let file = site + "/templates/" + path
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: false, encoding: .utf8)
        }
        return site
    }

    /// The docs fixture built with the built-in theme, once for the tests
    /// that compare with it (a debug build of its 691 pages takes seconds).
    static let bareDocsBuild = Result { try SiteFixtures.build(try docsSite()) }

    @Test func siteWithoutTemplatesBuildsAsWithTemplatesCopiedIn() throws {
        let copied = try Self.docsSite()
        try FileManager.default.copyItem(atPath: Self.templates, toPath: copied + "/templates")
        let (bareReport, bareOutput) = try Self.bareDocsBuild.get()
        let (copiedReport, copiedOutput) = try SiteFixtures.build(copied)
        #expect(bareReport.succeeded && copiedReport.succeeded)
        #expect(bareReport.diagnostics.map(\.description) == copiedReport.diagnostics.map(\.description))
        let bareFiles = SiteFixtures.snapshot(bareOutput), copiedFiles = SiteFixtures.snapshot(copiedOutput)
        #expect(bareFiles.count > 20)
        #expect(bareFiles.keys.sorted() == copiedFiles.keys.sorted())
        #expect(bareFiles.keys.sorted().filter { bareFiles[$0] != copiedFiles[$0] } == [])
    }

    @Test func overridingOnePartialChangesOnlyWhatItRenders() throws {
        let footer = "<footer class=\"site-footer\">\n<p>Our own footer: {{strings.footer}}</p>\n</footer>\n"
        let builtIn = try #require(BuiltInTheme.files.first { $0.path == "partials/footer.mustache" })
        let (_, baseOutput) = try Self.bareDocsBuild.get()
        let site = try Self.docsSite(templates: ["partials/footer.mustache": footer])
        var steps: [SiteBuilder.Step] = []
        let output = SiteFixtures.temporaryFolder() + "/out"
        let report = try SiteBuilder.build(BuildOptions(source: site, output: output), log: { steps.append($0) })
        #expect(report.succeeded)
        let base = SiteFixtures.snapshot(baseOutput), changed = SiteFixtures.snapshot(output)
        #expect(base.keys.sorted() == changed.keys.sorted())
        var changedPages = 0
        // The output's manifest lists every file's hash, so it changes with them.
        for (path, bytes) in base where path != SiteLayout.outputMarker {
            let text = String(decoding: bytes, as: UTF8.self)
            var expected = text
            if let footer = text.range(of: "<footer class=\"site-footer\">\n<p>") {
                expected.replaceSubrange(footer, with: "<footer class=\"site-footer\">\n<p>Our own footer: ")
                changedPages += 1
            }
            #expect(String(decoding: changed[path]!, as: UTF8.self) == expected, "\(path) changed beyond its footer")
        }
        #expect(changedPages > 20)
        #expect(String(decoding: builtIn.bytes, as: UTF8.self) != footer)
        let origins = steps.filter { $0.name == "theme" }.map(\.detail)
        #expect(origins.contains("partials/footer.mustache: the site's templates/partials/footer.mustache"))
        #expect(origins.contains("partials/header.mustache: built in"))
        #expect(steps.filter { $0.name == "theme" }.allSatisfy { $0.isDetail })
    }

    /// The site `sitegen init` makes, written into a temporary folder.
    static func initSite(languages: [String]) throws -> String {
        let site = SiteFixtures.temporaryFolder()
        for file in SiteScaffold.files(languages: languages, title: nil, copyTheme: false) {
            try NewFile.create(site + "/" + file.path, with: file.bytes)
        }
        return site
    }

    @Test func siteStringsGoOverTheThemesKeyByKey() throws {
        let site = try Self.initSite(languages: ["nl", "en"])
        try "footer: Our own footer\n".write(toFile: site + "/content/nl/_strings.yml", atomically: false, encoding: .utf8)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = try String(contentsOfFile: output + "/nl/index.html", encoding: .utf8)
        #expect(page.contains("<p>Our own footer</p>"))
        #expect(page.contains("Naar de inhoud"))  // skipToContent, from the theme's nl.yml
    }

    @Test func aStringALanguageLacksIsShownInEnglishWithOneWarning() throws {
        let site = try Self.initSite(languages: ["en", "fi"])
        try "footer: Tehty sitegenillä.\n".write(toFile: site + "/content/fi/_strings.yml", atomically: false, encoding: .utf8)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.succeeded, "\(report.errors)")
        let warnings = report.warnings.filter { $0.file == "content/fi/_strings.yml" }.map(\.message)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("language 'fi' lacks 44 of the UI strings the templates show ('allInSection', 'announcement', 'backToTop', ...), shown in English") == true)
        let page = try String(contentsOfFile: output + "/fi/index.html", encoding: .utf8)
        #expect(page.contains("<p>Tehty sitegenillä.</p>"))
        #expect(page.contains("Skip to content"))
    }

    @Test func aLanguageWithoutStringsIsEnglishWithOneWarningNotAnErrorPerKey() throws {
        let site = try Self.initSite(languages: ["en", "fi"])
        let (report, _) = try SiteFixtures.build(site)
        #expect(report.succeeded, "\(report.errors)")
        #expect(report.warnings.map(\.message).map { $0.prefix(34) } == ["language 'fi' lacks 45 of the UI s", "this 'tip' callout is titled in En"])
    }
}
