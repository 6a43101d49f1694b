import SitegenSupport
/// One page of the built site, in one language.
///
/// A value, but copied by reference until changed: resolving a site of
/// 20,000 pages copies pages often (per language, sorted, indexed), and a
/// copy of a dozen strings costs a dozen reference counts, a copy of one box
/// costs one.
package struct Page: Sendable, Hashable {
    struct Fields: Sendable, Hashable {
        var language: String
        var contentLanguage: String
        var sourcePath: String
        var relativePath: String
        var translationKey: TranslationKey
        var metadata: PageMetadata
        var markdown: MarkdownBody
        var path: SitePath
        var frontMatterYAML: Substring?
        var frontMatterLine = 1
        var decision: DecisionPage?
        var generated: GeneratedPage?
    }

    /// Never changed: a page that changes gets a new box. Pages change a
    /// few times each while the site is resolved, so the allocation that
    /// costs is small next to the copies it saves, and the box needs no
    /// lock to be shared between threads.
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private var fields: Fields {
        get { box.fields }
        set { box = Box(newValue) }
    }

    package init(language: String, contentLanguage: String, sourcePath: String, relativePath: String,
                translationKey: TranslationKey, metadata: PageMetadata, body: MarkdownBody, path: SitePath) {
        box = Box(Fields(language: language, contentLanguage: contentLanguage, sourcePath: sourcePath,
                         relativePath: relativePath, translationKey: translationKey, metadata: metadata,
                         markdown: body, path: path))
    }

    private init(box: Box) {
        self.box = box
    }

    /// The page without its file's text (its body and front matter), for
    /// a build that hands each page's body to the renderer once
    /// (`Site.takeBodies`): the front matter is a part of the file, and
    /// kept the whole file.
    func withoutText() -> Page {
        var fields = box.fields
        fields.markdown = MarkdownBody(SourceText(normalized: "", path: fields.markdown.file.path))
        fields.frontMatterYAML = nil
        return Page(box: Box(fields))
    }

    /// The Markdown body as kept: the file and where the body starts.
    var markdownBody: MarkdownBody { box.fields.markdown }

    package static func == (lhs: Page, rhs: Page) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(box.fields)
    }

    /// The language the page is published in (its folder in the output).
    package var language: String {
        get { box.fields.language }
        set { fields.language = newValue }
    }
    /// The language its text is in: differs from `language` for a fallback
    /// page built from the default language.
    package var contentLanguage: String {
        get { box.fields.contentLanguage }
        set { fields.contentLanguage = newValue }
    }
    /// The Markdown file, relative to the site folder (`content/nl/index.md`).
    package var sourcePath: String {
        get { box.fields.sourcePath }
        set { fields.sourcePath = newValue }
    }
    /// The file's path inside its language folder (`guides/a.md`).
    package var relativePath: String {
        get { box.fields.relativePath }
        set { fields.relativePath = newValue }
    }
    /// Pages with the same key in different languages translate each other.
    package var translationKey: TranslationKey {
        get { box.fields.translationKey }
        set { fields.translationKey = newValue }
    }
    package var metadata: PageMetadata {
        get { box.fields.metadata }
        set { fields.metadata = newValue }
    }
    /// The Markdown body; front matter lines are blank, line numbers kept.
    /// Made from the file's text each time it is read (see `MarkdownBody`).
    package var body: SourceText {
        get { box.fields.markdown.source }
        set { fields.markdown = MarkdownBody(newValue) }
    }
    package var path: SitePath {
        get { box.fields.path }
        set { fields.path = newValue }
    }
    /// The front matter's YAML and the file line it starts on (for readers of
    /// extra front matter, such as a decision helper's words).
    package var frontMatter: (yaml: String, line: Int)? {
        get { box.fields.frontMatterYAML.map { (String($0), box.fields.frontMatterLine) } }
        set {
            fields.frontMatterYAML = newValue.map { Substring($0.yaml) }
            fields.frontMatterLine = newValue?.line ?? 1
        }
    }
    /// Keeps the YAML as the part of the file it is (no copy).
    mutating func setFrontMatter(_ yaml: Substring?, line: Int) {
        fields.frontMatterYAML = yaml
        fields.frontMatterLine = line
    }
    /// Set on the pages of a decision helper: its start page, and one page
    /// per question and outcome.
    package var decision: DecisionPage? {
        get { box.fields.decision }
        set { fields.decision = newValue }
    }
    /// Set on the pages sitegen makes itself: a section page for a folder
    /// without `index.md`, and the further pages of a long section list.
    package var generated: GeneratedPage? {
        get { box.fields.generated }
        set { fields.generated = newValue }
    }
    package var isHome: Bool { relativePath == "index.md" && kind.isWritten }

    /// A page written in a file of its language folder: not a fallback, a
    /// decision helper's step, or a generated page.
    package var isWritten: Bool { !isFallback && kind.isWritten }

    /// Built from the default language because this language lacks it.
    package var isFallback: Bool { language != contentLanguage }
}
