import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenSupport
import SitegenTestSupport

/// `kill -9` at any moment of `sitegen build` never tears the output or
/// leaves a manifest that lies (issue 25), whether the build writes the few
/// files it changed into the output itself (`InPlaceWrites.commit`)
/// or stages the site and swaps it in; and the next build gives the same
/// output as a build from nothing (issue 30).
@Suite struct KilledBuildTests {
    static let languages = ["en", "nl"]
    static let pagesPerLanguage = 150
    /// Pages edited per round: files an incremental build writes in place.
    static let editedPerRound = 40

    static func page(_ number: Int) -> String {
        "page-" + String(format: "%03d", number) + ".md"
    }

    static func template(_ footer: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="{{language.code}}" dir="{{language.dir}}">
        <head><meta charset="utf-8" /><title>{{page.title}}</title></head>
        <body><main id="main">{{{page.content}}}</main>
        <footer>\(footer)</footer></body>
        </html>

        """
    }

    /// 2 × 150 pages and a page template of the site's own.
    static func site() throws -> String {
        var files = ["templates/page.mustache": template("first")]
        for language in languages {
            for number in 1...pagesPerLanguage {
                files["content/\(language)/\(page(number))"] = """
                    ---
                    title: Page \(number)
                    ---
                    # Page \(number)

                    Some text for page \(number), with a [link](index.md). Edition 000.

                    ## Part

                    - one
                    - two

                    """
            }
        }
        return try MultilingualSite(languages, files: files).write()
    }

    /// Edits the pages of a round: `editedPerRound` English pages get the
    /// round's edition number, which keeps their size (an edit a manifest
    /// checking sizes only would miss), every fourth a line more; and the
    /// page template when `template`. The numbers of the pages edited.
    static func edit(_ site: String, round: Int, template: Bool) throws -> [Int] {
        let edited = (0..<editedPerRound).map { ((round + 2) * 7 + $0 * 3) % pagesPerLanguage + 1 }
        for (index, number) in edited.enumerated() {
            let path = site + "/content/en/" + page(number)
            var text = try String(contentsOfFile: path, encoding: .utf8)
            let start = try #require(text.range(of: "Edition ")).upperBound
            text.replaceSubrange(start..<text.index(start, offsetBy: 3), with: edition(round))
            if index.isMultiple(of: 4) { text += "\nA line added in round \(round).\n" }
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }
        if template {
            try Self.template("round \(round)").write(toFile: site + "/templates/page.mustache", atomically: false, encoding: .utf8)
        }
        return edited
    }

    static func edition(_ round: Int) -> String {
        String(format: "%03d", round + 100)
    }

    /// Starts `sitegen build`, its messages thrown away.
    static func launch(_ site: String, into output: String, clean: Bool = false) throws -> Process {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["build", "--quiet", "--source", site, "--output", output] + (clean ? ["--clean"] : [])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// How long one unkilled build takes, in nanoseconds.
    static func timedBuild(_ site: String, into output: String, clean: Bool = false) throws -> Int64 {
        let start = ContinuousClock.now
        let process = try launch(site, into: output, clean: clean)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "sitegen build --output \(output)")
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    /// Every file `folder`'s manifest vouches for (a regular file of its
    /// size, older than the marker: `OutputManifest.isIntact`, the looser of
    /// the rules a build trusts a file by) holds exactly its stamp's bytes.
    static func expectTruthfulManifest(in folder: String, _ round: Int) {
        guard let manifest = OutputManifest(in: folder) else { return }
        let lies = manifest.stamps.keys.sorted().filter { file in
            var info = stat()
            guard let stamp = manifest.stamps[file], lstat(folder + "/" + file, &info) == 0,
                  manifest.isIntact(info, stamp: stamp) else { return false }
            return (try? FileBytes.read(folder + "/" + file)).map(OutputManifest.stamp) != stamp
        }
        #expect(lies.isEmpty, "round \(round): the manifest of \(folder) vouches for \(lies.count) files holding other bytes, first \(lies.first ?? "")")
    }

    /// What a build killed at any moment may leave: the output, whole, with
    /// a manifest; every manifest beside it (the kept build, a staging
    /// folder) truthful; nothing in the output but the manifest's files and
    /// a build's temporary files, hidden (dot) files the manifest does not list.
    static func expectSafe(_ output: String, _ round: Int) throws {
        let manifest = try #require(OutputManifest(in: output), "round \(round): the output has its manifest")
        let parent = (output as NSString).deletingLastPathComponent
        for name in try FileManager.default.contentsOfDirectory(atPath: parent) where name == "out" || name.hasPrefix(".out.sitegen-") {
            expectTruthfulManifest(in: parent + "/" + name, round)
        }
        for file in SiteFixtures.snapshot(output).keys where file != SiteLayout.outputMarker && manifest.stamps[file] == nil {
            let name = (file as NSString).lastPathComponent
            #expect(name.hasPrefix(".") && name.contains(".sitegen-new-"),
                    "round \(round): \(file) in the output is neither the manifest's nor a hidden temporary file")
        }
        #expect(!manifest.stamps.keys.contains { $0.contains(".sitegen-") }, "round \(round): the manifest lists a temporary file")
    }

    /// The output after a build without a kill is the clean build's, byte
    /// for byte, and nothing of a build is left beside it but its own.
    static func expectSameAsClean(_ site: String, _ output: String, _ round: Int) throws {
        _ = try timedBuild(site, into: output)
        let clean = SiteFixtures.temporaryFolder() + "/clean"
        _ = try timedBuild(site, into: clean, clean: true)
        let built = SiteFixtures.snapshot(output), expected = SiteFixtures.snapshot(clean)
        #expect(built.keys.sorted() == expected.keys.sorted(), "round \(round): the same files as a clean build")
        let differ = expected.keys.sorted().filter { built[$0] != expected[$0] }
        #expect(differ.isEmpty, "round \(round): \(differ.count) files differ from a clean build, first \(differ.first ?? "")")
        let parent = (output as NSString).deletingLastPathComponent
        let beside = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.contains("sitegen-staging") }
        #expect(beside.isEmpty, "round \(round): a staging folder is left beside the output")
        try FileManager.default.removeItem(atPath: (clean as NSString).deletingLastPathComponent)
    }

    /// Waits until the build starts changing what a reader is served, then
    /// kills it: when one of `files` (the edited pages' files and the
    /// output's marker) is replaced, or the build's staging folder gets its
    /// manifest (it is about to be swapped in). Spread delays seldom hit
    /// those few milliseconds, where a build writes in a wrong order would
    /// leave a manifest that lies.
    static func killWhenWriting(_ build: Process, watching files: [String], staging: String) {
        func identity(_ path: String) -> [Int] {
            var info = stat()
            guard lstat(path, &info) == 0 else { return [] }
            return [Int(info.st_ino), info.st_mtim.tv_sec, info.st_mtim.tv_nsec]
        }
        let before = files.map(identity)
        let deadline = ContinuousClock.now + .seconds(30)
        while build.isRunning, ContinuousClock.now < deadline, files.map(identity) == before,
              access(staging + "/" + SiteLayout.outputMarker, F_OK) != 0 {
            usleep(50)
        }
        if build.isRunning { kill(build.processIdentifier, SIGKILL) }
    }

    @Test(.timeLimit(.minutes(3)))
    func aKilledBuildNeverLeavesAManifestThatLies() throws {
        let site = try Self.site()
        let output = SiteFixtures.temporaryFolder() + "/out"
        _ = try Self.timedBuild(site, into: output)
        // One build of each kind, timed: one that writes a few pages in
        // place, one that renders every page (a template changed) and stages.
        _ = try Self.edit(site, round: -2, template: false)
        let inPlaceDuration = try Self.timedBuild(site, into: output)
        _ = try Self.edit(site, round: -1, template: true)
        let stagedDuration = try Self.timedBuild(site, into: output)

        let rounds = 12
        var killed = 0
        for round in 0..<rounds {
            let stages = round % 3 == 2
            let edited = try Self.edit(site, round: round, template: stages)
            let build = try Self.launch(site, into: output)
            if round.isMultiple(of: 2) {
                // Spread over the build: a kill while it loads, renders, writes.
                let duration = stages ? stagedDuration : inPlaceDuration
                usleep(useconds_t(duration * Int64(round + 1) / Int64(rounds) / 1_000))
                if build.isRunning { kill(build.processIdentifier, SIGKILL) }
            } else {
                let watched = edited.map { output + "/en/" + Self.page($0).dropLast(3) + "/index.html" } + [output + "/" + SiteLayout.outputMarker]
                Self.killWhenWriting(build, watching: watched, staging: (output as NSString).deletingLastPathComponent + "/.out.sitegen-staging-\(build.processIdentifier)")
            }
            build.waitUntilExit()
            if build.terminationReason == .uncaughtSignal { killed += 1 } else { #expect(build.terminationStatus == 0, "round \(round)") }

            try Self.expectSafe(output, round)
            try Self.expectSameAsClean(site, output, round)
            for number in edited {
                let page = try String(contentsOfFile: output + "/en/" + Self.page(number).dropLast(3) + "/index.html", encoding: .utf8)
                #expect(page.contains("Edition \(Self.edition(round))."), "round \(round): page \(number) has its new text")
            }
            SiteFixtures.age(output)
        }
        #expect(killed > 0, "some builds were killed")
    }
}
