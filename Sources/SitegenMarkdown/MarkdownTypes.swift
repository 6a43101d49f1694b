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

/// The five callout kinds of GitHub's alert syntax (`> [!NOTE]`): each has
/// its colour and icon in the theme. Every other admonition type maps onto one.
public enum CalloutKind: String, Sendable, CaseIterable {
    case note, tip, important, warning, caution

    /// The kind an admonition type (`CalloutType.canonical`) shows as:
    /// `danger` as `caution`, `info`, `example`, `quote`... as `note`.
    public init(type: String) {
        switch type.lowercased() {
        case "tip", "hint", "success", "question": self = .tip
        case "important": self = .important
        case "warning", "attention": self = .warning
        case "caution", "danger", "error", "failure", "bug": self = .caution
        default: self = .note
        }
    }
}

/// The visible titles of callouts in one language, by type (`note`,
/// `danger`...): the UI strings `callout.TYPE`.
public struct CalloutLabels: Sendable, Hashable {
    public var labels: [String: String]
    /// The types (or kinds) whose label is English standing in for a word
    /// the page's language lacks: their titles are marked `lang="en"`.
    public var inEnglish: Set<String> = []

    public init(_ labels: [String: String]) {
        self.labels = labels
    }

    public init(_ labels: [CalloutKind: String]) {
        self.labels = Dictionary(uniqueKeysWithValues: labels.map { ($0.key.rawValue, $0.value) })
    }

    /// The title for `kind`; English when this table lacks it (the site build
    /// reports a missing label as an error).
    public subscript(kind: CalloutKind) -> String {
        labels[kind.rawValue] ?? CalloutLabels.english.labels[kind.rawValue]!
    }

    /// The title for an admonition type: its own label, else its kind's.
    public subscript(type type: String) -> String {
        labels[type.lowercased()] ?? self[CalloutKind(type: type)]
    }

    /// The title as HTML: escaped, in a `<span lang="en" dir="ltr">` when
    /// it is English standing in.
    public func titleHTML(type: String) -> String {
        let escaped = HTMLEscaping.escape(self[type: type])
        let key = labels[type.lowercased()] != nil ? type.lowercased() : CalloutKind(type: type).rawValue
        return inEnglish.contains(key) ? Self.markedEnglish(escaped) : escaped
    }

    /// Escaped HTML marked as English, for a reader's screen reader.
    public static func markedEnglish(_ html: String) -> String {
        "<span lang=\"en\" dir=\"ltr\">\(html)</span>"
    }

    /// Whether this table has a title for the type (or its kind).
    public func hasLabel(type: String) -> Bool {
        labels[type.lowercased()] != nil || labels[CalloutKind(type: type).rawValue] != nil
    }

    /// The labels `sitegen markdown` uses; a site build passes its own per language.
    public static let english = CalloutLabels([
        "note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution",
        "hint": "Hint", "info": "Info", "abstract": "Abstract", "summary": "Summary", "success": "Success",
        "question": "Question", "attention": "Attention", "danger": "Danger", "error": "Error",
        "failure": "Failure", "bug": "Bug", "example": "Example", "quote": "Quote",
    ])
}

/// The words footnotes need in one language: the heading of the notes
/// section and the name of the link back to where a note is referenced.
public struct FootnoteLabels: Sendable, Hashable {
    public var title: String
    public var backLink: String
    /// The title is English standing in for the page's language: marked `lang="en"`.
    public var titleInEnglish = false

    public init(title: String, backLink: String) {
        self.title = title
        self.backLink = backLink
    }

    public static let english = FootnoteLabels(title: "Footnotes", backLink: "Back to the text")
}

/// Settings for one Markdown conversion.
public struct MarkdownOptions: Sendable {
    public var calloutLabels: CalloutLabels
    public var footnoteLabels: FootnoteLabels
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

    public init(calloutLabels: CalloutLabels = .english, footnoteLabels: FootnoteLabels = .english, reservedIDs: Set<String> = [],
                headingIDs: HeadingIDStyle = .github, rawHTML: RawHTMLPolicy = .drop, highlight: Bool = false,
                shortcodes: ShortcodeSettings = ShortcodeSettings(), images: Bool = false) {
        self.shortcodes = shortcodes
        self.images = images
        self.calloutLabels = calloutLabels
        self.footnoteLabels = footnoteLabels
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
    /// The types of callout that show their label (no title of their own),
    /// lowercased, with the place of the first.
    public var calloutLabelsUsed: [String: SourceLocation]
    public var diagnostics: [Diagnostic]
    /// The site-relative paths of the files the page includes (at any depth).
    public var includedFiles: Set<String> = []
    /// The `id`s written in kept raw HTML: anchors links may reach.
    public var htmlIDs: [String] = []
}
