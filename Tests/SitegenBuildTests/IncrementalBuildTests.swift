import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenSupport
import SitegenTestSupport

/// `sitegen build` from the cache the build before left beside the output
/// (`IncrementalBuild`): after every kind of edit, the output is the same,
/// byte for byte, as a build from nothing, and an unchanged site renders
/// no page.
@Suite struct IncrementalBuildTests {
    /// The good fixture, with a snippet that `nl/over.md` includes.
    static func site() throws -> String {
        let site = try SiteFixtures.copy("good")
        try FileManager.default.createDirectory(atPath: site + "/snippets", withIntermediateDirectories: true)
        try write(site + "/snippets/extra.md", "Een zin uit een ander bestand.\n")
        try append(site + "/content/nl/over.md", "\n--8<-- \"snippets/extra.md\"\n")
        return site
    }

    static func write(_ path: String, _ text: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    static func append(_ path: String, _ text: String) throws {
        try write(path, try String(contentsOfFile: path, encoding: .utf8) + text)
    }

    static func replace(_ path: String, _ old: String, with new: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old), "\(path) holds '\(old)'")
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    /// Builds; returns the report and the log's render line.
    static func build(_ site: String, into output: String, clean: Bool = false) throws -> (BuildReport, [SiteBuilder.Step]) {
        var steps: [SiteBuilder.Step] = []
        let report = try SiteBuilder.build(BuildOptions(source: site, output: output, clean: clean), log: { steps.append($0) })
        #expect(report.errors.isEmpty, "\(report.errors)")
        return (report, steps)
    }

    /// How many pages the build rendered (all of them when it says nothing).
    static func rendered(_ steps: [SiteBuilder.Step]) -> Int? {
        guard let line = steps.first(where: { $0.name == "render" })?.detail else { return nil }
        if let open = line.firstIndex(of: "(") {
            return Int(line[line.index(after: open)...].prefix { $0.isNumber })
        }
        return Int(line.prefix { $0.isNumber })
    }

