/// The shipped theme (`templates/` of sitegen's own repository: layouts,
/// partials, assets, and the English and Dutch UI strings), embedded in the
/// binary at build time by the EmbedTheme plugin. A site's own `templates/`
/// overrides it file by file.
public enum BuiltInTheme {
    /// One file, by its path under `templates/`.
    public struct File: Sendable, Hashable {
        public var path: String
        public var bytes: [UInt8]

        init(path: String, text: String) {
            self.path = path
            self.bytes = Array(text.utf8)
        }

        /// A file that is not UTF-8 text (an image), written as hex digits.
        init(path: String, hex: String) {
            self.path = path
            let digits = Array(hex.utf8)
            func value(_ digit: UInt8) -> UInt8 { digit >= UInt8(ascii: "a") ? digit - UInt8(ascii: "a") + 10 : digit - UInt8(ascii: "0") }
            self.bytes = stride(from: 0, to: digits.count, by: 2).map { value(digits[$0]) << 4 | value(digits[$0 + 1]) }
        }
    }

    /// Every file, sorted by path.
    public static var files: [File] { embedded }

    /// Put before `templates/...` in diagnostics about a built-in file, which
    /// the site folder does not have.
    public static let displayPrefix = "(built-in) "

    /// Where a site's UI string defaults live in the theme: `strings/<language>.yml`.
    public static let stringsFolder = "strings/"

    /// The languages the theme has UI strings for.
    public static var languages: [String] {
        files.compactMap { file in
            guard file.path.hasPrefix(stringsFolder), file.path.hasSuffix(".yml") else { return nil }
            return String(file.path.dropFirst(stringsFolder.count).dropLast(".yml".count))
        }
    }
}
