import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The HTTP side of `sitegen serve`: answers requests from the `LiveReload`
/// state (see `PreviewResponder`), serves the live reload script, and the
/// long-poll endpoint the script waits on.
///
/// A small HTTP/1.1 server on POSIX sockets, one thread per connection with
/// blocking reads: GET and HEAD, keep-alive and pipelining, nothing else.
/// Request heads are read by `HTTPRequestReader` (linear, capped: 414 and
/// 431). Only `Host:` headers naming this server are answered (421
/// otherwise), so a web page cannot read the preview through DNS rebinding.
/// Running out of file descriptors pauses accepting, never ends it.
public final class PreviewServer: Sendable {
    public let host: String
    public let port: UInt16
    let live: LiveReload
    let log: @Sendable (String) -> Void

    /// Connections served at once; more wait in the listen queue.
    static let maxConnections = 256
    /// How long a connection may stay idle between requests.
    static let idleTimeout: Double = 60
    /// How long a client may take to send a request head once it started.
    static let headTimeout: Double = 10
    /// How long writing an answer may stall before the connection is dropped.
    static let sendTimeout: Double = 30
    /// Descriptors connections never take: the watcher, rebuilds and the
    /// search need some, and so does libdispatch, which ends the program
    /// (SIGILL, "registered worker exited prematurely") when it cannot
    /// open /proc/self/task/N/stat to watch its threads.
    static let spareDescriptors: Int32 = 16

    /// Why the server cannot listen: a port in use, an address that is not
    /// this machine's, a port that needs privileges.
    public struct ListenError: Error, CustomStringConvertible {
        public var host: String
        public var port: UInt16
        public var code: Int32

        public var description: String {
            switch code {
            case EADDRINUSE: "port \(port) is already in use; choose another with --port"
            case EACCES: "cannot listen on \(host):\(port): permission denied (ports below 1024 need privileges); choose another with --port"
            case EADDRNOTAVAIL: "cannot listen on \(host):\(port): not an address of this machine"
            default: "cannot listen on \(host):\(port): \(String(cString: strerror(code)))"
            }
        }
    }

    /// `--host` is not an IPv4 address.
    public struct InvalidHost: Error, CustomStringConvertible {
        public var host: String
        public var description: String { "--host \(host): not an IPv4 address (for example 127.0.0.1 or 0.0.0.0)" }
    }

    /// What the accepting and connection threads share.
    private struct Connections {
        var listener: Int32 = -1
        var boundPort: UInt16 = 0
        var stopped = false
        var active = 0
        /// Connections waiting for a request (between requests, or before the
        /// first byte): the ones closed first when the server is full.
        var idle: Set<Int32> = []
        var finished: [CheckedContinuation<Void, Never>] = []
        var acceptLoopDone = false
    }
    private let connections = Mutex(Connections())
    private let address: in_addr

