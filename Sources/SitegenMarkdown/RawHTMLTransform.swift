import SitegenSupport

/// What happens to raw HTML written in Markdown (`markdown.rawHTML` in
/// `sitegen.yml`).
package enum RawHTMLPolicy: String, Sendable, Hashable, CaseIterable {
    /// Left out (`<!-- raw HTML omitted -->`), with one warning per file.
    case drop
    /// Kept as written. Link targets in Markdown are still made safe; the
    /// HTML itself is the author's.
    case allow
}

/// Raw HTML by choice. cmark renders in safe mode whatever the policy (so
/// `javascript:` link targets in Markdown stay emptied); to allow raw HTML,
/// each raw HTML node becomes a custom node with the same text, which cmark
/// writes as it is. To drop it, cmark's safe mode does the work and one
/// warning says how much was left out and where the first is.
///
/// Kept raw HTML is still the site's: the `src` of an `img` and the `href`
/// of an `a` are checked and rewritten like Markdown links (so they work
/// from a sub-folder), an `img` without a size gets its file's and, unless
/// it is the page's first image or says otherwise, `loading="lazy"` and
/// `decoding="async"` (as Markdown images do), and every `id` counts as an
/// anchor.
package enum RawHTMLTransform {
    /// What kept raw HTML holds: its links (as written) and ids.
    package struct Found {
        package var links: [MarkdownLink] = []
        package var ids: [String] = []
        /// The page's first image is a raw `img`: every Markdown image is lazy.
        package var leadsImages = false
        /// It holds a `<pre>` or a group of tabs (the theme loads its scripts for them).
        package var hasCode = false
        package var hasTabs = false
        /// The text holds a raw `img` or a Markdown image (kept raw HTML only).
        package var hasImage = false
        /// What was dropped (`.drop`), for the page's one warning.
        package var dropped = Dropped()
    }

    /// Raw HTML left out of a page (comments aside), and where the first was.
    package struct Dropped {
        package var blocks = 0
        package var tags = 0
        package var first: SourceLocation?

        package mutating func add(_ other: Dropped, lineOffset: Int) {
            if first == nil, var place = other.first {
                place.line = place.line.map { $0 + lineOffset }
                first = place
            }
            blocks += other.blocks
            tags += other.tags
        }

        /// The page's one warning.
        package var warning: Diagnostic? {
            guard let first else { return nil }
            var what: [String] = []
            if blocks > 0 { what.append("\(blocks) raw HTML block\(blocks == 1 ? "" : "s")") }
            if tags > 0 { what.append("\(tags) raw HTML tag\(tags == 1 ? "" : "s")") }
            return .warning(
                "\(what.joined(separator: " and ")) dropped (first here); set markdown.rawHTML: allow in sitegen.yml to keep them",
                at: first).of(kind: "files with raw HTML dropped")
        }
    }

    @discardableResult
    package static func apply(to markdown: ParsedMarkdown, policy: RawHTMLPolicy,
                              rewriteLink: (MarkdownLink) -> String? = { _ in nil },
                              imageSize: (MarkdownLink) -> ImageSize? = { _ in nil },
                              imagesBefore: Bool = false, reportDrops: Bool = true) -> Found {
        var found = Found()
        guard markdown.census.has(.lessThan) else { return found }
        let nodes = markdown.document.nodes(ofType: .htmlBlock, .htmlInline)
        switch policy {
        case .allow:
            let leading = markdown.document.nodes(ofType: .image, .htmlBlock, .htmlInline).first {
                $0.type == .image || ($0.literal ?? "").lowercased().contains("<img")
            }
            // The page's earlier pieces (`MarkdownChunks`) may have had its first image.
            found.hasImage = leading != nil
            found.leadsImages = !imagesBefore && leading != nil && leading?.type != .image
            var eagerImage = found.leadsImages
            for node in nodes {
                ForeignSyntaxCheck.checkRawHTML(node, in: markdown)
                var literal = node.literal ?? ""
                if literal.contains("=") {
                    literal = rewrite(literal, at: markdown.location(of: node), found: &found, eagerImage: &eagerImage,
                                      rewriteLink: rewriteLink, imageSize: imageSize)
                }
                found.hasCode = found.hasCode || ByteSearch.contains(literal, "<pre")
                found.hasTabs = found.hasTabs || ByteSearch.contains(literal, TabsHTML.groupOpen)
                let custom = markdown.document.makeCustom(node.type == .htmlBlock ? .customBlock : .customInline,
                                                          onEnter: literal, onExit: "")
                node.replace(with: custom)
            }
        case .drop:
            // Comments hide nothing a reader would miss.
            let dropped = nodes.filter { !($0.literal ?? "").trimmingWhitespace.hasPrefix("<!--") }
            guard let first = dropped.first else { return found }
            found.dropped.blocks = dropped.filter { $0.type == .htmlBlock }.count
            found.dropped.tags = dropped.count - found.dropped.blocks
            found.dropped.first = markdown.location(of: first)
            if reportDrops, let warning = found.dropped.warning { markdown.diagnostics.append(warning) }
        }
        return found
    }

    /// One piece of raw HTML with its `img` and `a` targets rewritten and
    /// its ids collected.
    private static func rewrite(_ html: String, at start: SourceLocation, found: inout Found, eagerImage: inout Bool,
                                rewriteLink: (MarkdownLink) -> String?, imageSize: (MarkdownLink) -> ImageSize?) -> String {
        var edits: [(Range<String.Index>, String)] = []
        for tag in HTMLAttributes.tags(named: nil, in: html) {
            found.ids += tag.attributes.filter { $0.name == "id" && !$0.value.isEmpty }.map(\.value)
            let target = tag.name == "img" ? "src" : tag.name == "a" ? "href" : nil
            guard let target, let attribute = tag.attributes.first(where: { $0.name == target }), let range = attribute.valueRange else { continue }
            let before = html[..<range.lowerBound]
            let lineBreaks = before.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            let lineStart = before.lastIndex(of: "\n").map { html.index(after: $0) }
            let column = lineStart.map { html[$0..<range.lowerBound].unicodeScalars.count + 1 }
                ?? (start.column ?? 1) + before.unicodeScalars.count
            let link = MarkdownLink(kind: tag.name == "img" ? .image : .link, destination: attribute.value,
                                    line: (start.line ?? 1) + lineBreaks, column: column, file: start.file)
            found.links.append(link)
            if let rewritten = rewriteLink(link) { edits.append((range, HTMLEscaping.escape(rewritten))) }
            guard tag.name == "img" else { continue }
            // Right after the tag's name: `<img width="..." height="..." loading="lazy" decoding="async" src=...`.
            let afterName = html.index(tag.range.lowerBound, offsetBy: 1 + tag.name.count)
            var added = ""
            if !tag.attributes.contains(where: { $0.name == "width" || $0.name == "height" }), let size = imageSize(link) {
                added += " width=\"\(size.width)\" height=\"\(size.height)\""
            }
            if eagerImage {
                eagerImage = false
            } else {
                if !tag.attributes.contains(where: { $0.name == "loading" }) { added += " loading=\"lazy\"" }
                if !tag.attributes.contains(where: { $0.name == "decoding" }) { added += " decoding=\"async\"" }
            }
            if !added.isEmpty { edits.append((afterName..<afterName, added)) }
        }
        guard !edits.isEmpty else { return html }
        // Built anew from the original's pieces: indices of a changed string are not valid.
        var result = ""
        var copied = html.startIndex
        for (range, text) in edits.sorted(by: { $0.0.lowerBound < $1.0.lowerBound }) {
            result += html[copied..<range.lowerBound]
            result += text
            copied = range.upperBound
        }
        return result + html[copied...]
    }
}
