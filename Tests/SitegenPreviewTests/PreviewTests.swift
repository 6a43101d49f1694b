import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenPreview
@testable import SitegenSupport
import SitegenTestSupport

/// `sitegen serve`: answering requests from memory, live reload, incremental
/// rebuilds, and the server on 127.0.0.1.
@Suite struct PreviewResponderTests {
    static let plan = SitegenTestSupport.PreviewResponderTests.plan

    func respond(_ path: String, method: String = "GET") -> PreviewResponder.Response {
        PreviewResponder.respond(method: method, path: path, plan: Self.plan)
    }

    @Test func folderURLsServeTheirPage() {
        #expect(respond("/").status == 200)
        #expect(String(decoding: respond("/nl/").body, as: UTF8.self).contains("<p>nl</p>"))
        #expect(respond("/nl/index.html").status == 200)
        #expect(respond("/nl/guide").status == 301)
        #expect(respond("/nl/guide").headers["Location"] == "/nl/guide/")
    }

    @Test func contentTypes() {
        #expect(respond("/nl/").headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(respond("/assets/site.abc.css").headers["Content-Type"] == "text/css; charset=utf-8")
        #expect(respond("/nl/img/logo.png").headers["Content-Type"] == "image/png")
    }

    @Test func missingPathsGetThe404Page() {
        let response = respond("/nl/nothing/")
        #expect(response.status == 404)
        #expect(String(decoding: response.body, as: UTF8.self).contains("not found"))
    }

    @Test(arguments: ["/../etc/passwd", "/nl/../../etc/passwd", "/nl/./guide/", "/a\\b", "/nl/\0", "relative"])
    func pathEscapesAreRefused(path: String) {
        #expect(respond(path).status == 400)
    }

    @Test func absoluteLookingPathsStayInsideTheSite() {
        #expect(respond("//etc/passwd").status == 404)
        #expect(respond("/etc/passwd").status == 404)
    }

    @Test func onlyGETAndHEAD() {
        #expect(respond("/", method: "POST").status == 405)
        #expect(respond("/", method: "DELETE").headers["Allow"] == "GET, HEAD")
        let head = respond("/nl/", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["Content-Length"] == String(respond("/nl/").body.count))
    }

    @Test func liveReloadScriptOnlyInHTML() {
        let html = String(decoding: respond("/nl/").body, as: UTF8.self)
        #expect(html.contains("<script src=\"/__sitegen/live.js\" defer></script>\n</body>"))
        #expect(!String(decoding: respond("/assets/site.abc.css").body, as: UTF8.self).contains("script"))
    }
}

@Suite struct LiveReloadTests {
    @Test func pagesReloadWhenTheirFileChanged() async {
        let live = LiveReload(plan: OutputPlan())
        await live.publish(OutputPlan(), changed: [SitePath("nl/guide/")])
        let changed = await live.wait(since: 0, page: "/nl/guide/")
        #expect(changed == LiveReload.Event(version: 1, reload: true, error: nil))
        let other = await live.wait(since: 0, page: "/nl/")
        #expect(other.reload == false)
        await live.publish(OutputPlan(), changed: [SitePath("assets/site.123.css")])
        #expect(await live.wait(since: 1, page: "/nl/").reload, "a theme file changes every page")
    }

    @Test func failedBuildShowsTheErrorAndKeepsThePlan() async {
        let plan = OutputPlan(files: [SitePath("nl/"): [1]])
        let live = LiveReload(plan: plan)
        await live.fail("content/nl/index.md:3:1: error: oops")
        let event = await live.wait(since: 0, page: "/nl/")
        #expect(event.error == "content/nl/index.md:3:1: error: oops")
        #expect(event.reload == false)
        #expect(await live.plan.files == plan.files)
    }

    @Test func waitingEndsAtTheTimeout() async {
        let live = LiveReload(plan: OutputPlan())
        let event = await live.wait(since: 0, page: "/", timeout: .milliseconds(50))
        #expect(event.version == 0)
    }
}

