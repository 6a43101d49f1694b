/// A GitHub-style pipe table, parsed from the source lines of a paragraph.
///
/// The rules follow the "Tables (extension)" section of the GFM spec: a header
/// row, then a delimiter row with the same number of cells (`---`, `:---`,
/// `:---:`, `---:`), then body rows until the paragraph ends. Body rows with
/// fewer cells are padded with empty cells; extra cells are dropped. `\|`
/// puts a pipe inside a cell, also inside code spans.
package struct PipeTable: Equatable {
    package enum Alignment: Equatable {
        case none, left, center, right
    }

    /// A cell's Markdown source (pipes unescaped, trimmed) and where it starts.
    package struct Cell: Equatable {
        package var text: String
        /// Index of the source line (within the lines given to `parse`).
        package var line: Int
        /// 0-based byte offset of the cell text within that line.
        package var byteOffset: Int
    }

    /// Index of the header row in the lines given to `parse`; lines before it
    /// are ordinary paragraph text.
    package var headerLine: Int
    package var header: [Cell]
    package var alignments: [Alignment]
    package var rows: [[Cell]]
    /// The line after the table's last row (`lines.count` when the table
    /// ends with the lines).
    package var endLine: Int = 0

    /// Finds the first table in `lines` (each already stripped of container
    /// markers such as `>`), or nil when the lines hold none.
    package static func parse(_ lines: [Substring]) -> PipeTable? {
        guard lines.count >= 2 else { return nil }
        for index in 0..<(lines.count - 1) {
            guard let alignments = delimiterRow(lines[index + 1]) else { continue }
            let header = cells(of: lines[index], line: index)
            guard header.count == alignments.count else { continue }
            var rows: [[Cell]] = []
            var end = lines.count
            for rowIndex in (index + 2)..<max(index + 2, lines.count) {
                // A link reference definition ends the table: what follows
                // is definitions (and text), never rows.
                if isReferenceDefinitionStart(lines[rowIndex]) {
                    end = rowIndex
                    break
                }
                var row = cells(of: lines[rowIndex], line: rowIndex)
                if row.count > header.count {
                    row.removeLast(row.count - header.count)
                }
                while row.count < header.count {
                    row.append(Cell(text: "", line: rowIndex, byteOffset: lines[rowIndex].utf8.count))
                }
                rows.append(row)
            }
            return PipeTable(headerLine: index, header: header, alignments: alignments, rows: rows, endLine: end)
        }
        return nil
    }

    /// The alignments of a delimiter row, or nil when the line is not one. It
    /// needs a pipe, so that a setext underline (`---`) never becomes a table.
    package static func delimiterRow(_ line: Substring) -> [Alignment]? {
        guard containsPipe(line) else { return nil }
        var alignments: [Alignment] = []
        for cell in cells(of: line, line: 0) {
            let text = cell.text
            let left = text.hasPrefix(":")
            let right = text.hasSuffix(":")
            let dashes = text.dropFirst(left ? 1 : 0).dropLast(right && text.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            switch (left, right) {
            case (true, true): alignments.append(.center)
            case (true, false): alignments.append(.left)
            case (false, true): alignments.append(.right)
            case (false, false): alignments.append(.none)
            }
        }
        return alignments.isEmpty ? nil : alignments
    }

    private static func containsPipe(_ line: Substring) -> Bool {
        var escaped = false
        for byte in line.utf8 {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "|") {
                return true
            }
        }
        return false
    }

    /// Splits a row on unescaped pipes, dropping one leading and one trailing
    /// pipe. Cell text is trimmed and `\|` becomes `|`.
    package static func cells(of line: Substring, line lineIndex: Int) -> [Cell] {
        let bytes = Array(line.utf8)
        var cells: [Cell] = []
        var current: [UInt8] = []
        var cellStart = 0
        var index = 0
        var sawContent = false

        func finishCell() {
            let (text, leading) = trimmed(current)
            cells.append(Cell(text: text, line: lineIndex, byteOffset: cellStart + leading))
        }

        // Skip leading whitespace and one optional leading pipe.
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "|") {
            index += 1
        }
        cellStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "|") {
                current.append(UInt8(ascii: "|"))
                index += 2
                sawContent = true
                continue
            }
            if byte == UInt8(ascii: "|") {
                finishCell()
                current = []
                index += 1
                cellStart = index
                sawContent = false
                continue
            }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                sawContent = true
            }
            current.append(byte)
            index += 1
        }
        // A trailing pipe ends the last cell; text after the last pipe is a cell.
        if sawContent || cells.isEmpty {
            finishCell()
        }
        return cells
    }

    private static func trimmed(_ bytes: [UInt8]) -> (String, leading: Int) {
        let isSpace: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return ("", 0) }
        let last = bytes.lastIndex(where: { !isSpace($0) })!
        return (String(decoding: bytes[first...last], as: UTF8.self), first)
    }

    /// Whether a line starts a link reference definition (`[label]:`, at
    /// most three spaces in).
    package static func isReferenceDefinitionStart(_ line: Substring) -> Bool {
        let rest = line.drop(while: { $0 == " " })
        guard line.count - rest.count <= 3, rest.first == "[" else { return false }
        var escaped = false
        for (offset, character) in rest.dropFirst().enumerated() {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "[" { return false }
            if character == "]" {
                return offset > 0 && rest.dropFirst(offset + 2).first == ":"
            }
        }
        return false
    }
}
