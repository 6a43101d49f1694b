import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenSupport
import SitegenTestSupport

/// `lastUpdated: git|file`: "Last updated" from each page's last commit (one
/// `git log` for the site) or its file, on a small site in two languages
/// made a git repository with fixed commit dates.
@Suite struct LastUpdatedTests {
    static let installEN = "en/getting-started/install/index.html"
    static let installNL = "nl/getting-started/install/index.html"

    /// Runs git in `folder` with fixed dates and no user or system settings.
    @discardableResult
    static func git(_ folder: String, _ arguments: [String], date: String = "2024-03-05T10:00:00Z") throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder, "-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_AUTHOR_DATE"] = date
        environment["GIT_COMMITTER_DATE"] = date
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A site in English and Dutch with `lastUpdated: setting`: a page in
    /// both, and a folder of three English pages only, which makes a second
    /// list page and Dutch fallbacks. (It was the docs fixture, 416 pages:
    /// the suite took 112 s, the most of all, on a busy machine.)
    static func site(lastUpdated setting: String) throws -> String {
        try MultilingualSite(["en", "nl"], settings: "missingPages: fallback\npagination: 2\nlastUpdated: \(setting)\n", files: [
            "content/en/getting-started/install.md": "---\ntitle: Install\n---\n\nPut it on your machine.\n",
            "content/nl/getting-started/install.md": "---\ntitle: Installeren\n---\n\nZet het op je computer.\n",
            "content/en/reference/options/a.md": "---\ntitle: A\n---\n\nOption A.\n",
            "content/en/reference/options/b.md": "---\ntitle: B\n---\n\nOption B.\n",
            "content/en/reference/options/c.md": "---\ntitle: C\n---\n\nOption C.\n",
        ]).write()
    }

    /// `site(lastUpdated: "git")`, committed on 5 March 2024, and its
    /// English install page changed again on 7 June 2025.
    static func repository() throws -> String {
        let site = try site(lastUpdated: "git")
        #expect(try git(site, ["init", "-q"]) == 0)
        #expect(try git(site, ["add", "-A"]) == 0)
        #expect(try git(site, ["commit", "-q", "-m", "One"]) == 0)
        try append(site + "/content/en/getting-started/install.md", "\nOne more line.\n")
        #expect(try git(site, ["commit", "-q", "-a", "-m", "Two"], date: "2025-06-07T23:30:00Z") == 0)
        return site
    }

    static func append(_ path: String, _ text: String) throws {
        try (String(contentsOfFile: path, encoding: .utf8) + text).write(toFile: path, atomically: false, encoding: .utf8)
    }

    static func read(_ output: String, _ path: String) throws -> String {
        try String(contentsOfFile: output + "/" + path, encoding: .utf8)
    }

    /// `repository()` built once, shared by the tests that only read it.
    static let built = Result { () throws -> (site: String, report: BuildReport, output: String) in
        let site = try repository()
        let (report, output) = try SiteFixtures.build(site)
        return (site, report, output)
    }

    @Test func eachPageShowsItsOwnLastCommitsDateInItsLanguage() throws {
        let (_, report, output) = try Self.built.get()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.warnings.allSatisfy { !$0.message.contains("lastUpdated") }, "\(report.warnings)")
        #expect(try Self.read(output, Self.installEN).contains(
            "<p class=\"last-updated\">Last updated <time datetime=\"2025-06-07\">June 7, 2025</time></p>"))
        #expect(try Self.read(output, Self.installNL).contains(
            "<p class=\"last-updated\">Laatst bijgewerkt <time datetime=\"2024-03-05\">5 maart 2024</time></p>"))
        #expect(try Self.read(output, "en/index.html").contains("<time datetime=\"2024-03-05\">March 5, 2024</time>"))
        // A generated list page and a fallback (English text under /nl/) show none.
        #expect(!(try Self.read(output, "en/reference/options/page/2/index.html")).contains("last-updated"))
        let fallback = try FileManager.default.subpathsOfDirectory(atPath: output + "/nl").first { path in
            path.hasSuffix("index.html") && (try? Self.read(output, "nl/" + path))?.contains("class=\"notice\"") == true
        }
        #expect(!(try Self.read(output, "nl/" + (try #require(fallback)))).contains("last-updated"))
    }

    @Test func twoBuildsOfOneCheckoutAreByteIdentical() throws {
        let (site, first, firstOutput) = try Self.built.get()
        let (second, secondOutput) = try SiteFixtures.build(site)
        #expect(first.succeeded && second.succeeded)
        let one = SiteFixtures.snapshot(firstOutput).filter { !$0.key.hasPrefix(".") }
        let two = SiteFixtures.snapshot(secondOutput).filter { !$0.key.hasPrefix(".") }
        #expect(one.count > 10)
        #expect(one == two)
    }

    @Test func aNewCommitDateRendersThePageAgainInAnIncrementalBuild() throws {
        let site = try Self.repository()
        let output = SiteFixtures.temporaryFolder() + "/out"
        _ = try SiteBuilder.build(BuildOptions(source: site, output: output))
        SiteFixtures.age(output)
        // The same files, committed again later: only the date changes.
        #expect(try Self.git(site, ["commit", "-q", "--amend", "--no-edit"], date: "2026-01-02T08:00:00Z") == 0)
        let report = try SiteBuilder.build(BuildOptions(source: site, output: output))
        #expect(report.succeeded)
        #expect(try Self.read(output, Self.installEN).contains("<time datetime=\"2026-01-02\">January 2, 2026</time>"))
    }

    /// `sitegen serve` rebuilds after every save: git runs again only when
    /// the repository changed (a commit, an amend, a checkout), not for an
    /// edit that is not committed. A `git` on `PATH` counts its runs.
    @Test func serveRunsGitOnlyWhenTheRepositoryChanged() throws {
        let site = try Self.repository()
        let bin = SiteFixtures.temporaryFolder()
        let runs = bin + "/runs"
        let real = try #require(GitCommitDates.executable(ProcessInfo.processInfo.environment))
        try "#!/bin/sh\necho run >> '\(runs)'\nexec '\(real)' \"$@\"\n".write(toFile: bin + "/git", atomically: false, encoding: .utf8)
        chmod(bin + "/git", 0o755)
        var options = BuildOptions(source: site)
        options.environment["PATH"] = bin + ":" + (options.environment["PATH"] ?? "/usr/bin:/bin")
        let memo = GitDatesMemo()
        func build() throws -> (runs: Int, page: String) {
            var report = BuildReport(diagnostics: [])
            let rendering = try #require(try SiteBuilder.render(options, report: &report, incremental: IncrementalInput(gitDates: memo)))
            #expect(report.succeeded, "\(report.errors)")
            let count = ((try? String(contentsOfFile: runs, encoding: .utf8)) ?? "").split(separator: "\n").count
            return (count, String(decoding: rendering.plan.bytes(writtenTo: Self.installEN) ?? [], as: UTF8.self))
        }
        var (count, page) = try build()
        #expect(count == 1 && page.contains("June 7, 2025"))
        (count, page) = try build()
        #expect(count == 1, "nothing changed: git does not run")
        try Self.append(site + "/content/en/getting-started/install.md", "\nNot committed.\n")
        (count, page) = try build()
        #expect(count == 1 && page.contains("Not committed.") && page.contains("June 7, 2025"), "an edit not committed: git does not run")
        #expect(try Self.git(site, ["commit", "-q", "-a", "-m", "Three"], date: "2026-01-02T08:00:00Z") == 0)
        (count, page) = try build()
        #expect(count == 2 && page.contains("January 2, 2026"), "a commit: git runs")
        #expect(try Self.git(site, ["commit", "-q", "--amend", "--no-edit"], date: "2026-02-03T08:00:00Z") == 0)
        (count, page) = try build()
        #expect(count == 3 && page.contains("February 3, 2026"), "an amend: git runs")
        #expect(try Self.git(site, ["checkout", "-q", "HEAD~1"]) == 0)
        (count, page) = try build()
        #expect(count == 4 && page.contains("June 7, 2025"), "a checkout: git runs")
        (count, _) = try build()
        #expect(count == 4)
    }

    @Test func theRepositorysConfigurationRunsNothing() throws {
        let site = try Self.repository()
        let marker = SiteFixtures.temporaryFolder() + "-marker"
        let script = site + "/.git/monitor.sh"
        try "#!/bin/sh\ntouch '\(marker)'\n".write(toFile: script, atomically: false, encoding: .utf8)
        chmod(script, 0o755)
        #expect(try Self.git(site, ["config", "core.fsmonitor", script]) == 0)
        #expect(try Self.git(site, ["config", "core.pager", script]) == 0)
        #expect(try Self.git(site, ["config", "diff.external", script]) == 0)
        // The trap is live: git status runs the fsmonitor.
        try Self.git(site, ["status"])
        #expect(FileManager.default.fileExists(atPath: marker))
        try FileManager.default.removeItem(atPath: marker)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.succeeded)
        #expect(try Self.read(output, Self.installEN).contains("June 7, 2025"))
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func outsideARepositoryOneWarningAndNoDates() throws {
        let site = try Self.site(lastUpdated: "git")
        var options = BuildOptions(source: site, output: SiteFixtures.temporaryFolder() + "/out")
        // Stop git's search for a repository at the site folder's parent.
        options.environment["GIT_CEILING_DIRECTORIES"] = (site as NSString).deletingLastPathComponent
        let report = try SiteBuilder.build(options)
        #expect(report.succeeded)
        let warnings = report.warnings.filter { $0.message.contains("lastUpdated") }
        #expect(warnings.map(\.message) == ["lastUpdated: git: the site folder is not in a git repository; the pages show no \"Last updated\" date"])
        #expect(!(try Self.read(report.output, Self.installEN)).contains("last-updated"))
    }

    @Test func aShallowCloneIsOneWarningAndNoDates() throws {
        let site = try Self.repository()
        let clone = SiteFixtures.temporaryFolder() + "/clone"
        #expect(try Self.git(site, ["clone", "-q", "--depth", "1", "file://" + site, clone]) == 0)
        let (report, output) = try SiteFixtures.build(clone)
        #expect(report.succeeded)
        #expect(report.warnings.filter { $0.message.contains("shallow clone") }.count == 1)
        #expect(!(try Self.read(output, Self.installEN)).contains("last-updated"))
    }

    @Test func fileTimesAndUnknownValues() throws {
        let site = try Self.site(lastUpdated: "file")
        let page = site + "/content/nl/getting-started/install.md"
        let time = timespec(tv_sec: 1_700_000_000, tv_nsec: 0)
        _ = utimensat(AT_FDCWD, page, [time, time], 0)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.succeeded)
        #expect(try Self.read(output, Self.installNL).contains("<time datetime=\"2023-11-14\">14 november 2023</time>"))

        let (config, diagnostics) = SiteConfig.parse("title: T\nlanguages:\n  - code: en\n    name: English\nlastUpdated: svn\n")
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == [
            "sitegen.yml:5:14: error: lastUpdated must be 'git' (the date of each page's last commit) or 'file' (its file's modification time)",
        ])
    }

    @Test func gitLogOutputWithOddNames() {
        let output = "\u{0}1712397600 \u{0}\ncontent/en/a b.md\u{0}\u{0}1709632800 \u{0}\ncontent/en/a b.md\u{0}content/en/new\nline.md\u{0}"
        #expect(GitCommitDates.parse(output) == ["content/en/a b.md": 1712397600, "content/en/new\nline.md": 1709632800])
        #expect(GitCommitDates.parse("\u{0}1712397600 grafted\u{0}\ncontent/en/a.md\u{0}") == nil)
    }
}