@Suite struct IncrementalBuilderTests {
    @Test func aChangedPageRendersOnlyWhatItAffects() throws {
        let site = try SiteFixtures.copy("good")
        let builder = IncrementalBuilder(options: BuildOptions(source: site))
        let first = try builder.build(changes: nil)
        #expect(first.report.succeeded)
        #expect(first.renderedPages == 25)

        var watcher = SourceWatcher(root: site)
        try "---\ntitle: Over deze site\nweight: 3\n---\n\n## Wie\n\nWij, en nu meer.\n\n## Waarom\n\nDaarom.\n"
            .write(toFile: site + "/content/nl/over.md", atomically: false, encoding: .utf8)
        let changes = watcher.changes()
        #expect(changes == ["content/nl/over.md"])
        let second = try builder.build(changes: changes)
        #expect(second.report.succeeded)
        // nl/over and its English fallback, and the pages linking to it:
        // nl/index, the Dutch guide, the helper's hint, the en index.
        #expect(second.renderedPages < 24)
        #expect(second.changedFiles.contains(SitePath("nl/over/")))
        #expect(second.changedFiles.contains(SitePath("en/over/")))
        #expect(!second.changedFiles.contains(SitePath("en/guide-a/")))

        // The result is what a full build of the same files makes.
        let fresh = IncrementalBuilder(options: BuildOptions(source: site))
        _ = try fresh.build(changes: nil)
        #expect(builder.plan?.files == fresh.plan?.files)
    }

    @Test func aTemplateChangeRendersEverything() throws {
        let site = try SiteFixtures.copy("good")
        let builder = IncrementalBuilder(options: BuildOptions(source: site))
        _ = try builder.build(changes: nil)
        let path = site + "/templates/partials/nav.mustache"
        try (String(contentsOfFile: path, encoding: .utf8) + "<p>new</p>\n").write(toFile: path, atomically: false, encoding: .utf8)
        let outcome = try builder.build(changes: ["templates/partials/nav.mustache"])
        #expect(outcome.renderedPages == 25)
        #expect(outcome.changedFiles.count >= 25)
    }

    @Test func aBrokenSaveKeepsTheLastGoodSite() throws {
        let site = try SiteFixtures.copy("good")
        let builder = IncrementalBuilder(options: BuildOptions(source: site))
        _ = try builder.build(changes: nil)
        let good = builder.plan?.files
        try "---\ntitle: [broken\n---\n".write(toFile: site + "/content/nl/over.md", atomically: false, encoding: .utf8)
        let outcome = try builder.build(changes: ["content/nl/over.md"])
        #expect(!outcome.report.succeeded)
        #expect(PreviewSession.errorText(outcome.report).contains("content/nl/over.md:3:1: error: invalid YAML"))
        #expect(builder.plan?.files == good)
    }
}

