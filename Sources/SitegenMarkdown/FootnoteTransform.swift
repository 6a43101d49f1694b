import SitegenSupport

/// GitHub's footnotes: `[^label]` in the text refers to a note defined
/// anywhere in the page as `[^label]: text` (read by `BlockReader`, so cmark
/// never takes the definition for a link reference definition).
///
/// Notes are numbered in the order of their first reference, and listed at
/// the end of the page in a labelled section, as GitHub renders them:
///
///     text<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" aria-describedby="footnotes-label">1</a></sup>
///     ...
///     <section class="footnotes" aria-labelledby="footnotes-label">
///     <h2 id="footnotes-label">Footnotes</h2>
///     <ol>
///     <li id="fn-1">
///     <p>The note. <a href="#fnref-1" class="footnote-back" aria-label="Back to the text">↩︎</a></p>
///     </li>
///     </ol>
///     </section>
///
/// A reference to a label nobody defined stays text; a definition nobody
/// refers to is left out with a warning. Labels match without regard to case.
package enum FootnoteTransform {
    package static let unusedKind = "unused footnotes"

    /// Returns the ids it gave.
    package static func apply(to markdown: ParsedMarkdown, definitions: [(label: String, content: MarkdownNode, place: SourceLocation)],
                              labels: FootnoteLabels) -> Set<String> {
        guard !definitions.isEmpty else { return [] }
        var notes: [String: Note] = [:]
        for definition in definitions {
            let key = definition.label.lowercased()
            if notes[key] != nil {
                markdown.diagnostics.append(.warning("footnote '[^\(definition.label)]' is defined twice; the first definition is used",
                                                     at: definition.place))
                continue
            }
            notes[key] = Note(content: definition.content, place: definition.place)
        }
        let document = markdown.document
        var order: [String] = []
        // References in the text first, then in the notes (in the order the
        // notes got their numbers).
        var scopes = [document.root]
        var scopeIndex = 0
        while scopeIndex < scopes.count {
            let scope = scopes[scopeIndex]
            scopeIndex += 1
            document.consolidateText(in: scope)
            let texts = document.nodesBelow(scope, ofType: .text).filter { ($0.literal ?? "").contains("[^") }
            for text in texts {
                let referredFirst = link(text, notes: &notes, order: &order, labels: labels)
                scopes.append(contentsOf: referredFirst.map { notes[$0]!.content })
            }
        }

        var ids: Set<String> = ["footnotes-label"]
        let section = document.makeCustom(
            .customBlock,
            onEnter: "<section class=\"footnotes\" aria-labelledby=\"footnotes-label\">\n<h2 id=\"footnotes-label\">\(labels.titleInEnglish ? CalloutLabels.markedEnglish(HTMLEscaping.escape(labels.title)) : HTMLEscaping.escape(labels.title))</h2>\n<ol>",
            onExit: "</ol>\n</section>")
        for (index, key) in order.enumerated() {
            let number = index + 1
            let note = notes[key]!
            ids.insert("fn-\(number)")
            let item = document.makeCustom(.customBlock, onEnter: "<li id=\"fn-\(number)\">", onExit: "</li>")
            note.content.moveChildren(to: item)
            var paragraph = item.lastChild
            var separator = " "
            if paragraph?.type != .paragraph {
                paragraph = document.makeNode(.paragraph)
                item.append(paragraph!)
                separator = ""
            }
            for reference in 1...note.references {
                let id = referenceID(number, reference)
                ids.insert(id)
                let name = labels.backLink + (note.references > 1 ? " (\(reference))" : "")
                paragraph!.append(document.makeCustom(
                    .customInline,
                    onEnter: separator + "<a href=\"#\(id)\" class=\"footnote-back\" aria-label=\"\(HTMLEscaping.escape(name))\">↩\u{FE0E}</a>",
                    onExit: ""))
                separator = " "
            }
            section.append(item)
        }
        if !order.isEmpty {
            document.root.append(section)
        }
        for definition in definitions where notes[definition.label.lowercased()]?.references == 0 {
            markdown.diagnostics.append(.warning("footnote '[^\(definition.label)]' is defined but never referred to; it is left out",
                                                 at: definition.place).of(kind: unusedKind))
        }
        return ids
    }

    private struct Note {
        var content: MarkdownNode
        var place: SourceLocation
        var number = 0
        var references = 0
    }

    private static func referenceID(_ number: Int, _ reference: Int) -> String {
        reference == 1 ? "fnref-\(number)" : "fnref-\(number)-\(reference)"
    }

    /// Replaces each `[^label]` of a defined note in a text node by a
    /// reference; returns the keys of notes referred to for the first time.
    private static func link(_ text: MarkdownNode, notes: inout [String: Note], order: inout [String], labels: FootnoteLabels) -> [String] {
        guard let literal = text.literal else { return [] }
        var firstTime: [String] = []
        var pieces: [MarkdownNode] = []
        var rest = literal[...]
        let document = text.document
        while let open = rest.range(of: "[^") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "]") else { break }
            let label = afterOpen[..<close]
            let key = label.lowercased()
            guard !label.isEmpty, !label.contains(where: { $0 == " " || $0 == "\t" || $0 == "[" }), notes[key] != nil else {
                // Not a reference: keep the text up to after "[^".
                appendText(rest[..<open.upperBound], to: &pieces, document: document)
                rest = afterOpen
                continue
            }
            appendText(rest[..<open.lowerBound], to: &pieces, document: document)
            if notes[key]!.number == 0 {
                order.append(key)
                notes[key]!.number = order.count
                firstTime.append(key)
            }
            notes[key]!.references += 1
            let number = notes[key]!.number
            pieces.append(document.makeCustom(
                .customInline,
                onEnter: "<sup class=\"footnote-ref\"><a href=\"#fn-\(number)\" id=\"\(referenceID(number, notes[key]!.references))\" aria-describedby=\"footnotes-label\">\(number)</a></sup>",
                onExit: ""))
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        guard pieces.contains(where: { $0.type == .customInline }) else { return firstTime }
        appendText(rest, to: &pieces, document: document)
        for piece in pieces {
            text.insertBefore(piece)
        }
        text.unlink()
        return firstTime
    }

    private static func appendText(_ text: Substring, to pieces: inout [MarkdownNode], document: MarkdownDocument) {
        guard !text.isEmpty else { return }
        if let last = pieces.last, last.type == .text {
            last.literal = (last.literal ?? "") + text
            return
        }
        let node = document.makeNode(.text)
        node.literal = String(text)
        pieces.append(node)
    }
}
