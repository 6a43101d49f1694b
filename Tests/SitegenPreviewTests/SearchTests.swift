import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenPreview
@testable import SitegenSupport
import SitegenTestSupport

/// `search: true`: the setting, the search pages, what Pagefind indexes, and
/// the index as part of the atomic, deterministic output. Builds with the
/// real Pagefind (`make test` installs pagefind-bin); the browser tests
/// (Tests/e2e/test_search.py) search with it.
@Suite struct SearchTests {
    /// Tests/Fixtures/sites/search with the shipped theme.
    // The helpers live in SitegenTestSupport, for the trust tests too.
    static func site() throws -> String { try SitegenTestSupport.SearchTests.site() }

    static func build(_ site: String, output: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> BuildReport {
        try SitegenTestSupport.SearchTests.build(site, output: output, environment: environment)
    }

    static func script(_ text: String) throws -> String { try SitegenTestSupport.SearchTests.script(text) }

    // MARK: The setting

    @Test func searchIsOffUnlessSetToTrue() throws {
        let base = "title: T\nlanguages: [{code: en, name: English}]\n"
        #expect(SiteConfig.parse(base).0?.search == false)
        #expect(SiteConfig.parse(base + "search: true\n").0?.search == true)
        #expect(SiteConfig.parse(base + "search: false\n").0?.search == false)
        let (config, problems) = SiteConfig.parse(base + "search: yes please\n")
        #expect(config == nil)
        #expect(problems.map(\.description) == ["sitegen.yml:3:9: error: search must be true or false (true: a search page per language, indexed by Pagefind)"])
    }

    @Test func withoutSearchThereIsNoSearchPageFieldOrIndex() throws {
        let site = try Self.site()
        let config = try String(contentsOfFile: site + "/sitegen.yml", encoding: .utf8)
        try config.replacingOccurrences(of: "search: true", with: "search: false").write(toFile: site + "/sitegen.yml", atomically: true, encoding: .utf8)
        let output = SiteFixtures.temporaryFolder() + "/out"
        let report = try Self.build(site, output: output, environment: ["PATH": "/nonexistent"])
        #expect(report.errors.isEmpty, "\(report.errors)")
        let files = SiteFixtures.snapshot(output).keys
        #expect(!files.contains { $0.hasPrefix("pagefind/") || $0.contains("/search/") })
        let page = try HTMLPage(output + "/nl/index.html")
        #expect(try page.nodes("//form[@role='search'] | //*[@data-pagefind-body]").isEmpty)
    }

    // MARK: Pagefind missing or failing

    @Test func aMissingPagefindIsAnErrorNamingTheInstallCommand() throws {
        let empty = SiteFixtures.temporaryFolder()
        #expect(throws: PagefindCommand.Missing.self) { try PagefindCommand.locate(environment: ["PATH": empty]) }
        let site = try Self.site()
        let output = SiteFixtures.temporaryFolder() + "/out"
        let report = try Self.build(site, output: output, environment: ["PATH": empty])
        #expect(report.errors.map(\.description) == [
            "sitegen.yml: error: search: true needs Pagefind 1.5.2, which is not installed (no SITEGEN_PAGEFIND, no pagefind on PATH, no pagefind_bin Python package); install it with 'pip install pagefind-bin==1.5.2' (or set SITEGEN_PAGEFIND to the pagefind binary)",
        ])
        #expect(!FileManager.default.fileExists(atPath: output))
        let wrong = try Self.build(site, output: output, environment: ["SITEGEN_PAGEFIND": empty + "/nothing"])
        #expect(wrong.errors.first?.message.contains("SITEGEN_PAGEFIND is '\(empty)/nothing', which is not an executable file") == true)
    }

    @Test func aPagefindFailureLeavesTheOutputAsItWas() throws {
        let site = try Self.site()
        let output = SiteFixtures.temporaryFolder() + "/out"
        let first = try Self.build(site, output: output)
        #expect(first.errors.isEmpty, "\(first.errors)")
        let before = SiteFixtures.snapshot(output)
        #expect(before.keys.contains("pagefind/pagefind.js"))

        let page = site + "/content/nl/index.md"
        try (String(contentsOfFile: page, encoding: .utf8) + "\nEen nieuwe alinea.\n").write(toFile: page, atomically: true, encoding: .utf8)
        let failing = try Self.script("echo 'Error: the index exploded' >&2; exit 3")
        let failed = try Self.build(site, output: output, environment: ["SITEGEN_PAGEFIND": failing])
        #expect(failed.errors.count == 1)
        #expect(failed.errors.first?.message.hasPrefix("Pagefind failed (exit status 3) indexing the site; nothing was written:") == true)
        #expect(failed.errors.first?.message.contains("Error: the index exploded") == true)
        #expect(SiteFixtures.snapshot(output) == before)

        // The next build, with Pagefind working, writes the changed page and a new index.
        let next = try Self.build(site, output: output)
        #expect(next.errors.isEmpty, "\(next.errors)")
        let after = SiteFixtures.snapshot(output)
        #expect(after["nl/index.html"] != before["nl/index.html"])
        #expect(after["pagefind/pagefind-entry.json"] != before["pagefind/pagefind-entry.json"])
    }

    // MARK: The index in the output

    @Test func twoBuildsGiveByteIdenticalOutputsWithTheIndex() throws {
        let site = try Self.site()
        let one = SiteFixtures.temporaryFolder() + "/one"
        let two = SiteFixtures.temporaryFolder() + "/two"
        #expect(try Self.build(site, output: one).errors.isEmpty)
        #expect(try Self.build(site, output: two).errors.isEmpty)
        let first = SiteFixtures.snapshot(one)
        #expect(first.keys.filter { $0.hasPrefix("pagefind/") }.count > 5)
        #expect(first == SiteFixtures.snapshot(two))
        // Pagefind's UI bundles are not used by the theme and not published.
        #expect(!first.keys.contains("pagefind/pagefind-ui.js"))
        let entry = try #require(first["pagefind/pagefind-entry.json"])
        let languages = try #require((try JSONSerialization.jsonObject(with: entry) as? [String: Any])?["languages"] as? [String: Any])
        #expect(languages.keys.sorted() == ["en", "nl"])
    }

    /// Pagefind runs once per language, one after another (`SearchRuns`:
    /// it then holds one language's pages at a time); the index is byte
    /// for byte the one a single run over the whole site makes, so a search
    /// finds the same pages, and the entry file names every language.
    @Test func aRunPerLanguageGivesTheIndexOfOneRunOverTheSite() throws {
        let site = try Self.site()
        let output = SiteFixtures.temporaryFolder() + "/out"
        #expect(try Self.build(site, output: output).errors.isEmpty)
        let html = BuiltInThemeTests.files(under: output).keys.filter { $0.hasSuffix(".html") }
        #expect(SearchRuns.globs(SearchIndexer.pages(html, in: output)) == ["en/**/*.html", "{nl/**/*.html,404.html,index.html}"])
        let single = SiteFixtures.temporaryFolder() + "/single"
        let command = try PagefindCommand.locate()
        let run = try ChildProcess.run(command.executable, ["--site", output, "--output-path", single, "--silent"])
        #expect(run.status == 0, "\(run.output)")
        let perLanguage = BuiltInThemeTests.files(under: output + "/pagefind")
        var whole = BuiltInThemeTests.files(under: single)
        for name in SearchIndexer.unusedFiles { whole[name] = nil }
        #expect(perLanguage.count > 10)
        #expect(Set(perLanguage.keys) == Set(whole.keys))
        for (name, bytes) in perLanguage where name != SearchIndexer.entryFile {
            #expect(whole[name] == bytes, "\(name)")
        }
        func entry(_ bytes: [UInt8]?) throws -> NSDictionary? {
            guard let bytes else { return nil }
            return try JSONSerialization.jsonObject(with: Data(bytes)) as? NSDictionary
        }
        let entries = (try entry(perLanguage[SearchIndexer.entryFile]), try entry(whole[SearchIndexer.entryFile]))
        #expect(entries.0 != nil && entries.0 == entries.1)
    }

    /// A run per language that fails (a language with nothing to index
    /// would) gives way to one run over the whole site.
    @Test func aFailedRunPerLanguageGivesWayToOneRunOverTheSite() throws {
        let site = try Self.site()
        let expected = SiteFixtures.temporaryFolder() + "/expected"
        #expect(try Self.build(site, output: expected).errors.isEmpty)
        let command = try PagefindCommand.locate()
        let failingWithGlob = try Self.script("case \"$*\" in *--glob*) echo 'Error: no words' >&2; exit 4;; esac; exec '\(command.executable)' \"$@\"")
        let output = SiteFixtures.temporaryFolder() + "/out"
        var environment = ProcessInfo.processInfo.environment
        environment["SITEGEN_PAGEFIND"] = failingWithGlob
        let report = try Self.build(site, output: output, environment: environment)
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(BuiltInThemeTests.files(under: output + "/pagefind") == BuiltInThemeTests.files(under: expected + "/pagefind"))
    }

    /// Rebuilding into the same output reuses unchanged files; the index is
    /// made again each time and recorded in the manifest, so nothing of an
    /// older index stays and nothing of the new one is pruned.
    @Test func theManifestRecordsTheIndexAcrossBuilds() throws {
        let site = try Self.site()
        let output = SiteFixtures.temporaryFolder() + "/out"
        #expect(try Self.build(site, output: output).errors.isEmpty)
        let page = site + "/content/en/guides/licence.md"
        try (String(contentsOfFile: page, encoding: .utf8) + "\nA paragraph about the windmill.\n").write(toFile: page, atomically: true, encoding: .utf8)
        #expect(try Self.build(site, output: output).errors.isEmpty)
        let manifest = try #require(OutputManifest(in: output))
        let files = Set(SiteFixtures.snapshot(output).keys.filter { !$0.hasPrefix(".") })
        #expect(Set(manifest.stamps.keys) == files)
        for (file, stamp) in manifest.stamps where file.hasPrefix("pagefind/") {
            #expect(OutputManifest.stamp(try FileBytes.read(output + "/" + file)) == stamp, "\(file)")
        }
        let fresh = SiteFixtures.temporaryFolder() + "/fresh"
        #expect(try Self.build(site, output: fresh).errors.isEmpty)
        #expect(SiteFixtures.snapshot(fresh).filter { !$0.key.hasPrefix(".") } == SiteFixtures.snapshot(output).filter { !$0.key.hasPrefix(".") })
    }

    /// A rebuild in which no page changed keeps the index of the output
    /// (incremental builds, `IncrementalBuild`); one in which a page
    /// changed indexes again. Either way the output is a clean build's.
    @Test func anUnchangedRebuildKeepsTheIndexAndAChangedOneMakesItAgain() throws {
        let site = try Self.site()
        let output = SiteFixtures.temporaryFolder() + "/out"
        func build(into output: String, clean: Bool = false) throws -> [SiteBuilder.Step] {
            var steps: [SiteBuilder.Step] = []
            let report = try SiteBuilder.build(BuildOptions(source: site, output: output, clean: clean), log: { steps.append($0) })
            #expect(report.errors.isEmpty, "\(report.errors)")
            // Files written in the marker's clock tick are not trusted.
            SiteFixtures.age(output)
            return steps.filter { $0.name == "search" }
        }
        func expectSameAsClean(_ edit: String) throws {
            let clean = SiteFixtures.temporaryFolder() + "/clean"
            _ = try build(into: clean, clean: true)
            #expect(SiteFixtures.snapshot(output) == SiteFixtures.snapshot(clean), "after \(edit)")
        }
        #expect(try build(into: output).first?.detail.contains("Pagefind indexed") == true)
        #expect(try build(into: output).first?.detail.contains("is kept") == true)
        try expectSameAsClean("nothing")
        let page = site + "/content/nl/handleidingen/licentie.md"
        try String(contentsOfFile: page, encoding: .utf8).replacingOccurrences(of: "fietsenstalling", with: "windmolenpark")
            .write(toFile: page, atomically: true, encoding: .utf8)
        #expect(try build(into: output).first?.detail.contains("Pagefind indexed") == true)
        try expectSameAsClean("a page's text")
        #expect(try build(into: output).first?.detail.contains("is kept") == true)
        try expectSameAsClean("nothing, after a change")
    }

    // MARK: What is indexed

    @Test func onlyWrittenPagesOfTheirOwnLanguageAreIndexed() throws {
        let site = try Self.site()
        let output = SiteFixtures.temporaryFolder() + "/out"
        #expect(try Self.build(site, output: output).errors.isEmpty)
        func indexed(_ file: String) throws -> Bool {
            try String(contentsOfFile: output + "/" + file, encoding: .utf8).contains(" data-pagefind-body")
        }
        #expect(try indexed("nl/handleidingen/licentie/index.html"))
        #expect(try indexed("en/guides/licence/index.html"))
        // The English fallback page shows the Dutch text: indexed once, as the Dutch page.
        #expect(try !indexed("en/handleidingen/alleen-nederlands/index.html"))
        #expect(try indexed("nl/handleidingen/alleen-nederlands/index.html"))
        #expect(try !indexed("nl/search/index.html"))
        #expect(try !indexed("404.html"))
        #expect(try !indexed("index.html"))
        let guide = try HTMLPage(output + "/nl/handleidingen/licentie/index.html")
        #expect(try guide.value("//h1[@data-pagefind-meta='title']") == "De licentie activeren")
        #expect(try guide.value("//data[@data-pagefind-meta='section[value]']/@value") == "Handleidingen")
        #expect(try guide.value("//data[@data-pagefind-meta='description[value]']/@value") == "Hoe u een licentie activeert.")
        // A top-level page is in no section: the home page is not one (its
        // title, "Introduction" on the shipped site, labelled them all).
        #expect(try HTMLPage(output + "/nl/handleidingen/index.html").nodes("//data[@data-pagefind-meta='section[value]']").isEmpty)
        // The header's field sends its query to the language's search page.
        #expect(try guide.value("//form[@role='search']/@action") == "../../search/")
        #expect(try guide.value("//form[@role='search']//input/@name") == "q")
    }

    /// A language of more than 400 pages: the A–Z list is cut into parts
    /// of at most 400 links, each on a page of its own, which all link to
    /// each other by the initials they span; every page is listed once.
    @Test func aLongAToZListIsCutIntoPartsOfAtMost400Pages() throws {
        let site = try Self.site()
        let words = ["appel", "banaan", "citroen", "dadel", "Éénhoorn", "vijg"]
        for number in 1...950 {
            let title = "\(words[number % words.count]) \(number)"
            try "---\ntitle: \(title)\n---\n\nTekst.\n".write(toFile: site + "/content/nl/pagina-\(number).md", atomically: false, encoding: .utf8)
        }
        // Rendered, not built: the A-Z parts are pages of the plan, and
        // Pagefind indexing 950 pages took most of this test's time
        // (Tests/e2e/run.sh builds 2 x 450 pages with Pagefind for the browser).
        var report = BuildReport(diagnostics: [])
        let rendering = try #require(try SiteBuilder.render(BuildOptions(source: site), report: &report))
        #expect(report.errors.isEmpty)
        let output = SiteFixtures.temporaryFolder() + "/out"
        let paths = ["nl/search/index.html", "nl/search/page/2/index.html", "nl/search/page/3/index.html"]
        var listed: [String] = []
        for (index, path) in paths.enumerated() {
            let bytes = try #require(rendering.plan.bytes(writtenTo: path), "\(path)")
            try FileManager.default.createDirectory(atPath: ((output + "/" + path) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: output + "/" + path))
            let page = try HTMLPage(output + "/" + path)
            let links = try page.values("//section[@id='search-fallback']//ul[@class='search-list']/li/a/text()")
            #expect(links.count <= 400, "\(path): \(links.count) links")
            listed += links
            let parts = try page.values("//section[@id='search-fallback']//nav[@class='pagination']//a/text()")
            #expect(parts == ["A–C", "C–V", "V–W"], "\(path)")
            #expect(try page.values("//nav[@class='pagination']//a[@aria-current='page']/text()") == [parts[index]])
            let hrefs = [["./", "page/2/", "page/3/"], ["../../", "./", "../3/"], ["../../", "../2/", "./"]][index]
            #expect(try page.values("//nav[@class='pagination']//a/@href") == hrefs, "\(path)")
        }
        #expect(rendering.plan.bytes(writtenTo: "nl/search/page/4/index.html") == nil)
        // Every page once, Éénhoorn with the E's (accents and case aside).
        #expect(listed.count == Set(listed).count && listed.count == 950 + 4)
        #expect(listed.firstIndex(of: "Éénhoorn 4")! > listed.firstIndex(of: "dadel 3")!)
        #expect(try HTMLPage(output + "/nl/search/page/2/index.html").value("//h1") == "Zoeken (C–V)")
    }

    @Test func eachLanguageHasASearchPageWithAnAToZList() throws {
        let site = try Self.site()
        let output = SiteFixtures.temporaryFolder() + "/out"
        #expect(try Self.build(site, output: output).errors.isEmpty)
        let dutch = try HTMLPage(output + "/nl/search/index.html")
        #expect(try dutch.value("//h1") == "Zoeken")
        #expect(try dutch.value("//form[@data-pagefind]/@data-pagefind") == "../../pagefind/pagefind.js")
        let letters = try dutch.nodes("//h3[@class='search-letter']").map { $0.stringValue ?? "" }
        #expect(letters == ["A", "D", "H", "W"])
        // In no section: the top of the section tree, no breadcrumbs.
        #expect(try dutch.nodes("//nav[@class='breadcrumbs']").isEmpty)
        #expect(try dutch.nodes("//nav[@class='sidebar']//a").map { $0.stringValue ?? "" } == ["Handleidingen"])
        let titles = try dutch.nodes("//ul[@class='search-list']//a").map { $0.stringValue ?? "" }
        #expect(titles == ["Alleen in het Nederlands", "De licentie activeren", "Handleidingen", "Welkom bij de zoekproef"])
        // The switcher leads to the other language's search page.
        #expect(try dutch.value("//nav[@class='language-switcher']//a[@hreflang='en']/@href") == "../../en/search/")
        let english = try HTMLPage(output + "/en/search/index.html")
        let fallback = try english.nodes("//ul[@class='search-list']//a[@lang='nl']").map { $0.stringValue ?? "" }
        #expect(fallback == ["Alleen in het Nederlands"])
    }

    @Test func aPageAtTheSearchPagesAddressIsAnError() throws {
        let site = try Self.site()
        try "---\ntitle: Zoek\n---\n\nTekst.\n".write(toFile: site + "/content/nl/search.md", atomically: true, encoding: .utf8)
        let report = try Self.build(site, output: SiteFixtures.temporaryFolder() + "/out")
        // Its English fallback page would be at en/search/: in the way too.
        #expect(report.errors.map(\.description) == ["en", "nl"].map { code in
            "content/nl/search.md: error: this page's URL '\(code)/search/' is where the search page of '\(code)' goes (search: true in sitegen.yml); give the page another slug"
        })
    }

    @Test func aThemeWithoutASearchTemplateGetsTheBuiltInOne() throws {
        let site = try Self.site()
        try FileManager.default.removeItem(atPath: site + "/templates/search.mustache")
        let output = SiteFixtures.temporaryFolder() + "/out"
        let report = try Self.build(site, output: output)
        #expect(report.errors.isEmpty)
        let page = try String(contentsOfFile: output + "/nl/search/index.html", encoding: .utf8)
        #expect(page.contains("id=\"search-results\""))
    }
}

