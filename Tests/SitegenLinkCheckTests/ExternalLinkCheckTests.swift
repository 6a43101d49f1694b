import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import SitegenKit
@testable import SitegenLinkCheck
@testable import SitegenBuild
@testable import SitegenSupport
import SitegenTestSupport

/// `sitegen build --check-external` against a local server that answers 200,
/// 301, 404, 405 to HEAD only, and never.
@Suite struct ExternalLinkCheckTests {
    /// A tiny HTTP server on 127.0.0.1, on a free port, answering by path
    /// (its state is two constants: Sendable as it is).
    final class TestServer: Sendable {
        let fd: Int32
        let port: Int

        init() throws {
            let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var one: Int32 = 1
            setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0, listen(listener, 64) == 0 else { throw POSIXError(.EADDRINUSE) }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
            }
            fd = listener
            port = Int(UInt16(bigEndian: address.sin_port))
            Thread.detachNewThread {
                while true {
                    let client = accept(listener, nil, nil)
                    if client < 0 { return }
                    Thread.detachNewThread { TestServer.answer(client) }
                }
            }
        }

        static func answer(_ client: Int32) {
            defer { close(client) }
            var request: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 2048)
            while !HTTPStatusProbe.headersComplete(request) {
                let count = recv(client, &buffer, buffer.count, 0)
                if count <= 0 { return }
                request += buffer[..<count]
            }
            let line = String(decoding: request, as: UTF8.self).split(separator: "\r\n").first ?? ""
            let parts = line.split(separator: " ")
            let (method, path) = (String(parts[0]), String(parts[1]))
            let head: String
            switch path {
            case "/ok": head = "HTTP/1.1 200 OK\r\nContent-Length: 0"
            case "/moved": head = "HTTP/1.1 301 Moved Permanently\r\nLocation: /ok\r\nContent-Length: 0"
            case "/to-https": head = "HTTP/1.1 301 Moved Permanently\r\nLocation: https://example.invalid/\r\nContent-Length: 0"
            case "/no-head": head = method == "HEAD" ? "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0" : "HTTP/1.1 200 OK\r\nContent-Length: 0"
            case "/never": sleep(3); return
            default: head = "HTTP/1.1 404 Not Found\r\nContent-Length: 0"
            }
            let answer = Array((head + "\r\nConnection: close\r\n\r\n").utf8)
            _ = answer.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }

        func stop() {
            shutdown(fd, Int32(SHUT_RDWR))
            close(fd)
        }
    }

    static func written(_ url: String, line: Int) -> ExternalLinkCheck.Written {
        .init(url: url, location: SitegenSupport.SourceLocation(file: "content/nl/links.md", line: line, column: 3))
    }

    @Test func brokenLinksAreWarningsAtTheirPlace() throws {
        let server = try TestServer()
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"
        let links = [
            Self.written(base + "/ok", line: 1),
            Self.written(base + "/moved", line: 2),
            Self.written(base + "/missing", line: 3),
            Self.written(base + "/never", line: 4),
            Self.written(base + "/no-head", line: 5),
            Self.written(base + "/to-https#anchor", line: 6),
            Self.written("https://example.org/", line: 7),
            Self.written(base + "/missing#again", line: 8),
        ]
        let start = Date()
        let result = ExternalLinkCheck.check(links, timeout: 0.5, concurrency: 8)
        #expect(Date().timeIntervalSince(start) < 4, "links are asked at the same time, each within the timeout")
        #expect(result.diagnostics.map(\.description) == [
            "content/nl/links.md:3:3: warning: external link '\(base)/missing' answers HTTP 404",
            "content/nl/links.md:4:3: warning: external link '\(base)/never' did not answer within 0.5 s",
            "content/nl/links.md:8:3: warning: external link '\(base)/missing#again' answers HTTP 404",
        ])
        #expect(result.checked == 6)
        #expect(result.skippedHTTPS == 1)
    }

    @Test func aClosedPortCannotBeChecked() throws {
        let server = try TestServer()
        let port = server.port
        server.stop()
        let result = ExternalLinkCheck.check([Self.written("http://127.0.0.1:\(port)/", line: 1)], timeout: 1, concurrency: 1)
        #expect(result.diagnostics.first?.description.contains("could not be checked: cannot connect") == true, "\(result.diagnostics)")
    }

    @Test func targetsAreParsed() {
        let target = HTTPStatusProbe.Target("http://user@example.org:8080/a/b?q=1#frag")
        #expect(target?.host == "example.org")
        #expect(target?.port == 8080)
        #expect(target?.path == "/a/b?q=1")
        #expect(HTTPStatusProbe.Target("http://example.org")?.path == "/")
        #expect(HTTPStatusProbe.Target("https://example.org/") == nil)
        #expect(HTTPStatusProbe.Target("http://[::1]:81/x")?.host == "::1")
    }

    /// `links.outside` paths are asked at the host of `baseURL`, where the
    /// site and the paths another build serves will be.
    @Test func linksIntoOutsidePathsAreAskedAtTheHostOfTheBaseURL() throws {
        let server = try TestServer()
        defer { server.stop() }
        let files = [
            "content/en/index.md": "# Home\n\nThe [blog](/ok) and an [old post](/missing/post/#top); [a page](other.md).\n",
            "content/en/other.md": "# Other\n\nBack [home](/en/).\n",
        ]
        let settings = "links:\n  outside: [/ok/, /missing/]\n"
        let site = try ForeignLayoutTests.site(files, settings: settings + "baseURL: http://127.0.0.1:\(server.port)/docs/\n")
        let result = try ExternalLinkCheck.run(BuildOptions(source: site), timeout: 2)
        #expect(result.diagnostics.map(\.description) == [
            "content/en/index.md:3:24: warning: link '/missing/post/#top' (links.outside, asked as 'http://127.0.0.1:\(server.port)/missing/post/#top') answers HTTP 404",
        ])
        #expect(result.checked == 2)
        #expect(result.skippedOutside == 0)

        let withoutBase = try ForeignLayoutTests.site(files, settings: settings)
        let unchecked = try ExternalLinkCheck.run(BuildOptions(source: withoutBase), timeout: 2)
        #expect(unchecked.diagnostics.isEmpty)
        #expect(unchecked.checked == 0)
        #expect(unchecked.skippedOutside == 2)
    }

    @Test func theBuildChecksOnlyWhenAsked() throws {
        let server = try TestServer()
        defer { server.stop() }
        let site = try SiteFixtures.copy("good")
        let page = "---\ntitle: Links\n---\n\nSee [ok](http://127.0.0.1:\(server.port)/ok) and\n[gone](http://127.0.0.1:\(server.port)/missing) and [secure](https://example.org/).\n"
        try Data(page.utf8).write(to: URL(fileURLWithPath: site + "/content/nl/links.md"))
        let output = SiteFixtures.temporaryFolder() + "/out"
        let plain = try CommandLineTests.run(["build", "--source", site, "--output", output])
        #expect(plain.status == 0)
        #expect(!plain.standardError.contains("external"))
        let checked = try CommandLineTests.run(["build", "--source", site, "--output", output, "--check-external", "--external-timeout", "2"])
        #expect(checked.status == 0, "broken external links are warnings")
        #expect(checked.standardError.contains("content/nl/links.md:6:1: warning: external link 'http://127.0.0.1:\(server.port)/missing' answers HTTP 404\n"), "\(checked.standardError)")
        #expect(checked.standardError.contains("external: 2 http:// URLs asked, 1 broken links; 1 https:// links not checked (sitegen has no TLS client)"))
        #expect(checked.standardError.components(separatedBy: "warning: external link").count == 2, "the English fallback repeats the page; its link is reported once")
    }
}
