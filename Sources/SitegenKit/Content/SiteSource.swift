import SitegenSupport
/// Everything a build reads from the site folder, as plain values. Loading
/// (`SiteLoader`) is the only stage that reads files; all later stages work
/// on this.
public struct SiteSource: Sendable {
    /// A Markdown page under `content/<language>/`.
    public struct PageFile: Sendable, Hashable {
        public var language: String
        /// Path inside the language folder, with `/` separators: `guides/a.md`.
        public var relativePath: String
        /// The file's text (its `path` is the site-relative path for diagnostics).
        public var source: SourceText
    }

    /// A file that is copied to the output as it is (an image beside a page, a
    /// PDF, or a theme asset).
    public struct StaticFile: Sendable, Hashable {
        /// Path inside its folder (`content/` or `templates/assets/`), `/` separators.
        public var relativePath: String
        public var bytes: [UInt8]
    }

    /// A Mustache template; `name` is its path under `templates/` without
    /// `.mustache` (`page`, `partials/header`).
    public struct TemplateFile: Sendable, Hashable {
        public var name: String
        public var source: SourceText
        /// From the built-in theme (the site has no file of that name).
        public var isBuiltIn = false
    }

    /// The site folder (absolute).
    public var root: String
    public var config: SourceText
    public var pages: [PageFile]
    /// UI strings per language code, from `content/<lang>/_strings.yml`.
    public var strings: [String: SourceText]
    /// The theme's UI strings per language code (`templates/strings/<lang>.yml`,
    /// the site's or the built-in theme's), under `strings` key by key.
    public var themeStrings: [String: SourceText] = [:]
    /// Every theme file used, sorted, and whether it is the built-in one.
    public var themeFiles: [ThemeFile] = []
    /// Files beside the pages under `content/`, copied as they are.
    public var contentFiles: [StaticFile]
    public var templates: [TemplateFile]
    /// Files under `templates/assets/`, copied with content-hashed names.
    public var assets: [StaticFile]
    /// Files under `static/`, published at the output's root as they are
    /// (names starting with `.` or `_` too): `favicon.ico`, `CNAME`, `.well-known/`.
    public var rootFiles: [StaticFile] = []
    /// Decision helper flows, by id, from `content/_decisions/<id>.yml`.
    public var decisionFlows: [String: SourceText] = [:]
    /// The folders directly under `content/` (each should be a language).
    public var languageFolders: [String] = []
    /// `lastUpdated:` each page file's date (seconds since 1970) by
    /// site-relative path; read by `SiteBuilder` with the settings.
    public var lastUpdated: [String: Int64] = [:]
    /// Markdown files that could not be read or decoded (already reported).
    public var unreadablePages: Set<PageID> = []
    /// Languages whose `_strings.yml` could not be read (reported).
    public var unreadableStrings: Set<String> = []

    public init(root: String, config: SourceText, pages: [PageFile] = [], strings: [String: SourceText] = [:],
                contentFiles: [StaticFile] = [], templates: [TemplateFile] = [], assets: [StaticFile] = []) {
        self.root = root
        self.config = config
        self.pages = pages
        self.strings = strings
        self.contentFiles = contentFiles
        self.templates = templates
        self.assets = assets
    }
}
