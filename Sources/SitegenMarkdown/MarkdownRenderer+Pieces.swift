import SitegenSupport

/// What the pieces of a page (`MarkdownChunks`) hand on to the next: the
/// ids its headings took, whether an image came already (the first is not
/// lazy), the groups of tabs numbered, and the raw HTML of the piece just
/// rendered.
struct PageState {
    /// The piece being rendered; nil when the page is rendered whole.
    var piece: Piece?
    var headingIDs: Set<String> = []
    var headingNumbers: [String: Int] = [:]
    var imageSeen = false
    var tabGroups = 0
    var rawHTML = RawHTMLTransform.Found()
    /// What the whole page reserves before any automatic heading id: the
    /// ids of its blocks (tabs, `attrs: {id}`) and its headings' `{#id}`s,
    /// found by a survey of every piece first (`surveyPieces`).
    var blockIDs: Set<String> = []
    var explicitIDs: Set<String> = []
    /// Set while surveying: `render` stops before the headings get ids and
    /// adds the piece's to `blockIDs` and `explicitIDs`.
    var surveying = false
    /// The page's (or the piece's) text with shortcodes and includes
    /// expanded, when that was done before it was cut; and the numbers of
    /// the shortcodes whose placeholders the piece holds.
    var expanded: ExpandedMarkdown?
    var shortcodes: Range<Int>?
    /// The page's footnotes, numbered by the survey; and the notes first
    /// defined in the piece just rendered, listed at the page's end.
    var footnotes = FootnotePlan()
    /// The callout types titled by their label in the piece, with the place
    /// of the first: GitHub's (`> [!NOTE]`), then other generators' blocks,
    /// which the page's GitHub callouts come before (as in a whole render).
    var calloutLabels: (github: [String: SourceLocation], blocks: [String: SourceLocation]) = ([:], [:])
    var notes: [(number: Int, html: String, links: [MarkdownLink], headings: [Heading])] = []
    /// Stands for a note's heading's id in its HTML until every piece's
    /// headings have theirs.
    static let noteHeadingMarker = "\u{1}sitegen-note-heading\u{1}"

    /// A note's headings' ids, after every piece's headings (as the whole
    /// page's render gives them): put in place of the markers in its HTML
    /// and listed in `headings`. nil: the note's text holds a marker too.
    mutating func giveIDs(to noteHeadings: [Heading], in html: String, headings: inout [Heading], style: HeadingIDStyle) -> String? {
        var parts = html.components(separatedBy: Self.noteHeadingMarker)
        guard parts.count == noteHeadings.count + 1 else { return nil }
        var result = parts.removeFirst()
        for (heading, part) in zip(noteHeadings, parts) {
            var named = heading
            named.id = HeadingAnchors.automaticID(heading.text, taken: &headingIDs, nextNumber: &headingNumbers,
                                                  pageExplicitIDs: explicitIDs, style: style)
            headings.append(named)
            result += HTMLEscaping.escape(named.id) + part
        }
        return result
    }

    /// Starts on a piece: what `render` is given for it.
    mutating func enter(_ chunk: MarkdownChunks.Chunk, of source: SourceText, expanded page: ExpandedMarkdown?) -> SourceText {
        piece = Piece(chunk)
        let text = String(chunk.text) + chunk.definitions
        if let page {
            expanded = page.piece(text, firstLine: chunk.firstLine)
            let opens = ShortcodePlaceholder.numbers(in: chunk.text).opens
            shortcodes = (opens.min() ?? 0)..<((opens.max() ?? -1) + 1)
        }
        return SourceText(normalized: text, path: source.path)
    }

    /// One piece of a page, and what makes it safe to render alone.
    struct Piece {
        /// Lines of the page's own text in the piece (definitions follow).
        var ownLines: Int
        /// Text follows the piece's own (the next piece, or definitions).
        var isFollowed: Bool
        var definitionLines: [Int]

        init(_ chunk: MarkdownChunks.Chunk) {
            let newlines = chunk.text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            ownLines = newlines + (chunk.text.hasSuffix("\n") ? 0 : 1)
            isFollowed = chunk.endsBeforeNext || !chunk.definitions.isEmpty
            definitionLines = chunk.definitionLines
        }

