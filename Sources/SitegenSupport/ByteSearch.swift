#if canImport(Glibc)
import Glibc
#endif

/// Whether text holds a string, compared as UTF-8 bytes. The standard
/// library's generic `firstRange(of:)` looks up generic metadata at every
/// step: two such calls per page once tripled a build's CPU.
package enum ByteSearch {
    package static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard let first = pattern.first, text.count >= pattern.count else { return pattern.isEmpty }
                for start in 0...(text.count - pattern.count)
                where text[start] == first && memcmp(text.baseAddress! + start, pattern.baseAddress!, pattern.count) == 0 {
                    return true
                }
                return false
            }
        }
    }
}