/// `sitegen serve` with `search: true`: the preview serves an index of the
/// pages it shows, made again after a change.
@Suite struct PreviewSearchTests {
    @Test func thePreviewServesAnIndexMadeAgainAfterAChange() async throws {
        let site = try SearchTests.site()
        let builder = IncrementalBuilder(options: BuildOptions(source: site))
        #expect(try builder.build(changes: nil).report.succeeded)
        #expect(builder.searchEnabled)
        let plan = try #require(builder.plan)
        #expect(plan.files[SitePath("pagefind/pagefind.js")] == nil)
        let live = LiveReload(plan: plan)
        let search = PreviewSearch(delay: .zero) { _ in }
        await search.schedule(plan, search: true, live: live)
        await search.settle()
        let first = await live.plan
        let entry = try #require(first.files[SitePath("pagefind/pagefind-entry.json")])
        #expect(first.files[SitePath("pagefind/pagefind.js")] != nil)
        #expect(first.files[SitePath("nl/index.html")] == plan.files[SitePath("nl/index.html")])

        let page = site + "/content/nl/index.md"
        try (String(contentsOfFile: page, encoding: .utf8) + "\nOver de windmolen.\n").write(toFile: page, atomically: true, encoding: .utf8)
        #expect(try builder.build(changes: ["content/nl/index.md"]).report.succeeded)
        let changed = try #require(builder.plan)
        await live.publish(await search.merged(changed), changed: [])
        // Until the new index is ready, the old one is served with the new pages.
        #expect(await live.plan.files[SitePath("pagefind/pagefind-entry.json")] == entry)
        await search.schedule(changed, search: true, live: live)
        await search.settle()
        let second = await live.plan
        #expect(second.files[SitePath("pagefind/pagefind-entry.json")] != entry)
        #expect(second.files.keys.filter { $0.value.hasPrefix("pagefind/") }.count
            == first.files.keys.filter { $0.value.hasPrefix("pagefind/") }.count)
        // Search turned off: the index goes with the next build.
        await search.schedule(changed, search: false, live: live)
        #expect(await search.index.isEmpty)
    }
}