    /// Rebuilds `output` incrementally and expects it to equal a clean build.
    static func expectSameAsClean(_ site: String, _ output: String, after edit: String,
                                  sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int? {
        rendered(try rebuild(site, output, after: edit, sourceLocation: sourceLocation).steps)
    }

    /// `expectSameAsClean`, giving the report and the steps.
    @discardableResult
    static func rebuild(_ site: String, _ output: String, after edit: String,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (report: BuildReport, steps: [SiteBuilder.Step]) {
        let (report, steps) = try build(site, into: output)
        let clean = SiteFixtures.temporaryFolder() + "/clean"
        let (cleanReport, _) = try build(site, into: clean, clean: true)
        #expect(report.diagnostics == cleanReport.diagnostics, "after \(edit): the same warnings", sourceLocation: sourceLocation)
        let incremental = SiteFixtures.snapshot(output), expected = SiteFixtures.snapshot(clean)
        #expect(incremental.keys.sorted() == expected.keys.sorted(), "after \(edit): the same files", sourceLocation: sourceLocation)
        for (file, bytes) in expected where incremental[file] != bytes {
            Issue.record("after \(edit): \(file) differs from a clean build", sourceLocation: sourceLocation)
        }
        SiteFixtures.age(output)
        return (report, steps)
    }

    /// Whether the build found nothing changed and read no page (`UnchangedBuild`).
    static func readNothing(_ steps: [SiteBuilder.Step]) -> Bool {
        steps.contains { $0.name == "load" && $0.detail.hasSuffix("none changed since the build before") }
    }

    /// The site built into `folder/out` once its files are settled, so the
    /// build vouches for them, and the output aged.
    static func settledBuild() throws -> (site: String, folder: String, output: String) {
        let site = try Self.site()
        let folder = SiteFixtures.temporaryFolder()
        settle()
        _ = try build(site, into: folder + "/out")
        SiteFixtures.age(folder + "/out")
        return (site, folder, folder + "/out")
    }

    /// Waits until files written now are older than a build's clock tick
    /// (`FileVersion.isRecent`): a build can then vouch for them.
    static func settle() {
        usleep(60_000)
    }

    @Test func everyEditGivesTheCleanBuildsBytes() throws {
        let site = try Self.site()
        let output = SiteFixtures.temporaryFolder() + "/out"
        let (first, _) = try Self.build(site, into: output)
        let total = first.pagesPerLanguage.reduce(0) { $0 + $1.pages }
        SiteFixtures.age(output)
        #expect(try Self.expectSameAsClean(site, output, after: "nothing") == 0)
        #expect(try Self.expectSameAsClean(site, output, after: "nothing, again") == 0)

        try Self.replace(site + "/content/nl/over.md", "Wij.", with: "Wij, de schrijvers.")
        let afterText = try Self.expectSameAsClean(site, output, after: "a page's text")
        #expect(afterText.map { $0 > 0 && $0 < total } == true, "\(afterText ?? -1) of \(total) pages rendered after one page's text changed")

        try Self.write(site + "/snippets/extra.md", "Een andere zin.\n")
        let afterSnippet = try Self.expectSameAsClean(site, output, after: "an included file")
        #expect(afterSnippet.map { $0 > 0 && $0 < total } == true, "\(afterSnippet ?? -1) of \(total) pages rendered after a snippet changed")

        try Self.replace(site + "/content/nl/over.md", "## Wie", with: "## Wie wij zijn {#wie}")
        _ = try Self.expectSameAsClean(site, output, after: "a heading other pages link to")
        try Self.replace(site + "/content/nl/over.md", "title: Over deze site", with: "title: Over ons")
        _ = try Self.expectSameAsClean(site, output, after: "a title in the navigation")
        try Self.append(site + "/templates/page.mustache", "<!-- changed -->\n")
        _ = try Self.expectSameAsClean(site, output, after: "a template")
        try Self.replace(site + "/content/en/_strings.yml", "skip: Skip to content", with: "skip: Skip to the text")
        _ = try Self.expectSameAsClean(site, output, after: "a UI string")
        try Self.replace(site + "/sitegen.yml", "en: Test site", with: "en: The test site")
        _ = try Self.expectSameAsClean(site, output, after: "sitegen.yml")
        try Self.write(site + "/content/en/new.md", "---\ntitle: New\n---\n\nA new page.\n")
        _ = try Self.expectSameAsClean(site, output, after: "a new page")
        try FileManager.default.moveItem(atPath: site + "/content/en/new.md", toPath: site + "/content/en/renamed.md")
        _ = try Self.expectSameAsClean(site, output, after: "a renamed page")
        try FileManager.default.removeItem(atPath: site + "/content/en/renamed.md")
        _ = try Self.expectSameAsClean(site, output, after: "a deleted page")
        #expect(try Self.expectSameAsClean(site, output, after: "nothing, at the end") == 0)
    }

    /// An output file edited by hand is written again, not kept.
    @Test func anOutputFileEditedByHandIsWrittenAgain() throws {
        let site = try Self.site()
        let output = SiteFixtures.temporaryFolder() + "/out"
        _ = try Self.build(site, into: output)
        _ = try Self.build(site, into: output)
        try Self.write(output + "/nl/over/index.html", "defaced")
        #expect(try Self.expectSameAsClean(site, output, after: "an output file edited by hand") ?? 0 >= 1)
    }

    /// The file identity (device, inode) and change time of a path.
    static func identity(_ path: String) -> [Int] {
        var info = stat()
        guard lstat(path, &info) == 0 else { return [] }
        return [Int(info.st_dev), Int(info.st_ino), info.st_ctim.tv_sec, info.st_ctim.tv_nsec]
    }

    /// A build with nothing changed leaves the output as it is: no folder
    /// swapped in, no manifest or cache written, no file linked.
    @Test func anUnchangedRebuildLeavesTheOutputAsItIs() throws {
        let (site, folder, output) = try Self.settledBuild()
        let watched = [output, output + "/" + SiteLayout.outputMarker, output + "/nl/over/index.html", output + "/nl",
                       folder + "/.out.sitegen-cache"]
        let before = watched.map(Self.identity)
        let (_, steps) = try Self.build(site, into: output)
        #expect(Self.rendered(steps) == 0)
        #expect(watched.map(Self.identity) == before, "the output, its manifest, a page, a folder and the cache are untouched")
        #expect(!FileManager.default.fileExists(atPath: folder + "/.out.sitegen-previous"), "no build was swapped out")
        _ = try Self.expectSameAsClean(site, output, after: "nothing")
    }

    /// A build whose site files all have the versions they had (identity,
    /// size, times) reads no page; any edit, even one that keeps a file's
    /// size and time, makes the next build look again; the output is the
    /// clean build's every time, warnings included.
    @Test func aSiteWhoseFilesAreAsTheyWereIsNotReadAgain() throws {
        let (site, _, output) = try Self.settledBuild()
        #expect(Self.readNothing(try Self.rebuild(site, output, after: "nothing").steps))
        let page = site + "/content/nl/over.md"
        /// Edits `path` keeping its size and modification time.
        func sameSizeAndTime(_ path: String, _ old: String, _ new: String, byRename: Bool) throws {
            var info = stat()
            #expect(stat(path, &info) == 0)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(old.utf8.count == new.utf8.count && text.contains(old))
            let written = byRename ? path + ".new" : path
            try Self.write(written, text.replacingOccurrences(of: old, with: new))
            #expect(utimensat(AT_FDCWD, written, [info.st_atim, info.st_mtim], 0) == 0)
            if byRename { #expect(rename(written, path) == 0) }
            var after = stat()
            #expect(stat(path, &after) == 0 && after.st_size == info.st_size && after.st_mtim.tv_nsec == info.st_mtim.tv_nsec)
        }
        let edits: [(String, () throws -> Void)] = [
            ("a page edited, its size and time the same", { try sameSizeAndTime(page, "Wij.", "Zij.", byRename: false) }),
            ("a page replaced by rename, its size and time the same", { try sameSizeAndTime(page, "Zij.", "Wij.", byRename: true) }),
            ("a page touched, its text the same", { #expect(utimensat(AT_FDCWD, page, nil, 0) == 0) }),
            ("an included file", { try Self.write(site + "/snippets/extra.md", "Een andere zin.\n") }),
            ("a title in the navigation", { try Self.replace(page, "title: Over deze site", with: "title: Over ons") }),
            ("a template", { try Self.append(site + "/templates/page.mustache", "<!-- changed -->\n") }),
            ("a UI string", { try Self.replace(site + "/content/en/_strings.yml", "skip: Skip to content", with: "skip: Skip to the text") }),
            ("sitegen.yml", { try Self.replace(site + "/sitegen.yml", "en: Test site", with: "en: The test site") }),
            ("a new page", { try Self.write(site + "/content/en/new.md", "---\ntitle: New\n---\n\nA new page.\n") }),
            ("a renamed page", { try FileManager.default.moveItem(atPath: site + "/content/en/new.md", toPath: site + "/content/en/renamed.md") }),
            ("a deleted page", { try FileManager.default.removeItem(atPath: site + "/content/en/renamed.md") }),
        ]
        for (edit, make) in edits {
            try make()
            Self.settle()
            let (report, steps) = try Self.rebuild(site, output, after: edit)
            #expect(!Self.readNothing(steps), "after \(edit): the site was read again")
            let again = try Self.rebuild(site, output, after: "nothing, after \(edit)")
            #expect(Self.readNothing(again.steps), "after \(edit), then nothing: no page read")
            #expect(again.report.diagnostics == report.diagnostics, "after \(edit), then nothing: the same warnings")
            let translations = { (steps: [SiteBuilder.Step]) in steps.filter { $0.name == "translations" }.map(\.detail) }
            #expect(translations(again.steps) == translations(steps) && !translations(steps).isEmpty,
                    "after \(edit), then nothing: the same translations line")
        }
        // A heading other pages link to removed: their links are errors,
        // build after build, until it is back.
        try Self.replace(page, "## Wie", with: "Wie")
        Self.settle()
        for _ in 0..<2 {
            var steps: [SiteBuilder.Step] = []
            let report = try SiteBuilder.build(BuildOptions(source: site, output: output), log: { steps.append($0) })
            #expect(!Self.readNothing(steps) && report.errors.count == 2 && report.errors.allSatisfy { $0.message.contains("'#wie'") })
        }
        try Self.replace(page, "Wie", with: "## Wie")
        Self.settle()
        try Self.rebuild(site, output, after: "the heading back")
        #expect(Self.readNothing(try Self.rebuild(site, output, after: "nothing, after the heading back").steps))
    }

    /// One page's text changed: its file is written into the output itself,
    /// a new file renamed into place (a hard link to the old one elsewhere
    /// keeps the old bytes; a link put in its place is replaced, never
    /// followed), with no staging folder or swap; the manifest vouches for
    /// it, so the next build reads nothing. A build that fails on the way
    /// leaves the output as it was.
    @Test func onePageChangedIsWrittenIntoTheOutputItself() throws {
        let (site, folder, output) = try Self.settledBuild()
        let file = output + "/nl/over/index.html"
        let outside = folder + "/outside.html"
        try Self.write(outside, "not sitegen's")
        let snapshot = folder + "/snapshot.html"
        #expect(link(file, snapshot) == 0)
        let old = try String(contentsOfFile: file, encoding: .utf8)
        let linked = output + "/nl/handleidingen/index.html"
        let linkedBytes = try String(contentsOfFile: linked, encoding: .utf8)
        try FileManager.default.removeItem(atPath: linked)
        #expect(symlink(outside, linked) == 0)
        let folderBefore = Self.identity(output)
        try Self.write(output + "/nl/extra.html", "put there by hand")

        try Self.replace(site + "/content/nl/over.md", "Wij.", with: "Wij, de schrijvers.")
        Self.settle()
        let (_, steps) = try Self.rebuild(site, output, after: "a page's text, a link and a file put into the output")
        #expect(Self.rendered(steps).map { $0 > 0 } == true)
        #expect(Self.identity(output).prefix(2) == folderBefore.prefix(2), "the output folder was not swapped")
        #expect(!FileManager.default.fileExists(atPath: folder + "/.out.sitegen-previous"), "nothing was staged")
        #expect(try String(contentsOfFile: snapshot, encoding: .utf8) == old, "the hard link elsewhere keeps the old page")
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "not sitegen's", "the link was not followed")
        #expect(try String(contentsOfFile: linked, encoding: .utf8) == linkedBytes)
        #expect(Self.readNothing(try Self.rebuild(site, output, after: "nothing, after a page written in place").steps))

        // A page that breaks another's link: the build fails, nothing written.
        let before = SiteFixtures.snapshot(output)
        try Self.replace(site + "/content/nl/over.md", "## Wie", with: "Wie")
        try Self.append(site + "/content/nl/index.md", "\nEen zin erbij.\n")
        let report = try SiteBuilder.build(BuildOptions(source: site, output: output))
        #expect(!report.succeeded)
        #expect(SiteFixtures.snapshot(output) == before, "a failed build leaves the output as it was")
    }

    /// Files and folders put into the output by hand are gone after a
    /// build with nothing changed, as after a clean build.
    @Test func aFileAddedToTheOutputByHandIsRemoved() throws {
        let site = try Self.site()
        let output = SiteFixtures.temporaryFolder() + "/out"
        _ = try Self.build(site, into: output)
        SiteFixtures.age(output)
        try Self.write(output + "/extra.html", "by hand")
        #expect(try Self.expectSameAsClean(site, output, after: "a file added at the top") == 0)
        try Self.write(output + "/nl/over/extra.html", "by hand")
        #expect(try Self.expectSameAsClean(site, output, after: "a file added in a folder") == 0)
        try FileManager.default.createDirectory(atPath: output + "/nl/over/extra", withIntermediateDirectories: false)
        #expect(try Self.expectSameAsClean(site, output, after: "a folder added") == 0)
        try FileManager.default.removeItem(atPath: output + "/nl/over/index.html")
        _ = try Self.expectSameAsClean(site, output, after: "a file removed")
    }

    /// An output file replaced by another of the same size, dated like it
    /// (renamed into place, or deleted and written anew: another inode),
    /// is written again, not kept.
    @Test func anOutputFileReplacedWithTheSameSizeAndTimeIsWrittenAgain() throws {
        let site = try Self.site()
        let output = SiteFixtures.temporaryFolder() + "/out"
        _ = try Self.build(site, into: output)
        SiteFixtures.age(output)
        let page = output + "/nl/over/index.html"
        for how in ["renamed into place", "written anew"] {
            var info = stat()
            #expect(stat(page, &info) == 0)
            let size = Int(info.st_size)
            let times = [info.st_atim, info.st_mtim]
            let other = how == "renamed into place" ? output + "/nl/other.tmp" : page
            if how == "written anew" { try FileManager.default.removeItem(atPath: page) }
            try Self.write(other, String(repeating: "x", count: size))
            #expect(utimensat(AT_FDCWD, other, times, 0) == 0)
            if other != page { #expect(rename(other, page) == 0) }
            var replaced = stat()
            #expect(stat(page, &replaced) == 0 && replaced.st_size == info.st_size && replaced.st_mtim.tv_nsec == info.st_mtim.tv_nsec)
            _ = try Self.expectSameAsClean(site, output, after: "an output file \(how)")
        }
    }

    /// Deleting the build kept beside the output changes the change time of
    /// every file the output shares with it (hard links): they are read and
    /// trusted by their bytes, not rendered again.
    @Test func deletingTheKeptBuildRendersNothingAgain() throws {
        let site = try Self.site()
        let folder = SiteFixtures.temporaryFolder()
        let output = folder + "/out"
        _ = try Self.build(site, into: output)
        SiteFixtures.age(output)
        // A template only some pages use: every page renders, the build
        // stages (one page's text would be written in place), and the
        // others are linked from the output into the staging folder.
        try Self.append(site + "/templates/decision-outcome.mustache", "<!-- changed -->\n")
        _ = try Self.expectSameAsClean(site, output, after: "a template some pages use")
        try FileManager.default.removeItem(atPath: folder + "/.out.sitegen-previous")
        #expect(try Self.expectSameAsClean(site, output, after: "the kept build deleted") == 0)
    }

    /// A cache that is not sitegen's, or another site's, is ignored with a
    /// note, and every page is rendered.
    @Test func aCorruptOrForeignCacheIsIgnoredWithANote() throws {
        let site = try Self.site()
        let other = try SiteFixtures.copy("good")
        let folder = SiteFixtures.temporaryFolder()
        let output = folder + "/out", cache = folder + "/.out.sitegen-cache"
        let (first, _) = try Self.build(site, into: output)
        let total = first.pagesPerLanguage.reduce(0) { $0 + $1.pages }
        SiteFixtures.age(output)

        try Self.write(cache, "{\"format\": 1, \"pages\": [")
        var (_, steps) = try Self.build(site, into: output)
        #expect(steps.contains { $0.name == "note" && $0.detail.contains("not a build cache") })
        #expect(Self.rendered(steps) == total)

        // The other site's cache, in place of this one's.
        let otherOutput = SiteFixtures.temporaryFolder() + "/out"
        _ = try Self.build(other, into: otherOutput)
        try FileManager.default.removeItem(atPath: cache)
        try FileManager.default.copyItem(atPath: (otherOutput as NSString).deletingLastPathComponent + "/.out.sitegen-cache", toPath: cache)
        (_, steps) = try Self.build(site, into: output)
        #expect(steps.contains { $0.name == "note" && $0.detail.contains("another site folder") })
        #expect(Self.rendered(steps) == total)

        // A link in the cache's place is not followed.
        try FileManager.default.removeItem(atPath: cache)
        try FileManager.default.createSymbolicLink(atPath: cache, withDestinationPath: (otherOutput as NSString).deletingLastPathComponent + "/.out.sitegen-cache")
        (_, steps) = try Self.build(site, into: output)
        #expect(Self.rendered(steps) == total)
        var info = stat()
        #expect(lstat(cache, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG, "the cache is written in the link's place")
        _ = try Self.expectSameAsClean(site, output, after: "a foreign cache")
    }

    /// The cache's file keeps every field as it was, tabs, line feeds and
    /// backslashes included; a cut or altered file is refused.
    @Test func theCacheFileReadsBackWhatWasWritten() throws {
        var entry = BuildCache.Entry(path: SitePath("nl/a\tb/"), source: "s", output: "12:ab")
        entry.ids = ["x", "back\\slash", ""]
        entry.linkedPages = [SitePath("en/"), SitePath("nl/new\nline/")]
        entry.anchorChecks = [LinkResolver.AnchorCheck(targetPath: SitePath("en/"), targetSource: "content/en/index.md", fragment: "f",
                                                       location: SourceLocation(file: "content/nl/a.md", line: 3, column: nil), needed: false, via: "x"),
                              LinkResolver.AnchorCheck(targetPath: SitePath("en/"), targetSource: "t", fragment: "-",
                                                       location: SourceLocation(file: "f"), via: nil)]
        entry.diagnostics = [Diagnostic(.warning, file: "content/nl/a.md", line: 1, column: 2, "a\tb\nc", kind: "+"),
                             Diagnostic(.error, file: "f", "m")]
        entry.missingStrings = ["k"]
        entry.missingAssets = ["a.css"]
        entry.includedFiles = ["snippets/a.md": "1:ff", "b": ""]
        let cache = BuildCache(sitegen: "1", site: "2", output: "3", settings: "4", navigation: "5", search: nil,
                               pages: [entry, BuildCache.Entry(path: SitePath("en/"), source: "", output: "")],
                               inputs: "6", included: ["snippets/a\tb.md", "c"],
                               report: BuildCache.Report(pagesPerLanguage: [("nl", 3), ("en", 0)], diagnostics: entry.diagnostics,
                                                         translations: "en 2 of 3\tpages"))
        let bytes = cache.encoded()
        let read = try BuildCache(decoding: bytes)
        #expect(BuildCacheText.encode(read) == bytes)
        var anew = read
        anew.pages = read.pages.map { entry in
            var entry = entry
            #expect(entry.encoded != nil)
            entry.encoded = nil
            return entry
        }
        #expect(BuildCacheText.encode(anew) == bytes, "encoded anew, the entries are the lines they were read from")
        let header = try BuildCache(decoding: bytes, headerOnly: true)
        #expect(header.inputs == "6" && header.included == cache.included && header.report.diagnostics == entry.diagnostics && header.pages.isEmpty)
        #expect(header.report.pagesPerLanguage.map(\.language) == ["nl", "en"] && header.report.pagesPerLanguage.map(\.pages) == [3, 0])
        #expect(header.report.translations == "en 2 of 3\tpages")
        #expect(read.pages.count == 2 && read.pages[0].ids == entry.ids && read.pages[0].linkedPages == entry.linkedPages)
        #expect(read.pages[0].anchorChecks == entry.anchorChecks && read.pages[0].diagnostics == entry.diagnostics)
        #expect(read.pages[0].includedFiles == entry.includedFiles && read.search == nil && read.pages[1].path == SitePath("en/"))
        #expect(throws: BuildCacheText.Malformed.self) { try BuildCache(decoding: Array(bytes.dropLast(3))) }
        let lineEnds = bytes.indices.filter { bytes[$0] == 0x0A }
        for end in lineEnds.dropLast() {
            #expect(throws: BuildCacheText.Malformed.self) { try BuildCache(decoding: Array(bytes[...end])) }
            #expect(throws: BuildCacheText.Malformed.self) { try BuildCache(decoding: Array(bytes[...end]), headerOnly: true) }
        }
        #expect(throws: BuildCacheText.Malformed.self) { try BuildCache(decoding: Array("sitegen build cache 0\n".utf8)) }
    }

    /// `--clean` renders every page although the cache could be used.
    @Test func cleanRendersEveryPage() throws {
        let site = try Self.site()
        let output = SiteFixtures.temporaryFolder() + "/out"
        let (first, _) = try Self.build(site, into: output)
        SiteFixtures.age(output)
        let (_, steps) = try Self.build(site, into: output, clean: true)
        #expect(Self.rendered(steps) == first.pagesPerLanguage.reduce(0) { $0 + $1.pages })
    }
}
