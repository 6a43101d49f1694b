import SitegenKit
import Dispatch
import Foundation
import SitegenSupport
import SitegenMarkdown

/// `sitegen build --check-external`: asks every `http://` link and image
/// written in the pages' Markdown whether it still answers, several at a
/// time, each within a timeout, and so every link into a `links.outside`
/// path (`/blog/x/`), at the host of the site's `baseURL`, where it will be
/// served. A broken one is a warning at its place in the file. `https://`
/// links are counted, not checked: sitegen has no TLS client (it would need
/// libcurl or OpenSSL).
package enum ExternalLinkCheck {
    package struct Result: Sendable {
        package var diagnostics: [Diagnostic]
        /// How many different http:// URLs were asked.
        package var checked: Int
        /// How many https:// (and other scheme) links were left unchecked.
        package var skippedHTTPS: Int
        /// How many links into `links.outside` paths were left unchecked
        /// for want of a `baseURL` to find their host.
        package var skippedOutside = 0

        package init(diagnostics: [Diagnostic], checked: Int, skippedHTTPS: Int, skippedOutside: Int = 0) {
            self.diagnostics = diagnostics
            self.checked = checked
            self.skippedHTTPS = skippedHTTPS
            self.skippedOutside = skippedOutside
        }
    }

    /// One external link: the URL asked, and what the page says when that
    /// differs (`/blog/x/`, a `links.outside` path).
    package struct Written: Sendable, Hashable {
        var url: String
        var location: SourceLocation
        var asWritten: String? = nil
    }

    /// Every `http://` and `https://` link in the pages of `site`, and every
    /// link into a `links.outside` path made absolute with the origin of
    /// `baseURL` (`https://example.org/docs/` and `/blog/x/` ask
    /// `https://example.org/blog/x/`; none without a `baseURL`, counted):
    /// in the written pages, each its file's only page with a body (fallback
    /// pages repeat their original, a decision helper's steps and generated
    /// pages have none).
    package static func links(in site: Site) -> (links: [Written], outsideWithoutBase: Int) {
        var links: Set<Written> = []
        var outsideWithoutBase = 0
        let origin = site.config.baseURL.map { Self.origin(of: $0.description) }
        for page in site.pages where page.isWritten {
            let rendered = MarkdownRenderer.render(page.body)
            for link in rendered.links {
                let location = SourceLocation(file: link.file ?? page.sourcePath, line: link.line, column: link.column)
                let lowered = link.destination.lowercased()
                if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
                    links.insert(Written(url: link.destination, location: location))
                    continue
                }
                guard link.destination.hasPrefix("/"), !link.destination.hasPrefix("//"),
                      site.config.links.isOutside(LinkResolver.parts(of: link.destination).path[...]) else { continue }
                guard let origin else {
                    outsideWithoutBase += 1
                    continue
                }
                links.insert(Written(url: origin + link.destination, location: location, asWritten: link.destination))
            }
        }
        let sorted = links.sorted { ($0.location.file, $0.location.line ?? 0, $0.location.column ?? 0) < ($1.location.file, $1.location.line ?? 0, $1.location.column ?? 0) }
        return (sorted, outsideWithoutBase)
    }

    /// `https://example.org` of `https://example.org/docs/`.
    static func origin(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        return String(url[..<scheme.upperBound] + rest.prefix(while: { $0 != "/" }))
    }

    package static func check(_ links: [Written], timeout: Double, concurrency: Int) -> Result {
        let http = links.filter { $0.url.lowercased().hasPrefix("http://") }
        let urls = Array(Set(http.map { url in String(url.url.prefix(while: { $0 != "#" })) })).sorted()
        let results = ResultSlots<String?>(count: urls.count)
        let probe = HTTPStatusProbe(timeout: timeout)
        let workers = max(1, min(concurrency, urls.count))
        // Threads of their own: they wait on the network, not on the cores
        // (concurrentPerform would run only as many at once as there are cores).
        let done = DispatchGroup()
        for worker in 0..<workers {
            done.enter()
            Thread.detachNewThread {
                var index = worker
                while index < urls.count {
                    results[index] = problem(with: urls[index], probe: probe)
                    index += workers
                }
                done.leave()
            }
        }
        done.wait()
        let problems = Dictionary(uniqueKeysWithValues: zip(urls, results.values))
        var diagnostics: [Diagnostic] = []
        for link in http {
            if let problem = problems[String(link.url.prefix(while: { $0 != "#" }))] ?? nil {
                let what = link.asWritten.map { "link '\($0)' (links.outside, asked as '\(link.url)')" } ?? "external link '\(link.url)'"
                diagnostics.append(.warning("\(what) \(problem)", at: link.location))
            }
        }
        return Result(diagnostics: diagnostics, checked: urls.count, skippedHTTPS: links.count - http.count)
    }

    /// Nil when the URL answers (2xx, or a redirect, followed while it stays
    /// on http://); else what is wrong. HEAD first; GET when HEAD gets an error
    /// status (some servers refuse or mishandle HEAD).
    static func problem(with url: String, probe: HTTPStatusProbe) -> String? {
        var current = url
        for _ in 0..<5 {
            guard let target = HTTPStatusProbe.Target(current) else { return "is not a URL sitegen can check" }
            var outcome = probe.ask("HEAD", target)
            if case .status(let code, _) = outcome, code >= 400 {
                outcome = probe.ask("GET", target)
            }
            switch outcome {
            case .timedOut:
                return "did not answer within \(formatted(probe.timeout)) s"
            case .failed(let reason):
                return "could not be checked: \(reason)"
            case .status(let code, let location):
                if (300..<400).contains(code), let location, code != 304 {
                    let next = absolute(location, from: target)
                    guard next.lowercased().hasPrefix("http://") else { return nil }  // to https: it answers
                    current = next
                    continue
                }
                return code < 400 ? nil : "answers HTTP \(code)"
            }
        }
        return "redirects more than 5 times"
    }

    static func absolute(_ location: String, from target: HTTPStatusProbe.Target) -> String {
        if location.contains("://") { return location }
        let origin = "http://" + target.hostHeader
        if location.hasPrefix("//") { return "http:" + location }
        if location.hasPrefix("/") { return origin + location }
        let folder = target.path.prefix(while: { $0 != "?" }).split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return origin + folder + "/" + location
    }

    static func formatted(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