    /// - Throws: `InvalidHost` when `host` is not an IPv4 address (`localhost` is 127.0.0.1).
    public init(host: String, port: UInt16, live: LiveReload,
                log: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(("sitegen: " + $0 + "\n").utf8)) }) throws {
        var address = in_addr()
        guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address) == 1 else { throw InvalidHost(host: host) }
        self.host = host
        self.port = port
        self.live = live
        self.log = log
        self.address = address
    }

    deinit {
        connections.withLock { if $0.listener >= 0 { close($0.listener) } }
    }

    /// Whether an IPv4 address is on this machine only (127.0.0.0/8).
    public static func isLoopback(_ host: String) -> Bool {
        var address = in_addr()
        guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address) == 1 else { return false }
        return UInt32(bigEndian: address.s_addr) >> 24 == 127
    }

    /// Binds, listens and starts accepting (once); returns the port (useful with port 0,
    /// which picks a free one).
    /// - Throws: `ListenError`, e.g. when the port is in use.
    @discardableResult
    public func listen() throws -> UInt16 {
        try connections.withLock { state throws(ListenError) -> UInt16 in try listen(&state) }
    }

    private func listen(_ state: inout Connections) throws(ListenError) -> UInt16 {
        if state.listener >= 0 { return state.boundPort }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw ListenError(host: host, port: port, code: errno) }
        var yes: Int32 = 1
        // Restarting right after a stop: connections in TIME_WAIT must not
        // hold the port. (Another listening socket still does.)
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = port.bigEndian
        socketAddress.sin_addr = address
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0, Glibc.listen(fd, SOMAXCONN) == 0,
                      getsockname(fd, pointer, &length) == 0 else { return errno }
                return 0
            }
        }
        guard result == 0 else {
            close(fd)
            throw ListenError(host: host, port: port, code: result)
        }
        state.listener = fd
        state.boundPort = UInt16(bigEndian: socketAddress.sin_port)
        // Accepting starts at once, on its own thread: it must not wait for
        // the concurrency pool, which rebuilds (or a caller) may keep busy.
        let thread = Thread { [self] in acceptLoop(fd) }
        thread.name = "sitegen serve: accept"
        thread.start()
        return state.boundPort
    }

    /// Listens if not yet done, and returns the port.
    public func waitUntilListening() async throws -> UInt16 {
        try listen()
    }

    /// Serves until the task is cancelled or `stop()` is called.
    public func run() async throws {
        try listen()
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let done = connections.withLock { state in
                    if !state.acceptLoopDone { state.finished.append(continuation) }
                    return state.acceptLoopDone
                }
                if done { continuation.resume() }
            }
        } onCancel: {
            stopAccepting()
        }
    }

    public func stop() async {
        stopAccepting()
    }

    private func stopAccepting() {
        connections.withLock { $0.stopped = true }
    }

    private var isStopped: Bool { connections.withLock { $0.stopped } }

    // MARK: - Accepting

    private func acceptLoop(_ listener: Int32) {
        var outOfDescriptors = false
        while !isStopped {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            guard hasSpareDescriptors(listener) else {
                waitAfterFailedAccept(EMFILE, saying: &outOfDescriptors)
                continue
            }
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                waitAfterFailedAccept(errno, saying: &outOfDescriptors)
                continue
            }
            if outOfDescriptors {
                outOfDescriptors = false
                log("serve: accepting connections again")
            }
            prepare(connection)
            start(connection)
        }
        let waiting = connections.withLock { state in
            close(listener)
            state.listener = -1
            state.acceptLoopDone = true
            defer { state.finished = [] }
            return state.finished
        }
        waiting.forEach { $0.resume() }
    }

    /// Whether a connection would leave `spareDescriptors` free: the
    /// lowest free descriptor (the one `accept` would take) is below the
    /// limit less the spare ones. (Descriptors above it may be taken too,
    /// by whatever serve inherited; the count stays a good guess.)
    private func hasSpareDescriptors(_ listener: Int32) -> Bool {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(Int32.max) else { return true }
        let lowest = fcntl(listener, F_DUPFD_CLOEXEC, 0)
        guard lowest >= 0 else { return false }
        close(lowest)
        return rlim_t(lowest) < limit.rlim_cur - rlim_t(min(Self.spareDescriptors, Int32(limit.rlim_cur / 2)))
    }

    /// After `accept` failed: out of descriptors or memory, the connection
    /// stays in the listen queue and is tried again a little later (said
    /// once per episode); the listener always stays open.
    private func waitAfterFailedAccept(_ code: Int32, saying outOfDescriptors: inout Bool) {
        switch code {
        case EMFILE, ENFILE, ENOBUFS, ENOMEM:
            if !outOfDescriptors {
                outOfDescriptors = true
                let what = code == EMFILE ? "too many open files" : code == ENFILE ? "too many open files in the system"
                    : "out of memory for new connections"
                log("serve: \(what); new connections wait until some close (the limit: ulimit -n)")
            }
            usleep(100_000)
        case EAGAIN, EINTR, ECONNABORTED, EPROTO:
            return
        default:
            usleep(100_000)
        }
    }

    /// Socket options of an accepted connection.
    private func prepare(_ connection: Int32) {
        // Not inherited by child processes; reads block (the listener does not).
        _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
        _ = fcntl(connection, F_SETFL, fcntl(connection, F_GETFL) & ~O_NONBLOCK)
        var yes: Int32 = 1
        // Each response is one write; no need to wait for ACKs (Nagle).
        setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        // A client that stops reading must not hold its thread forever.
        var sendLimit = timeval(tv_sec: Int(Self.sendTimeout), tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &sendLimit, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Serves a connection on a thread of its own. When `maxConnections`
    /// are being served, an idle one is closed to make room (so idle
    /// connections never starve new ones); only when none is idle is the
    /// answer 503.
    private func start(_ connection: Int32) {
        let admitted = connections.withLock { state in
            if state.active >= Self.maxConnections {
                guard let oldest = state.idle.first else { return false }
                // Its thread sees the end of the stream and ends.
                state.idle.remove(oldest)
                shutdown(oldest, Int32(SHUT_RDWR))
            }
            state.active += 1
            return true
        }
        guard admitted else {
            let busy = Self.encode(status: 503, headers: ["Content-Type": "text/plain; charset=utf-8", "Connection": "close"],
                                   body: Array("Too many connections.\n".utf8))
            _ = busy.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
            close(connection)
            return
        }
        let thread = Thread { [self] in
            serve(connection)
            // Out of `idle` before the descriptor is closed (and reused).
            connections.withLock { state in
                state.idle.remove(connection)
                close(connection)
                state.active -= 1
            }
        }
        thread.stackSize = 512 * 1024
        thread.start()
    }

    // MARK: - One connection

    /// Answers the requests of one connection until it closes, stays idle
    /// too long, or sends something that cannot be read.
    private func serve(_ connection: Int32) {
        var reader = HTTPRequestReader()
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        var deadline = Date().timeIntervalSinceReferenceDate + Self.idleTimeout
        var started = false
        while true {
            switch reader.next() {
            case .needMore:
                if !started && !reader.isEmpty {
                    started = true
                    deadline = Date().timeIntervalSinceReferenceDate + Self.headTimeout
                }
                let waiting = reader.isEmpty
                if waiting { connections.withLock { _ = $0.idle.insert(connection) } }
                guard waitReadable(connection, until: deadline) else { return }
                if waiting {
                    // Closed to make room while it waited: nothing to read any more.
                    guard connections.withLock({ $0.idle.remove(connection) != nil }) else { return }
                }
                let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { return }
                reader.append(chunk[..<count])
            case let .failure(status, reason):
                write(connection, Self.encode(status: status, headers: Self.plainText.merging(["Connection": "close"]) { $1 },
                                              body: Array((reason + "\n").utf8)))
                lingeringClose(connection)
                return
            case let .request(head):
                var (status, headers, body) = respond(to: head)
                let keepAlive = head.keepAlive && !head.hasBody && status != 400 && !isStopped
                if !keepAlive { headers["Connection"] = "close" }
                write(connection, Self.encode(status: status, headers: headers, body: body))
                guard keepAlive else {
                    if head.hasBody { lingeringClose(connection) }
                    return
                }
                started = false
                deadline = Date().timeIntervalSinceReferenceDate + Self.idleTimeout
            }
        }
    }

    /// Waits for bytes, a little at a time so a stopped server ends its connections.
    private func waitReadable(_ connection: Int32, until deadline: Double) -> Bool {
        while !isStopped {
            let left = deadline - Date().timeIntervalSinceReferenceDate
            guard left > 0 else { return false }
            var poller = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left, 0.25) * 1000))
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR { return false }
        }
        return false
    }

    private func write(_ connection: Int32, _ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            sent += count
        }
    }

    /// After an error answer, reads (and drops) what the client still sends
    /// for a moment, so closing does not reset the connection before the
    /// client has read the answer.
    private func lingeringClose(_ connection: Int32) {
        shutdown(connection, Int32(SHUT_WR))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let deadline = Date().timeIntervalSinceReferenceDate + 2
        var drained = 0
        while drained < 16 * 1024 * 1024, waitReadable(connection, until: deadline) {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            drained += count
        }
    }

    // MARK: - Answers

    static let plainText = ["Content-Type": "text/plain; charset=utf-8"]

    /// The names a request may give this server in `Host:`: the bound
    /// address, `localhost` and `127.0.0.1`, with or without the port. A
    /// name of a web site (DNS rebinding) is refused. Bound to all addresses
    /// (0.0.0.0), any IPv4 address is accepted too: a rebinding attack needs
    /// a name, and the machine's own addresses are not known in advance.
    func acceptsHost(_ value: String) -> Bool {
        var name = Substring(value.lowercased())
        if let colon = name.lastIndex(of: ":") {
            guard name[name.index(after: colon)...] == Substring(String(boundPortValue)) else { return false }
            name = name[..<colon]
        }
        if name == "localhost" || name == "127.0.0.1" || name == Substring(host.lowercased()) { return true }
        var any = in_addr()
        if address.s_addr == INADDR_ANY.bigEndian, inet_pton(AF_INET, String(name), &any) == 1 { return true }
        return false
    }

    private var boundPortValue: UInt16 { connections.withLock { $0.boundPort } }

    func respond(to head: HTTPRequestReader.Head) -> (Int, [String: String], [UInt8]) {
        guard head.count("host") == 1 || (head.count("host") == 0 && head.version == "HTTP/1.0") else {
            return (400, Self.plainText, Array("A request needs one Host header.\n".utf8))
        }
        if let host = head.header("host"), !acceptsHost(host) {
            return (421, Self.plainText, Array("This server answers only to localhost and \(self.host), not to \(host.prefix(200)).\n".utf8))
        }
        let method = head.method
        let query = head.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = String(query[0])
        let parameters = query.count > 1 ? Self.parameters(query[1]) : [:]
        if rawPath == PreviewResponder.liveScriptPath && (method == "GET" || method == "HEAD") {
            let script = Array(LiveReloadScript.javascript.utf8)
            return (200, ["Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-store", "Content-Length": String(script.count)],
                    method == "HEAD" ? [] : script)
        }
        if rawPath == LiveReloadScript.waitPath && method == "GET" {
            let since = parameters["since"].flatMap { Int($0) }
            let page = parameters["page"] ?? "/"
            // The connection's own thread waits; nothing else is held.
            let event = since.map { live.waitBlocking(since: $0, page: page) }
                ?? live.shared.read { LiveReload.Event(version: $0.version, reload: false, error: $0.error) }
            var json: [String: Any] = ["version": event.version, "reload": event.reload]
            json["error"] = event.error ?? NSNull()
            let body = (try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])) ?? Data("{}".utf8)
            return (200, ["Content-Type": "application/json", "Cache-Control": "no-store"], Array(body))
        }
        // The path as sent, percent-decoded, not normalized: a trailing slash
        // matters, and `..` must reach the responder to be refused.
        guard let path = rawPath.removingPercentEncoding else {
            return (400, Self.plainText, Array("Bad path.\n".utf8))
        }
        let response = PreviewResponder.respond(method: method, path: path, plan: live.currentPlan)
        return (response.status, response.headers, response.body)
    }

    static func parameters(_ query: Substring) -> [String: String] {
        var result: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            if result[name] == nil { result[name] = value }
        }
        return result
    }

    static func encode(status: Int, headers: [String: String], body: [UInt8]) -> [UInt8] {
        var headers = headers
        headers["Content-Length"] = headers["Content-Length"] ?? String(body.count)
        var text = "HTTP/1.1 \(status) \(phrase(status))\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            text += name + ": " + value + "\r\n"
        }
        text += "\r\n"
        return Array(text.utf8) + body
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 414: "URI Too Long"
        case 421: "Misdirected Request"
        case 431: "Request Header Fields Too Large"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status"
        }
    }
}

