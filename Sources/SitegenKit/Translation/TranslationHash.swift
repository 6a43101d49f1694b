import SitegenSupport
/// The version of an original that a translation records in its front
/// matter (`translationOf: 3f9a0c12be47`): the first 12 hex digits of the
/// 64-bit FNV-1a hash of the original's Markdown body (the text after the
/// front matter).
///
/// Before hashing, every run of spaces, tabs and line breaks becomes one
/// space and the ends are trimmed, so re-wrapping, re-indenting or saving the
/// original with other line endings keeps its translations current; any
/// other change (a word, a link, punctuation, a non-breaking space) makes
/// them outdated. Not for security: only to tell versions apart.
package enum TranslationHash {
    /// Hex digits in a hash.
    package static let length = 12

    /// The hash of a Markdown body.
    package static func of(_ body: String) -> String {
        String(FNV1a.hex(normalized(body)).prefix(length))
    }

    /// Whether `value` has the form of a hash: 12 hex digits.
    package static func isValid(_ value: String) -> Bool {
        value.utf8.count == length && value.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
        }
    }

    /// The body's UTF-8 bytes with whitespace runs made one space, trimmed.
    static func normalized(_ body: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(body.utf8.count)
        var pendingSpace = false
        for byte in body.utf8 {
            if isWhitespace(byte) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(UInt8(ascii: " "))
                pendingSpace = false
            }
            bytes.append(byte)
        }
        return bytes
    }

    /// Space, tab, line feed, carriage return, vertical tab, form feed.
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
