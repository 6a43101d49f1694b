/// Line index over a `SourceText`: the lines as substrings of the text, and the
/// conversion from cmark's byte positions to the line and column (in Unicode
/// scalars) that diagnostics print.
package struct SourceLines {
    package let text: String
    /// Each line without its `\n`, sharing storage with `text`.
    package let lines: [Substring]
    /// The UTF-8 offset where each line starts.
    package let lineStarts: [Int]

    package init(_ text: String) {
        self.text = text
        // Split on UTF-8 bytes: splitting on Characters is several times slower.
        var lines: [Substring] = []
        var starts: [Int] = [0]
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var offset = 0
        for index in utf8.indices {
            offset += 1
            if utf8[index] == UInt8(ascii: "\n") {
                lines.append(text[lineStart..<index])
                lineStart = utf8.index(after: index)
                starts.append(offset)
            }
        }
        lines.append(text[lineStart...])
        self.lines = lines
        self.lineStarts = starts
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
        let column = line.utf8.prefix(bytesIntoLine).filter { $0 & 0xC0 != 0x80 }.count + 1
        return (low + 1, column)
    }
}
