import SitegenSupport
/// Markdown to HTML, the sitegen way: CommonMark by libcmark (safe mode, smart
/// punctuation), plus pipe tables, callouts and heading ids.
public enum MarkdownRenderer {
    /// Renders one Markdown file.
    ///
    /// - Parameter rewriteLink: called for every link and image destination; a
    ///   non-nil result replaces it in the HTML (the site build turns `page.md`
    ///   links into page URLs). `links` in the result keeps the destinations as written.
    /// - Parameter imageSize: the size of an image's file, for its `width`
    ///   and `height` (nil: unknown, as for an image on another site).
    public static func render(
        _ source: SourceText,
        options: MarkdownOptions = MarkdownOptions(),
        rewriteLink: (MarkdownLink) -> String? = { _ in nil },
        imageSize: (MarkdownLink) -> ImageSize? = { _ in nil }
    ) -> RenderedMarkdown {
        let census = MarkerCensus(source.text)
        var page = PageState()
        if let rendered = renderInPieces(source, census: census, options: options, rewriteLink: rewriteLink,
                                         imageSize: imageSize, page: &page) {
            return rendered
        }
        return render(source, census: census, options: options, rewriteLink: rewriteLink, imageSize: imageSize, page: &page)!
    }

    /// Renders a large page in pieces (`MarkdownChunks`); nil when it is
    /// small or cannot be cut exactly, with what was expanded already in
    /// `page` (it is not expanded again when rendered whole).
    static func renderInPieces(
        _ source: SourceText,
        census: MarkerCensus,
        options: MarkdownOptions,
        rewriteLink: (MarkdownLink) -> String?,
        imageSize: (MarkdownLink) -> ImageSize?,
        targetSize: Int = MarkdownChunks.targetSize,
        threshold: Int = MarkdownChunks.threshold,
        page: inout PageState
    ) -> RenderedMarkdown? {
        guard source.text.utf8.count >= threshold else { return nil }
        guard census.has(.directive) else {
            guard let chunks = MarkdownChunks(source.text, census: census, targetSize: targetSize, threshold: threshold) else { return nil }
            return renderPieces(chunks, of: source, census: census, options: options, rewriteLink: rewriteLink, imageSize: imageSize)
        }
        // Shortcodes and includes first; the expanded text is cut.
        guard let expanded = MarkdownExpander.expand(source, settings: options.shortcodes, census: census)
        else { return nil }
        page.expanded = expanded
        let paired = Set(ShortcodePlaceholder.numbers(in: expanded.text[...]).closes)
        guard let chunks = MarkdownChunks(expanded.text, census: MarkerCensus(expanded.text), pairedShortcodes: paired,
                                          targetSize: targetSize, threshold: threshold) else { return nil }
        return renderPieces(chunks, of: source, expanded: expanded, census: census, options: options,
                            rewriteLink: rewriteLink, imageSize: imageSize)
    }

