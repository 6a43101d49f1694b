import SitegenSupport
/// Everything a build reads from the site folder, as plain values. Loading
/// (`SiteLoader`) is the only stage that reads files; all later stages work
/// on this.
package struct SiteSource: Sendable {
    /// A Markdown page under `content/<language>/`.
    package struct PageFile: Sendable, Hashable {
        package var language: String
        /// Path inside the language folder, with `/` separators: `guides/a.md`.
        package var relativePath: String
        /// The file's text (its `path` is the site-relative path for diagnostics);
        /// empty when the page is `known`.
        package var source: SourceText
        /// The page as a build before read it from this file, unchanged
        /// since: the file was not read.
        package var known: KnownPage?

        package init(language: String, relativePath: String, source: SourceText, known: KnownPage? = nil) {
            self.language = language
            self.relativePath = relativePath
            self.source = source
            self.known = known
        }
    }

    /// A file that is copied to the output as it is (an image beside a page, a
    /// PDF, or a theme asset).
    package struct StaticFile: Sendable, Hashable {
        /// Path inside its folder (`content/` or `templates/assets/`), `/` separators.
        package var relativePath: String
        package var bytes: [UInt8]

        package init(relativePath: String, bytes: [UInt8]) {
            self.relativePath = relativePath
            self.bytes = bytes
        }
    }

    /// A Mustache template; `name` is its path under `templates/` without
    /// `.mustache` (`page`, `partials/header`).
    package struct TemplateFile: Sendable, Hashable {
        package var name: String
        package var source: SourceText
        /// From the built-in theme (the site has no file of that name).
        package var isBuiltIn = false

        package init(name: String, source: SourceText, isBuiltIn: Bool = false) {
            self.name = name
            self.source = source
            self.isBuiltIn = isBuiltIn
        }
    }

    /// The site folder (absolute).
    package var root: String
    package var config: SourceText
    package var pages: [PageFile]
    /// UI strings per language code, from `content/<lang>/_strings.yml`.
    package var strings: [String: SourceText]
    /// The theme's UI strings per language code (`templates/strings/<lang>.yml`,
    /// the site's or the built-in theme's), under `strings` key by key.
    package var themeStrings: [String: SourceText] = [:]
    /// Every theme file used, sorted, and whether it is the built-in one.
    package var themeFiles: [ThemeFile] = []
    /// Files beside the pages under `content/`, copied as they are.
    package var contentFiles: [StaticFile]
    package var templates: [TemplateFile]
    /// Files under `templates/assets/`, copied with content-hashed names.
    package var assets: [StaticFile]
    /// Files under `static/`, published at the output's root as they are
    /// (names starting with `.` or `_` too): `favicon.ico`, `CNAME`, `.well-known/`.
    package var rootFiles: [StaticFile] = []
    /// Decision helper flows, by id, from `content/_decisions/<id>.yml`.
    package var decisionFlows: [String: SourceText] = [:]
    /// The folders directly under `content/` (each should be a language).
    package var languageFolders: [String] = []
    /// `lastUpdated:` each page file's date (seconds since 1970) by
    /// site-relative path; read by `SiteBuilder` with the settings.
    package var lastUpdated: [String: Int64] = [:]
    /// Markdown files that could not be read or decoded (already reported).
    package var unreadablePages: Set<PageID> = []
    /// Languages whose `_strings.yml` could not be read (reported).
    package var unreadableStrings: Set<String> = []

    package init(root: String, config: SourceText, pages: [PageFile] = [], strings: [String: SourceText] = [:],
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
