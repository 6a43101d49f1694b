/// Whether bytes are all ASCII: the test before a fast path that takes a
/// byte for a character (a column as a byte count in `SourceLines`, a
/// heading's slug made byte by byte in `HeadingAnchors`).
package enum ASCII {
    /// Whether every byte is below 0x80, eight at a time.
    package static func only(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index + 8 <= count {
            if UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if start[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// Whether `text` is all ASCII.
    package static func only(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { only($0) } ?? text.utf8.allSatisfy { $0 < 0x80 }
    }
}
