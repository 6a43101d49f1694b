/// A place in the output, relative to the site root, with `/` separators.
///
/// Pages are folders ending in `/` (`nl/handleiding-a/`, written as
/// `nl/handleiding-a/index.html`); other files are not (`nl/img/logo.png`).
/// The site root is the empty path.
package struct SitePath: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var value: String

    package init(_ value: String) {
        self.value = value
    }

    package static let root = SitePath("")

    package var isFolder: Bool { value.isEmpty || value.hasSuffix("/") }

    /// The file to write: `index.html` inside a folder.
    package var outputFile: String { isFolder ? value + "index.html" : value }

    /// Where the folder part ends in `value`'s UTF-8: after its last `/`
    /// (all of it for a folder path).
    private var folderEnd: String.UTF8View.Index {
        let bytes = value.utf8
        if isFolder { return bytes.endIndex }
        return bytes.lastIndex(of: UInt8(ascii: "/")).map(bytes.index(after:)) ?? bytes.startIndex
    }

    /// The relative link from the page at `page` to this path. With
    /// `fileLinks`, links to folders end in `index.html` so they also work
    /// from `file://`, where no server adds it.
    ///
    /// Works on UTF-8 bytes: every page links to every navigation entry, so
    /// this runs millions of times on a large site.
    package func relative(from page: SitePath, fileLinks: Bool) -> String {
        // Over the contiguous bytes, written straight into the result:
        // walking the UTF-8 views cost 4,000 instructions a link.
        var (fromText, toText) = (page.value, value)
        let (link, encode) = fromText.withUTF8 { from in
            toText.withUTF8 { to in
                Self.relativeLink(from: from, fromIsFolder: page.isFolder, to: to, toIsFolder: isFolder, fileLinks: fileLinks)
            }
        }
        if link.isEmpty { return "./" }
        return encode ? Self.percentEncoded(link, nonASCII: false) : link
    }

    /// `relative(from:fileLinks:)` on bytes, and whether the target has
    /// bytes to percent-encode.
    private static func relativeLink(from: UnsafeBufferPointer<UInt8>, fromIsFolder: Bool, to: UnsafeBufferPointer<UInt8>,
                                     toIsFolder: Bool, fileLinks: Bool) -> (String, Bool) {
        func folderEnd(_ bytes: UnsafeBufferPointer<UInt8>, isFolder: Bool) -> Int {
            var end = bytes.count
            while !isFolder, end > 0, bytes[end - 1] != UInt8(ascii: "/") { end -= 1 }
            return end
        }
        let (fromEnd, toEnd) = (folderEnd(from, isFolder: fromIsFolder), folderEnd(to, isFolder: toIsFolder))
        // The folders both paths are in: compare up to the last common `/`.
        var (index, common) = (0, 0)
        while index < fromEnd, index < toEnd, from[index] == to[index] {
            if from[index] == UInt8(ascii: "/") { common = index + 1 }
            index += 1
        }
        var ups = 0
        for index in common..<fromEnd where from[index] == UInt8(ascii: "/") { ups += 1 }
        let indexFile = "index.html".utf8
        let tailCount = toIsFolder ? (fileLinks ? indexFile.count : 0) : to.count - toEnd
        let link = String(unsafeUninitializedCapacity: ups * 3 + (toEnd - common) + tailCount) { buffer in
            var count = 0
            func write(_ byte: UInt8) { buffer[count] = byte; count += 1 }
            for _ in 0..<ups { write(UInt8(ascii: ".")); write(UInt8(ascii: ".")); write(UInt8(ascii: "/")) }
            for byte in to[common..<toEnd] { write(byte) }
            if !toIsFolder {
                for byte in to[toEnd...] { write(byte) }
            } else if fileLinks {
                for byte in indexFile { write(byte) }
            }
            return count
        }
        return (link, to.contains { isEncoded($0, nonASCII: false) })
    }

    /// `value` as the path of an absolute URL (after the base URL, in the
    /// sitemap): in ASCII only, as the sitemap protocol asks.
    package var urlPath: String {
        value.utf8.contains(where: { Self.isEncoded($0, nonASCII: true) }) ? Self.percentEncoded(value, nonASCII: true) : value
    }

    /// Percent-encodes the bytes that end or change a URL's path, which a
    /// file name may hold (a file named `hash#tag` or `q?mark` is linked as
    /// `hash%23tag`, `q%3Fmark`): controls, space, `"`, `#`, `%`, `<`, `>`,
    /// `?`, `\`, `^`, `` ` ``, `{`, `|`, `}`; with `nonASCII` also every byte
    /// of a non-ASCII character. Relative links keep those as they are, as
    /// HTML allows, so `café/` stays readable. `/` stays: it separates the
    /// segments.
    static func percentEncoded(_ text: String, nonASCII: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            if isEncoded(byte, nonASCII: nonASCII) {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isEncoded(_ byte: UInt8, nonASCII: Bool) -> Bool {
        switch byte {
        case 0...0x20, 0x7F: true
        case 0x80...0xFF: nonASCII
        case UInt8(ascii: "\""), UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "?"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "{"),
             UInt8(ascii: "|"), UInt8(ascii: "}"): true
        default: false
        }
    }

    /// `../` repeated up to the site root from a page (empty at the root).
    package func pathToRoot() -> String {
        String(repeating: "../", count: value.utf8[..<folderEnd].count(where: { $0 == UInt8(ascii: "/") }))
    }

    package static func < (lhs: SitePath, rhs: SitePath) -> Bool { lhs.value < rhs.value }
    package var description: String { value }
}
