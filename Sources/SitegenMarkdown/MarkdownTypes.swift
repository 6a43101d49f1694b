import SitegenSupport
/// A heading of a rendered page, for tables of contents and anchor checks.
public struct Heading: Sendable, Hashable {
    /// 1 to 6.
    public var level: Int
    /// Plain text (inline formatting removed).
    public var text: String
    /// The `id` attribute: readable, unique in the page.
    public var id: String
    /// Classes from a `{#id .class}` marker.
    package var classes: [String]
    /// Attributes from a `{lang=en dir=ltr data-x=y}` marker (only those).
    package var attributes: [String: String] = [:]
    /// Where the heading starts in the source.
    public var line: Int?
    /// Where the heading is in the Markdown file.
    public var column: Int?
    /// The file it was written in, when not the page's own (an included file).
    package var file: String?

    package init(level: Int, text: String, id: String, classes: [String] = []) {
        self.level = level
        self.text = text
        self.id = id
        self.classes = classes
    }
}

/// A link or image target written in the Markdown, with where it was written.
public struct MarkdownLink: Sendable, Hashable {
    /// A link or an image.
    public enum Kind: Sendable, Hashable {
        case link, image
    }

    /// Whether it is a link or an image.
    public var kind: Kind
    /// The destination exactly as written (after cmark's unescaping).
    public var destination: String
    /// Where the destination is written (1-based).
    public var line: Int
    /// The column, in characters (1-based).
    public var column: Int
    /// The file it was written in, when not the page's own (an included file).
    package var file: String?
    /// Written by Hugo's `ref` or `relref`: when its path leads nowhere, the
    /// page of that name is looked for (`PageNames`).
    package var byName = false

    package init(kind: Kind, destination: String, line: Int, column: Int, file: String? = nil) {
        self.kind = kind
        self.destination = destination
        self.line = line
        self.column = column
        self.file = file
    }
}

