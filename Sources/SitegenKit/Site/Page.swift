/// One page of the built site, in one language.
public struct Page: Sendable, Hashable {
    /// The language the page is published in (its folder in the output).
    public var language: String
    /// The language its text is in: differs from `language` for a fallback
    /// page built from the default language.
    public var contentLanguage: String
    /// The Markdown file, relative to the site folder (`content/nl/index.md`).
    public var sourcePath: String
    /// The file's path inside its language folder (`guides/a.md`).
    public var relativePath: String
    /// Pages with the same key in different languages translate each other.
    public var translationKey: String
    public var metadata: PageMetadata
    /// The Markdown body; front matter lines are blank, line numbers kept.
    public var body: SourceText
    public var path: SitePath
    /// The front matter's YAML and the file line it starts on (for readers of
    /// extra front matter, such as a decision helper's words).
    public var frontMatter: (yaml: String, line: Int)? {
        get { frontMatterYAML.map { ($0, frontMatterLine) } }
        set {
            frontMatterYAML = newValue?.yaml
            frontMatterLine = newValue?.line ?? 1
        }
    }
    var frontMatterYAML: String?
    var frontMatterLine = 1
    /// Set on the pages of a decision helper: its start page, and one page
    /// per question and outcome.
    public var decision: DecisionPage?
    public var isHome: Bool { relativePath == "index.md" && decision?.isStep != true }

    /// Built from the default language because this language lacks it.
    public var isFallback: Bool { language != contentLanguage }
}
