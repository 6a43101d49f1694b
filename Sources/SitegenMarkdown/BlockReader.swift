import SitegenSupport

/// A block written in another generator's syntax, found by `BlockReader`.
package struct BlockContainer: Equatable {
    package var opener: BlockOpener
    /// The title as written (Markdown), nil when none was written.
    package var title: String?
    /// Where the marker starts (1-based line, scalar column).
    package var line: Int
    package var column: Int
}

/// Reads the admonitions and tabs of other generators (`BlockOpener`) before
/// cmark parses the page, and rewrites each as a block quote whose first line
/// is a level-1 ATX heading holding its title:
///
///     !!! tip "Use *this*"        > # Use *this*
///         Body text.        ->    > Body text.
///
/// so that cmark parses their bodies as any Markdown (nested blocks, lists,
/// code), and `BlockContainerTransform` turns those quotes into callouts and
/// tabs, knowing them by the line of their heading. Every line stays on its
/// line: only the start of a line changes, and `columnShift` says by how
/// many bytes, so diagnostics still point into the file as written.
///
/// Fenced code is skipped, so a marker inside a code example stays code.
/// Pages without any of the markers are not touched.
package struct BlockReader {
    /// Deeper blocks are left as written, with a warning: 10,000 nested
    /// `:::` blocks would otherwise cost 10,000² bytes of `>` markers.
    package static let maxDepth = 32
    package static let unclosedKind = "unclosed blocks"
    package static let optionKind = "block options sitegen does not read"
    /// The start of the warning given once per page for blocks nested too deep.
    package static let tooDeepMessage = "blocks nested more than \(maxDepth) deep"

    package var text: String
    package var containers: [Int: BlockContainer] = [:]
    /// Per line (0-based): bytes written in the file before a position, less
    /// those in `text` before it.
    package var columnShift: [Int] = []
    package var diagnostics: [Diagnostic] = []

    private var content: [Substring]
    private var prefix: [String]
    private var suffix: [String]
    private var removed: [Int]
    private let path: String
    private var reportedDepth = false

    package init(_ source: SourceText, census: MarkerCensus) {
        self.text = source.text
        self.path = source.path
        self.content = []
        self.prefix = []
        self.suffix = []
        self.removed = []
        guard census.has([.markerRun, .footnote]) else { return }
        content = SourceLines(source.text).lines
        prefix = Array(repeating: "", count: content.count)
        suffix = prefix
        removed = Array(repeating: 0, count: content.count)
        scan(0..<content.count, depth: 0)
        guard !containers.isEmpty else { return }
        var rewritten = ""
        rewritten.reserveCapacity(source.text.utf8.count + content.count)
        for index in content.indices {
            if index > 0 { rewritten += "\n" }
            rewritten += prefix[index]
            rewritten += content[index]
            rewritten += suffix[index]
        }
        text = rewritten
        columnShift = content.indices.map { removed[$0] - prefix[$0].utf8.count }
    }

    // MARK: Scanning

    private mutating func scan(_ range: Range<Int>, depth: Int) {
        var index = range.lowerBound
        var fence: CodeFence?
        while index < range.upperBound {
            let line = content[index]
            let indent = line.leadingSpaceCount
            let rest = line.dropFirst(indent)
            if let open = fence {
                // A closing fence is indented three spaces at most.
                if indent <= 3 && open.isClosed(by: rest) { fence = nil }
                index += 1
                continue
            }
            if indent <= 3, let opened = CodeFence(rest) {
                fence = opened
                index += 1
                continue
            }
            guard let parsed = BlockOpener.parse(rest) else {
                index += 1
                continue
            }
            guard depth < BlockReader.maxDepth else {
                if !reportedDepth {
                    reportedDepth = true
                    diagnostics.append(Diagnostic(.warning, file: path, line: index + 1, column: removed[index] + indent + 1,
                        "\(BlockReader.tooDeepMessage): this one and those inside it are left as text"))
                }
                index += 1
                continue
            }
            var opener = parsed
            let (body, next) = bodyLines(of: opener, at: index, indent: indent, within: range)
            if case .fenced(mark: "/", _) = opener.body { readOptions(of: &opener, in: body, indent: indent) }
            rewriteOpener(opener, at: index, indent: indent, rest: rest)
            for bodyIndex in body {
                let dedent = switch opener.body {
                case .indented: indent + 4
                case .fenced: indent
                // Lazy lines keep what they have; indented blocks lose four spaces.
                case .footnote: content[bodyIndex].leadingColumns >= 4 ? 4 : 0
                }
                rewriteBodyLine(bodyIndex, indent: indent, dedent: dedent)
            }
            if next > body.upperBound, next - 1 > index {
                // The closing line (`:::`) becomes empty: it ends the quote.
                let close = next - 1
                removed[close] += content[close].utf8.count
                content[close] = content[close].suffix(0)
            }
            scan(body, depth: depth + 1)
            index = next
        }
    }

    /// The lines of a block's body, and the line after the block.
    private mutating func bodyLines(of opener: BlockOpener, at index: Int, indent: Int, within range: Range<Int>) -> (Range<Int>, Int) {
        switch opener.body {
        case .indented:
            var end = index + 1
            var line = index + 1
            while line < range.upperBound {
                let text = content[line]
                if text.isBlank {
                    line += 1
                    continue
                }
                guard text.leadingColumns >= indent + 4 else { break }
                line += 1
                end = line
            }
            return ((index + 1)..<end, end)
        case .footnote:
            // Lines continuing the first paragraph, up to a blank line or the
            // next definition; then blocks indented four spaces.
            var line = index + 1
            while line < range.upperBound, !content[line].isBlank,
                  !(content[line].leadingSpaceCount <= 3 && content[line].drop(while: { $0 == " " }).hasPrefix("[^")) {
                line += 1
            }
            var end = line
            while line < range.upperBound {
                if content[line].isBlank {
                    line += 1
                    continue
                }
                guard content[line].leadingColumns >= 4 else { break }
                line += 1
                end = line
            }
            return ((index + 1)..<end, end)
        case let .fenced(mark, count):
            var inner: [Int] = []
            var fence: CodeFence?
            for line in (index + 1)..<range.upperBound {
                let rest = content[line].drop(while: { $0 == " " || $0 == "\t" })
                let indented = content[line].leadingColumns - indent > 3
                if let open = fence {
                    if !indented && open.isClosed(by: rest) { fence = nil }
                    continue
                }
                if !indented, let opened = CodeFence(rest) {
                    fence = opened
                } else if let closing = BlockOpener.closingCount(rest, mark: mark) {
                    if let last = inner.last, closing >= last {
                        inner.removeLast()
                    } else if closing >= count {
                        return ((index + 1)..<line, line + 1)
                    }
                } else if let nested = BlockOpener.parse(rest), case let .fenced(nestedMark, nestedCount) = nested.body, nestedMark == mark {
                    inner.append(nestedCount)
                }
            }
            let marks = String(repeating: mark, count: count)
            diagnostics.append(Diagnostic(.warning, file: path, line: index + 1, column: removed[index] + indent + 1,
                "this '\(marks)' block is never closed; it runs to the end of \(range.upperBound == content.count ? "the file" : "the block around it") (end it with a line '\(marks)')",
                kind: BlockReader.unclosedKind))
            return ((index + 1)..<range.upperBound, range.upperBound)
        }
    }

    /// pymdownx's options (`BlockOptions`): the lines indented under the
    /// header, before a blank line. They become empty lines of the quote.
    private mutating func readOptions(of opener: inout BlockOpener, in body: Range<Int>, indent: Int) {
        var end = body.lowerBound
        while end < body.upperBound, !content[end].isBlank, content[end].leadingColumns >= indent + 4 { end += 1 }
        guard end > body.lowerBound else { return }
        let options = BlockOptions(lines: Array(content[body.lowerBound..<end]))
        var problems = options.problems
        func problem(_ option: String, _ message: String) {
            let place = options.places[option] ?? .init(line: 0, offset: 0, message: "")
            problems.append(.init(line: place.line, offset: place.offset, message: message))
        }
        func misplaced(_ option: String, _ what: String) {
            problem(option, "option '\(option)' is for \(what); it is left out")
        }
        switch opener.role {
        case .callout(var type, var collapse):
            if let asked = options.type {
                if let known = CalloutType.canonical(asked) { type = known } else {
                    problem("type", "type '\(asked)' is not an admonition type sitegen knows (\(CalloutType.titled.joined(separator: ", "))); it is left out")
                }
            }
            if let open = options.open {
                if collapse == .none { misplaced("open", "details blocks") } else { collapse = open ? .open : .closed }
            }
            if options.places["new"] != nil { misplaced("new", "tabs") }
            if options.places["select"] != nil { misplaced("select", "tabs") }
            opener.role = .callout(type: type, collapse: collapse)
            opener.id = options.id
        case let .tab(newGroup, selected):
            if options.open != nil { misplaced("open", "details blocks") }
            if options.type != nil { misplaced("type", "admonitions") }
            if options.id != nil { problem("attrs", "a tab's id is sitegen's (tab-1-1 ...): attrs: {id} is left out") }
            opener.role = .tab(newGroup: newGroup || options.newGroup, selected: selected || options.selected)
        case .footnote, .codeGroup:
            return
        }
        opener.classes += options.classes
        for problem in problems.sorted(by: { ($0.line, $0.offset) < ($1.line, $1.offset) }) {
            let line = body.lowerBound + problem.line
            diagnostics.append(Diagnostic(.warning, file: path, line: line + 1, column: removed[line] + problem.offset + 1,
                                          problem.message, kind: BlockReader.optionKind))
        }
        for line in body.lowerBound..<end {
            removed[line] += content[line].utf8.count
            content[line] = content[line].suffix(0)
        }
    }

    // MARK: Rewriting

    private mutating func rewriteOpener(_ opener: BlockOpener, at index: Int, indent: Int, rest: Substring) {
        let markerColumn = removed[index] + indent + 1
        let utf8 = rest.utf8
        var title: Substring = rest.suffix(0)
        if let range = opener.title {
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let end = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
            title = rest[start..<end]
            removed[index] += indent + range.lowerBound
        } else {
            removed[index] += content[index].utf8.count
        }
        containers[index + 1] = BlockContainer(
            opener: opener, title: opener.title == nil ? nil : String(title),
            line: index + 1, column: markerColumn)
        prefix[index] += String(repeating: " ", count: indent) + "> #" + (title.isEmpty ? "" : " ")
        // A title ending in " #" would lose it as a closing sequence.
        if title.hasSuffix("#") { suffix[index] = " #" }
        content[index] = title
    }

    private mutating func rewriteBodyLine(_ index: Int, indent: Int, dedent: Int) {
        let bytes = content[index].droppingColumns(dedent)
        removed[index] += bytes
        content[index] = Substring(content[index].utf8.dropFirst(bytes))
        let blank = content[index].isBlank
        prefix[index] += String(repeating: " ", count: indent) + (blank ? ">" : "> ")
    }
}

