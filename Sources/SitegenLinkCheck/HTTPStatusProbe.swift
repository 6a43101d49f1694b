import SitegenKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks a web server for the status of one `http://` URL over a plain POSIX
/// socket: one request, the status line and headers read, the connection
/// closed. No URLSession (which would bring libcurl into the binary), and so
/// no TLS: `https://` URLs cannot be asked.
struct HTTPStatusProbe: Sendable {
    /// `http://host[:port]/path?query`, split.
    struct Target: Sendable, Hashable {
        var host: String
        var port: Int
        var path: String

        /// Nil for anything but an `http://` URL with a host.
        init?(_ url: String) {
            guard url.lowercased().hasPrefix("http://") else { return nil }
            var rest = url.dropFirst("http://".count)
            if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            var authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
            var path = String(rest[authorityEnd...])
            if path.isEmpty || path.hasPrefix("?") { path = "/" + path }
            var host = authority, port = 80
            if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
                host = authority[authority.index(after: authority.startIndex)..<close]
                let after = authority[authority.index(after: close)...]
                if after.hasPrefix(":") { guard let number = Int(after.dropFirst()) else { return nil }; port = number }
            } else if let colon = authority.lastIndex(of: ":") {
                guard let number = Int(authority[authority.index(after: colon)...]) else { return nil }
                host = authority[..<colon]
                port = number
            }
            guard !host.isEmpty, (1...65535).contains(port),
                  !path.contains(where: { $0 == " " || $0 == "\r" || $0 == "\n" }) else { return nil }
            self.host = String(host)
            self.port = port
            self.path = path
        }

        var hostHeader: String {
            let name = host.contains(":") ? "[\(host)]" : host
            return port == 80 ? name : "\(name):\(port)"
        }
    }

    enum Outcome: Sendable, Equatable {
        /// The status code, and the Location header of a redirect.
        case status(Int, location: String?)
        /// No connection, or a connection closed without an HTTP answer.
        case failed(String)
        /// No complete answer within the timeout.
        case timedOut
    }

    var timeout: Double

    /// One request; never waits longer than `timeout` in all.
    func ask(_ method: String, _ target: Target) -> Outcome {
        let deadline = Self.now() + timeout
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(target.host, String(target.port), &hints, &list)
        guard status == 0, let first = list else {
            return .failed("cannot find the host '\(target.host)'")
        }
        defer { freeaddrinfo(list) }
        var lastError = "cannot connect"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            let outcome = ask(method, target, address: address.pointee, deadline: deadline)
            switch outcome {
            case .failed(let reason) where reason.hasPrefix("cannot connect"):
                lastError = reason
                continue
            default:
                return outcome
            }
        }
        return .failed(lastError)
    }

    private func ask(_ method: String, _ target: Target, address: addrinfo, deadline: Double) -> Outcome {
        let fd = socket(address.ai_family, address.ai_socktype, address.ai_protocol)
        guard fd >= 0 else { return .failed("cannot connect: no socket (\(Self.errorText()))") }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        if connect(fd, address.ai_addr, address.ai_addrlen) != 0 {
            guard errno == EINPROGRESS else { return .failed("cannot connect: \(Self.errorText())") }
            guard Self.wait(fd, for: Int16(POLLOUT), until: deadline) else { return .timedOut }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else { return .failed("cannot connect: \(String(cString: strerror(error)))") }
        }
        let request = Array("\(method) \(target.path) HTTP/1.1\r\nHost: \(target.hostHeader)\r\nUser-Agent: sitegen/\(Sitegen.version) (link check)\r\nAccept: */*\r\nConnection: close\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            guard Self.wait(fd, for: Int16(POLLOUT), until: deadline) else { return .timedOut }
            let count = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                return .failed("the connection broke while asking (\(Self.errorText()))")
            }
            sent += count
        }
        // The status line and headers: up to the blank line, 16 KB at most.
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !Self.headersComplete(answer), answer.count < 16_384 {
            guard Self.wait(fd, for: Int16(POLLIN), until: deadline) else { return .timedOut }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                return .failed("the connection broke while reading the answer (\(Self.errorText()))")
            }
            if count == 0 { break }
            answer += buffer[..<count]
        }
        return Self.parse(answer)
    }

    static func headersComplete(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        for index in 0...(bytes.count - 4) where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return true
        }
        return false
    }

    /// The status code and Location of an answer's head.
    static func parse(_ bytes: [UInt8]) -> Outcome {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/") else {
            return .failed(bytes.isEmpty ? "the server closed the connection without answering" : "the answer is not HTTP")
        }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let code = Int(parts[1]), (100...599).contains(code) else {
            return .failed("the answer has no status code")
        }
        var location: String?
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].lowercased() == "location" {
                location = line[line.index(after: colon)...].trimmingCharacters(in: [" ", "\t"])
            }
        }
        return .status(code, location: location)
    }

    /// Waits until `fd` is ready for `events`; false when the deadline passed.
    static func wait(_ fd: Int32, for events: Int16, until deadline: Double) -> Bool {
        while true {
            let left = deadline - now()
            if left <= 0 { return false }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&entry, 1, Int32(min(left * 1000, 60_000).rounded(.up)))
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR { return true }  // let send/recv report it
        }
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}

private extension Substring {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var value = self
        while let first = value.first, set.contains(first) { value = value.dropFirst() }
        while let last = value.last, set.contains(last) { value = value.dropLast() }
        return String(value)
    }
}
