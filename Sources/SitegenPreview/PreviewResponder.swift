import Foundation
import SitegenKit
/// Answers `sitegen serve`'s requests from a site kept in memory: pure, so
/// tests call it directly. Only GET and HEAD; folder URLs get their
/// `index.html`; a missing path gets `404.html` with status 404; a path with
/// `..` or `.` segments, a backslash or a NUL is refused. Files come only
/// from the in-memory output, never from the disk, so nothing outside the
/// site can be reached.
package enum PreviewResponder {
    package struct Response: Sendable, Equatable {
        package var status: Int
        package var headers: [String: String]
        package var body: [UInt8]
    }

    /// The script of live reload, served only by `sitegen serve`.
    package static let liveScriptPath = "/__sitegen/live.js"

    package static func respond(method: String, path: String, plan: OutputPlan, liveReload: Bool = true) -> Response {
        guard method == "GET" || method == "HEAD" else {
            return finish(Response(status: 405, headers: ["Allow": "GET, HEAD", "Content-Type": "text/plain; charset=utf-8"],
                                   body: Array("Only GET and HEAD.\n".utf8)), method: method)
        }
        guard path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else {
            return finish(refused(), method: method)
        }
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else {
            return finish(refused(), method: method)
        }
        // A folder URL is its index.html, as on a web server; the plan gives
        // the bytes a build writes to that file.
        let relative = String(path.dropFirst())
        let written = SitePath(relative).outputFile
        if let bytes = plan.bytes(writtenTo: written) {
            return finish(file(bytes, name: written, liveReload: liveReload), method: method)
        }
        if !relative.isEmpty, !relative.hasSuffix("/"), plan.bytes(writtenTo: relative + "/index.html") != nil {
            // `path` is decoded: encoded again, `/nl/hash%23tag` stays one path (not a fragment).
            let location = (path + "/").addingPercentEncoding(withAllowedCharacters: Self.locationAllowed) ?? "/"
            return finish(Response(status: 301, headers: ["Location": location], body: []), method: method)
        }
        var notFound = file(plan["404.html"] ?? Array("Not found\n".utf8), name: plan["404.html"] == nil ? "404.txt" : "404.html", liveReload: liveReload)
        notFound.status = 404
        return finish(notFound, method: method)
    }

    /// What a `Location` path may hold as it is: letters, digits, `/` and
    /// the marks URLs never read specially; everything else is %-encoded.
    static let locationAllowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-._~!$&'()*+,;=:@")

    static func refused() -> Response {
        Response(status: 400, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array("Bad path.\n".utf8))
    }

    static func file(_ bytes: [UInt8], name: String, liveReload: Bool) -> Response {
        let type = contentType(of: name)
        var body = bytes
        if liveReload && type.hasPrefix("text/html") {
            body = injectingLiveReload(into: bytes)
        }
        return Response(status: 200, headers: ["Content-Type": type, "Cache-Control": "no-store"], body: body)
    }

    /// HEAD gets the headers of GET, without the body.
    static func finish(_ response: Response, method: String) -> Response {
        var response = response
        response.headers["Content-Length"] = String(response.body.count)
        if method == "HEAD" { response.body = [] }
        return response
    }

    /// Adds the live reload script before `</body>` (only in `serve`; the
    /// built site never has it).
    static func injectingLiveReload(into html: [UInt8]) -> [UInt8] {
        let tag = Array("<script src=\"\(liveScriptPath)\" defer></script>\n".utf8)
        let marker = Array("</body>".utf8)
        guard html.count >= marker.count else { return html + tag }
        for start in stride(from: html.count - marker.count, through: 0, by: -1) where html[start..<(start + marker.count)].elementsEqual(marker) {
            return Array(html[..<start]) + tag + Array(html[start...])
        }
        return html + tag
    }

    static func contentType(of name: String) -> String {
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        default: return "application/octet-stream"
        }
    }
}