        /// Whether cmark's tree of the piece is the page's: its last block is
        /// closed within the piece (not a fence or an HTML block left open,
        /// which in the page would run on), and every definition line other
        /// pieces were given is a definition here (in no block).
        func isSelfContained(_ markdown: ParsedMarkdown) -> Bool {
            let blocks = markdown.document.root.children
            if isFollowed, let last = blocks.last, !isClosed(last, in: markdown) { return false }
            var index = 0
            for line in definitionLines {
                while index < blocks.count, blocks[index].endLine < line { index += 1 }
                if index < blocks.count, blocks[index].startLine <= line { return false }
            }
            return true
        }

        /// A fence is closed by its last line; an HTML block of types 1 to 5
        /// by its end marker, which cmark counts in the line after its end.
        /// Other blocks end at a blank line or before a line at column 0.
        private func isClosed(_ block: MarkdownNode, in markdown: ParsedMarkdown) -> Bool {
            guard block.type == .codeBlock || block.type == .htmlBlock, block.startLine >= 1 else { return true }
            let start = block.startLine
            let ends = [block.endLine, block.endLine + 1].filter { $0 > start && $0 <= ownLines }
            var first = String(markdown.lines.line(start))
            return first.withUTF8 { firstBytes in
                let indent = firstBytes.prefix { $0 == UInt8(ascii: " ") }.count
                guard indent <= 3 else { return true }
                let opening = firstBytes[indent...]
                let isClosedBy = { (line: Int, test: (Slice<UnsafeBufferPointer<UInt8>>) -> Bool) -> Bool in
                    var text = String(markdown.lines.line(line))
                    return text.withUTF8 { bytes in test(bytes[...]) }
                }
                if block.type == .codeBlock {
                    guard let fence = BlockScanner.openingFence(opening) else { return true }
                    return ends.contains { end in
                        isClosedBy(end) { line in
                            let closingIndent = line.prefix { $0 == UInt8(ascii: " ") }.count
                            return closingIndent <= 3
                                && BlockScanner.isClosingFence(line.dropFirst(closingIndent), marker: fence.marker, length: fence.length)
                        }
                    }
                }
                guard let (startLength, marker) = BlockScanner.htmlBlockEnd(opening) else { return true }
                if BlockScanner.contains(opening.dropFirst(startLength), marker) { return true }
                return ends.contains { end in isClosedBy(end) { BlockScanner.contains($0, marker) } }
            }
        }
    }
}

