import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenPreview
@testable import SitegenSupport
import SitegenTestSupport

/// A site folder may come from anyone (a pull request, a CI job, a new
/// contributor's clone): building it never runs code from it, never reads
/// files outside it, never writes outside the output the user named, and
/// never writes through a link. Each test is an attack that worked before;
/// every one stays inside its own temporary folder.
@Suite struct SiteTrustTests {
    static let manager = FileManager.default

    static func write(_ text: String, to path: String) throws {
        try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// Runs the `sitegen` binary in `folder` (its current folder).
    static func run(_ arguments: [String], in folder: String, environment: [String: String]) throws -> CommandLineTests.Result {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                     standardError: String(decoding: errData, as: UTF8.self))
    }

    // MARK: No code from the site folder

    /// Pagefind installed by pip is found by asking `python3`, which used to
    /// import a `pagefind_bin.py` from the current folder: the site's.
    @Test func aPagefindBinModuleInTheSiteIsNeverRun() throws {
        // The interpreter the tests' PATH gives (pyenv's shim leads to it), where pagefind-bin is installed.
        let ask = Process()
        ask.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        ask.arguments = ["python3", "-c", "import sys; sys.stdout.write(sys.executable)"]
        ask.currentDirectoryURL = URL(fileURLWithPath: "/")
        let pipe = Pipe()
        ask.standardOutput = pipe
        try ask.run()
        let python = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ask.waitUntilExit()
        #expect(python.hasPrefix("/"))
        let site = try SearchTests.site()
        let current = SiteFixtures.temporaryFolder()
        let proof = SiteFixtures.temporaryFolder() + "/ran"
        let module = "open('\(proof)', 'a').write('ran ' + __file__ + '\\n')\ndef get_executable():\n    return '/bin/true'\n"
        let program = "#!/bin/sh\necho \"ran $0\" >> '\(proof)'\n"
        for folder in [site, current] {
            try Self.write(module, to: folder + "/pagefind_bin.py")
            try Self.write(program, to: folder + "/tools/pagefind")
            chmod(folder + "/tools/pagefind", 0o755)
        }
        // A PATH whose only python3 is a real one, and with empty and
        // relative entries, which used to mean the current folder.
        let bin = SiteFixtures.temporaryFolder()
        try Self.manager.createSymbolicLink(atPath: bin + "/python3", withDestinationPath: python)
        let environment = ["PATH": ":.:tools:" + bin, "HOME": SiteFixtures.temporaryFolder()]
        // Run in the site folder, then from another folder with --source.
        for (folder, source) in [(site, "."), (current, site)] {
            let result = try Self.run(["build", "--quiet", "--source", source, "--output", SiteFixtures.temporaryFolder() + "/out"],
                                      in: folder, environment: environment)
            #expect(!Self.manager.fileExists(atPath: proof), "ran: \((try? String(contentsOfFile: proof, encoding: .utf8)) ?? "")")
            #expect(result.status == 0, "\(result.standardError)")
        }
        let lookup = try PagefindCommand.locate(environment: environment)
        #expect(lookup.executable.hasPrefix("/") && lookup.executable.hasSuffix("/pagefind_bin/pagefind"), "\(lookup.executable)")
    }

