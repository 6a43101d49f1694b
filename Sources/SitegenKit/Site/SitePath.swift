/// A place in the output, relative to the site root, with `/` separators.
///
/// Pages are folders ending in `/` (`nl/handleiding-a/`, written as
/// `nl/handleiding-a/index.html`); other files are not (`nl/img/logo.png`).
/// The site root is the empty path.
public struct SitePath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: String

    public init(_ value: String) {
        self.value = value
    }

    public static let root = SitePath("")

    public var isFolder: Bool { value.isEmpty || value.hasSuffix("/") }

    /// The file to write: `index.html` inside a folder.
    public var outputFile: String { isFolder ? value + "index.html" : value }

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
    public func relative(from page: SitePath, fileLinks: Bool) -> String {
        let from = page.value.utf8
        let to = value.utf8
        let fromEnd = page.folderEnd
        let toEnd = folderEnd
        // The folders both paths are in: compare up to the last common `/`.
        var (i, j) = (from.startIndex, to.startIndex)
        var (commonFrom, commonTo) = (i, j)
        while i < fromEnd, j < toEnd, from[i] == to[j] {
            if from[i] == UInt8(ascii: "/") { (commonFrom, commonTo) = (from.index(after: i), to.index(after: j)) }
            (i, j) = (from.index(after: i), to.index(after: j))
        }
        let ups = from[commonFrom..<fromEnd].count(where: { $0 == UInt8(ascii: "/") })
        var link = String(repeating: "../", count: ups)
        link += value[commonTo..<toEnd]
        if isFolder {
            if fileLinks { link += "index.html" }
        } else {
            link += value[toEnd...]
        }
        return link.isEmpty ? "./" : link
    }

    /// `../` repeated up to the site root from a page (empty at the root).
    public func pathToRoot() -> String {
        String(repeating: "../", count: value.utf8[..<folderEnd].count(where: { $0 == UInt8(ascii: "/") }))
    }

    public static func < (lhs: SitePath, rhs: SitePath) -> Bool { lhs.value < rhs.value }
    public var description: String { value }
}
