/// Follows, line by line, whether `BlockReader` has a block open at the top
/// of a page: a code fence it skips, or a block of another generator's
/// syntax whose body runs to a closing line (`:::`, `///`), so that
/// `MarkdownChunks` does not cut there. It copies the reader's own rules
/// (which differ from cmark's: a fence inside an HTML block counts, an opener
/// may be indented), for the outermost block only: what is inside it is
/// inside. Indented bodies (`!!! note`) need no following: a piece starts at
/// column 0, which ends them. A piece that still leaves a block open is
/// caught by the renderer (the reader's "never closed" warning).
struct ReaderBlockScanner {
    private typealias Fence = (marker: UInt8, length: Int)
    private var fence: Fence?
    /// The outermost open block: its mark, count and indent, the counts of
    /// blocks of the same mark open inside it, and a code fence in its body.
    private var block: (mark: Character, count: Int, indent: Int, inner: [Int], fence: Fence?)?

    var isOutside: Bool { fence == nil && block == nil }

    /// Whether `line`, at column 0, opens a tab: it would join a tab right
    /// before it in one group, so a piece may not start there.
    static func opensTab(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "/"),
              let opener = BlockOpener.parse(Substring(String(decoding: line, as: UTF8.self))) else { return false }
        if case .tab = opener.role { return true }
        return false
    }

    mutating func read(_ line: UnsafeBufferPointer<UInt8>) {
        let spaces = line.prefix { $0 == UInt8(ascii: " ") }.count
        let blank = line.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
        // Only lines starting with these can open or close anything here.
        guard blank < line.count, "`~:/!?=".utf8.contains(line[blank]) else { return }
        if var open = block {
            // As `BlockReader.bodyLines` for a fenced body.
            let rest = line[blank...]
            let indented = Self.columns(line) - open.indent > 3
            if let inner = open.fence {
                if !indented, BlockScanner.isClosingFence(rest, marker: inner.marker, length: inner.length) { open.fence = nil }
            } else if !indented, let opened = BlockScanner.openingFence(rest) {
                open.fence = opened
            } else {
                let text = Substring(String(decoding: rest, as: UTF8.self))
                if let closing = BlockOpener.closingCount(text, mark: open.mark) {
                    if let last = open.inner.last, closing >= last {
                        open.inner.removeLast()
                    } else if closing >= open.count {
                        block = nil
                        return
                    }
                } else if let nested = BlockOpener.parse(text), case let .fenced(mark, count) = nested.body, mark == open.mark {
                    open.inner.append(count)
                }
            }
            block = open
            return
        }
        let rest = line[spaces...]
        if let open = fence {
            if spaces <= 3, BlockScanner.isClosingFence(rest, marker: open.marker, length: open.length) { fence = nil }
            return
        }
        if spaces <= 3, let opened = BlockScanner.openingFence(rest) {
            fence = opened
            return
        }
        // The reader takes an opener after spaces only (a tab is text).
        if let opener = BlockOpener.parse(Substring(String(decoding: rest, as: UTF8.self))),
           case let .fenced(mark, count) = opener.body {
            block = (mark, count, spaces, [], nil)
        }
    }

    /// Columns of leading white space, a tab reaching the next multiple of 4.
    private static func columns(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var columns = 0
        for byte in line {
            if byte == UInt8(ascii: " ") { columns += 1 } else if byte == UInt8(ascii: "\t") { columns += 4 - columns % 4 } else { break }
        }
        return columns
    }
}
