import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenPreview
@testable import SitegenSupport
import SitegenTestSupport

/// The shortcodes fixture site (Hugo shortcodes, pymdownx snippets, code
/// includes) built whole, and includes that must fail cleanly (issue 28).
@Suite struct ShortcodeSiteTests {
    /// Each page's content against its reviewed HTML.
    /// SITEGEN_UPDATE_GOLDEN=1 rewrites the golden files (review them by eye).
    @Test(arguments: ["index", "guide/index"])
    func pagesMatchTheReviewedOutput(page: String) throws {
        let (report, output) = try SiteFixtures.build(SiteFixtures.path("shortcodes"))
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let html = try String(contentsOfFile: output + "/en/\(page).html", encoding: .utf8)
        let start = try #require(html.range(of: "<div class=\"content\""))
        // The content's div is the last one the article closes.
        let article = try #require(html.range(of: "</article>", range: start.upperBound..<html.endIndex))
        let end = try #require(html.range(of: "\n</div>\n", options: .backwards, range: start.upperBound..<article.lowerBound))
        let content = String(html[start.lowerBound..<end.upperBound])
        let golden = Fixtures.path("shortcodes/" + page.replacingOccurrences(of: "/", with: "-") + ".html")
        if ProcessInfo.processInfo.environment["SITEGEN_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: Fixtures.path("shortcodes"), withIntermediateDirectories: true)
            try content.write(toFile: golden, atomically: true, encoding: .utf8)
        }
        #expect(content == (try String(contentsOfFile: golden, encoding: .utf8)))
    }

