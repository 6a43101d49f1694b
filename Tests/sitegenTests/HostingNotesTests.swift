import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenPreview
@testable import SitegenSupport
import SitegenTestSupport

/// The notes `sitegen build` prints about hosting: on the progress output,
/// never as warnings.
@Suite struct HostingNotesTests {
    @Test func withoutBaseURLTheBuildSaysWhatBreaksInASubFolder() {
        let notes = HostingNotes.notes(baseURL: nil, fileLinks: false)
        #expect(notes.count == 1)
        #expect(notes[0].contains("404.html"))
        #expect(notes[0].contains("sub-folder"))
        #expect(notes[0].contains("--base-url"))
        // Opened from disk, no server shows 404.html.
        #expect(HostingNotes.notes(baseURL: nil, fileLinks: true).isEmpty)
    }

    @Test func aBaseURLAtTheHostsRootNeedsNoNote() {
        #expect(HostingNotes.notes(baseURL: "https://example.org/", fileLinks: false).isEmpty)
    }

    @Test func aSubFolderBaseURLSaysWhereRobotsTxtBelongs() {
        let notes = HostingNotes.notes(baseURL: "https://example.org/docs/office365/", fileLinks: false)
        #expect(notes == ["robots.txt is written to /docs/office365/robots.txt, where crawlers never look (they read /robots.txt only); "
                          + "put its Sitemap line, 'Sitemap: https://example.org/docs/office365/sitemap.xml', in the robots.txt at the root of the host"])
    }

    @Test func theBuildPrintsTheNoteAsAStepNotAWarning() throws {
        let output = SiteFixtures.temporaryFolder() + "/out"
        let result = try CommandLineTests.run(["build", "--source", SiteFixtures.path("good"), "--output", output])
        #expect(result.status == 0)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("note: no baseURL: 404.html links to the server root") }.count == 1)
        #expect(result.standardError.contains("3 warnings"), "the note is no warning")
        let quiet = try CommandLineTests.run(["build", "--quiet", "--source", SiteFixtures.path("good"), "--output", output])
        #expect(!quiet.standardError.contains("note:"))
        let withBase = try CommandLineTests.run(["build", "--source", SiteFixtures.path("good"), "--output", output, "--base-url", "https://example.org/"])
        #expect(!withBase.standardError.contains("note:"))
    }
}
