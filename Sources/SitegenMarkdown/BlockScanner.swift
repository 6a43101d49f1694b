/// Follows, line by line, whether a page is inside a fenced code block or an
/// HTML block that blank lines do not end (CommonMark's types 1 to 5), so
/// `MarkdownChunks` does not cut there. Only lines at up to three spaces of
/// indent count; a fence inside a list item may mislead it, which the
/// renderer's check of each piece in cmark's tree catches.
struct BlockScanner {
    private enum State {
        case outside
        case fence(marker: UInt8, length: Int)
        case html(end: [UInt8])
    }

    private var state = State.outside

    var isOutside: Bool {
        if case .outside = state { return true }
        return false
    }

    mutating func read(_ line: UnsafeBufferPointer<UInt8>) {
        let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
        switch state {
        case .fence(let marker, let length):
            if indent <= 3, Self.isClosingFence(line[indent...], marker: marker, length: length) { state = .outside }
        case .html(let end):
            if Self.contains(line[...], end) { state = .outside }
        case .outside:
            guard indent <= 3 else { return }
            let rest = line[indent...]
            if let fence = Self.openingFence(rest) {
                state = .fence(marker: fence.marker, length: fence.length)
            } else if let (startLength, end) = Self.htmlBlockEnd(rest),
                      !Self.contains(rest.dropFirst(startLength), end) {
                state = .html(end: end)
            }
        }
    }

    /// Three or more backticks (whose info has none) or tildes.
    static func openingFence(_ rest: Slice<UnsafeBufferPointer<UInt8>>) -> (marker: UInt8, length: Int)? {
        guard let marker = rest.first, marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
        let length = rest.prefix { $0 == marker }.count
        guard length >= 3 else { return nil }
        if marker == UInt8(ascii: "`"), rest.dropFirst(length).contains(marker) { return nil }
        return (marker, length)
    }

    static func isClosingFence(_ rest: Slice<UnsafeBufferPointer<UInt8>>, marker: UInt8, length: Int) -> Bool {
        let run = rest.prefix { $0 == marker }.count
        return run >= length && rest.dropFirst(run).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// For a line starting an HTML block of types 1 to 5: the length of its
    /// start and the text that ends the block (lower case).
    static func htmlBlockEnd(_ rest: Slice<UnsafeBufferPointer<UInt8>>) -> (Int, [UInt8])? {
        guard rest.first == UInt8(ascii: "<") else { return nil }
        let lower = rest.prefix(12).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        func starts(_ prefix: String) -> Bool { lower.starts(with: prefix.utf8) }
        for name in ["script", "pre", "style", "textarea"] where starts("<" + name) {
            let after = lower.count > name.count + 1 ? lower[name.count + 1] : UInt8(ascii: "\n")
            if after == UInt8(ascii: " ") || after == UInt8(ascii: "\t") || after == UInt8(ascii: ">") || after == UInt8(ascii: "\n") {
                return (name.count + 1, Array("</\(name)>".utf8))
            }
        }
        if starts("<!--") { return (4, Array("-->".utf8)) }
        if starts("<?") { return (2, Array("?>".utf8)) }
        if starts("<![cdata[") { return (9, Array("]]>".utf8)) }
        if starts("<!"), lower.count > 2, (lower[2] >= 97 && lower[2] <= 122) { return (2, Array(">".utf8)) }
        return nil
    }

    /// Whether `line` holds `text` (lower case), ignoring the case of ASCII letters.
    static func contains(_ line: Slice<UnsafeBufferPointer<UInt8>>, _ text: [UInt8]) -> Bool {
        guard line.count >= text.count else { return false }
        var index = line.startIndex
        while index + text.count <= line.endIndex {
            var matches = true
            for offset in 0..<text.count {
                let byte = line[index + offset]
                if (byte >= 65 && byte <= 90 ? byte + 32 : byte) != text[offset] { matches = false; break }
            }
            if matches { return true }
            index += 1
        }
        return false
    }
}
