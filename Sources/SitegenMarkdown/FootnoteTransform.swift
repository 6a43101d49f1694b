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

    package typealias Definition = (label: String, content: MarkdownNode, place: SourceLocation)

    /// Returns the ids it gave.
    package static func apply(to markdown: ParsedMarkdown, definitions: [Definition], labels: FootnoteLabels) -> Set<String> {
        guard !definitions.isEmpty else { return [] }
        var notes: [String: Note] = [:]
        for definition in definitions {
            let key = definition.label.lowercased()
            if notes[key] != nil {
                markdown.diagnostics.append(definedTwice(definition))
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
            for text in texts(in: scope, of: document) {
                link(text) { key in
                    guard notes[key] != nil else { return nil }
                    if notes[key]!.number == 0 {
                        order.append(key)
                        notes[key]!.number = order.count
                        scopes.append(notes[key]!.content)
                    }
                    notes[key]!.references += 1
                    return FootnotePlan.Reference(number: notes[key]!.number, count: notes[key]!.references)
                }
            }
        }

        var ids: Set<String> = ["footnotes-label"]
        let section = document.makeCustom(.customBlock, onEnter: sectionOpening(labels), onExit: sectionClosing)
        for (index, key) in order.enumerated() {
            let number = index + 1
            let note = notes[key]!
            ids.insert("fn-\(number)")
            ids.formUnion((1...note.references).map { referenceID(number, $0) })
            section.append(item(number, content: note.content, references: note.references, labels: labels, in: document))
        }
        if !order.isEmpty {
            document.root.append(section)
        }
        for definition in definitions where notes[definition.label.lowercased()]?.references == 0 {
            markdown.diagnostics.append(unused(definition))
        }
        return ids
    }

    // MARK: A large page's pieces

    /// Surveys a piece of a large page (`FootnotePlan`). false: a note
    /// holds an image (which the whole page's render puts after every
    /// other: which image is the page's first), or a heading with a `{`
    /// (which may set its id: the whole render takes a note's `{#id}`
    /// before every automatic id): the page is rendered whole. A note's
    /// other headings get their ids after the pieces (`renderPieces`).
    static func survey(_ markdown: ParsedMarkdown, definitions: [Definition], into plan: inout FootnotePlan) -> Bool {
        let document = markdown.document
        if markdown.census.has(.footnote) {
            plan.surveyText(names: texts(in: document.root, of: document).flatMap(names))
        }
        for definition in definitions {
            let content = definition.content
            guard plan.surveyDefinition(definition.label.lowercased(), names: texts(in: content, of: document).flatMap(names))
            else { continue }
            var isExact = true
            document.walk(from: content) { event, node in
                if node.type == .image || (node.type == .heading && node.plainText.contains("{")) { isExact = false }
            }
            if !isExact { return false }
        }
        return true
    }

    /// Numbers a piece's references as `plan` says, and makes the list item
    /// of each note first defined in it, appended to the piece in a holder
    /// (so that the transforms after this one read the notes too, as they
    /// do the whole page's list). The pieces' items are listed at the end
    /// of the page (`renderPieces`).
    static func applyToPiece(_ markdown: ParsedMarkdown, definitions: [Definition], plan: inout FootnotePlan,
                             labels: FootnoteLabels) -> (holder: MarkdownNode, items: [(number: Int, item: MarkdownNode)])? {
        let document = markdown.document
        if markdown.census.has(.footnote), !plan.numbers.isEmpty {
            for text in texts(in: document.root, of: document) {
                link(text) { plan.nextTextReference(to: $0) }
            }
        }
        var items: [(number: Int, item: MarkdownNode)] = []
        for definition in definitions {
            let key = definition.label.lowercased()
            let isFirst = plan.render(definitionOf: key)
            if !isFirst { markdown.diagnostics.append(definedTwice(definition)) }
            guard let number = plan.numbers[key] else {
                markdown.diagnostics.append(unused(definition))
                continue
            }
            guard isFirst else { continue }
            var references = plan.references(inNote: key)[...]
            for text in texts(in: definition.content, of: document) {
                link(text) { label in plan.numbers[label] == nil ? nil : references.popFirst() }
            }
            items.append((number, item(number, content: definition.content, references: plan.referenceCounts[key]!,
                                       labels: labels, in: document)))
        }
        guard !items.isEmpty else { return nil }
        let holder = document.makeCustom(.customBlock, onEnter: "", onExit: "")
        for (_, item) in items { holder.append(item) }
        document.root.append(holder)
        return (holder, items)
    }

    // MARK: Parts

    /// The list's start, then each item's HTML, then `sectionClosing`: cmark
    /// puts a line break after each (a custom block's `cr`).
    static func sectionOpening(_ labels: FootnoteLabels) -> String {
        let title = labels.titleInEnglish ? CalloutLabels.markedEnglish(HTMLEscaping.escape(labels.title)) : HTMLEscaping.escape(labels.title)
        return "<section class=\"footnotes\" aria-labelledby=\"footnotes-label\">\n<h2 id=\"footnotes-label\">\(title)</h2>\n<ol>"
    }

    static let sectionClosing = "</ol>\n</section>"

    /// A note's list item: its content, then a link back to each reference.
    private static func item(_ number: Int, content: MarkdownNode, references: Int, labels: FootnoteLabels,
                             in document: MarkdownDocument) -> MarkdownNode {
        let item = document.makeCustom(.customBlock, onEnter: "<li id=\"fn-\(number)\">", onExit: "</li>")
        content.moveChildren(to: item)
        var paragraph = item.lastChild
        var separator = " "
        if paragraph?.type != .paragraph {
            paragraph = document.makeNode(.paragraph)
            item.append(paragraph!)
            separator = ""
        }
        for reference in 1...references {
            let name = labels.backLink + (references > 1 ? " (\(reference))" : "")
            paragraph!.append(document.makeCustom(
                .customInline,
                onEnter: separator + "<a href=\"#\(referenceID(number, reference))\" class=\"footnote-back\" aria-label=\"\(HTMLEscaping.escape(name))\">↩\u{FE0E}</a>",
                onExit: ""))
            separator = " "
        }
        return item
    }

    private static func definedTwice(_ definition: Definition) -> Diagnostic {
        .warning("footnote '[^\(definition.label)]' is defined twice; the first definition is used", at: definition.place)
    }

    private static func unused(_ definition: Definition) -> Diagnostic {
        .warning("footnote '[^\(definition.label)]' is defined but never referred to; it is left out", at: definition.place)
            .of(kind: unusedKind)
    }

    /// The text nodes below `scope` that may hold a reference, merged first.
    private static func texts(in scope: MarkdownNode, of document: MarkdownDocument) -> [MarkdownNode] {
        document.consolidateText(in: scope)
        return document.nodesBelow(scope, ofType: .text).filter { ($0.literal ?? "").contains("[^") }
    }

    /// The labels (lowercased) a text node names as `[^label]`.
    private static func names(_ text: MarkdownNode) -> [String] {
        var names: [String] = []
        link(text) { label in
            names.append(label)
            return nil
        }
        return names
    }

    private struct Note {
        var content: MarkdownNode
        var place: SourceLocation
        var number = 0
        var references = 0
    }

    static func referenceID(_ number: Int, _ reference: Int) -> String {
        reference == 1 ? "fnref-\(number)" : "fnref-\(number)-\(reference)"
    }

    /// Replaces each `[^label]` in a text node that `refer` (given the
    /// label, lowercased) makes a reference by one. Which `[^...]` are
    /// labels does not depend on `refer`: a label holds no `[`, so the
    /// next one starts after it either way.
    private static func link(_ text: MarkdownNode, refer: (String) -> FootnotePlan.Reference?) {
        guard let literal = text.literal else { return }
        var pieces: [MarkdownNode] = []
        var rest = literal[...]
        let document = text.document
        while let open = rest.range(of: "[^") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "]") else { break }
            let label = afterOpen[..<close]
            guard !label.isEmpty, !label.contains(where: { $0 == " " || $0 == "\t" || $0 == "[" }),
                  let reference = refer(label.lowercased()) else {
                // Not a reference: keep the text up to after "[^".
                appendText(rest[..<open.upperBound], to: &pieces, document: document)
                rest = afterOpen
                continue
            }
            appendText(rest[..<open.lowerBound], to: &pieces, document: document)
            let number = reference.number
            pieces.append(document.makeCustom(
                .customInline,
                onEnter: "<sup class=\"footnote-ref\"><a href=\"#fn-\(number)\" id=\"\(referenceID(number, reference.count))\" aria-describedby=\"footnotes-label\">\(number)</a></sup>",
                onExit: ""))
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        guard pieces.contains(where: { $0.type == .customInline }) else { return }
        appendText(rest, to: &pieces, document: document)
        for piece in pieces {
            text.insertBefore(piece)
        }
        text.unlink()
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
