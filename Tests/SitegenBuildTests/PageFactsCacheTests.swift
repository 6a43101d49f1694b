import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenSupport
import SitegenTestSupport

/// Each page file's facts in the build cache (`PageFacts`, `KnownPages`):
/// a build after a change reads and parses only the page files whose
/// version changed, and its output is still a clean build's, byte for byte.
@Suite struct PageFactsCacheTests {
    typealias Build = IncrementalBuildTests

    /// How many page files the build made from the cache without reading them.
    static func notRead(_ steps: [SiteBuilder.Step]) -> Int {
        guard let line = steps.first(where: { $0.name == "load" })?.detail,
              let range = line.range(of: " unchanged since the build before, not read") else { return 0 }
        return Int(line[..<range.lowerBound].reversed().prefix { $0.isNumber }.reversed().map(String.init).joined()) ?? 0
    }

    /// The Markdown page files of the site's language folders.
    static func pageFiles(_ site: String) -> Int {
        let files = FileManager.default.enumerator(atPath: site + "/content")?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".md") && !$0.hasPrefix("_") }.count
    }

    /// Each edit, then a rebuild: every page file but the edited ones is
    /// made from its facts, and the output, warnings included (file, line,
    /// column), is a clean build's.
    @Test func onlyTheChangedPageFilesAreRead() throws {
        let (site, _, output) = try Build.settledBuild()
        let over = site + "/content/nl/over.md"
        let edits: [(edit: String, read: Int, make: () throws -> Void)] = [
            ("a page's text, not its title", 1, { try Build.replace(over, "Wij.", with: "Wij, de schrijvers.") }),
            ("another page's text", 1, { try Build.append(site + "/content/en/guide-a.md", "\nOne more sentence.\n") }),
            ("a title in the navigation", 1, { try Build.replace(over, "title: Over deze site", with: "title: Over ons") }),
            ("an alias added", 1, { try Build.replace(over, "weight: 3", with: "weight: 3\naliases: [oud/]") }),
            ("a value for templates added", 1, { try Build.replace(over, "weight: 3", with: "weight: 3\nextra: {a: [1, 2.5, true]}") }),
            ("the included file", 0, { try Build.write(site + "/snippets/extra.md", "Een andere zin.\n") }),
            ("a template", 0, { try Build.append(site + "/templates/page.mustache", "<!-- changed -->\n") }),
            ("a UI string", 0, { try Build.replace(site + "/content/en/_strings.yml", "skip: Skip to content", with: "skip: Skip to the text") }),
            ("a new page", 1, { try Build.write(site + "/content/en/new.md", "---\ntitle: New\n---\n\nA new page.\n") }),
            ("a page renamed", 1, { try FileManager.default.moveItem(atPath: site + "/content/en/new.md", toPath: site + "/content/en/renamed.md") }),
        ]
        for (edit, read, make) in edits {
            try make()
            Build.settle()
            let (_, steps) = try Build.rebuild(site, output, after: edit)
            let pages = Self.pageFiles(site)
            #expect(Self.notRead(steps) == pages - read, "after \(edit): \(pages - read) of \(pages) page files not read")
            // The cache it left, its lines of the pages not rendered copied
            // from the cache before, is the one a clean build leaves.
            let clean = SiteFixtures.temporaryFolder()
            _ = try Build.build(site, into: clean + "/out", clean: true)
            let cache = { (folder: String) in FileManager.default.contents(atPath: folder + "/.out.sitegen-cache") }
            #expect(cache(clean) != nil && cache(clean) == cache((output as NSString).deletingLastPathComponent), "after \(edit): the cache a clean build leaves")
        }
    }

    /// A heading other pages link to removed from a page whose text
    /// changed: the pages that link to it are not read or rendered, and
    /// their links are still reported where they are written.
    @Test func anAnchorRemovedIsStillReportedWhereItIsLinked() throws {
        let (site, _, output) = try Build.settledBuild()
        try Build.replace(site + "/content/nl/over.md", "## Wie", with: "Wie")
        Build.settle()
        var steps: [SiteBuilder.Step] = []
        let report = try SiteBuilder.build(BuildOptions(source: site, output: output), log: { steps.append($0) })
        #expect(Self.notRead(steps) == Self.pageFiles(site) - 1)
        var cleanSteps: [SiteBuilder.Step] = []
        let clean = try SiteBuilder.build(BuildOptions(source: site, output: SiteFixtures.temporaryFolder() + "/out", clean: true),
                                          log: { cleanSteps.append($0) })
        #expect(report.errors.count == 2 && report.errors.allSatisfy { $0.message.contains("'#wie'") && $0.line != nil && $0.column != nil })
        #expect(report.diagnostics == clean.diagnostics)
        #expect(Set(report.errors.map(\.file)) == ["content/nl/handleidingen/a.md", "content/nl/keuze.md"])
    }

    /// Translations: an original's text changed; its translation, made
    /// from its facts, is marked outdated as a clean build marks it.
    @Test func aTranslationsOriginalChanged() throws {
        let site = try SiteFixtures.copy("translations")
        let output = SiteFixtures.temporaryFolder() + "/out"
        Build.settle()
        _ = try Build.build(site, into: output)
        SiteFixtures.age(output)
        let translation = output + "/en/guide/index.html"
        let before = try String(contentsOfFile: translation, encoding: .utf8)
        try Build.append(site + "/content/nl/handleiding.md", "\nEen nieuwe stap.\n")
        Build.settle()
        let (_, steps) = try Build.rebuild(site, output, after: "an original's text")
        #expect(Self.notRead(steps) == Self.pageFiles(site) - 1)
        #expect(try String(contentsOfFile: translation, encoding: .utf8) != before, "the translation's notice says it is outdated now")
    }

    /// A cache of the format before (no page facts) is ignored with a
    /// note: every page is read and rendered, and the next build trusts
    /// the cache it wrote.
    @Test func aCacheOfAnOlderFormatIsIgnored() throws {
        let (site, folder, output) = try Build.settledBuild()
        let cache = folder + "/.out.sitegen-cache"
        var text = try String(contentsOfFile: cache, encoding: .utf8)
        #expect(text.hasPrefix("sitegen build cache \(BuildCache.currentFormat)\n"))
        text = text.replacingOccurrences(of: "sitegen build cache \(BuildCache.currentFormat)\n", with: "sitegen build cache 3\n")
        try Build.write(cache, text)
        try Build.append(site + "/content/nl/over.md", "\nNog een zin.\n")
        Build.settle()
        let (_, steps) = try Build.rebuild(site, output, after: "a cache of the format before")
        #expect(steps.contains { $0.name == "note" && $0.detail.contains("not a build cache this sitegen can read") })
        #expect(Self.notRead(steps) == 0)
        try Build.append(site + "/content/nl/over.md", "\nEn nog een.\n")
        Build.settle()
        #expect(Self.notRead(try Build.rebuild(site, output, after: "a page, with the cache rewritten").steps) == Self.pageFiles(site) - 1)
    }

    /// A page not read whose file changes after the listing, before its
    /// body is read to render it: an error, never a page made of the new
    /// text and the old facts.
    @Test func aFileChangedBeforeItsBodyIsReadIsAnError() throws {
        let site = try SiteFixtures.copy("good")
        Build.settle()
        let listing = try SiteLoader.list(site)
        let file = try #require(listing.contentFiles.first { $0.relativePath == "nl/over.md" })
        let facts = PageFacts(sourcePath: "content/nl/over.md", relativePath: "over.md", version: try #require(file.version).description,
                              metadata: PageMetadata(title: "Over deze site"))
        let known = KnownPages([facts])
        let reader = SiteLoader.Reader(root: listing.root, files: [])
        #expect(known.page(file, display: "content/nl/over.md", relativePath: "other.md", reader: reader, started: listing.started) == nil)
        let page = try #require(known.page(file, display: "content/nl/over.md", relativePath: "over.md", reader: reader, started: listing.started))
        #expect(page.body.source.text.contains("## Wie") && !page.body.source.text.contains("title:"))
        #expect(known.diagnostics.isEmpty)
        try Build.append(site + "/content/nl/over.md", "\nLater.\n")
        #expect(page.body.source.text.isEmpty)
        #expect(known.diagnostics.map(\.file) == ["content/nl/over.md"] && known.diagnostics.allSatisfy { $0.severity == .error })
    }

    /// Page facts in the cache's file read back as written: front matter
    /// values of every kind, aliases, places, warnings.
    @Test func pageFactsReadBackAsWritten() throws {
        var metadata = PageMetadata(title: "T\tab")
        metadata.linkTitle = "L"
        metadata.weight = -3
        metadata.draft = true
        metadata.translationOf = "abc"
        metadata.layoutLocation = SourceLocation(file: "content/nl/a.md", line: 4, column: 1)
        metadata.hasDecision = true
        metadata.decisionLocation = SourceLocation(file: "content/nl/a.md", line: 5)
        metadata.params = ["x": .map(["b": .list([.int(1), .double(2.5), .bool(false), .string("s\nt")]), "a": .map([:])]), "y": .list([])]
        metadata.aliases = [PageAlias(path: "old/a", fromSiteRoot: true, location: SourceLocation(file: "content/nl/a.md", line: 6, column: 3))]
        let facts = PageFacts(sourcePath: "content/nl/a.md", relativePath: "a.md", version: "1 2 3 4 5", sourceHash: "h",
                              metadata: metadata, frontMatterYAML: "title: T\n", frontMatterLine: 2,
                              diagnostics: [Diagnostic(.warning, file: "content/nl/a.md", line: 1, column: 1, "w", kind: "k")])
        var cache = BuildCache(sitegen: "1", site: "2", output: "3", settings: "4", navigation: "5", search: nil,
                               pages: [BuildCache.Entry(path: SitePath("nl/a/"), source: "h", output: "o")])
        cache.facts = [facts, PageFacts(sourcePath: "content/nl/b.md", relativePath: "b.md", version: "v", metadata: PageMetadata(title: "B"))]
        let bytes = cache.encoded()
        let read = try BuildCache(decoding: bytes)
        #expect(read.facts.count == 2 && read.facts[0].metadata == metadata && read.facts[1].metadata == PageMetadata(title: "B"))
        #expect(read.facts[0].frontMatterYAML == "title: T\n" && read.facts[0].frontMatterLine == 2 && read.facts[0].diagnostics == facts.diagnostics)
        #expect(read.facts[0].version == "1 2 3 4 5" && read.facts[0].sourceHash == "h" && read.facts[0].relativePath == "a.md")
        #expect(BuildCacheText.encode(read) == bytes)
        // Each entry and facts keep their lines, written again as they were;
        // encoded anew, they are the same.
        #expect(read.pages[0].encoded.map(Array.init) == Array(BuildCacheText.encode(cache).drop { $0 != UInt8(ascii: "P") }.prefix { $0 != UInt8(ascii: "K") }))
        var anew = read
        anew.pages = read.pages.map { entry in
            var entry = entry
            entry.encoded = nil
            return entry
        }
        anew.facts = read.facts.map { $0.hashed("-").hashed($0.sourceHash) }
        #expect(anew.facts.allSatisfy { $0.encoded == nil } && read.facts.allSatisfy { $0.encoded != nil })
        #expect(BuildCacheText.encode(anew) == bytes)
        let lineEnds = bytes.indices.filter { bytes[$0] == 0x0A }
        for end in lineEnds.dropLast() {
            #expect(throws: BuildCacheText.Malformed.self) { try BuildCache(decoding: Array(bytes[...end])) }
        }
    }
}
