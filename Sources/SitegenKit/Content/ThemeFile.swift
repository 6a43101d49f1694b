/// One file of the theme a build uses, by its path under `templates/`: the
/// site's own, or the built-in theme's where the site has none.
package struct ThemeFile: Sendable, Hashable {
    /// What the loader makes of a path under `templates/`.
    package enum Kind: Equatable {
        /// A Mustache template, by name (`partials/footer`).
        case template(String)
        /// A file under `assets/`, by its path there.
        case asset(String)
        /// A language's UI strings, `strings/<language>.yml`.
        case strings(String)

        /// Nil for a file the theme does not use.
        package init?(_ path: String) {
            if path.hasPrefix(SiteLayout.assetsFolder + "/") {
                self = .asset(String(path.dropFirst(SiteLayout.assetsFolder.count + 1)))
            } else if path.hasSuffix(".mustache") {
                self = .template(String(path.dropLast(".mustache".count)))
            } else if path.hasPrefix(BuiltInTheme.stringsFolder), path.hasSuffix(".yml"),
                      !path.dropFirst(BuiltInTheme.stringsFolder.count).contains("/") {
                self = .strings(String(path.dropFirst(BuiltInTheme.stringsFolder.count).dropLast(".yml".count)))
            } else {
                return nil
            }
        }
    }

    package var path: String
    package var isBuiltIn: Bool

    package init(path: String, isBuiltIn: Bool) {
        self.path = path
        self.isBuiltIn = isBuiltIn
    }

    /// The name diagnostics give the file: `templates/page.mustache` for the
    /// site's, `(built-in) templates/page.mustache` for the built-in theme's.
    package var displayPath: String {
        (isBuiltIn ? BuiltInTheme.displayPrefix : "") + SiteLayout.templatesFolder + "/" + path
    }
}
