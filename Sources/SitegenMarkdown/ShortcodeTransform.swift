import SitegenSupport

/// Puts each shortcode's partial where its placeholder stands in the cmark
/// tree (`MarkdownExpander` left them there).
///
/// A shortcode with Markdown inner text is two placeholders, opening and
/// closing, with the inner Markdown parsed in between as part of the page
/// (so its headings get ids, its links are checked). Its partial is
/// rendered once with a marker for the inner HTML, and split there: the
/// part before replaces the opening placeholder, the part after the
/// closing one. A placeholder alone in its paragraph replaces that
/// paragraph (a block); one in running text stays inline.
///
/// What goes in verbatim is only the partial's output: the theme's
/// template, with the author's arguments escaped by Mustache.
package enum ShortcodeTransform {
    /// What the partials' output holds that the theme loads a script for:
    /// a partial is the theme's HTML, so only its text tells.
    package struct Made {
        package var hasCode = false
        package var hasTabs = false
    }

    /// `only`: the numbers of the calls whose placeholders a piece of the
    /// page holds (`MarkdownChunks`); nil for every call.
    @discardableResult
    package static func apply(to markdown: ParsedMarkdown, calls: [ShortcodeCall], only: Range<Int>? = nil,
                              settings: ShortcodeSettings, labels: CalloutLabels) -> Made {
        var made = Made()
        guard !calls.isEmpty else { return made }
        let (opens, closes) = marks(in: markdown)
        for (number, call) in calls.enumerated() where only?.contains(number) ?? true {
            guard let open = opens[number] else {
                markdown.diagnostics.append(.error(
                    "shortcode '\(call.name)' cannot stand here (in a link target, an image description or code); move it into the text", at: call.location))
                continue
            }
            if let literal = call.literalText {
                open.onEnter = HTMLEscaping.escape(literal)
                continue
            }
            let close = closes[number]
            if let close, close.parent?.pointer != open.parent?.pointer,
               !(isAlone(open) && isAlone(close) && open.parent?.parent?.pointer == close.parent?.parent?.pointer) {
                markdown.diagnostics.append(.error(
                    "shortcode '\(call.name)' opens here and closes in another block (a list item, a quote); open and close it at the same level",
                    at: call.location))
                open.unlink()
                close.unlink()
                continue
            }
            let inner = call.innerText.map { HTMLEscaping.escape($0) } ?? (close == nil ? "" : ShortcodePlaceholder.inner)
            let html: String
            switch settings.render(call, inner, labels) {
            // A template file's last line break is not part of a shortcode in running text.
            case .success(let rendered): html = rendered.hasSuffix("\n") ? String(rendered.dropLast()) : rendered
            case .failure(let failure):
                markdown.diagnostics.append(.error(failure.message, at: call.location))
                html = ""
            }
            made.hasCode = made.hasCode || ByteSearch.contains(html, "<pre")
            made.hasTabs = made.hasTabs || ByteSearch.contains(html, TabsHTML.groupOpen)
            let (before, after) = split(html)
            if let close, let paragraph = open.parent, paragraph.type == .paragraph, open.previous == nil, close.next == nil,
               close.parent?.pointer == paragraph.pointer, open.next?.pointer != close.pointer {
                // A paragraph that is all one shortcode's inner text: the
                // partial's HTML goes around it, not inside the `p`.
                paragraph.insertBefore(markdown.document.makeCustom(.customBlock, onEnter: before, onExit: ""))
                paragraph.insertAfter(markdown.document.makeCustom(.customBlock, onEnter: after, onExit: ""))
                open.unlink()
                close.unlink()
                continue
            }
            place(before, at: open, in: markdown)
            if let close { place(after, at: close, in: markdown) }
        }
        return made
    }

    /// The output before and after the inner HTML's marker (all of it
    /// before when the partial does not show its inner text).
    private static func split(_ html: String) -> (String, String) {
        guard let marker = html.range(of: ShortcodePlaceholder.inner) else { return (html, "") }
        // Shown twice would repeat the inner HTML's ids; the first place counts.
        let after = String(html[marker.upperBound...]).replacing(ShortcodePlaceholder.inner, with: "")
        return (String(html[..<marker.lowerBound]), after)
    }

    /// Whether a mark is all its paragraph holds.
    private static func isAlone(_ mark: MarkdownNode) -> Bool {
        guard let parent = mark.parent, parent.type == .paragraph else { return false }
        return mark.previous == nil && mark.next == nil
    }

    /// Puts HTML where a mark is: in place of its paragraph when it is
    /// alone there, else inline.
    private static func place(_ html: String, at mark: MarkdownNode, in markdown: ParsedMarkdown) {
        if isAlone(mark), let paragraph = mark.parent {
            paragraph.replace(with: markdown.document.makeCustom(.customBlock, onEnter: html, onExit: ""))
        } else {
            mark.onEnter = html
        }
    }

    /// Splits every text node holding placeholders into text and one custom
    /// inline node per placeholder; returns those by call number.
    private static func marks(in markdown: ParsedMarkdown) -> (opens: [Int: MarkdownNode], closes: [Int: MarkdownNode]) {
        var opens: [Int: MarkdownNode] = [:]
        var closes: [Int: MarkdownNode] = [:]
        let start = Character(ShortcodePlaceholder.start)
        for node in markdown.document.nodes(ofType: .text) {
            guard let literal = node.literal, literal.contains(start) else { continue }
            let pieces = ShortcodePlaceholder.pieces(of: literal)
            guard pieces.contains(where: { if case .mark = $0 { true } else { false } }) else { continue }
            for piece in pieces {
                switch piece {
                case .text(let text):
                    let textNode = markdown.document.makeNode(.text)
                    textNode.literal = String(text)
                    node.insertBefore(textNode)
                case .mark(let number, let isClose):
                    let mark = markdown.document.makeCustom(.customInline, onEnter: "", onExit: "")
                    node.insertBefore(mark)
                    if isClose { closes[number] = mark } else { opens[number] = mark }
                }
            }
            node.unlink()
        }
        return (opens, closes)
    }
}
