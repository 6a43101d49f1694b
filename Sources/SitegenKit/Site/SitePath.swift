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

    /// The folders this path is in (for a folder path, including itself).
    var folderSegments: [Substring] {
        let segments = value.split(separator: "/")
        return isFolder ? segments : Array(segments.dropLast())
    }

    /// The relative link from the page at `page` to this path. With
    /// `fileLinks`, links to folders end in `index.html` so they also work
    /// from `file://`, where no server adds it.
    public func relative(from page: SitePath, fileLinks: Bool) -> String {
        let from = page.folderSegments
        let to = folderSegments
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] {
            common += 1
        }
        var link = String(repeating: "../", count: from.count - common)
        for segment in to[common...] {
            link += segment + "/"
        }
        if isFolder {
            if fileLinks { link += "index.html" }
        } else if let name = value.split(separator: "/").last {
            link += name
        }
        return link.isEmpty ? "./" : link
    }

    /// `../` repeated up to the site root from a page (empty at the root).
    public func pathToRoot() -> String {
        String(repeating: "../", count: folderSegments.count)
    }

    public static func < (lhs: SitePath, rhs: SitePath) -> Bool { lhs.value < rhs.value }
    public var description: String { value }
}
