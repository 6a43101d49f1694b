/// Character classes of CommonMark's delimiter rules, shared by the GFM
/// extensions that read text after cmark (strikethrough, autolinks).
package enum InlineText {
    /// CommonMark's punctuation: ASCII punctuation, and Unicode's P classes.
    package static func isPunctuation(_ character: Character) -> Bool {
        if character.isASCII { return "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".contains(character) }
        return character.isPunctuation
    }

    /// The last character before a node's text, as CommonMark's rules see it:
    /// a line start or break is white space; other inline markup (emphasis,
    /// code, links) was written with punctuation.
    package static func characterBefore(_ node: MarkdownNode) -> Character {
        guard let previous = node.previous else { return " " }
        switch previous.type {
        case .text: return previous.literal?.last ?? " "
        case .softBreak, .lineBreak: return " "
        default: return "*"
        }
    }

    /// The first character after a node's text, as `characterBefore`.
    package static func characterAfter(_ node: MarkdownNode) -> Character {
        guard let next = node.next else { return " " }
        switch next.type {
        case .text: return next.literal?.first ?? " "
        case .softBreak, .lineBreak: return " "
        default: return "*"
        }
    }

    /// Whether a node is inside a link or image (its text must not become one).
    package static func isInLink(_ node: MarkdownNode) -> Bool {
        var parent = node.parent
        while let current = parent {
            if current.type == .link || current.type == .image { return true }
            parent = current.parent
        }
        return false
    }
}