@Suite struct PreviewServerTests {
    static func get(_ url: String, method: String = "GET") async throws -> (Int, [String: String], Data) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.timeoutInterval = 30
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        let headers = Dictionary(uniqueKeysWithValues: http.allHeaderFields.map { ("\($0.key)".lowercased(), "\($0.value)") })
        return (http.statusCode, headers, data)
    }

    @Test func servesTheSiteAndSignalsRebuildsAndErrors() async throws {
        let site = try SiteFixtures.copy("good")
        let builder = IncrementalBuilder(options: BuildOptions(source: site))
        _ = try builder.build(changes: nil)
        let live = LiveReload(plan: try #require(builder.plan))
        let server = try PreviewServer(host: "127.0.0.1", port: 0, live: live)
        let running = Task { try await server.run() }
        defer { running.cancel() }
        let port = try await server.waitUntilListening()
        let base = "http://127.0.0.1:\(port)"

        let (status, headers, body) = try await Self.get(base + "/nl/")
        #expect(status == 200)
        #expect(headers["content-type"] == "text/html; charset=utf-8")
        #expect(String(decoding: body, as: UTF8.self).contains("/__sitegen/live.js"))
        #expect(try await Self.get(base + "/nl/nothing/").0 == 404)
        let head = try await Self.get(base + "/nl/", method: "HEAD")
        #expect(head.0 == 200 && head.2.isEmpty)
        #expect(head.1["content-length"] == String(body.count))
        #expect(try await Self.get(base + "/nl/", method: "POST").0 == 405)
        #expect(try await Self.get(base + "/__sitegen/live.js").1["content-type"] == "text/javascript; charset=utf-8")

        // Save a page: the watcher sees it, the page rebuilds, the wait ends.
        var watcher = SourceWatcher(root: site)
        let waiting = Task { try await Self.get(base + "/__sitegen/wait?since=0&page=/nl/over/") }
        try "---\ntitle: Over deze site\nweight: 3\n---\n\n## Wie\n\nAnders.\n".write(toFile: site + "/content/nl/over.md", atomically: false, encoding: .utf8)
        let outcome = try builder.build(changes: watcher.changes())
        await live.publish(try #require(builder.plan), changed: outcome.changedFiles)
        let event = try JSONSerialization.jsonObject(with: try await waiting.value.2) as! [String: Any]
        #expect(event["reload"] as? Bool == true)
        #expect(String(decoding: try await Self.get(base + "/nl/over/").2, as: UTF8.self).contains("Anders."))

        // A broken save: the last good page stays, the error is announced.
        try "---\ntitle: [\n---\n".write(toFile: site + "/content/nl/over.md", atomically: false, encoding: .utf8)
        let failed = try builder.build(changes: watcher.changes())
        await live.fail(PreviewSession.errorText(failed.report))
        let error = try JSONSerialization.jsonObject(with: try await Self.get(base + "/__sitegen/wait?since=1&page=/nl/over/").2) as! [String: Any]
        #expect((error["error"] as? String)?.contains("content/nl/over.md") == true)
        #expect(String(decoding: try await Self.get(base + "/nl/over/").2, as: UTF8.self).contains("Anders."))
        await server.stop()
    }
}

@Suite struct BuildAndServeAgreeTests {
    /// An alias onto the section page sitegen makes for a folder without
    /// index.md: one located error, the same in a build and in `serve`
    /// (which used to serve the section page and hide the redirect).
    @Test func anAliasOntoAGeneratedSectionPageIsOneLocatedError() throws {
        let site = try SiteFixtures.copy("good")
        try "---\ntitle: Verhuisd\naliases:\n  - handleidingen/\n---\n\nVerhuisd.\n"
            .write(toFile: site + "/content/nl/verhuisd.md", atomically: false, encoding: .utf8)
        let expected = ["content/nl/verhuisd.md:4:5: error: alias 'handleidingen/' is the URL of the section page sitegen makes for the folder content/nl/handleidingen/ (it has no index.md); a redirect cannot take a page's place: remove the alias"]
        let (report, _) = try SiteFixtures.build(site)
        #expect(report.errors.map(\.description) == expected)
        let served = try IncrementalBuilder(options: BuildOptions(source: site)).build(changes: nil)
        #expect(served.report.errors.map(\.description) == expected)
    }

    /// serve answers a URL with the bytes a build writes to its file.
    @Test func serveAnswersWithWhatTheBuildWrites() throws {
        let site = try SiteFixtures.copy("good")
        let builder = IncrementalBuilder(options: BuildOptions(source: site))
        #expect(try builder.build(changes: nil).report.succeeded)
        let plan = try #require(builder.plan)
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.succeeded)
        for path in plan.sortedPaths {
            let url = "/" + path.value
            let answer = PreviewResponder.respond(method: "GET", path: url, plan: plan, liveReload: false)
            let written = try Data(contentsOf: URL(fileURLWithPath: output + "/" + path.outputFile))
            #expect(answer.status == 200, "\(url)")
            #expect(answer.body == Array(written), "\(url)")
        }
    }
}
