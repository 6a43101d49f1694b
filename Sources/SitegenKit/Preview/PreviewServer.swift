import FlyingFox
import Foundation

/// The HTTP side of `sitegen serve`: answers requests from the `LiveReload`
/// state (see `PreviewResponder`), serves the live reload script, and the
/// long-poll endpoint the script waits on.
public struct PreviewServer: Sendable {
    public let host: String
    public let port: UInt16
    let live: LiveReload
    let server: HTTPServer

    /// - Throws: when `host` is not an IPv4 address.
    public init(host: String, port: UInt16, live: LiveReload) throws {
        self.host = host
        self.port = port
        self.live = live
        self.server = HTTPServer(address: try .inet(ip4: host, port: port), timeout: 60, logger: .disabled,
                                 handler: Handler(live: live))
    }

    /// Runs until the task is cancelled.
    public func run() async throws {
        try await server.run()
    }

    /// Waits until the server accepts connections, and returns its port
    /// (useful with port 0, which picks a free one).
    public func waitUntilListening() async throws -> UInt16 {
        try await server.waitUntilListening()
        if case let .ip4(_, port) = await server.listeningAddress { return port }
        return port
    }

    public func stop() async {
        await server.stop(timeout: 1)
    }

    struct Handler: HTTPHandler {
        let live: LiveReload

        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            let method = request.method.rawValue
            if request.path == PreviewResponder.liveScriptPath && (method == "GET" || method == "HEAD") {
                let script = Array(LiveReloadScript.javascript.utf8)
                var headers = HTTPHeaders()
                headers[.contentType] = "text/javascript; charset=utf-8"
                headers[HTTPHeader("Cache-Control")] = "no-store"
                headers[.contentLength] = String(script.count)
                return HTTPResponse(statusCode: .ok, headers: headers, body: method == "HEAD" ? Data() : Data(script))
            }
            if request.path == LiveReloadScript.waitPath && method == "GET" {
                let since = request.query.first { $0.name == "since" }.flatMap { Int($0.value) }
                let page = request.query.first { $0.name == "page" }?.value ?? "/"
                let event: LiveReload.Event
                if let since {
                    event = await live.wait(since: since, page: page)
                } else {
                    event = await LiveReload.Event(version: live.version, reload: false, error: live.error)
                }
                var json: [String: Any] = ["version": event.version, "reload": event.reload]
                json["error"] = event.error ?? NSNull()
                let body = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
                var headers = HTTPHeaders()
                headers[.contentType] = "application/json"
                headers[HTTPHeader("Cache-Control")] = "no-store"
                return HTTPResponse(statusCode: .ok, headers: headers, body: body)
            }
            // The path as sent (percent-decoded, not normalized): a trailing
            // slash matters, and `..` must reach the responder to be refused.
            let path = request.target.path(percentEncoded: false)
            let response = PreviewResponder.respond(method: method, path: path, plan: await live.plan)
            var headers = HTTPHeaders()
            for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) {
                headers[HTTPHeader(name)] = value
            }
            return HTTPResponse(statusCode: HTTPStatusCode(response.status, phrase: Self.phrase(response.status)),
                                headers: headers, body: Data(response.body))
        }

        static func phrase(_ status: Int) -> String {
            switch status {
            case 200: "OK"
            case 301: "Moved Permanently"
            case 400: "Bad Request"
            case 404: "Not Found"
            case 405: "Method Not Allowed"
            default: "Status"
            }
        }
    }
}
