/// Which page file a page comes from: its language folder and its path in
/// that folder (`nl`, `handleidingen/a.md`). The identity of a page as
/// written, before it has a URL: what unreadable, unusable and draft pages
/// are known by.
public struct PageID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var language: String
    /// The path in the language folder, with `.md`.
    public var path: String

    public init(language: String, path: String) {
        self.language = language
        self.path = path
    }

    /// The translation key the file has unless its front matter sets one:
    /// its path without `.md`.
    public var defaultTranslationKey: String {
        path.hasSuffix(".md") ? String(path.dropLast(".md".count)) : path
    }

    public var description: String { "content/\(language)/\(path)" }

    public static func < (lhs: PageID, rhs: PageID) -> Bool {
        (lhs.language, lhs.path) < (rhs.language, rhs.path)
    }
}
