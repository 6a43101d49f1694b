/// GitHub's extended autolinks: `www.example.com`, `https://example.com/path`
/// (and `http://`, `ftp://`) and `name@example.com` written as plain text
/// become links, by the rules of the GFM spec ("Autolinks (extension)"): a
/// valid domain, then anything up to white space or `<`, less trailing
/// punctuation, an unbalanced `)` and an entity-like `&name;`.
package enum AutolinkTransform {
    package static func apply(to markdown: ParsedMarkdown) {
        let document = markdown.document
        for text in document.nodes(ofType: .text) {
            guard let literal = text.literal, mayContainLink(literal), !InlineText.isInLink(text) else { continue }
            let matches = links(in: literal, before: InlineText.characterBefore(text))
            guard !matches.isEmpty else { continue }
            var position = literal.startIndex
            for match in matches {
                if position < match.range.lowerBound {
                    text.insertBefore(makeText(literal[position..<match.range.lowerBound], document))
                }
                let link = document.makeNode(.link)
                link.url = match.url
                link.append(makeText(literal[match.range], document))
                text.insertBefore(link)
                position = match.range.upperBound
            }
            if position < literal.endIndex {
                text.insertBefore(makeText(literal[position...], document))
            }
            text.unlink()
        }
    }

    private static func makeText(_ text: Substring, _ document: MarkdownDocument) -> MarkdownNode {
        let node = document.makeNode(.text)
        node.literal = String(text)
        return node
    }

    private static func mayContainLink(_ text: String) -> Bool {
        text.contains("www.") || text.contains("://") || text.contains("@")
    }

    struct Match {
        var range: Range<String.Index>
        var url: String
    }

    /// The autolinks in a text, in order.
    static func links(in text: String, before: Character) -> [Match] {
        var matches: [Match] = []
        var index = text.startIndex
        var previous = before
        while index < text.endIndex {
            let rest = text[index...]
            // A link starts after white space, a line start, or `*`, `_`, `~`, `(`.
            let mayStart = previous.isWhitespace || "*_~(".contains(previous)
            if mayStart, let match = urlOrWWW(rest) ?? email(rest) {
                matches.append(match)
                index = match.range.upperBound
                previous = text[text.index(before: index)]
                continue
            }
            previous = text[index]
            index = text.index(after: index)
        }
        return matches
    }

    private static func urlOrWWW(_ text: Substring) -> Match? {
        var scheme = ""
        for candidate in ["https://", "http://", "ftp://", "www."] where text.lowercased().hasPrefix(candidate) {
            scheme = candidate
            break
        }
        guard !scheme.isEmpty else { return nil }
        let afterScheme = text.index(text.startIndex, offsetBy: scheme == "www." ? 0 : scheme.count)
        guard let domainEnd = domain(text[afterScheme...]) else { return nil }
        var end = domainEnd
        while end < text.endIndex, !text[end].isWhitespace, text[end] != "<" { end = text.index(after: end) }
        end = trimmed(text, from: domainEnd, to: end)
        let written = text[text.startIndex..<end]
        return Match(range: written.startIndex..<written.endIndex, url: scheme == "www." ? "http://" + written : String(written))
    }

    /// The end of a valid domain: segments of letters, digits, `_` and `-`
    /// separated by periods, at least one period, no `_` in the last two.
    private static func domain(_ text: Substring) -> String.Index? {
        var end = text.startIndex
        var segments: [Substring] = []
        var segmentStart = end
        while end < text.endIndex {
            let character = text[end]
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                end = text.index(after: end)
            } else if character == ".", end > segmentStart {
                let next = text.index(after: end)
                guard next < text.endIndex, text[next].isLetter || text[next].isNumber || text[next] == "-" || text[next] == "_" else { break }
                segments.append(text[segmentStart..<end])
                end = next
                segmentStart = end
            } else {
                break
            }
        }
        guard end > segmentStart else { return nil }
        segments.append(text[segmentStart..<end])
        guard segments.count >= 2, !segments.suffix(2).contains(where: { $0.contains("_") }) else { return nil }
        return end
    }

    /// Removes what GFM does not count as part of a link from its end.
    private static func trimmed(_ text: Substring, from start: String.Index, to end: String.Index) -> String.Index {
        var end = end
        while end > start {
            let last = text[text.index(before: end)]
            if "?!.,:*_~'\"".contains(last) {
                end = text.index(before: end)
            } else if last == ")" {
                let candidate = text[text.startIndex..<end]
                let opens = candidate.filter { $0 == "(" }.count
                let closes = candidate.filter { $0 == ")" }.count
                guard closes > opens else { break }
                end = text.index(before: end)
            } else if last == ";" {
                // `&hl;` at the end is an entity reference, not part of the link.
                var cursor = text.index(before: end)
                while cursor > start, text[text.index(before: cursor)].isLetter || text[text.index(before: cursor)].isNumber {
                    cursor = text.index(before: cursor)
                }
                guard cursor > start, text[text.index(before: cursor)] == "&" else { break }
                end = text.index(before: cursor)
            } else {
                break
            }
        }
        return end
    }

    /// `name@domain`: letters, digits and `.-_+` before the `@`; the domain
    /// has a period and does not end in `-` or `_`.
    private static func email(_ text: Substring) -> Match? {
        var at = text.startIndex
        while at < text.endIndex, text[at].isASCII, text[at].isLetter || text[at].isNumber || ".-_+".contains(text[at]) {
            at = text.index(after: at)
        }
        guard at > text.startIndex, at < text.endIndex, text[at] == "@" else { return nil }
        let domainStart = text.index(after: at)
        var end = domainStart
        var periods = 0
        while end < text.endIndex, text[end].isASCII, text[end].isLetter || text[end].isNumber || "-_.".contains(text[end]) {
            if text[end] == "." { periods += 1 }
            end = text.index(after: end)
        }
        // A trailing period ends the sentence, not the address.
        while end > domainStart, text[text.index(before: end)] == "." {
            end = text.index(before: end)
            periods -= 1
        }
        guard periods >= 1, let last = text[domainStart..<end].last, last != "-", last != "_" else { return nil }
        let written = text[text.startIndex..<end]
        return Match(range: written.startIndex..<written.endIndex, url: "mailto:" + written)
    }
}
