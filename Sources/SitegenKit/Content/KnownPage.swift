import SitegenSupport

/// What reading a page file found (`SiteResolver.readPage`), kept by a
/// build before for a file whose version has not changed since
/// (`PageFacts` in the build cache): the page is made from it without
/// reading or parsing the file, whose body is read only if the page
/// renders. A page's facts come from its own file and path alone, never
/// from the settings, templates or other files.
///
/// A class: loading and resolving copy each of 20,000 of them a few
/// times, a retain each rather than one per string of its metadata.
package final class KnownPage: Sendable, Hashable {
    package let metadata: PageMetadata
    /// The front matter's YAML and its first line, for the readers of the
    /// whole front matter (a decision helper's words, the line of an
    /// original's `translationOf`); nil for other pages.
    package let frontMatterYAML: String?
    package let frontMatterLine: Int
    /// The warnings reading the file gave.
    package let diagnostics: [Diagnostic]
    /// The body, read from the file when asked for.
    package let body: MarkdownBody

    package init(metadata: PageMetadata, frontMatterYAML: String?, frontMatterLine: Int, diagnostics: [Diagnostic], body: MarkdownBody) {
        self.metadata = metadata
        self.frontMatterYAML = frontMatterYAML
        self.frontMatterLine = frontMatterLine
        self.diagnostics = diagnostics
        self.body = body
    }

    package static func == (lhs: KnownPage, rhs: KnownPage) -> Bool {
        lhs === rhs || (lhs.metadata, lhs.frontMatterYAML, lhs.frontMatterLine, lhs.diagnostics, lhs.body)
            == (rhs.metadata, rhs.frontMatterYAML, rhs.frontMatterLine, rhs.diagnostics, rhs.body)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(metadata)
        hasher.combine(body)
    }

    /// Whether a page's facts need its front matter's text (see `frontMatterYAML`).
    package static func keepsFrontMatter(_ metadata: PageMetadata) -> Bool {
        metadata.hasDecision || metadata.translationOf != nil
    }
}
