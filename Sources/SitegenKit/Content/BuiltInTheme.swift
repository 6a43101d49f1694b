import SitegenSupport
/// The shipped theme (`templates/` of sitegen's own repository: layouts,
/// partials, assets, and the UI strings in 18 languages), embedded in the
/// binary at build time by the EmbedTheme plugin. A site's own `templates/`
/// overrides it file by file.
package enum BuiltInTheme {
    /// One file, by its path under `templates/`.
    package typealias File = EmbeddedFile

    /// Every file, sorted by path.
    package static var files: [File] { embedded }

    /// Put before `templates/...` in diagnostics about a built-in file, which
    /// the site folder does not have.
    package static let displayPrefix = "(built-in) "

    /// Where a site's UI string defaults live in the theme: `strings/<language>.yml`.
    package static let stringsFolder = SiteLayout.themeStringsFolder + "/"

    /// The languages the theme has UI strings for.
    package static var languages: [String] {
        files.compactMap { file in
            guard file.path.hasPrefix(stringsFolder), file.path.hasSuffix(".yml") else { return nil }
            return String(file.path.dropFirst(stringsFolder.count).dropLast(".yml".count))
        }
    }
}