    /// A page of bad includes and shortcodes: each a located error, the
    /// build over in moments, nothing written.
    @Test func badIncludesAreLocatedErrors() throws {
        let site = try SiteFixtures.copy("shortcodes")
        let snippets = site + "/content/en/_snippets"
        try "--8<-- \"b.md\"\n".write(toFile: snippets + "/a.md", atomically: true, encoding: .utf8)
        try "text\n--8<-- \"a.md\"\n".write(toFile: snippets + "/b.md", atomically: true, encoding: .utf8)
        // 50 MB: refused by its size, never read.
        let big = FileManager.default.createFile(atPath: site + "/big.md", contents: nil)
        #expect(big)
        let handle = try #require(FileHandle(forWritingAtPath: site + "/big.md"))
        try handle.truncate(atOffset: 50 * 1024 * 1024)
        try handle.close()
        #expect(mkfifo(site + "/fifo.md", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: site + "/escape.md", withDestinationPath: "/etc/hostname")
        try """
            ---
            title: Bad
            ---

            --8<-- "_snippets/a.md"

            --8<-- "../../../etc/passwd"

            --8<-- "/big.md"

            {{< include "/fifo.md" >}}

            {{< include "/escape.md" >}}

            {{< unknown >}}

            {{% alert %}}
            never closed
            """.write(toFile: site + "/content/en/bad.md", atomically: true, encoding: .utf8)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.errors.map(\.description) == [
            "content/en/_snippets/b.md:2:1: error: include cycle: content/en/bad.md -> content/en/_snippets/a.md -> content/en/_snippets/b.md -> content/en/_snippets/a.md; remove one of these includes",
            "content/en/bad.md:7:1: error: included file '../../../etc/passwd' is outside the site folder; include files of the site only",
            "content/en/bad.md:9:1: error: cannot include '/big.md': it has 50 MB; an included file may have at most 8 MB",
            "content/en/bad.md:11:1: error: cannot include '/fifo.md': it is not a regular file",
            "content/en/bad.md:13:1: error: cannot include '/escape.md': it is a symbolic link that leads out of the site folder",
            "content/en/bad.md:15:1: error: unknown shortcode 'unknown'; known: alert, callout, code, figure, include, kbd, note, notice, pageinfo, param, ref, relref, tab, tabpane (add templates/shortcodes/unknown.mustache to define it)",
            "content/en/bad.md:17:1: error: shortcode 'alert' is not closed; add {{< /alert >}} where its content ends",
        ])
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// FastAPI's docs write `{* ../../docs_src/app.py *}` from the folder
    /// of mkdocs.yml: outside the site folder here, and the error names the
    /// site's file that the path means.
    @Test func anIncludeWrittenFromAnotherFolderNamesTheSitesFile() throws {
        let site = try SiteFixtures.copy("shortcodes")
        try FileManager.default.createDirectory(atPath: site + "/examples", withIntermediateDirectories: true)
        try "print('hi')\n".write(toFile: site + "/examples/app.py", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: site + "/content/en/tutorial", withIntermediateDirectories: true)
        try "# Steps\n\n{* ../../examples/app.py *}\n\n{* ../../examples/none.py *}\n"
            .write(toFile: site + "/content/en/tutorial/steps.md", atomically: true, encoding: .utf8)
        let (report, _) = try SiteFixtures.build(site)
        #expect(report.errors.map(\.description) == [
            "content/en/tutorial/steps.md:3:1: error: included file '../../examples/app.py' is outside the site folder; include files of the site only; '/examples/app.py' is a file of the site: write that (a path from the site folder starts with '/')",
            "content/en/tutorial/steps.md:5:1: error: included file '../../examples/none.py' is outside the site folder; include files of the site only",
        ])
    }

    /// Hugo's `ref` by name: the path from the page first, then the one
    /// page of the language with that name (a file, or a folder's page),
    /// or whose path ends so; two of them, or none, a located error.
    @Test func refFindsAPageByItsNameAsHugoDoes() throws {
        let site = try SiteFixtures.copy("shortcodes")
        let content = site + "/content/en"
        try FileManager.default.createDirectory(atPath: content + "/setup/linux", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: content + "/reference", withIntermediateDirectories: true)
        try "---\ntitle: Install on Linux\n---\n\n## Packages\n".write(toFile: content + "/setup/linux/install.md", atomically: true, encoding: .utf8)
        try "---\ntitle: Setup\n---\n\nText.\n".write(toFile: content + "/setup/_index.md", atomically: true, encoding: .utf8)
        try "---\ntitle: Options\n---\n\nText.\n".write(toFile: content + "/reference/options.md", atomically: true, encoding: .utf8)
        try "---\ntitle: Options\n---\n\nText.\n".write(toFile: content + "/setup/options.md", atomically: true, encoding: .utf8)
        try """
            ---
            title: Refs
            ---

            [By file name]({{< ref "install" >}}), [with .md and an anchor]({{< relref "install.md#packages" >}}),
            [a folder's page]({{< ref "setup" >}}), [the end of a path]({{< ref "reference/options" >}}),
            [from the page first]({{< ref "guide/index.md" >}}).

            """.write(toFile: content + "/refs.md", atomically: true, encoding: .utf8)
        let (good, output) = try SiteFixtures.build(site)
        #expect(good.errors.isEmpty, "\(good.errors)")
        let html = try String(contentsOfFile: output + "/en/refs/index.html", encoding: .utf8)
        #expect(html.contains("<a href=\"../setup/linux/install/\">By file name</a>"))
        #expect(html.contains("<a href=\"../setup/linux/install/#packages\">with .md and an anchor</a>"))
        #expect(html.contains("<a href=\"../setup/\">a folder&#39;s page</a>") || html.contains("<a href=\"../setup/\">a folder’s page</a>"))
        #expect(html.contains("<a href=\"../reference/options/\">the end of a path</a>"))
        #expect(html.contains("<a href=\"../guide/\">from the page first</a>"))

        try "---\ntitle: Bad refs\n---\n\n[Two]({{< ref \"options\" >}}) and [none]({{< ref \"nowhere\" >}}) and [a bad anchor]({{< ref \"install#nope\" >}}).\n"
            .write(toFile: content + "/refs.md", atomically: true, encoding: .utf8)
        let (bad, _) = try SiteFixtures.build(site)
        #expect(bad.errors.map(\.description) == [
            "content/en/refs.md:5:1: error: link target 'options' is ambiguous: content/en/reference/options.md and content/en/setup/options.md have that name; write more of its path",
            "content/en/refs.md:5:34: error: link target 'nowhere' does not exist (looked for content/en/nowhere and the page at en/refs/nowhere/, and for a page of that name in content/en/)",
            "content/en/refs.md:5:68: error: anchor '#nope' does not exist in content/en/setup/linux/install.md; its ids are: packages",
        ])
    }

    /// A site's own partial replaces the built-in one of the same name.
    @Test func aSiteOverridesABuiltInShortcode() throws {
        let site = try SiteFixtures.copy("shortcodes")
        try "<aside class=\"mine\">{{{inner}}}</aside>\n".write(toFile: site + "/templates/shortcodes/alert.mustache", atomically: true, encoding: .utf8)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.errors.isEmpty, "\(report.errors)")
        let html = try String(contentsOfFile: output + "/en/index.html", encoding: .utf8)
        #expect(html.contains("<aside class=\"mine\">\n<p>Back up your <strong>data</strong> first."))
        // `callout` includes `alert`, so it follows the override too.
        #expect(html.contains("<aside class=\"mine\">\n<p>A callout with the default title.</p>"))
    }

    /// An included file outside `content/` changes: `sitegen serve`
    /// renders again the page that includes it, and no other.
    @Test func serveRebuildsThePagesThatIncludeAFile() throws {
        let site = try SiteFixtures.copy("shortcodes")
        let options = BuildOptions(source: site, output: SiteFixtures.temporaryFolder() + "/out")
        let builder = IncrementalBuilder(options: options)
        let first = try builder.build(changes: nil)
        #expect(first.report.succeeded)
        #expect(builder.includedFiles.contains("docs_src/app.py"))
        try "import os\n\ndef main():\n    print(\"changed\")\n# --8<-- [start:greet]\nx = 1\n# --8<-- [end:greet]\n".write(toFile: site + "/docs_src/app.py", atomically: true, encoding: .utf8)
        let second = try builder.build(changes: ["docs_src/app.py"])
        #expect(second.report.succeeded, "\(second.report.errors)")
        #expect(second.renderedPages == 1)
        let page = try #require(builder.plan?.files[SitePath("en/guide/")])
        #expect(String(decoding: page, as: UTF8.self).contains("changed"))
    }

    /// The watcher looks at included files outside content/ too, once it
    /// is told of them (their first look is not a change).
    @Test func theWatcherSeesIncludedFilesAnywhereInTheSite() throws {
        let site = try SiteFixtures.copy("shortcodes")
        var watcher = SourceWatcher(root: site)
        watcher.alsoWatched = ["docs_src/app.py"]
        #expect(watcher.changes().isEmpty)
        try "print(1)\n# a longer file than before\n".write(toFile: site + "/docs_src/app.py", atomically: true, encoding: .utf8)
        #expect(watcher.changes() == ["docs_src/app.py"])
    }
}