/// The five callout kinds of GitHub's alert syntax (`> [!NOTE]`): each has
/// its colour and icon in the theme. Every other admonition type maps onto one.
package enum CalloutKind: String, Sendable, CaseIterable {
    case note, tip, important, warning, caution

    /// The kind an admonition type (`CalloutType.canonical`) shows as:
    /// `danger` as `caution`, `info`, `example`, `quote`... as `note`.
    package init(type: String) {
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
package struct CalloutLabels: Sendable, Hashable {
    package var labels: [String: String]
    /// The types (or kinds) whose label is English standing in for a word
    /// the page's language lacks: their titles are marked `lang="en"`.
    package var inEnglish: Set<String> = []

    package init(_ labels: [String: String]) {
        self.labels = labels
    }

    package init(_ labels: [CalloutKind: String]) {
        self.labels = Dictionary(uniqueKeysWithValues: labels.map { ($0.key.rawValue, $0.value) })
    }

    /// The title for `kind`; English when this table lacks it (the site build
    /// reports a missing label as an error).
    package subscript(kind: CalloutKind) -> String {
        labels[kind.rawValue] ?? CalloutLabels.english.labels[kind.rawValue]!
    }

    /// The title for an admonition type: its own label, else its kind's.
    package subscript(type type: String) -> String {
        labels[type.lowercased()] ?? self[CalloutKind(type: type)]
    }

    /// The title as HTML: escaped, in a `<span lang="en" dir="ltr">` when
    /// it is English standing in.
    package func titleHTML(type: String) -> String {
        let escaped = HTMLEscaping.escape(self[type: type])
        let key = labels[type.lowercased()] != nil ? type.lowercased() : CalloutKind(type: type).rawValue
        return inEnglish.contains(key) ? Self.markedEnglish(escaped) : escaped
    }

    /// Escaped HTML marked as English, for a reader's screen reader.
    package static func markedEnglish(_ html: String) -> String {
        "<span lang=\"en\" dir=\"ltr\">\(html)</span>"
    }

    /// Whether this table has a title for the type (or its kind).
    package func hasLabel(type: String) -> Bool {
        labels[type.lowercased()] != nil || labels[CalloutKind(type: type).rawValue] != nil
    }

    /// The labels `sitegen markdown` uses; a site build passes its own per language.
    package static let english = CalloutLabels([
        "note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution",
        "hint": "Hint", "info": "Info", "abstract": "Abstract", "summary": "Summary", "success": "Success",
        "question": "Question", "attention": "Attention", "danger": "Danger", "error": "Error",
        "failure": "Failure", "bug": "Bug", "example": "Example", "quote": "Quote",
    ])
}

/// The words footnotes need in one language: the heading of the notes
/// section and the name of the link back to where a note is referenced.
package struct FootnoteLabels: Sendable, Hashable {
    package var title: String
    package var backLink: String
    /// The title is English standing in for the page's language: marked `lang="en"`.
    package var titleInEnglish = false

    package init(title: String, backLink: String) {
        self.title = title
        self.backLink = backLink
    }

    package static let english = FootnoteLabels(title: "Footnotes", backLink: "Back to the text")
}

/// Settings for one Markdown conversion.
public struct MarkdownOptions: Sendable {
    package var calloutLabels: CalloutLabels
    package var footnoteLabels: FootnoteLabels
    /// Ids the page template already uses (`main`, `toc`...): headings avoid them.
    package var reservedIDs: Set<String>
    /// How headings without `{#id}` get their id.
    package var headingIDs: HeadingIDStyle
    /// Raw HTML in the Markdown: dropped (with a warning) or kept.
    package var rawHTML: RawHTMLPolicy
    /// Whether fenced code blocks are highlighted (`CodeBlockTransform`). Off
    /// here, so plain conversions match CommonMark's output; a site build
    /// turns it on unless `markdown.highlight: false`.
    public var highlight: Bool
    /// Shortcodes and includes: what the site has for the Markdown reader.
    package var shortcodes: ShortcodeSettings
    /// Whether images get sizes, lazy loading and figures (`ImageTransform`).
    /// Off here, so plain conversions match CommonMark's output; a site
    /// build turns it on.
    package var images: Bool
    /// Whether a fence's options (title, line numbers, marked lines) are read
    /// when highlighting is off: the block is then shown plain with them, so
    /// `markdown.highlight: false` loses nothing an author wrote. Off here, so
    /// plain conversions match CommonMark's output (which keeps the info
    /// string's first word as the class); a site build turns it on.
    package var fenceOptions: Bool

    package init(calloutLabels: CalloutLabels = .english, footnoteLabels: FootnoteLabels = .english, reservedIDs: Set<String> = [],
                headingIDs: HeadingIDStyle = .github, rawHTML: RawHTMLPolicy = .drop, highlight: Bool = false,
                shortcodes: ShortcodeSettings = ShortcodeSettings(), images: Bool = false, fenceOptions: Bool = false) {
        self.shortcodes = shortcodes
        self.images = images
        self.fenceOptions = fenceOptions
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
    /// The HTML of the page's body.
    public var html: String
    /// Every heading, in order, with its id.
    public var headings: [Heading]
    /// Every link and image destination, in document order, as written.
    public var links: [MarkdownLink]
    /// The types of callout that show their label (no title of their own),
    /// lowercased, with the place of the first.
    package var calloutLabelsUsed: [String: SourceLocation]
    /// Problems in the Markdown, located (unclosed containers, duplicate ids...).
    public var diagnostics: [Diagnostic]
    /// The site-relative paths of the files the page includes (at any depth).
    package var includedFiles: Set<String> = []
    /// The `id`s written in kept raw HTML: anchors links may reach.
    package var htmlIDs: [String] = []
    /// Whether the HTML holds a code block (`<pre>`): one of Markdown's,
    /// or one in a shortcode's output or in kept raw HTML. The theme loads
    /// its copy button's script only then.
    package var hasCode = false
    /// Whether the HTML holds a group of content tabs (`TabsHTML`), from
    /// Markdown, a shortcode or kept raw HTML: the theme loads its tabs'
    /// script only then.
    package var hasTabs = false
}

extension MarkdownOptions {
    /// The defaults, as `sitegen markdown` renders a file: English labels,
    /// safe mode, no highlighting (the other settings are the site build's).
    public init() { self.init(calloutLabels: .english) }
}