extension MarkdownRenderer {
    /// Renders a page piece by piece, each piece's cmark tree freed before
    /// the next is parsed. nil: a piece was not self-contained; render the
    /// page whole.
    /// - Parameter expanded: the page's text with its shortcodes and
    ///   includes expanded, which `chunks` cut; its lines name their files.
    static func renderPieces(
        _ chunks: MarkdownChunks,
        of source: SourceText,
        expanded: ExpandedMarkdown? = nil,
        census: MarkerCensus,
        options: MarkdownOptions,
        rewriteLink: (MarkdownLink) -> String?,
        imageSize: (MarkdownLink) -> ImageSize?
    ) -> RenderedMarkdown? {
        var page = PageState()
        if chunks.mayHaveExplicitIDs || chunks.mayHaveFootnotes || census.has(.markerRun) {
            guard surveyPieces(chunks, of: source, expanded: expanded, census: census, options: options, page: &page) else { return nil }
            page.headingIDs = page.blockIDs.union(page.footnotes.ids)
        }
        var result = RenderedMarkdown(html: "", headings: [], links: [], calloutLabelsUsed: [:], diagnostics: [])
        // Room the HTML will likely need, so it is not copied as it grows
        // (a copy is the whole HTML twice); memory not written is not used.
        result.html.reserveCapacity(source.text.utf8.count * 2)
        var rawLinks: [MarkdownLink] = []
        var rawIDs: [String] = []
        var authorIDs: [String] = []
        var dropped = RawHTMLTransform.Dropped()
        var notes: [Int: (html: String, links: [MarkdownLink], headings: [Heading])] = [:]
        var githubCallouts: [String: SourceLocation] = [:], blockCallouts: [String: SourceLocation] = [:]
        for chunk in chunks.chunks {
            let text = page.enter(chunk, of: source, expanded: expanded)
            // Links and places are reported against the piece's lines: move
            // them to the page's (an expanded text's lines name their own).
            let offset = expanded == nil ? chunk.firstLine : 0
            let shift = { (location: SourceLocation) -> SourceLocation in
                var moved = location
                if moved.file == source.path { moved.line = moved.line.map { $0 + offset } }
                return moved
            }
            guard let part = render(text, census: census, options: options,
                                    rewriteLink: { link in rewriteLink(link.shifted(by: offset, in: source.path)) },
                                    imageSize: { link in imageSize(link.shifted(by: offset, in: source.path)) },
                                    page: &page)
            else { return nil }
            result.html += part.html
            result.headings += part.headings.map { heading in
                var moved = heading
                if moved.file == nil { moved.line = moved.line.map { $0 + offset } }
                return moved
            }
            result.links += part.links.map { $0.shifted(by: offset, in: source.path) }
            rawLinks += page.rawHTML.links.map { $0.shifted(by: offset, in: source.path) }
            result.diagnostics += part.diagnostics.map { diagnostic in
                var moved = diagnostic
                if moved.file == source.path { moved.line = moved.line.map { $0 + offset } }
                return moved
            }
            githubCallouts.merge(page.calloutLabels.github.mapValues(shift)) { first, _ in first }
            blockCallouts.merge(page.calloutLabels.blocks.mapValues(shift)) { first, _ in first }
            result.includedFiles.formUnion(part.includedFiles)
            result.hasCode = result.hasCode || part.hasCode
            result.hasTabs = result.hasTabs || part.hasTabs
            rawIDs += page.rawHTML.ids
            authorIDs += part.htmlIDs
            dropped.add(page.rawHTML.dropped, lineOffset: offset)
            for note in page.notes {
                let headings = note.headings.map { heading in
                    var moved = heading
                    if moved.file == nil { moved.line = moved.line.map { $0 + offset } }
                    return moved
                }
                notes[note.number] = (note.html, note.links.map { $0.shifted(by: offset, in: source.path) }, headings)
            }
        }
        // The notes, listed at the end in the order of their numbers, as
        // the whole page's render lists them.
        if !page.footnotes.numbers.isEmpty {
            guard notes.count == page.footnotes.numbers.count else { return nil }
            if !result.html.isEmpty, !result.html.hasSuffix("\n") { result.html += "\n" }
            result.html += FootnoteTransform.sectionOpening(options.footnoteLabels) + "\n"
            for number in 1...notes.count {
                let note = notes[number]!
                if note.headings.isEmpty {
                    result.html += note.html
                } else {
                    guard let html = page.giveIDs(to: note.headings, in: note.html, headings: &result.headings, style: options.headingIDs)
                    else { return nil }
                    result.html += html
                }
                result.links += note.links
            }
            result.html += FootnoteTransform.sectionClosing + "\n"
        }
        result.links += rawLinks
        result.calloutLabelsUsed = githubCallouts.merging(blockCallouts) { first, _ in first }
        result.htmlIDs = rawIDs + authorIDs
        // The reader warns of blocks nested too deep once per page.
        var warnedDeep = false
        result.diagnostics = result.diagnostics.filter { diagnostic in
            guard diagnostic.message.hasPrefix(BlockReader.tooDeepMessage) else { return true }
            defer { warnedDeep = true }
            return !warnedDeep
        }
        if let warning = dropped.warning { result.diagnostics.append(warning) }
        return result
    }
}

extension MarkdownRenderer {
    /// Finds, before any piece is rendered, what the whole page reserves
    /// before its first automatic heading id (`PageState.blockIDs`,
    /// `explicitIDs`), and numbers its footnotes (`FootnotePlan`). A piece
    /// costs a second parse, without highlighting or HTML. false: a piece
    /// is not self-contained, or a note cannot be listed from its piece.
    static func surveyPieces(_ chunks: MarkdownChunks, of source: SourceText, expanded: ExpandedMarkdown?, census: MarkerCensus,
                             options: MarkdownOptions, page: inout PageState) -> Bool {
        var survey = PageState()
        survey.surveying = true
        for chunk in chunks.chunks {
            let text = survey.enter(chunk, of: source, expanded: expanded)
            guard render(text, census: census, options: options, rewriteLink: { _ in nil }, imageSize: { _ in nil },
                         page: &survey) != nil else { return false }
        }
        page.blockIDs = survey.blockIDs
        page.explicitIDs = survey.explicitIDs
        page.footnotes = survey.footnotes
        page.footnotes.number()
        return true
    }
}

extension MarkdownLink {
    /// The same link, `lines` further down the page (when in the page's own file).
    func shifted(by lines: Int, in page: String) -> MarkdownLink {
        guard file == nil || file == page else { return self }
        var moved = self
        moved.line += lines
        return moved
    }
}