    /// Renders a page, or one piece of it (`page.piece`) with what the
    /// pieces before it left in `page`. nil: the piece cannot be rendered
    /// alone (`PageState.piece` says what is checked).
    static func render(
        _ source: SourceText,
        census: MarkerCensus,
        options: MarkdownOptions,
        rewriteLink: (MarkdownLink) -> String?,
        imageSize: (MarkdownLink) -> ImageSize?,
        page: inout PageState
    ) -> RenderedMarkdown? {
        let expanded = page.expanded ?? MarkdownExpander.expand(source, settings: options.shortcodes, census: census)
        let markdown = ParsedMarkdown(source, expanded: expanded, census: census)
        if let piece = page.piece, !piece.isSelfContained(markdown) { return nil }
        // A block of another generator's syntax the piece leaves open would run on in the page.
        if let piece = page.piece, piece.isFollowed, markdown.diagnostics.contains(where: { $0.kind == BlockReader.unclosedKind }) {
            return nil
        }
        markdown.diagnostics += expanded?.diagnostics ?? []
        PipeTableTransform.apply(to: markdown)
        var shortcodes = ShortcodeTransform.Made()
        if let calls = expanded?.calls {
            shortcodes = ShortcodeTransform.apply(to: markdown, calls: calls, only: page.shortcodes, settings: options.shortcodes,
                                                  labels: options.calloutLabels)
        }
        let rawHTML = RawHTMLTransform.apply(to: markdown, policy: options.rawHTML, rewriteLink: rewriteLink, imageSize: imageSize,
                                             imagesBefore: page.imageSeen, reportDrops: page.piece == nil)
        // Blocks first: a code group reads its code blocks' fences.
        let blocks = BlockContainerTransform.apply(to: markdown, labels: options.calloutLabels, tabGroupsBefore: page.tabGroups)
        page.tabGroups = blocks.tabGroups
        let highlighted = !page.surveying && (options.highlight || options.fenceOptions)
            && CodeBlockTransform.apply(to: markdown, highlight: options.highlight, grouped: blocks.groupedCode)
        let githubCallouts = CalloutTransform.apply(to: markdown, labels: options.calloutLabels)
        page.calloutLabels = (githubCallouts, blocks.labelsUsed)
        let calloutTypes = githubCallouts.merging(blocks.labelsUsed) { first, _ in first }
        // Notes first, so the extensions below also read their text. A
        // large page's are numbered by a survey of its pieces first.
        var footnoteIDs: Set<String> = []
        var notes: (holder: MarkdownNode, items: [(number: Int, item: MarkdownNode)])?
        if page.surveying {
            guard FootnoteTransform.survey(markdown, definitions: blocks.footnotes, into: &page.footnotes) else { return nil }
        } else if page.piece != nil {
            notes = FootnoteTransform.applyToPiece(markdown, definitions: blocks.footnotes, plan: &page.footnotes,
                                                   labels: options.footnoteLabels)
        } else {
            footnoteIDs = FootnoteTransform.apply(to: markdown, definitions: blocks.footnotes, labels: options.footnoteLabels)
        }
        // GitHub's extras, each only when the page has its character (a
        // walk of the tree is most of their cost). cmark splits text at
        // brackets and other delimiters: they read it whole.
        let tasks = markdown.census.has(.taskBox)
        let strikes = markdown.census.has(.tilde)
        let autolinks = markdown.census.has(.autolink)
        if tasks || strikes || autolinks {
            markdown.document.consolidateText(in: markdown.document.root)
        }
        if tasks { TaskListTransform.apply(to: markdown) }
        if strikes { StrikethroughTransform.apply(to: markdown) }
        if autolinks { AutolinkTransform.apply(to: markdown) }
        ForeignSyntaxCheck.apply(to: markdown)
        // A piece's notes go to the page's end: their links, after the text's.
        notes?.holder.unlink()
        if page.surveying {
            page.blockIDs.formUnion(blocks.ids)
            page.explicitIDs.formUnion(HeadingAnchors.explicitIDs(in: markdown))
            return RenderedMarkdown(html: "", headings: [], links: [], calloutLabelsUsed: [:], diagnostics: [])
        }
        // A piece's headings continue the ids of the pieces before it, and
        // avoid what the whole page's blocks (`renderPieces` put them in
        // first) and `{#id}`s take.
        page.headingIDs.formUnion(options.reservedIDs.union(blocks.ids).union(footnoteIDs))
        var headings = HeadingAnchors.assign(in: markdown, taken: &page.headingIDs, nextNumber: &page.headingNumbers,
                                             pageExplicitIDs: page.explicitIDs, style: options.headingIDs)

        var images: [(node: MarkdownNode, size: ImageSize?)] = []
        // One walk for the links and for the code blocks left as cmark's
        // (no language, or highlighting off).
        var hasCode = highlighted || shortcodes.hasCode || rawHTML.hasCode
        func readLinks(below start: MarkdownNode) -> [MarkdownLink] {
            var links: [MarkdownLink] = []
            for node in markdown.document.nodesBelow(start, ofType: .link, .image, .codeBlock) {
                if node.type == .codeBlock {
                    hasCode = true
                    continue
                }
                let location = markdown.location(of: node)
                var link = MarkdownLink(
                    kind: node.type == .image ? .image : .link,
                    destination: node.url ?? "",
                    line: location.line ?? 1,
                    column: location.column ?? 1,
                    file: location.file == source.path ? nil : location.file)
                link.byName = link.kind == .link && expanded?.refTargets.contains(link.destination) == true
                links.append(link)
                if let rewritten = rewriteLink(link) {
                    node.url = rewritten
                }
                if link.kind == .image { images.append((node, imageSize(link))) }
            }
            return links
        }
        var links = readLinks(below: markdown.document.root)
        let noteLinks = notes?.items.map { readLinks(below: $0.item) } ?? []
        if options.images { ImageTransform.apply(to: markdown, images: images, firstIsLazy: rawHTML.leadsImages || page.imageSeen) }
        page.imageSeen = page.imageSeen || !images.isEmpty || rawHTML.hasImage
        page.rawHTML = rawHTML
        if page.piece == nil { links += rawHTML.links }

        // A piece's notes' headings get their ids after every piece's
        // headings, as in the whole page (`renderPieces`): a marker holds
        // the place of each id in the note's HTML meanwhile.
        var noteHeadings: [[Heading]] = []
        for note in notes?.items ?? [] {
            var found: [Heading] = []
            for node in markdown.document.nodesBelow(note.item, ofType: .heading) {
                let location = markdown.location(of: node)
                var heading = Heading(level: node.headingLevel, text: String(node.plainText.trimmingSpaces), id: PageState.noteHeadingMarker)
                heading.line = location.line
                heading.column = location.column
                if location.file != markdown.source.path { heading.file = location.file }
                found.append(heading)
                headings.append((node, heading))
            }
            noteHeadings.append(found)
        }

        // Headings last: each becomes custom HTML with its id, rendered by cmark
        // from its final inline content (after links were rewritten).
        for (node, heading) in headings {
            let html = markdown.document.renderHTML(node)
            // cmark writes "<hN>...</hN>\n"; add the id to the opening tag.
            let content = html.dropFirst(4).dropLast(html.hasSuffix("\n") ? 1 : 0)
            var classes = heading.classes.isEmpty ? "" : " class=\"\(HTMLEscaping.escape(heading.classes.joined(separator: " ")))\""
            for (name, value) in heading.attributes.sorted(by: { $0.key < $1.key }) {
                classes += " \(name)=\"\(HTMLEscaping.escape(value))\""
            }
            let anchored = markdown.document.makeCustom(
                .customBlock,
                onEnter: "<h\(heading.level) id=\"\(heading.id == PageState.noteHeadingMarker ? heading.id : HTMLEscaping.escape(heading.id))\"\(classes)>" + content,
                onExit: "")
            node.replace(with: anchored)
        }

        page.notes = notes?.items.enumerated().map { index, note in
            (note.number, markdown.document.renderHTML(note.item), noteLinks[index], noteHeadings[index])
        } ?? []

        return RenderedMarkdown(
            html: markdown.document.renderHTML(),
            headings: headings.map(\.heading).filter { $0.id != PageState.noteHeadingMarker },
            links: links,
            calloutLabelsUsed: calloutTypes,
            diagnostics: markdown.diagnostics,
            includedFiles: expanded?.includedFiles ?? [],
            htmlIDs: page.piece == nil ? rawHTML.ids + blocks.authorIDs : blocks.authorIDs,
            hasCode: hasCode,
            hasTabs: blocks.madeTabs || shortcodes.hasTabs || rawHTML.hasTabs)
    }

}
