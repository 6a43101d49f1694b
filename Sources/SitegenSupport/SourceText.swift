#if canImport(Glibc)
import Glibc
#endif

/// The text of one user file, decoded and normalized the way every later stage
/// expects it: valid UTF-8, no byte-order mark, `\n` line endings.
///
/// CRLF and lone CR become LF, so a file saved on Windows renders byte for byte
/// like the same file saved on Linux. Invalid UTF-8 is an error (not silently
/// replaced): publishing mojibake is worse than a build that says where it is.
public struct SourceText: Sendable, Hashable {
    /// The path used in diagnostics.
    public let path: String
    public let text: String

    /// Decodes raw file bytes.
    /// - Throws: `DiagnosticError` naming the line, column and byte offset of the
    ///   first invalid UTF-8 sequence.
    public init(decoding bytes: some Collection<UInt8>, path: String) throws(DiagnosticError) {
        self.path = path
        var bytes = Array(bytes)
        let byteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        bytes.removeFirst(byteOrderMark)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = SourceText.firstInvalidUTF8Offset(in: bytes) ?? bytes.count
            let (line, column) = SourceText.lineAndColumn(ofByte: offset, in: bytes)
            // The offset counts in the file as saved, byte-order mark included.
            throw DiagnosticError(Diagnostic(
                .error, file: path, line: line, column: column,
                "invalid UTF-8 (byte offset \(offset + byteOrderMark)); save the file with UTF-8 encoding"))
        }
        self.text = SourceText.normalizingLineEndings(text)
    }

    /// Wraps text that is already a Swift string (so already valid Unicode).
    public init(_ text: String, path: String) {
        self.path = path
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" {
            text.unicodeScalars.removeFirst()
        }
        self.text = SourceText.normalizingLineEndings(text)
    }

    /// Text taken from a `SourceText` (so already normalized): not scanned again.
    package init(normalized text: String, path: String) {
        self.path = path
        self.text = text
    }

    package static func normalizingLineEndings(_ text: String) -> String {
        // memchr over the contiguous bytes: `utf8.contains` walks the view
        // byte by byte (1 % of a warm build, on every page and template).
        var text = text
        guard text.withUTF8({ bytes in bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\r")), bytes.count) != nil } ?? false }) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\r") {
                out.append(UInt8(ascii: "\n"))
                previousWasCR = true
                continue
            }
            if byte == UInt8(ascii: "\n") && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence.
    package static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
        var index = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            let start = index
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                index += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return start
            }
        }
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    package static func lineAndColumn(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        // Count the scalars before the offset: every byte that is not a continuation byte.
        let column = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (line, column)
    }
}
