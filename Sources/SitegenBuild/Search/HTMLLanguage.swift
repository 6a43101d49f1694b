import Foundation

/// What Pagefind reads from a page before indexing it: the language of its
/// `<html>` tag, and whether it marks its main content.
enum HTMLLanguage {
    /// The `lang` attribute of the first `<html>` tag, lowercased (as
    /// Pagefind does); nil when there is none or it is empty.
    static func of(_ bytes: [UInt8]) -> String? {
        guard let tag = htmlTag(bytes) else { return nil }
        var index = tag
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else { return nil }
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), ![UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[index]) { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count else { return nil }
                let quote = bytes[index]
                let quoted = quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
                if quoted { index += 1 }
                let valueStart = index
                while index < bytes.count, quoted ? bytes[index] != quote : !(isSpace(bytes[index]) || bytes[index] == UInt8(ascii: ">")) { index += 1 }
                value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                if quoted && index < bytes.count { index += 1 }
            }
            if name == "lang" { return value.isEmpty ? nil : value.lowercased() }
        }
        return nil
    }

    /// The page has a `data-pagefind-body` attribute: a tag's name or an
    /// attribute before it, then the marker, then the attribute's end. (The
    /// words in a page's text, between spaces, count too: that can only
    /// make `SearchRuns` choose one run over the site.)
    static func hasBodyMarker(_ bytes: [UInt8]) -> Bool {
        let marker = Array("data-pagefind-body".utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            guard buffer.count > marker.count else { return false }
            for at in 1..<(buffer.count - marker.count) where buffer[at] == marker[0] && isSpace(buffer[at - 1]) {
                guard memcmp(buffer.baseAddress! + at, marker, marker.count) == 0 else { continue }
                let after = buffer[at + marker.count]
                if isSpace(after) || after == UInt8(ascii: "=") || after == UInt8(ascii: ">") || after == UInt8(ascii: "/") { return true }
            }
            return false
        }
    }

    /// Where the attributes of the first `<html` tag start.
    private static func htmlTag(_ bytes: [UInt8]) -> Int? {
        let name = Array("<html".utf8)
        var index = 0
        while index + name.count < bytes.count {
            if bytes[index] == UInt8(ascii: "<"),
               zip(bytes[index..<index + name.count], name).allSatisfy({ $0 | 0x20 == $1 | 0x20 }),
               isSpace(bytes[index + name.count]) || bytes[index + name.count] == UInt8(ascii: ">") {
                return index + name.count
            }
            index += 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0c || byte == 0x0d
    }
}