/// An open fenced code block (``` or ~~~), so markers inside it are left alone.
private struct CodeFence {
    let mark: Character
    let count: Int

    init?(_ line: Substring) {
        guard let first = line.first, first == "`" || first == "~" else { return nil }
        let count = line.prefix(while: { $0 == first }).count
        guard count >= 3 else { return nil }
        // A backtick fence's info string has no backtick.
        if first == "`" && line.dropFirst(count).contains("`") { return nil }
        self.mark = first
        self.count = count
    }

    func isClosed(by line: Substring) -> Bool {
        let run = line.prefix(while: { $0 == mark }).count
        return run >= count && line.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }
}

private extension Substring {
    var isBlank: Bool { allSatisfy { $0 == " " || $0 == "\t" } }

    /// Spaces (bytes) before the first other character; a tab stops the count.
    var leadingSpaceCount: Int {
        utf8.prefix(while: { $0 == UInt8(ascii: " ") }).count
    }

    /// Columns of leading white space, a tab reaching the next multiple of 4.
    var leadingColumns: Int {
        var columns = 0
        for byte in utf8 {
            if byte == UInt8(ascii: " ") { columns += 1 } else if byte == UInt8(ascii: "\t") { columns += 4 - columns % 4 } else { break }
        }
        return columns
    }

    /// How many bytes of leading white space make up `columns` columns (fewer
    /// when the line has less).
    func droppingColumns(_ wanted: Int) -> Int {
        var columns = 0
        var bytes = 0
        for byte in utf8 {
            guard columns < wanted else { break }
            if byte == UInt8(ascii: " ") { columns += 1 } else if byte == UInt8(ascii: "\t") { columns += 4 - columns % 4 } else { break }
            bytes += 1
        }
        return bytes
    }
}
