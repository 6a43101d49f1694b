/// GitHub's strikethrough: text between `~~` (or `~`) becomes `<del>`.
///
/// cmark leaves tildes as text. Within each inline container, runs of one or
/// two tildes are delimiters when they flank text as CommonMark's emphasis
/// rules say (an opener must be left-flanking, a closer right-flanking), and
/// an opener matches the nearest closer of the same length after it; longer
/// runs and unmatched ones stay text (GFM spec, "Strikethrough (extension)").
package enum StrikethroughTransform {
    package static func apply(to markdown: ParsedMarkdown) {
        let document = markdown.document
        var parents: [OpaquePointer: MarkdownNode] = [:]
        var order: [MarkdownNode] = []
        for text in document.nodes(ofType: .text) where (text.literal ?? "").contains("~") {
            guard let parent = text.parent, parents[parent.pointer] == nil else { continue }
            parents[parent.pointer] = parent
            order.append(parent)
        }
        for parent in order {
            rewrite(parent, in: document)
        }
    }

    private enum Token {
        case node(MarkdownNode)
        case text(Substring)
        case run(length: Int, canOpen: Bool, canClose: Bool)
    }

    private static func rewrite(_ parent: MarkdownNode, in document: MarkdownDocument) {
        var tokens: [Token] = []
        for child in parent.children {
            guard child.type == .text, let literal = child.literal, literal.contains("~") else {
                tokens.append(.node(child))
                continue
            }
            tokenize(literal, before: InlineText.characterBefore(child), after: InlineText.characterAfter(child), into: &tokens)
            child.unlink()
        }
        // Match openers and closers of the same length.
        var partner: [Int: Int] = [:]
        var openers: [(index: Int, length: Int)] = []
        for (index, token) in tokens.enumerated() {
            guard case let .run(length, canOpen, canClose) = token else { continue }
            if canClose, let found = openers.lastIndex(where: { $0.length == length }) {
                partner[openers[found].index] = index
                partner[index] = openers[found].index
                openers.removeSubrange(found...)
            } else if canOpen {
                openers.append((index, length))
            }
        }
        rebuild(parent, tokens, partner: partner, in: document)
    }

    /// Puts the tokens back under `parent`, with a `del` around each matched pair.
    private static func rebuild(_ parent: MarkdownNode, _ tokens: [Token], partner: [Int: Int], in document: MarkdownDocument) {
        for child in parent.children { child.unlink() }
        var stack = [parent]
        var pendingText = ""
        func flush() {
            guard !pendingText.isEmpty else { return }
            let node = document.makeNode(.text)
            node.literal = pendingText
            stack.last!.append(node)
            pendingText = ""
        }
        for (index, token) in tokens.enumerated() {
            switch token {
            case let .node(node):
                flush()
                stack.last!.append(node)
            case let .text(text):
                pendingText += text
            case let .run(length, _, _):
                guard let other = partner[index] else {
                    pendingText += String(repeating: "~", count: length)
                    continue
                }
                flush()
                if other > index {
                    let strike = document.makeCustom(.customInline, onEnter: "<del>", onExit: "</del>")
                    stack.last!.append(strike)
                    stack.append(strike)
                } else {
                    stack.removeLast()
                }
            }
        }
        flush()
    }

    /// Splits a text into plain pieces and tilde runs with their flanking.
    private static func tokenize(_ literal: String, before: Character, after: Character, into tokens: inout [Token]) {
        var index = literal.startIndex
        var plainStart = index
        while index < literal.endIndex {
            guard literal[index] == "~" else {
                index = literal.index(after: index)
                continue
            }
            let runStart = index
            while index < literal.endIndex, literal[index] == "~" { index = literal.index(after: index) }
            let length = literal.distance(from: runStart, to: index)
            if plainStart < runStart { tokens.append(.text(literal[plainStart..<runStart])) }
            plainStart = index
            guard length <= 2 else {
                tokens.append(.text(literal[runStart..<index]))
                continue
            }
            let previous = runStart == literal.startIndex ? before : literal[literal.index(before: runStart)]
            let next = index == literal.endIndex ? after : literal[index]
            let leftFlanking = !next.isWhitespace && (!InlineText.isPunctuation(next) || previous.isWhitespace || InlineText.isPunctuation(previous))
            let rightFlanking = !previous.isWhitespace && (!InlineText.isPunctuation(previous) || next.isWhitespace || InlineText.isPunctuation(next))
            tokens.append(.run(length: length, canOpen: leftFlanking, canClose: rightFlanking))
        }
        if plainStart < literal.endIndex { tokens.append(.text(literal[plainStart...])) }
    }
}
