import CAtomicRename

/// Whether text holds a string, compared as UTF-8 bytes. The standard
/// library's generic `firstRange(of:)` looks up generic metadata at every
/// step: two such calls per page once tripled a build's CPU. glibc's
/// memmem (through CAtomicRename: Swift's Glibc lacks it) compares a word
/// at a time.
package enum ByteSearch {
    package static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { text in
            needle.withUTF8 { pattern in
                sitegen_contains_bytes(text.baseAddress, text.count, pattern.baseAddress, pattern.count) != 0
            }
        }
    }
}