    /// A Pagefind that never ends is killed after its timeout, with a
    /// message that says so, and the lock is free again.
    @Test(.timeLimit(.minutes(3)))
    func aHungPagefindIsKilledAndTheLockReleased() throws {
        let site = try SearchTests.site()
        let output = SiteFixtures.temporaryFolder() + "/out"
        let hung = try SearchTests.script("trap '' TERM; exec sleep 1000")
        let report = try SearchTests.build(site, output: output, environment: ["SITEGEN_PAGEFIND": hung, "SITEGEN_PAGEFIND_TIMEOUT": "0.5"])
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.message.contains("was still indexing the site after 0.5 s and was stopped; nothing was written") == true, "\(report.errors)")
        #expect(!Self.manager.fileExists(atPath: output))
        let lock = try OutputLock(path: (output as NSString).deletingLastPathComponent + "/.out.sitegen-lock", timeout: .milliseconds(100), waiting: { _ in })
        _ = lock
    }

    // MARK: Writes only where the user said

    @Test func outputInSitegenYmlMayNotLeaveTheSiteFolder() throws {
        let site = try SiteFixtures.copy("good")
        let outside = SiteFixtures.temporaryFolder()
        let config = try String(contentsOfFile: site + "/sitegen.yml", encoding: .utf8)
        for output in ["../escaped", outside + "/abs", "linked/inside"] {
            try? Self.manager.removeItem(atPath: site + "/linked")
            try Self.manager.createSymbolicLink(atPath: site + "/linked", withDestinationPath: outside)
            try Self.write(config + "output: \(output)\n", to: site + "/sitegen.yml")
            let report = try SiteBuilder.build(BuildOptions(source: site))
            #expect(report.errors.count == 1, "\(output)")
            #expect(report.errors.first?.description.hasPrefix("sitegen.yml: error: output: '\(output)' leads out of the site folder") == true, "\(report.errors)")
        }
        #expect(try Self.manager.contentsOfDirectory(atPath: outside).isEmpty)
        #expect(!Self.manager.fileExists(atPath: (site as NSString).deletingLastPathComponent + "/escaped"))
        // A folder inside is fine; --output may still point anywhere.
        try Self.write(config + "output: public\n", to: site + "/sitegen.yml")
        #expect(try SiteBuilder.build(BuildOptions(source: site)).succeeded)
        #expect(try SiteBuilder.build(BuildOptions(source: site, output: outside + "/site")).succeeded)
    }

    @Test func outputNeverGoesIntoAFolderTheBuildReads() throws {
        let site = try SiteFixtures.copy("good")
        try Self.write("x", to: site + "/static/robots.txt")
        try Self.manager.createSymbolicLink(atPath: site + "/to-content", withDestinationPath: "content/nl")
        for output in ["static/out", "static", "to-content/new", "content", "templates/x"] {
            let report = try SiteBuilder.build(BuildOptions(source: site, output: site + "/" + output))
            #expect(report.outputRefused, "\(output)")
            #expect(report.errors.first?.message.contains("refusing to write the output into") == true, "\(output): \(report.errors)")
        }
        #expect(!Self.manager.fileExists(atPath: site + "/content/nl/new"))
        #expect(!Self.manager.fileExists(atPath: site + "/static/out"))
    }

    // MARK: Reads only from the site

    @Test func aStaticFolderLinkingOutOfTheSiteIsRefused() throws {
        let site = try SiteFixtures.copy("good")
        let secrets = SiteFixtures.temporaryFolder()
        try Self.write("PRIVATE KEY", to: secrets + "/id_ed25519")
        try Self.manager.createSymbolicLink(atPath: site + "/static", withDestinationPath: secrets)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.errors.map(\.description) == [
            "static/: error: the folder leads out of the site folder (to '\(secrets)'); sitegen reads only files inside the site folder: make static/ a real folder",
        ])
        #expect(!Self.manager.fileExists(atPath: output + "/id_ed25519"))
    }

    @Test(.timeLimit(.minutes(3)))
    func aStaticFolderLinkingToProcIsRefused() throws {
        let site = try SiteFixtures.copy("good")
        try Self.manager.createSymbolicLink(atPath: site + "/static", withDestinationPath: "/proc/self")
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.errors.map(\.description) == [
            "static/: error: the folder leads out of the site folder (to '\(FilePaths.realPath("/proc/self"))'); sitegen reads only files inside the site folder: make static/ a real folder",
        ])
        #expect(!Self.manager.fileExists(atPath: output))
    }

    /// A CI checkout keeps its token in `.git/config` (actions/checkout
    /// does): a page including it, or a link into `.git`, published it.
    @Test func versionControlDataIsNeverReadOrPublished() throws {
        let site = try SiteFixtures.copy("good")
        try Self.write("[http]\n\textraheader = AUTHORIZATION: basic TOKEN-25\n", to: site + "/.git/config")
        try Self.manager.createSymbolicLink(atPath: site + "/content/nl/_g", withDestinationPath: "../../.git")
        try Self.write("---\ntitle: Lek\n---\n\n{{< include \"/.git/config\" >}}\n\n--8<-- \".git/config\"\n\n{{< include \"_g/config\" >}}\n",
                       to: site + "/content/nl/lek.md")
        let (report, output) = try SiteFixtures.build(site)
        let reason = "it is in .git/, version control's own data, which may hold credentials (a CI checkout's token is in .git/config); sitegen never reads it"
        #expect(report.errors.count == 3)
        #expect(report.errors.allSatisfy { $0.message.contains(reason) })
        #expect(!Self.manager.fileExists(atPath: output))

        let linked = try SiteFixtures.copy("good")
        try Self.write("[http]\n\textraheader = AUTHORIZATION: basic TOKEN-25\n", to: linked + "/.git/config")
        try Self.manager.createSymbolicLink(atPath: linked + "/static", withDestinationPath: ".git")
        let (linkedReport, linkedOutput) = try SiteFixtures.build(linked)
        #expect(linkedReport.errors.map(\.description) == [
            "static/: error: the folder leads into .git/ (to '\(FilePaths.realPath(linked + "/.git"))'), version control's own data, which may hold credentials; sitegen never reads it: make static/ a real folder",
        ])
        #expect(!Self.manager.fileExists(atPath: linkedOutput + "/config"))
    }

    /// A hard link has no path to check: `static/key.txt` may be another
    /// name of a private file. Where its other name is not in the site's
    /// folders, it is refused, with what to do.
    @Test func aHardLinkToAFileOutsideTheSiteIsRefused() throws {
        let site = try SiteFixtures.copy("good")
        let secrets = SiteFixtures.temporaryFolder()
        try Self.write("PRIVATE KEY", to: secrets + "/id_ed25519")
        try Self.write("PRIVATE PAGE", to: secrets + "/page.md")
        try Self.manager.createDirectory(atPath: site + "/static", withIntermediateDirectories: true)
        #expect(link(secrets + "/id_ed25519", site + "/static/key.txt") == 0)
        #expect(link(secrets + "/page.md", site + "/content/nl/geheim.md") == 0)
        let (report, output) = try SiteFixtures.build(site)
        let reason = "cannot read file: it is a hard link: the file has 2 names and only 1 of them are in the site's folders, "
            + "so it may be a file from outside the site; sitegen reads it only as a file of its own (cp FILE FILE.new && mv FILE.new FILE)"
        #expect(report.errors.map(\.description) == ["content/nl/geheim.md: error: " + reason, "static/key.txt: error: " + reason])
        #expect(!Self.manager.fileExists(atPath: output))
    }

    /// Names of one file that are all in the site are its own: read.
    @Test func hardLinksBetweenFilesOfTheSiteAreRead() throws {
        let site = try SiteFixtures.copy("good")
        try Self.write("shared", to: site + "/static/a.txt")
        #expect(link(site + "/static/a.txt", site + "/static/b.txt") == 0)
        #expect(link(site + "/static/a.txt", site + "/templates/assets/c.txt") == 0)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(try String(contentsOfFile: output + "/b.txt", encoding: .utf8) == "shared")
    }

    /// `decision-graph` reads sitegen.yml as the build does: a link out of
    /// the site is refused (it used to be read, and its languages printed).
    @Test func decisionGraphNeverReadsASettingsFileOutsideTheSite() throws {
        let site = try SiteFixtures.copy("good")
        let outside = SiteFixtures.temporaryFolder()
        try Self.write("languages:\n  - code: secretlanguage\n    name: Secret\n", to: outside + "/sitegen.yml")
        try Self.manager.removeItem(atPath: site + "/sitegen.yml")
        try Self.manager.createSymbolicLink(atPath: site + "/sitegen.yml", withDestinationPath: outside + "/sitegen.yml")
        let result = try CommandLineTests.run(["decision-graph", "--source", site, "--language", "nl", "helper"])
        #expect(result.status == 1)
        #expect(!result.standardError.contains("secretlanguage"), "\(result.standardError)")
        #expect(result.standardError.contains("sitegen.yml: error: cannot read file: it leads out of the site folder"), "\(result.standardError)")
    }

    /// The real path is checked on the open file, so a link flipped between
    /// the listing and the read cannot lead out.
    @Test func theCheckedReadRefusesWhatLeadsOutAtOpenTime() throws {
        let site = try SiteFixtures.copy("good")
        let secrets = SiteFixtures.temporaryFolder()
        try Self.write("PRIVATE", to: secrets + "/key")
        try Self.write("public", to: site + "/static/inside.txt")
        let link = site + "/static/flip.txt"
        try Self.manager.createSymbolicLink(atPath: link, withDestinationPath: "inside.txt")
        #expect(try SiteFileReader.read(link, inside: site) == Array("public".utf8))
        // Flipped after a listing would have accepted it.
        try Self.manager.removeItem(atPath: link)
        try Self.manager.createSymbolicLink(atPath: link, withDestinationPath: secrets + "/key")
        #expect(throws: FileBytes.ReadError.self) { try SiteFileReader.read(link, inside: site) }
        #expect(throws: FileBytes.ReadError.self) { try SiteFileReader.read("/proc/self/environ", inside: site) }
        #expect(throws: FileBytes.ReadError.self) { try SiteFileReader.read("/dev/zero", inside: "/") }
        #expect(mkfifo(site + "/static/pipe", 0o644) == 0)
        #expect(throws: FileBytes.ReadError.self) { try SiteFileReader.read(site + "/static/pipe", inside: site) }
    }

    /// Flipping a link inside `content/` between an inside and an outside
    /// file while builds run never publishes the outside file.
    @Test(.timeLimit(.minutes(2)))
    func aLinkFlippedDuringBuildsNeverPublishesAnOutsideFile() async throws {
        let site = try SiteFixtures.copy("good")
        let secrets = SiteFixtures.temporaryFolder()
        try Self.write("SECRET-TEXT", to: secrets + "/key.txt")
        try Self.write("public text", to: site + "/content/nl/inside.txt")
        let link = site + "/content/nl/flip.txt"
        try Self.manager.createSymbolicLink(atPath: link, withDestinationPath: "inside.txt")
        let flipper = Task.detached {
            var outside = false
            while !Task.isCancelled {
                outside.toggle()
                let temporary = link + ".new"
                unlink(temporary)
                symlink(outside ? secrets + "/key.txt" : "inside.txt", temporary)
                rename(temporary, link)
            }
        }
        for run in 0..<30 {
            let (_, output) = try SiteFixtures.build(site)
            let published = (try? String(contentsOfFile: output + "/nl/flip.txt", encoding: .utf8)) ?? ""
            #expect(!published.contains("SECRET"), "build \(run) published the outside file")
        }
        flipper.cancel()
    }

    // MARK: Writes never through links

    static func outside(_ folder: String) -> [String] {
        (Self.manager.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
    }

    /// The kept previous output replaced by a link: written through before.
    @Test func aLinkInPlaceOfTheKeptOutputIsNeverWrittenThrough() throws {
        let site = try SiteFixtures.copy("good")
        let (first, output) = try SiteFixtures.build(site)
        #expect(first.succeeded)
        // A change, so that the build is swapped in and the one before kept.
        try "# More\n\nText.\n".write(toFile: site + "/content/en/more.md", atomically: false, encoding: .utf8)
        _ = try SiteFixtures.build(site, output: output)
        let parent = (output as NSString).deletingLastPathComponent
        let previous = parent + "/.out.sitegen-previous"
        let elsewhere = SiteFixtures.temporaryFolder() + "/elsewhere"
        try Self.manager.moveItem(atPath: previous, toPath: elsewhere)
        try Self.manager.createSymbolicLink(atPath: previous, withDestinationPath: elsewhere)
        let before = SiteFixtures.snapshot(elsewhere)
        // And a link in place of a folder inside the output.
        let secrets = SiteFixtures.temporaryFolder()
        try Self.manager.removeItem(atPath: output + "/en")
        try Self.manager.createSymbolicLink(atPath: output + "/en", withDestinationPath: secrets)
        for run in 0..<3 {
            let (report, _) = try SiteFixtures.build(site, output: output)
            #expect(report.succeeded, "run \(run): \(report.errors)")
            #expect(SiteFixtures.snapshot(elsewhere) == before, "run \(run): the folder the link led to was changed")
            #expect(Self.outside(secrets).isEmpty, "run \(run): written through a link in the output")
            #expect(Self.manager.fileExists(atPath: output + "/en/index.html"), "run \(run)")
            var info = stat()
            #expect(lstat(output + "/en", &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR, "run \(run)")
        }
    }

    @Test func aLinkAsTheLockFileIsNeverFollowed() throws {
        let site = try SiteFixtures.copy("good")
        let folder = SiteFixtures.temporaryFolder()
        let target = SiteFixtures.temporaryFolder() + "/created-by-sitegen"
        try Self.manager.createSymbolicLink(atPath: folder + "/.out.sitegen-lock", withDestinationPath: target)
        let (report, _) = try SiteFixtures.build(site, output: folder + "/out")
        #expect(!Self.manager.fileExists(atPath: target))
        #expect(report.errors.first?.message.contains("it is a symbolic link; remove it") == true, "\(report.errors)")
    }

    /// `cp -al` of the output: later builds never change the snapshot's files.
    @Test func aHardLinkedSnapshotKeepsItsContent() throws {
        let site = try SiteFixtures.copy("good")
        let (_, output) = try SiteFixtures.build(site)
        _ = try SiteFixtures.build(site, output: output)
        let snapshot = SiteFixtures.temporaryFolder() + "/snapshot"
        let copy = Process()
        copy.executableURL = URL(fileURLWithPath: "/bin/cp")
        copy.arguments = ["-al", output, snapshot]
        try copy.run()
        copy.waitUntilExit()
        let before = SiteFixtures.snapshot(snapshot)
        #expect(before["nl/index.html"] != nil)
        let page = site + "/content/nl/index.md"
        let original = try String(contentsOfFile: page, encoding: .utf8)
        for edit in 1...3 {
            try Self.write(original + "\nBewerking \(edit).\n", to: page)
            let (report, _) = try SiteFixtures.build(site, output: output)
            #expect(report.succeeded)
            #expect(try String(contentsOfFile: output + "/nl/index.html", encoding: .utf8).contains("Bewerking \(edit)."))
            #expect(SiteFixtures.snapshot(snapshot) == before, "build \(edit) changed the snapshot")
        }
    }

    /// A folder holding a `.sitegen-output` folder (or a marker with other
    /// text) is not sitegen's, and nothing in it is deleted.
    @Test func onlyARealMarkerMakesAFolderSitegens() throws {
        let site = try SiteFixtures.copy("good")
        for marker in ["folder", "text", "link"] {
            let output = SiteFixtures.temporaryFolder() + "/thesis"
            try Self.write("my thesis", to: output + "/thesis.docx")
            switch marker {
            case "folder": try Self.manager.createDirectory(atPath: output + "/.sitegen-output", withIntermediateDirectories: true)
            case "text": try Self.write("not sitegen's", to: output + "/.sitegen-output")
            default: try Self.manager.createSymbolicLink(atPath: output + "/.sitegen-output", withDestinationPath: "/etc/hostname")
            }
            for _ in 0..<2 {
                let (report, _) = try SiteFixtures.build(site, output: output)
                #expect(report.outputRefused, "\(marker)")
            }
            #expect(try String(contentsOfFile: output + "/thesis.docx", encoding: .utf8) == "my thesis", "\(marker)")
        }
    }

    @Test func aStaticFileNamedLikeTheMarkerIsAnError() throws {
        let site = try SiteFixtures.copy("good")
        try Self.write("forged", to: site + "/static/.sitegen-output")
        let (report, _) = try SiteFixtures.build(site)
        #expect(report.errors.map(\.description) == [
            "static/.sitegen-output: error: this file would be written to '.sitegen-output', where sitegen writes the marker that tells sitegen the output is its own; rename or remove one of them (only robots.txt and 404.html may replace sitegen's)",
        ])
    }

    // MARK: Search never stale

    /// What Pagefind's index holds: every fragment's text (what a search
    /// returns), decompressed.
    static func indexedText(_ output: String) throws -> String {
        let folder = output + "/pagefind/fragment"
        var text = ""
        for name in try Self.manager.contentsOfDirectory(atPath: folder).sorted() {
            let gzip = Process()
            gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
            gzip.arguments = ["-dc", folder + "/" + name]
            let pipe = Pipe()
            gzip.standardOutput = pipe
            try gzip.run()
            text += String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) + "\n"
            gzip.waitUntilExit()
        }
        return text
    }

    @Test func aDeletedPageIsNeverFoundBySearch() throws {
        let site = try SearchTests.site()
        let output = SiteFixtures.temporaryFolder() + "/out"
        for _ in 0..<2 { #expect(try SearchTests.build(site, output: output).errors.isEmpty) }
        #expect(try Self.indexedText(output).contains("/en/guides/licence/"))
        #expect(try Self.indexedText(output).contains("bicycle shed"))
        try Self.manager.removeItem(atPath: site + "/content/en/guides/licence.md")
        for build in 1...3 {
            let report = try SearchTests.build(site, output: output)
            #expect(report.errors.isEmpty, "\(report.errors)")
            let text = try Self.indexedText(output)
            #expect(!text.contains("/en/guides/licence/"), "build \(build) still indexes the deleted page")
            #expect(!text.contains("bicycle shed"), "build \(build) still finds the deleted page's text")
        }
    }

    // MARK: Children and serve

    /// Running out of descriptors while Pagefind is started was SIGILL
    /// (Foundation's Pipe and Process trap); now it is an error.
    @Test(.timeLimit(.minutes(3)))
    func runningOutOfDescriptorsIsAnErrorNotACrash() throws {
        let site = try SearchTests.site()
        var statuses: Set<Int32> = []
        for limit in 8...20 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
            process.arguments = ["--nofile=\(limit):\(limit)", CommandLineTests.executable.path, "build", "--quiet",
                                 "--source", site, "--output", SiteFixtures.temporaryFolder() + "/out"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationReason == .exit, "killed by signal \(process.terminationStatus) with \(limit) descriptors")
            statuses.insert(process.terminationStatus)
        }
        #expect(statuses.isSubset(of: [0, 1]), "\(statuses)")
        #expect(statuses.contains(0) && statuses.contains(1), "some limits are too low to build, some are enough: \(statuses)")
    }

    /// `sitegen serve` with search keeps a copy of the pages in a temporary
    /// folder: removed on SIGTERM and Ctrl-C, and a dead preview's at start.
    @Test(.timeLimit(.minutes(3)))
    func servesTemporaryFoldersAreRemoved() async throws {
        let site = try SearchTests.site()
        for stop in [SIGTERM, SIGINT] {
            let temporary = SiteFixtures.temporaryFolder()
            let stale = temporary + "/sitegen-preview-search-99999999-abcdef"
            try Self.write("old", to: stale + "/site/index.html")
            let process = Process()
            process.executableURL = CommandLineTests.executable
            process.arguments = ["serve", "--source", site, "--port", "0"]
            var environment = ProcessInfo.processInfo.environment
            environment["TMPDIR"] = temporary
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            func folders() -> [String] {
                ((try? Self.manager.contentsOfDirectory(atPath: temporary)) ?? []).filter { $0.hasPrefix("sitegen-preview-search-") }
            }
            // Wait for the index: Pagefind wrote into the folder.
            var indexed = false
            for _ in 0..<600 where !indexed {
                indexed = folders().contains { Self.manager.fileExists(atPath: temporary + "/" + $0 + "/site/pagefind/pagefind.js") }
                if !indexed { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(indexed)
            #expect(!Self.manager.fileExists(atPath: stale), "a dead preview's folder is removed at start")
            kill(process.processIdentifier, stop)
            process.waitUntilExit()
            #expect(folders().isEmpty, "signal \(stop): \(folders())")
        }
    }

    // MARK: Limits and hygiene

    @Test func controlCharactersFromAPageNeverReachTheTerminal() throws {
        let site = try SiteFixtures.copy("good")
        try Self.write("---\ntitle: Escape\n---\n\n```x\u{1B}]0;owned\u{07}\u{1B}[2J\ncode\n```\n", to: site + "/content/nl/escape.md")
        let (report, _) = try SiteFixtures.build(site)
        let lines = DiagnosticSummary.lines(report.diagnostics, verbose: true) + DiagnosticSummary.lines(report.diagnostics, verbose: false)
        let printed = lines.filter { $0.contains("owned") }
        #expect(!printed.isEmpty, "\(lines)")
        for line in printed {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(line.debugDescription)")
            #expect(line.contains("\\u{1B}]0;owned\\u{7}"), "\(line)")
        }
    }

    @Test func credentialsInTheBaseURLAreRefused() throws {
        let site = try SiteFixtures.copy("good")
        let config = try String(contentsOfFile: site + "/sitegen.yml", encoding: .utf8)
        try Self.write(config + "baseURL: https://user:secret@example.org/docs/\n", to: site + "/sitegen.yml")
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.message.contains("baseURL holds a user name or password") == true, "\(report.errors)")
        #expect(!Self.manager.fileExists(atPath: output))
        #expect(SiteConfig.baseURLProblem("https://u:p@host/")?.hasPrefix("holds a user name or password") == true)
        #expect(SiteConfig.baseURLProblem("https://example.org/@team/") == nil, "an @ in the path is no user name")
    }

    @Test func scriptsSplitByTagsAndJavascriptURLsInTemplatesAreRefused() throws {
        let cases = [
            "<scr{{! c }}ipt>alert(1)</script>": "inline <script>",
            "<scr{{#page}}{{/page}}ipt>alert(1)</script>": "inline <script>",
            "<a href=\"javascript:alert(1)\">x</a>": "javascript: URL",
            "<a href=' JavaScript{{! c }}:alert(1)'>x</a>": "javascript: URL",
            "<a href=\"{{url}}\">ok</a><script src=\"{{#asset}}x.js{{/asset}}\"></script>": nil,
        ]
        for (text, expected) in cases {
            let problems = TemplateChecks.inlineCode(in: "<p>\n" + text + "\n")
            if let expected {
                #expect(problems.count == 1 && problems.first?.message.hasPrefix(expected) == true, "\(text): \(problems)")
                #expect(problems.first?.line == 2 && problems.first?.column == 1, "\(text): \(problems)")
            } else {
                #expect(problems.isEmpty, "\(text): \(problems)")
            }
        }
    }

    /// Other delimiters (`{{=<% %>=}}`) cannot hide a tag from the check,
    /// and a name made by a tag (`<{{tag}}>`) is refused: what it becomes
    /// is known only when a page is rendered.
    @Test func scriptsSplitUnderOtherDelimitersOrNamedByATagAreRefused() throws {
        let cases: [(String, [String])] = [
            ("{{=<% %>=}}<scr<%! c %>ipt>alert(1)</script>", ["inline <script>"]),
            ("{{=<% %>=}}<a href=\"java<%={{ }}=%>{{! c }}script:alert(1)\">x</a>", ["javascript: URL"]),
            ("<{{tag}}>alert(1)</{{tag}}>", ["an element or attribute name", "an element or attribute name"]),
            ("{{=[ ]=}}<scr[page.title]>", ["an element or attribute name"]),
            ("<a {{{name}}}=\"alert(1)\">x</a>", ["an element or attribute name"]),
            ("<p data-plural-{{category}}=\"{{form}}\" aria-{{x}}=\"y\">x</p>", []),
            ("{{=<% %>=}}<p class=\"<% name %>\" title='{{x}}'><% text %></p>", []),
        ]
        for (text, expected) in cases {
            let problems = TemplateChecks.inlineCode(in: text)
            #expect(problems.map { String($0.message.prefix(expected.first?.count ?? 0)) } == expected, "\(text): \(problems)")
        }
        let site = try SiteFixtures.copy("good")
        let page = try String(contentsOfFile: site + "/templates/page.mustache", encoding: .utf8)
        try Self.write(page.replacingOccurrences(of: "</body>", with: "{{=<% %>=}}<scr<%! c %>ipt>alert(1)</script><%={{ }}=%></body>"),
                       to: site + "/templates/page.mustache")
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.errors.contains { $0.message.hasPrefix("inline <script>") }, "\(report.errors)")
        #expect(!Self.manager.fileExists(atPath: output))
    }

    @Test func aCommentOnlyLayoutIsEmpty() throws {
        let site = try SiteFixtures.copy("good")
        try Self.write("{{! nothing but a comment }}\n{{!\nand another\n}}\n", to: site + "/templates/page.mustache")
        let (report, _) = try SiteFixtures.build(site)
        #expect(report.errors.map(\.description).contains("templates/page.mustache: error: template is empty: every page it lays out would be empty; write its HTML, or delete it to get an error naming what is missing"), "\(report.errors)")
    }

    /// 18 partials that each include the next twice: 2^18 expansions a page.
    @Test(.timeLimit(.minutes(2)))
    func partialsThatMultiplyStopAtABudget() throws {
        let site = try SiteFixtures.copy("good")
        for level in 0..<18 {
            try Self.write("{{> partials/m\(level + 1)}}{{> partials/m\(level + 1)}}", to: site + "/templates/partials/m\(level).mustache")
        }
        try Self.write("x", to: site + "/templates/partials/m18.mustache")
        let nav = site + "/templates/partials/nav.mustache"
        try Self.write(try String(contentsOfFile: nav, encoding: .utf8) + "{{> partials/m0}}\n", to: nav)
        let (report, output) = try SiteFixtures.build(site)
        #expect(!report.succeeded)
        #expect(report.errors.contains { $0.message.hasPrefix("partials expand more than 100000 times for one page") && $0.file.hasPrefix("templates/") && $0.line != nil }, "\(report.errors.prefix(3))")
        #expect(!Self.manager.fileExists(atPath: output))
    }

    /// 300 idle connections (more than the 256 served at once) used to make
    /// every new one wait 60 s for a 503; idle ones now make room.
    @Test(.timeLimit(.minutes(2)))
    func idleConnectionsNeverStarveANewOne() async throws {
        let server = try PreviewServer(host: "127.0.0.1", port: 0, live: LiveReload(plan: OutputPlan(files: [SitePath("index.html"): Array("hi".utf8)])), log: { _ in })
        let running = Task { try await server.run() }
        defer { running.cancel() }
        let port = try await server.waitUntilListening()
        var idle: [PreviewHardeningTests.RawConnection] = []
        for _ in 0..<300 { idle.append(try PreviewHardeningTests.RawConnection(port: port)) }
        try await Task.sleep(for: .milliseconds(500))
        let answer = try PreviewHardeningTests.RawConnection(port: port)
            .exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        #expect(answer?.status == 200, "\(String(describing: answer))")
        withExtendedLifetime(idle) {}
    }

    /// `/nl/hash%23tag` redirected to the unencoded `/nl/hash#tag/`, which a
    /// browser reads as `/nl/hash` with a fragment.
    @Test func aRedirectLocationIsPercentEncoded() async throws {
        let plan = OutputPlan(files: [SitePath("nl/hash#tag/"): Array("page".utf8), SitePath("nl/spatie en/"): Array("page".utf8)])
        let server = try PreviewServer(host: "127.0.0.1", port: 0, live: LiveReload(plan: plan), log: { _ in })
        let running = Task { try await server.run() }
        defer { running.cancel() }
        let port = try await server.waitUntilListening()
        for (asked, location) in [("/nl/hash%23tag", "/nl/hash%23tag/"), ("/nl/spatie%20en", "/nl/spatie%20en/")] {
            let answer = try PreviewHardeningTests.RawConnection(port: port)
                .exchange("GET \(asked) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            #expect(answer?.status == 301)
            #expect(answer?.headers["Location"] ?? answer?.headers["location"] == location, "\(String(describing: answer?.headers))")
        }
    }
}
