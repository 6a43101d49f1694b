import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenSupport
import SitegenTestSupport

/// `TranslationMarker`: marking files of a copy of the translations fixture.
@Suite struct TranslationMarkerTests {
    /// The hash of `content/nl/index.md`'s body in the fixture.
    static let indexHash = TranslationHash.of("Welkom bij de vertalingen.")

    static func bytes(_ path: String) throws -> [UInt8] {
        try FileBytes.read(path)
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// A file as written, and as it must be after marking (`H`: the hash).
    @Test(arguments: [
        ("---\ntitle: Welcome\n---\n\nWelcome to the translations.\n",
         "---\ntitle: Welcome\ntranslationOf: H\n---\n\nWelcome to the translations.\n"),
        ("\u{FEFF}---\r\n# Anna  \r\ntitle: Welcome \r\n---\r\n\r\nWelcome.\r\n",
         "\u{FEFF}---\r\n# Anna  \r\ntitle: Welcome \r\ntranslationOf: H\r\n---\r\n\r\nWelcome.\r\n"),
        ("---\r\ntitle: Welcome\r\ntranslationOf: \"0123456789ab\" # old\r\nweight: 2\r\n---\r\n",
         "---\r\ntitle: Welcome\r\ntranslationOf: \"H\" # old\r\nweight: 2\r\n---\r\n"),
        ("---\ntitle: Welcome\ntranslationOf: old\n---\n",
         "---\ntitle: Welcome\ntranslationOf: H\n---\n"),
    ])
    func changesOnlyTheOneLine(text: String, after: String) throws {
        let site = try SiteFixtures.copy("translations")
        let file = site + "/content/en/index.md"
        try Self.write(text, to: file)
        let marked = try TranslationMarker.markCurrent(["content/en/index.md"], site: site, currentFolder: site)
        #expect(marked == [TranslationMarker.Marked(
            file: "content/en/index.md", hash: Self.indexHash,
            previous: text.contains("0123456789ab") ? "0123456789ab" : text.contains(": old") ? "old" : nil, changed: true)])
        #expect(try Self.bytes(file) == Array(after.replacingOccurrences(of: "H", with: Self.indexHash).utf8))
    }

    @Test func theMarkedPageIsCurrentAndMarkingAgainChangesNothing() throws {
        let site = try SiteFixtures.copy("translations")
        let file = site + "/content/en/nooit.md"
        let marked = try TranslationMarker.markCurrent([file], site: site)
        #expect(marked.map(\.changed) == [true])
        let (report, _) = try TranslationReport.load(site: site)
        let english = try #require(report?.languages.first)
        #expect(english.pages.first { $0.translation == "content/en/nooit.md" }?.status == .current)
        #expect(english.counts.outdated == 1)

        let before = try Self.bytes(file)
        let again = try TranslationMarker.markCurrent([file], site: site)
        #expect(again.map(\.changed) == [false])
        #expect(try Self.bytes(file) == before)
    }

    @Test func marksSeveralFilesKeepingPermissions() throws {
        let site = try SiteFixtures.copy("translations")
        let changed = site + "/content/en/veranderd.md"
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: changed)
        let marked = try TranslationMarker.markCurrent(["content/en/veranderd.md", "content/de/index.md", "content/en/veranderd.md"],
                                                       site: site, currentFolder: site)
        #expect(marked.map(\.file) == ["content/en/veranderd.md", "content/de/index.md"])
        #expect(marked.map(\.changed) == [true, false])
        #expect(marked[0].previous == TranslationHash.of("De oude tekst."))
        let permissions = try FileManager.default.attributesOfItem(atPath: changed)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(try String(contentsOfFile: changed, encoding: .utf8)
                == "---\ntitle: Changed\ntranslationOf: \(TranslationHash.of("De nieuwe tekst, met meer uitleg."))\n---\n\nThe old text.\n")
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: site + "/content/en").filter { $0.hasPrefix(".") } == [])
    }

    @Test func aSymbolicLinkStaysALink() throws {
        let site = try SiteFixtures.copy("translations")
        let target = site + "/content/en/nooit.md"
        try FileManager.default.moveItem(atPath: target, toPath: site + "/content/en/_nooit-source.md")
        try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: "_nooit-source.md")
        _ = try TranslationMarker.markCurrent([target], site: site)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: target) == "_nooit-source.md")
        #expect(try String(contentsOfFile: site + "/content/en/_nooit-source.md", encoding: .utf8).contains("translationOf: "))
    }

    /// The write itself checks where the page file leads, so a link that
    /// turns up (or is flipped) after the site was loaded never leads a
    /// write out of content/: the file outside keeps its bytes.
    @Test func neverWritesThroughALinkOutOfContent() throws {
        let site = try SiteFixtures.copy("translations")
        let outside = SiteFixtures.temporaryFolder()
        try Self.write("---\ntitle: Victim\n---\n", to: outside + "/victim.md")
        let page = site + "/content/en/nooit.md"
        try FileManager.default.removeItem(atPath: page)
        try FileManager.default.createSymbolicLink(atPath: page, withDestinationPath: outside + "/victim.md")
        try FileManager.default.createSymbolicLink(atPath: site + "/content/en/elsewhere", withDestinationPath: outside)
        for path in [page, site + "/content/en/elsewhere/victim.md"] {
            #expect(throws: OutputFolder.WriteError.self) { try TranslationMarker.write(Array("marked".utf8), to: path, site: site) }
        }
        #expect(try String(contentsOfFile: outside + "/victim.md", encoding: .utf8) == "---\ntitle: Victim\n---\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside) == ["victim.md"])
    }

    static func failure(_ paths: [String], site: String) throws -> TranslationMarker.Failure {
        do {
            _ = try TranslationMarker.markCurrent(paths, site: site, currentFolder: site)
        } catch let failure as TranslationMarker.Failure {
            return failure
        }
        Issue.record("marking \(paths) should fail")
        return TranslationMarker.Failure(diagnostics: [], isUsageError: false)
    }

    @Test func refusesWhatIsNotATranslationAndMarksNothing() throws {
        let site = try SiteFixtures.copy("translations")
        try Self.write("Welcome to the translations.\n", to: site + "/content/de/index.md")
        try FileManager.default.createDirectory(atPath: site + "/content/de/kaputt", withIntermediateDirectories: true)
        try Self.write("---\ntitle: Kaputt\n", to: site + "/content/de/kaputt/offen.md")
        let before = SiteFixtures.snapshot(site)
        let failure = try Self.failure([
            "content/en/nooit.md", "content/nl/index.md", "content/en/alleen.md", "content/de/index.md", "content/de/kaputt/offen.md",
        ], site: site)
        #expect(!failure.isUsageError)
        #expect(failure.diagnostics.map(\.description) == [
            "content/nl/index.md: error: this page is in the default language ('nl'): it is an original, not a translation; mark its translations instead",
            "content/de/index.md:1:1: error: the file has no front matter; a page starts with a line '---', then 'title: ...' and '---'",
            "content/de/kaputt/offen.md:1:1: error: front matter is not closed; end it with a line '---' before the Markdown",
            "content/en/alleen.md: error: cannot mark current: no page of the default language ('nl') has its path or translationKey ('alleen'), so it translates nothing; give it its original's translationKey",
        ])
        #expect(SiteFixtures.snapshot(site) == before, "nothing was written, not even the good file")
    }

    @Test func pathsOutsideTheSitesPagesAreUsageErrors() throws {
        let site = try SiteFixtures.copy("translations")
        let failure = try Self.failure(["content/en/nope.md", "sitegen.yml", "content/en/_strings.yml", "content/en/nooit.md"], site: site)
        #expect(failure.isUsageError)
        #expect(failure.diagnostics.map(\.description) == [
            "content/en/nope.md: error: no such file",
            "sitegen.yml: error: not a page of the site in \(OutputFolder.canonical(site)) (pages are content/<language>/**.md)",
            "content/en/_strings.yml: error: not a page of the site in \(OutputFolder.canonical(site)) (pages are content/<language>/**.md)",
        ])
        #expect(!(try String(contentsOfFile: site + "/content/en/nooit.md", encoding: .utf8)).contains("translationOf"))
    }

    @Test func aTranslationWhoseOriginalHasErrorsSaysSo() throws {
        let site = try SiteFixtures.copy("translations")
        try Self.write("---\ntitle: [kapot\n---\n", to: site + "/content/nl/nooit.md")
        let failure = try Self.failure(["content/en/nooit.md"], site: site)
        #expect(failure.diagnostics.map(\.description) == [
            "content/en/nooit.md: error: cannot mark current: its original in 'nl' has errors; run sitegen build to see them",
        ])
    }

    /// The original pairs by a translationKey its broken front matter still
    /// declares: it has errors, it is not missing.
    @Test func anOriginalWithErrorsIsFoundByItsTranslationKey() throws {
        let site = try SiteFixtures.copy("translations")
        try Self.write("---\ntitle: Handleiding\ntranslationKey: guide\nweight: x\n---\n\nVolg de stappen.\n", to: site + "/content/nl/handleiding.md")
        let failure = try Self.failure(["content/en/guide.md"], site: site)
        #expect(failure.diagnostics.map(\.description) == [
            "content/en/guide.md: error: cannot mark current: its original in 'nl' has errors; run sitegen build to see them",
        ])
    }
}
