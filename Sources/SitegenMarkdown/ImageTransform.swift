import SitegenSupport

/// Images as a reader's browser wants them: `width` and `height` from the
/// file (so the text does not jump when it loads), `loading="lazy"` and
/// `decoding="async"` for all but the page's first image (which is likely
/// in view at once), and an image with a title alone in its paragraph as a
/// `figure` with the title as its caption.
///
/// cmark still writes the `img` (its escaping and safe mode); this adds
/// attributes to what it wrote. Runs after links are rewritten.
package enum ImageTransform {
    /// `firstIsLazy`: the page's first image was a raw `img` before these.
    package static func apply(to markdown: ParsedMarkdown, images: [(node: MarkdownNode, size: ImageSize?)], firstIsLazy: Bool = false) {
        for (index, (node, size)) in images.enumerated() {
            let caption = node.title ?? ""
            let asFigure = !caption.isEmpty && node.previous == nil && node.next == nil && node.parent?.type == .paragraph
            if asFigure { node.title = "" }
            var html = markdown.document.renderHTML(node)
            guard html.hasSuffix(" />") else { continue }
            var attributes = ""
            if let size { attributes += " width=\"\(size.width)\" height=\"\(size.height)\"" }
            if index > 0 || firstIsLazy { attributes += " loading=\"lazy\" decoding=\"async\"" }
            html = String(html.dropLast(3)) + attributes + " />"
            if asFigure, let paragraph = node.parent {
                let figure = "<figure>\n" + html + "\n<figcaption>" + HTMLEscaping.escape(caption) + "</figcaption>\n</figure>\n"
                paragraph.replace(with: markdown.document.makeCustom(.customBlock, onEnter: figure, onExit: ""))
            } else {
                node.replace(with: markdown.document.makeCustom(.customInline, onEnter: html, onExit: ""))
            }
        }
    }
}
