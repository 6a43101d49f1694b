import Foundation

/// Reads HTTP/1.1 request heads from the bytes of one connection, as they
/// arrive: linear in the bytes received (each byte is looked at once), and
/// capped, so a client cannot make the server work or wait for long.
/// Requests may follow each other on one connection (keep-alive, pipelining).
struct HTTPRequestReader {
    /// The longest request line (method, target, version) accepted: 414 above.
    static let maxRequestLine = 8 * 1024
    /// The most bytes of header lines accepted: 431 above.
    static let maxHeaderBytes = 64 * 1024

    struct Head: Sendable, Equatable {
        var method: String
        var target: String
        var version: String
        /// Names in lowercase, in the order sent.
        var headers: [(name: String, value: String)]

        static func == (left: Head, right: Head) -> Bool {
            left.method == right.method && left.target == right.target && left.version == right.version
                && left.headers.elementsEqual(right.headers) { $0.name == $1.name && $0.value == $1.value }
        }

        /// The value of a header sent once; nil if missing or sent more than once.
        func header(_ name: String) -> String? {
            let values = headers.filter { $0.name == name }
            return values.count == 1 ? values[0].value : nil
        }

        func count(_ name: String) -> Int { headers.count { $0.name == name } }

        /// HTTP/1.1 keeps the connection unless told to close; 1.0 the other way round.
        var keepAlive: Bool {
            let tokens = headers.filter { $0.name == "connection" }
                .flatMap { $0.value.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            if tokens.contains("close") { return false }
            return version == "HTTP/1.1" || tokens.contains("keep-alive")
        }

        /// A body follows (the preview never reads one: it answers and closes).
        var hasBody: Bool {
            if !headers.filter({ $0.name == "transfer-encoding" }).isEmpty { return true }
            return headers.contains { $0.name == "content-length" && $0.value.trimmingCharacters(in: .whitespaces) != "0" }
        }
    }

    enum Result: Equatable {
        case needMore
        case request(Head)
        /// The request cannot be read: answer with this status and close.
        case failure(status: Int, reason: String)
    }

    /// Bytes received and not yet part of a returned request.
    private(set) var buffer: [UInt8] = []
    /// How far `buffer` was searched for line ends.
    private var scanned = 0
    /// Where the request line ends (after its LF), once found.
    private var headersStart: Int?
    /// Where the current header line starts.
    private var lineStart = 0

    var isEmpty: Bool { buffer.isEmpty }

    mutating func append(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next request, if its head has fully arrived.
    mutating func next() -> Result {
        while scanned < buffer.count {
            guard let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) else {
                scanned = buffer.count
                break
            }
            scanned = newline + 1
            if headersStart == nil {
                // Empty lines before a request line are ignored (RFC 9112 §2.2).
                if newline - lineStart <= 1 && isBlank(lineStart..<newline) {
                    lineStart = scanned
                    continue
                }
                if newline > Self.maxRequestLine { return .failure(status: 414, reason: "The request line is too long.") }
                headersStart = scanned
                lineStart = scanned
            } else if isBlank(lineStart..<newline) {
                return finish(end: scanned)
            } else {
                lineStart = scanned
            }
            if let headersStart, scanned - headersStart > Self.maxHeaderBytes {
                return .failure(status: 431, reason: "The request headers are too large.")
            }
        }
        // An unfinished line counts against the caps too.
        if let headersStart {
            if buffer.count - headersStart > Self.maxHeaderBytes {
                return .failure(status: 431, reason: "The request headers are too large.")
            }
        } else if buffer.count - lineStart > Self.maxRequestLine || lineStart > Self.maxRequestLine {
            return .failure(status: 414, reason: "The request line is too long.")
        }
        return .needMore
    }

    private func isBlank(_ range: Range<Int>) -> Bool {
        range.isEmpty || (range.count == 1 && buffer[range.lowerBound] == UInt8(ascii: "\r"))
    }

    /// Parses the head that ends at `end`, and drops it from the buffer.
    private mutating func finish(end: Int) -> Result {
        let headStart = headersStart!
        var lines = buffer[..<end].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
        // Leading blank lines, then the request line; the last two are the blank line and "".
        lines.removeAll { $0.isEmpty && $0.startIndex < headStart - 1 }
        buffer.removeFirst(end)
        scanned = 0
        lineStart = 0
        headersStart = nil

        guard let requestLine = lines.first.map({ String(decoding: $0, as: UTF8.self) }) else {
            return .failure(status: 400, reason: "No request line.")
        }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, parts[2].hasPrefix("HTTP/") else {
            return .failure(status: 400, reason: "Malformed request line.")
        }
        guard parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0" else {
            return .failure(status: 505, reason: "Only HTTP/1.1 and HTTP/1.0.")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() where !line.isEmpty {
            // Obsolete line folding (RFC 9112 §5.2) and names with spaces are refused.
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                  line.first != UInt8(ascii: " "), line.first != UInt8(ascii: "\t"),
                  !line[..<colon].contains(UInt8(ascii: " ")), !line[..<colon].contains(UInt8(ascii: "\t")) else {
                return .failure(status: 400, reason: "Malformed header line.")
            }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            headers.append((name, value))
        }
        return .request(Head(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers))
    }
}
