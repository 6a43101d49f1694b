/// Parses Mustache templates (https://mustache.github.io/mustache.5.html):
/// variables, sections, inverted sections, comments, partials, set
/// delimiters, and template inheritance (parents and blocks).
///
/// Three passes, as the specification's whitespace rules need whole lines:
/// split the source into text and tags, drop the lines that hold only a
/// section, comment, partial or delimiter tag ("standalone" lines), then
/// nest the sections into a tree.
package struct MustacheParser {
    private let bytes: [UInt8]

    package static func parse(_ source: String) throws(MustacheSyntaxError) -> [MustacheNode] {
        let parser = MustacheParser(bytes: Array(source.utf8))
        var tokens = try parser.tokens()
        parser.removeStandaloneLines(&tokens)
        return try parser.tree(tokens)
    }

    // MARK: Tokens

    private enum Token {
        /// A run of text up to and including a newline, or up to a tag.
        case text(Range<Int>)
        case tag(Tag)
        /// Text of a standalone line, dropped.
        case removed
    }

    private struct Tag {
        /// `#`, `^`, `/`, `!`, `>`, `<`, `$`, `=`, `&`, `{`, or nil for a variable.
        package var sigil: Character?
        package var content: String
        /// Bytes of the whole tag, delimiters included.
        package var range: Range<Int>
        package var line: Int
        package var column: Int
        /// Whitespace before a standalone tag.
        package var indentation = ""
    }

    private static let sigils: Set<Character> = Set("#^/!><$=&")
    /// Tags that may stand alone on a line, which then leaves no trace.
    private static let standaloneSigils: Set<Character> = Set("#^/!><$=")

    private func tokens() throws(MustacheSyntaxError) -> [Token] {
        var scan = Scan()
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var position = 0
        while position < bytes.count {
            guard let tagStart = find(open, from: position) else {
                scan.addText(position..<bytes.count, in: bytes)
                break
            }
            scan.addText(position..<tagStart, in: bytes)
            let tag = try readTag(at: tagStart, open: open, close: close, line: scan.line, column: scan.column(of: tagStart, in: bytes))
            if tag.sigil == "=" {
                (open, close) = try delimiters(tag)
            } else if tag.sigil != "!" && tag.content.isEmpty {
                throw MustacheSyntaxError(line: tag.line, column: tag.column, message: "a tag has no name")
            }
            scan.tokens.append(.tag(tag))
            scan.passLineBreaks(in: tag.range, of: bytes)
            position = tag.range.upperBound
        }
        return scan.tokens
    }

    /// Where the tokenizer is: its tokens so far, and the line and column.
    private struct Scan {
        var tokens: [Token] = []
        var line = 1
        var lineStart = 0
        // Characters (Unicode scalars) counted so far on the line, up to
        // `counted`: counting from the line's start at every tag would make
        // a long line of tags quadratic.
        var counted = 0
        var scalars = 0

        /// Text, as one token per line (a token ends after each `\n`).
        mutating func addText(_ range: Range<Int>, in bytes: [UInt8]) {
            var start = range.lowerBound
            for index in range where bytes[index] == UInt8(ascii: "\n") {
                tokens.append(.text(start..<index + 1))
                start = index + 1
                line += 1
                lineStart = start
            }
            if start < range.upperBound { tokens.append(.text(start..<range.upperBound)) }
        }

        /// The column (in Unicode scalars, from 1) of the byte at `offset`
        /// on the current line.
        mutating func column(of offset: Int, in bytes: [UInt8]) -> Int {
            if counted < lineStart {
                counted = lineStart
                scalars = 0
            }
            // A scalar's UTF-8 bytes after the first are 0b10xxxxxx.
            for index in counted..<offset where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
            counted = offset
            return scalars + 1
        }

        /// Counts the line breaks inside a tag.
        mutating func passLineBreaks(in range: Range<Int>, of bytes: [UInt8]) {
            for index in range where bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
        }
    }

    /// The tag starting at `tagStart`: its sigil, its trimmed content, its bytes.
    private func readTag(at tagStart: Int, open: [UInt8], close: [UInt8], line: Int, column: Int) throws(MustacheSyntaxError) -> Tag {
        var contentStart = tagStart + open.count
        var sigil: Character?
        var closing = close
        if contentStart < bytes.count {
            let first = Character(Unicode.Scalar(bytes[contentStart]))
            if first == "{" && open == Array("{{".utf8) {
                sigil = first
                closing = Array("}".utf8) + close
                contentStart += 1
            } else if Self.sigils.contains(first) {
                sigil = first
                contentStart += 1
            }
        }
        guard let contentEnd = find(closing, from: contentStart) else {
            throw MustacheSyntaxError(line: line, column: column,
                message: "a tag is not closed with \(String(decoding: closing, as: UTF8.self))")
        }
        let content = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self)
        return Tag(sigil: sigil, content: String(content.trimmingWhitespace), range: tagStart..<contentEnd + closing.count,
                   line: line, column: column)
    }

    /// `{{=<% %>=}}`: the new opening and closing delimiters.
    private func delimiters(_ tag: Tag) throws(MustacheSyntaxError) -> ([UInt8], [UInt8]) {
        let parts = tag.content.hasSuffix("=")
            ? tag.content.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" }) : []
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw MustacheSyntaxError(line: tag.line, column: tag.column,
                message: "a delimiter tag must look like {{=<% %>=}}: '=', two delimiters separated by a space, '='")
        }
        return (Array(parts[0].utf8), Array(parts[1].utf8))
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start + needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matches = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    // MARK: Standalone lines

    /// A line holding one section, comment, partial, parent, block or
    /// delimiter tag and otherwise only spaces or tabs leaves nothing in the
    /// output: its whitespace and line ending are dropped.
    ///
    /// Parent and block tags follow the inheritance spec's finer rules, as
    /// text directly inside a parent tag is never shown: a pair of parent
    /// tags counts as standalone when its opening tag starts its line and its
    /// closing tag ends one, even on the same line (`{{<base}}{{/base}}`, or
    /// `{{<base}}{{$main}}` starting a child), and a block's place in a parent
    /// template (`  {{$main}}{{/main}}`) gets the whitespace before it as its
    /// indentation. A block whose opening tag ends its line has the
    /// indentation of its first line ("intrinsic"): taken off every line of
    /// its content where it is defined, and added back, to whatever content
    /// fills it, where it is placed.
    private func removeStandaloneLines(_ tokens: inout [Token]) {
        let layout = LineLayout(tokens, parser: self)
        let intrinsic = takeIntrinsicIndentation(&tokens, layout)
        removeStandaloneWhitespace(&tokens, layout)
        setPlacedBlockIndentation(&tokens, layout, intrinsic: intrinsic)
    }

    /// The lines of the template and what each tag has around it, seen
    /// before any token changes.
    private struct LineLayout {
        /// Token ranges, one per line (a line ends with a text ending in `\n`).
        var lines: [Range<Int>] = []
        var lineOf: [Int]
        /// Only spaces or tabs between the token and its line's start / end.
        var clearLeft: [Bool]
        var clearRight: [Bool]
        /// Opening and closing tags, paired (mismatches are reported by `tree`).
        var partner: [Int: Int] = [:]
        /// Blocks directly inside a parent tag (arguments), opening and closing tags.
        var arguments: Set<Int> = []
        let sigils: [Character?]

        init(_ tokens: [Token], parser: MustacheParser) {
            sigils = tokens.map { token in if case .tag(let tag) = token { tag.sigil } else { nil } }
            var start = 0
            while start < tokens.count {
                var end = start
                while end < tokens.count - 1 {
                    if case .text(let range) = tokens[end], parser.bytes[range.upperBound - 1] == UInt8(ascii: "\n") { break }
                    end += 1
                }
                lines.append(start..<end + 1)
                start = end + 1
            }
            lineOf = [Int](repeating: 0, count: tokens.count)
            for (number, line) in lines.enumerated() {
                for index in line { lineOf[index] = number }
            }
            clearLeft = [Bool](repeating: false, count: tokens.count)
            clearRight = [Bool](repeating: false, count: tokens.count)
            for line in lines {
                let blanks = line.map { index -> Bool in
                    guard case .text(let range) = tokens[index] else { return false }
                    return parser.isBlankText(range, endsLine: index == line.upperBound - 1)
                }
                var blank = true
                for (offset, index) in line.enumerated() {
                    clearLeft[index] = blank
                    blank = blank && blanks[offset]
                }
                blank = true
                for (offset, index) in line.enumerated().reversed() {
                    clearRight[index] = blank
                    blank = blank && blanks[offset]
                }
            }
            pairTags()
        }

        private mutating func pairTags() {
            var open: [Int] = []
            for (index, sigil) in sigils.enumerated() {
                switch sigil {
                case "#", "^", "<", "$":
                    if sigil == "$", let outer = open.last, sigils[outer] == "<" { arguments.insert(index) }
                    open.append(index)
                case "/":
                    guard let opening = open.popLast() else { continue }
                    partner[opening] = index
                    partner[index] = opening
                    if arguments.contains(opening) { arguments.insert(index) }
                default:
                    continue
                }
            }
        }

        /// A pair of tags whose opening tag starts its line and whose closing
        /// tag ends one.
        func isStandalonePair(_ index: Int) -> Bool {
            clearLeft[index] && partner[index].map { clearRight[$0] } == true
        }
    }

    /// Intrinsic indentation, outer blocks first, so that a nested block's is
    /// measured on its outer block's lines as they will be: taken off every
    /// line of the block's content, and returned by the block's tag.
    private func takeIntrinsicIndentation(_ tokens: inout [Token], _ layout: LineLayout) -> [Int: [UInt8]] {
        var intrinsic: [Int: [UInt8]] = [:]
        for index in tokens.indices where layout.sigils[index] == "$" {
            guard let close = layout.partner[index], layout.clearRight[index],
                  layout.arguments.contains(index) || layout.clearLeft[index],
                  let indentation = firstLineIndentation(after: layout.lineOf[index], before: close, lines: layout.lines, tokens: tokens)
            else { continue }
            intrinsic[index] = indentation
            guard !indentation.isEmpty else { continue }
            for line in layout.lines[(layout.lineOf[index] + 1)...layout.lineOf[close]] {
                guard case .text(let range) = tokens[line.lowerBound] else { continue }
                var dropped = 0
                while dropped < indentation.count, range.lowerBound + dropped < range.upperBound,
                      bytes[range.lowerBound + dropped] == indentation[dropped] {
                    dropped += 1
                }
                tokens[line.lowerBound] = .text(range.lowerBound + dropped..<range.upperBound)
            }
        }
        return intrinsic
    }

    /// Drops the whitespace and line endings of standalone lines, and the
    /// parent and block tags' own, keeping what a tag needs as indentation.
    private func removeStandaloneWhitespace(_ tokens: inout [Token], _ layout: LineLayout) {
        func remove(_ range: Range<Int>, indentationOf tagIndex: Int? = nil) {
            var indentation = ""
            for index in range {
                if case .text(let text) = tokens[index] { indentation += String(decoding: bytes[text], as: UTF8.self) }
                tokens[index] = .removed
            }
            if let tagIndex, case .tag(var tag) = tokens[tagIndex] {
                tag.indentation = indentation
                tokens[tagIndex] = .tag(tag)
            }
        }
        for line in layout.lines {
            if removeIfStandalone(line.lowerBound...line.upperBound - 1, in: &tokens) { continue }
            for index in line {
                guard let sigil = layout.sigils[index] else { continue }
                let before = line.lowerBound..<index
                let after = index + 1..<line.upperBound
                let isArgument = layout.arguments.contains(index)
                switch sigil {
                case "<" where layout.isStandalonePair(index):
                    remove(before, indentationOf: index)
                case "$" where isArgument && layout.clearRight[index]:
                    remove(after)
                case "$" where !isArgument && layout.isStandalonePair(index):
                    remove(before, indentationOf: index)
                case "/":
                    guard let opening = layout.partner[index] else { continue }
                    if layout.sigils[opening] == "<" && layout.clearLeft[opening] && layout.clearRight[index] { remove(after) }
                    if isArgument && layout.clearLeft[index] { remove(before) }
                default:
                    continue
                }
            }
        }
    }

    /// Where a block is placed, the indentation its content gets: the
    /// intrinsic one, else that of a standalone pair of tags, else none.
    private func setPlacedBlockIndentation(_ tokens: inout [Token], _ layout: LineLayout, intrinsic: [Int: [UInt8]]) {
        for index in tokens.indices where layout.sigils[index] == "$" && !layout.arguments.contains(index) {
            guard case .tag(var tag) = tokens[index] else { continue }
            if let indentation = intrinsic[index] {
                tag.indentation = String(decoding: indentation, as: UTF8.self)
            } else if !layout.isStandalonePair(index) {
                tag.indentation = ""
            }
            tokens[index] = .tag(tag)
        }
    }

    /// Only spaces or tabs, and the line ending if the text ends its line.
    private func isBlankText(_ range: Range<Int>, endsLine: Bool) -> Bool {
        var blank = bytes[range]
        if blank.last == UInt8(ascii: "\n") { blank = blank.dropLast() }
        if endsLine, blank.last == UInt8(ascii: "\r") { blank = blank.dropLast() }
        return blank.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// The spaces and tabs starting the first line after `line` that is not
    /// blank, or nil if the tag `close` comes first (the block is empty).
    private func firstLineIndentation(after line: Int, before close: Int, lines: [Range<Int>], tokens: [Token]) -> [UInt8]? {
        for candidate in lines[(line + 1)...] {
            var leading: [UInt8] = []
            for index in candidate {
                if index == close { return nil }
                guard case .text(let range) = tokens[index] else { return leading }
                let spaces = bytes[range].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                leading += spaces
                let rest = bytes[range].dropFirst(spaces.count)
                if let first = rest.first, first != UInt8(ascii: "\n"), first != UInt8(ascii: "\r") { return leading }
            }
        }
        return nil
    }

    /// Removes the line's whitespace if it holds one standalone tag, and
    /// says whether it did.
    private func removeIfStandalone(_ line: ClosedRange<Int>, in tokens: inout [Token]) -> Bool {
        var tagIndex: Int?
        for index in line {
            switch tokens[index] {
            case .tag(let tag):
                guard tagIndex == nil, let sigil = tag.sigil, Self.standaloneSigils.contains(sigil) else { return false }
                tagIndex = index
            case .text(let range):
                guard isBlankText(range, endsLine: index == line.upperBound) else { return false }
            case .removed:
                return false
            }
        }
        guard let tagIndex, case .tag(var tag) = tokens[tagIndex] else { return false }
        var indentation = ""
        for index in line where index < tagIndex {
            if case .text(let range) = tokens[index] { indentation += String(decoding: bytes[range], as: UTF8.self) }
        }
        tag.indentation = indentation
        tokens[tagIndex] = .tag(tag)
        for index in line where index != tagIndex { tokens[index] = .removed }
        return true
    }

    // MARK: Tree

    private struct OpenSection {
        package var tag: Tag
        package var nodes: [MustacheNode] = []
    }

    /// The sections open at a point of the template, the outermost (the
    /// template itself) first.
    private struct SectionStack {
        var open: [OpenSection] = [OpenSection(tag: Tag(sigil: nil, content: "", range: 0..<0, line: 1, column: 1))]

        /// Adds a node to the innermost open section, joining adjacent texts.
        mutating func add(_ node: MustacheNode) {
            let last = open.count - 1
            if case .text(let text) = node, case .text(let previous)? = open[last].nodes.last {
                open[last].nodes[open[last].nodes.count - 1] = .text(previous + text)
            } else {
                open[last].nodes.append(node)
            }
        }
    }

    private func tree(_ tokens: [Token]) throws(MustacheSyntaxError) -> [MustacheNode] {
        var stack = SectionStack()
        for token in tokens {
            switch token {
            case .removed:
                continue
            case .text(let range):
                stack.add(.text(String(decoding: bytes[range], as: UTF8.self)))
            case .tag(let tag):
                try add(tag, to: &stack)
            }
        }
        if stack.open.count > 1, let unclosed = stack.open.last {
            throw MustacheSyntaxError(line: unclosed.tag.line, column: unclosed.tag.column,
                message: "the section {{\(unclosed.tag.sigil!)\(unclosed.tag.content)}} is never closed; add {{/\(unclosed.tag.content)}}")
        }
        return stack.open[0].nodes
    }

    /// A tag's node, or the section it opens or closes.
    private func add(_ tag: Tag, to stack: inout SectionStack) throws(MustacheSyntaxError) {
        switch tag.sigil {
        case nil:
            stack.add(.variable(try name(tag), escaped: true))
        case "{", "&":
            stack.add(.variable(try name(tag), escaped: false))
        case ">":
            if tag.content.hasPrefix("*") {
                throw MustacheSyntaxError(line: tag.line, column: tag.column,
                    message: "dynamic partial names ({{>*name}}) are not supported; name the partial")
            }
            stack.add(.partial(tag.content, indentation: tag.indentation))
        case "#", "^", "<", "$":
            if tag.sigil == "#" || tag.sigil == "^" { _ = try name(tag) }
            stack.open.append(OpenSection(tag: tag))
        case "/":
            guard stack.open.count > 1 else {
                throw MustacheSyntaxError(line: tag.line, column: tag.column,
                    message: "{{/\(tag.content)}} closes a section that was never opened")
            }
            let section = stack.open.removeLast()
            guard section.tag.content == tag.content else {
                throw MustacheSyntaxError(line: tag.line, column: tag.column,
                    message: "{{/\(tag.content)}} closes the section {{\(section.tag.sigil!)\(section.tag.content)}} opened on line \(section.tag.line); close that one first")
            }
            stack.add(try node(closing: section, at: tag))
        default:  // comments ("!") and delimiter changes ("=") leave nothing
            return
        }
    }

    private func node(closing section: OpenSection, at close: Tag) throws(MustacheSyntaxError) -> MustacheNode {
        switch section.tag.sigil {
        case "#":
            let source = String(decoding: bytes[section.tag.range.upperBound..<close.range.lowerBound], as: UTF8.self)
            return .section(try name(section.tag), section.nodes, source: source)
        case "^":
            return .invertedSection(try name(section.tag), section.nodes)
        case "<":
            // Inside a parent tag only block definitions count.
            var blocks: [String: [MustacheNode]] = [:]
            for case .block(let name, let nodes, _) in section.nodes { blocks[name] = nodes }
            return .parent(section.tag.content, blocks: blocks, indentation: section.tag.indentation)
        default:
            return .block(section.tag.content, section.nodes, indentation: section.tag.indentation)
        }
    }

    private func name(_ tag: Tag) throws(MustacheSyntaxError) -> MustacheName {
        if tag.content == "." { return MustacheName(parts: [], line: tag.line, column: tag.column) }
        let parts = tag.content.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.contains(where: \.isEmpty), !tag.content.contains(where: { $0 == " " || $0 == "\t" || $0.isNewline }) else {
            throw MustacheSyntaxError(line: tag.line, column: tag.column,
                message: "'\(tag.content)' is not a name: use letters, digits, '-' and '_', with '.' between parts (page.title)")
        }
        return MustacheName(parts: parts.map(String.init), line: tag.line, column: tag.column)
    }
}
