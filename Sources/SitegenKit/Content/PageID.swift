/// Which page file a page comes from: its language folder and its path in
/// that folder (`nl`, `handleidingen/a.md`). The identity of a page as
/// written, before it has a URL: what unreadable, unusable and draft pages
/// are known by.
package struct PageID: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var language: String
    /// The path in the language folder, with `.md`.
    package var path: String

    package init(language: String, path: String) {
        self.language = language
        self.path = path
    }

    /// The translation key the file has unless its front matter sets one:
    /// its path without `.md`.
    package var defaultTranslationKey: String {
        path.hasSuffix(".md") ? String(path.dropLast(".md".count)) : path
    }

    package var description: String { SiteLayout.content(language: language, path) }

    package static func < (lhs: PageID, rhs: PageID) -> Bool {
        (lhs.language, lhs.path) < (rhs.language, rhs.path)
    }
}
