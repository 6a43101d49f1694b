import SitegenSupport
/// A heading of a rendered page, for tables of contents and anchor checks.
public struct Heading: Sendable, Hashable {
    public var level: Int
    /// Plain text (inline formatting removed).
    public var text: String
    /// The `id` attribute: readable, unique in the page.
    public var id: String
    /// Classes from a `{#id .class}` marker.
    public var classes: [String]
    /// Attributes from a `{lang=en dir=ltr data-x=y}` marker (only those).
    public var attributes: [String: String] = [:]
    /// Where the heading starts in the source.
    public var line: Int?
    public var column: Int?
    /// The file it was written in, when not the page's own (an included file).
    public var file: String?

    public init(level: Int, text: String, id: String, classes: [String] = []) {
        self.level = level
        self.text = text
        self.id = id
        self.classes = classes
    }
}

/// A link or image target written in the Markdown, with where it was written.
public struct MarkdownLink: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case link, image
    }

    public var kind: Kind
    /// The destination exactly as written (after cmark's unescaping).
    public var destination: String
    public var line: Int
    public var column: Int
    /// The file it was written in, when not the page's own (an included file).
    public var file: String?

    public init(kind: Kind, destination: String, line: Int, column: Int, file: String? = nil) {
        self.kind = kind
        self.destination = destination
        self.line = line
        self.column = column
        self.file = file
    }
}

/// The five callout kinds of GitHub's alert syntax (`> [!NOTE]`).
public enum CalloutKind: String, Sendable, CaseIterable {
    case note, tip, important, warning, caution
}

/// The visible titles of callouts in one language.
public struct CalloutLabels: Sendable, Hashable {
    public var labels: [CalloutKind: String]

    public init(_ labels: [CalloutKind: String]) {
        self.labels = labels
    }

    /// The title for `kind`; English when this table lacks it (the site build
    /// reports a missing label as an error).
    public subscript(kind: CalloutKind) -> String {
        labels[kind] ?? CalloutLabels.english.labels[kind]!
    }

    /// The labels `sitegen markdown` uses; a site build passes its own per language.
    public static let english = CalloutLabels([
        .note: "Note", .tip: "Tip", .important: "Important", .warning: "Warning", .caution: "Caution",
    ])
}

/// Settings for one Markdown conversion.
public struct MarkdownOptions: Sendable {
    public var calloutLabels: CalloutLabels
    /// Ids the page template already uses (`main`, `toc`...): headings avoid them.
    public var reservedIDs: Set<String>
    /// How headings without `{#id}` get their id.
    public var headingIDs: HeadingIDStyle
    /// Raw HTML in the Markdown: dropped (with a warning) or kept.
    public var rawHTML: RawHTMLPolicy
    /// Whether fenced code blocks are highlighted (`CodeBlockTransform`). Off
    /// here, so plain conversions match CommonMark's output; a site build
    /// turns it on unless `markdown.highlight: false`.
    public var highlight: Bool
    /// Shortcodes and includes: what the site has for the Markdown reader.
    public var shortcodes: ShortcodeSettings
    /// Whether images get sizes, lazy loading and figures (`ImageTransform`).
    /// Off here, so plain conversions match CommonMark's output; a site
    /// build turns it on.
    public var images: Bool

    public init(calloutLabels: CalloutLabels = .english, reservedIDs: Set<String> = [],
                headingIDs: HeadingIDStyle = .github, rawHTML: RawHTMLPolicy = .drop, highlight: Bool = false,
                shortcodes: ShortcodeSettings = ShortcodeSettings(), images: Bool = false) {
        self.shortcodes = shortcodes
        self.images = images
        self.calloutLabels = calloutLabels
        self.reservedIDs = reservedIDs
        self.headingIDs = headingIDs
        self.rawHTML = rawHTML
        self.highlight = highlight
    }
}

/// What a Markdown file becomes: an HTML fragment and what later stages need to
/// know about it.
public struct RenderedMarkdown: Sendable, Hashable {
    public var html: String
    public var headings: [Heading]
    /// Every link and image destination, in document order, as written.
    public var links: [MarkdownLink]
    /// The kinds of callout the page uses (so a build can check it has their titles).
    public var calloutKinds: Set<CalloutKind> { Set(calloutLabelsUsed.keys) }
    /// The kinds of callout that show their label (no title of their own),
    /// with the place of the first.
    public var calloutLabelsUsed: [CalloutKind: SourceLocation]
    public var diagnostics: [Diagnostic]
    /// The site-relative paths of the files the page includes (at any depth).
    public var includedFiles: Set<String> = []
    /// The `id`s written in kept raw HTML: anchors links may reach.
    public var htmlIDs: [String] = []
}
