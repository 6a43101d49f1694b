#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line index over a `SourceText`: the lines as substrings of the text, and the
/// conversion from cmark's byte positions to the line and column (in Unicode
/// scalars) that diagnostics print.
package struct SourceLines {
    package let text: String
    /// Each line without its `\n`, sharing storage with `text`.
    package let lines: [Substring]
    /// The UTF-8 offset where each line starts.
    package let lineStarts: [Int]

    /// Whether each line is ASCII only, so a column is its byte count.
    private let asciiLines: [Bool]

    package init(_ text: String) {
        self.text = text
        // memchr over the contiguous bytes: walking `utf8.indices` cost
        // 30 instructions a byte (3.7 % of a link-heavy build).
        var starts: [Int] = [0]
        var ascii: [Bool] = []
        var copy = text
        copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return ascii.append(true) }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), bytes.count - offset) {
                let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                ascii.append(ASCII.only(UnsafeBufferPointer(start: base + offset, count: newline - offset)))
                starts.append(newline + 1)
                offset = newline + 1
            }
            ascii.append(ASCII.only(UnsafeBufferPointer(start: base + offset, count: bytes.count - offset)))
        }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(starts.count)
        var lineStart = utf8.startIndex
        for number in 1..<starts.count {
            let newline = utf8.index(utf8.startIndex, offsetBy: starts[number] - 1)
            lines.append(text[lineStart..<newline])
            lineStart = utf8.index(after: newline)
        }
        lines.append(text[lineStart...])
        self.lines = lines
        self.lineStarts = starts
        self.asciiLines = ascii
    }

    /// Whether a 0-based line holds only ASCII.
    package func isASCII(line index: Int) -> Bool { asciiLines[index] }

    /// The number of Unicode scalars in the first `bytes` bytes of a
    /// 0-based line.
    package func scalarCount(line index: Int, bytes: Int) -> Int {
        if isASCII(line: index) { return bytes }
        let utf8 = lines[index].utf8
        return utf8.prefix(bytes).reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    }

    /// The line with a 1-based number, or an empty line when out of range.
    package func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lines.count else { return "" }
        return lines[number - 1]
    }

    /// The UTF-8 offset of a 1-based line and 1-based byte column.
    package func byteOffset(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return text.utf8.count }
        return lineStarts[line - 1] + max(byteColumn - 1, 0)
    }

    /// The UTF-8 offset at which a substring of `text` starts.
    package func byteOffset(of substring: Substring) -> Int {
        text.utf8.distance(from: text.utf8.startIndex, to: substring.startIndex.samePosition(in: text.utf8) ?? text.utf8.startIndex)
    }

    /// 1-based line and column (in Unicode scalars) of a UTF-8 offset.
    package func location(ofByteOffset offset: Int) -> (line: Int, column: Int) {
        // The last line starting at or before the offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let line = lines[low]
        let bytesIntoLine = min(max(offset - lineStarts[low], 0), line.utf8.count)
        return (low + 1, scalarCount(line: low, bytes: bytesIntoLine) + 1)
    }
}
