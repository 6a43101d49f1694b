import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenPreview
@testable import SitegenSupport
import SitegenTestSupport

/// The output is never lost or mixed: builds into one output take turns, and
/// files changed on disk since the last build are written again.
@Suite struct OutputSafetyTests {
    /// A built output's files and bytes, without the marker file (whose
    /// manifest records modification times).
    static func files(_ output: String) -> [String: Data] {
        SiteFixtures.snapshot(output).filter { $0.key != SiteLayout.outputMarker }
    }

    static func build(_ site: String, into output: String) throws -> Process {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["build", "--quiet", "--source", site, "--output", output]
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test(.timeLimit(.minutes(3)))
    func twoBuildsIntoOneOutputNeverMix() throws {
        let first = try SiteFixtures.copy("good")
        let second = try SiteFixtures.copy("translations")
        let (firstReport, firstOutput) = try SiteFixtures.build(first)
        let (secondReport, secondOutput) = try SiteFixtures.build(second)
        #expect(firstReport.succeeded && secondReport.succeeded)
        let expected = [Self.files(firstOutput), Self.files(secondOutput)]
        #expect(expected[0] != expected[1])
        let output = SiteFixtures.temporaryFolder() + "/shared"
        for run in 0..<20 {
            let builds = try [Self.build(first, into: output), Self.build(second, into: output)]
            for build in builds { build.waitUntilExit() }
            #expect(builds.allSatisfy { $0.terminationStatus == 0 }, "run \(run)")
            let result = Self.files(output)
            #expect(expected.contains(result), "run \(run): the output is one of the two sites, whole")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (output as NSString).deletingLastPathComponent)
        #expect(!leftovers.contains { $0.contains("sitegen-staging") }, "no staging folder is left behind")
    }

    @Test func aSecondBuildWaitsForTheLockAndGivesUpClearly() throws {
        let site = try SiteFixtures.copy("good")
        let output = SiteFixtures.temporaryFolder() + "/out"
        let lockPath = (output as NSString).deletingLastPathComponent + "/.out.sitegen-lock"
        var notes: [String] = []
        try withExtendedLifetime(OutputLock(path: lockPath, timeout: .seconds(1), waiting: { _ in })) {
            var report = BuildReport(diagnostics: [])
            let rendering = try #require(try SiteBuilder.render(BuildOptions(source: site), report: &report))
            #expect(throws: OutputFolder.WriteError.self) {
                try OutputFolder.write(rendering.plan, to: output, source: site, lockTimeout: .milliseconds(300)) { notes.append($0) }
            }
        }
        #expect(notes.count == 1)
        #expect(notes.first?.contains("another sitegen build is writing into this output") == true)
        #expect(!FileManager.default.fileExists(atPath: output), "nothing was written while the lock was held")
        // Once the lock is free, the same write goes through.
        let (report, _) = try SiteFixtures.build(site, output: output)
        #expect(report.succeeded)
    }

    /// Builds again so that the build before is kept beside the output
    /// (its path), with its manifest: a build that stages does, and one
    /// without a cache (which would write the file into the output itself)
    /// stages to write again a file newer than the manifest, linking the others.
    static func buildKeepingTheFirst(_ site: String, _ output: String) throws -> String {
        let parent = (output as NSString).deletingLastPathComponent
        try FileManager.default.removeItem(atPath: parent + "/.out.sitegen-cache")
        #expect(utimensat(AT_FDCWD, output + "/index.html", nil, 0) == 0)
        _ = try SiteFixtures.build(site, output: output)
        return parent + "/.out.sitegen-previous"
    }

    @Test func deletedAndEditedOutputFilesAreRestored() throws {
        let site = try SiteFixtures.copy("good")
        let (_, output) = try SiteFixtures.build(site)
        let expected = Self.files(output)
        let previous = try Self.buildKeepingTheFirst(site, output)
        #expect(FileManager.default.fileExists(atPath: previous + "/" + SiteLayout.outputMarker))

        try FileManager.default.removeItem(atPath: output + "/nl/index.html")
        let page = output + "/en/index.html"
        let original = try #require(FileManager.default.contents(atPath: page))
        try Data(repeating: UInt8(ascii: "x"), count: original.count).write(to: URL(fileURLWithPath: page))
        try FileManager.default.removeItem(atPath: previous + "/404.html")
        try Data("edited".utf8).write(to: URL(fileURLWithPath: previous + "/index.html"))
        try FileManager.default.createSymbolicLink(atPath: output + "/sitemap-link", withDestinationPath: "/etc/hostname")

        for build in 1...2 {
            let (report, _) = try SiteFixtures.build(site, output: output)
            #expect(report.succeeded)
            #expect(Self.files(output) == expected, "build \(build) after the edits gives the whole site back")
        }
    }

    @Test func aFileInPlaceOfAnOutputFolderIsReplaced() throws {
        let site = try SiteFixtures.copy("good")
        let (_, output) = try SiteFixtures.build(site)
        let expected = Self.files(output)
        let previous = try Self.buildKeepingTheFirst(site, output)
        // Someone put a folder where a page's file goes, in the kept build.
        try FileManager.default.removeItem(atPath: previous + "/nl/index.html")
        try FileManager.default.createDirectory(atPath: previous + "/nl/index.html", withIntermediateDirectories: false)
        let (report, _) = try SiteFixtures.build(site, output: output)
        #expect(report.succeeded)
        #expect(Self.files(output) == expected)
    }
}
