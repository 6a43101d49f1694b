/// The names of the folders and files in a site folder and in its output,
/// in one place: loading reads by them, messages name files by them, the
/// watcher watches them. Site-relative, with `/` separators. (A namespace of
/// constants rather than a value: every site has the same layout.)
package enum SiteLayout {
    /// The settings, at the site folder's root.
    package static let configFile = "sitegen.yml"
    /// The pages: one folder per language, with the files beside the pages.
    package static let contentFolder = "content"
    /// The theme: Mustache templates, `assets/`, `strings/`.
    package static let templatesFolder = "templates"
    /// Files published at the output's root as they are (`favicon.ico`, `CNAME`).
    package static let staticFolder = "static"
    /// The folders a build reads.
    package static let sourceFolders = [contentFolder, templatesFolder, staticFolder]

    /// The theme's stylesheets, scripts and images, under `templates/`; in the
    /// output, the folder they are published in with hashed names.
    package static let assetsFolder = "assets"
    /// The theme's UI strings, under `templates/`: `strings/<language>.yml`.
    package static let themeStringsFolder = "strings"
    /// Decision helper flows, under `content/`: `_decisions/<id>.yml`.
    package static let decisionsFolder = "_decisions"
    /// A language's own UI strings, in its folder under `content/`.
    package static let stringsFile = "_strings.yml"

    /// The file in an output folder that says sitegen made it (and may replace it).
    package static let outputMarker = ".sitegen-output"
    /// The search index's folder in the output (Pagefind's name for it).
    package static let searchFolder = "pagefind"

    /// `content/<path>`.
    package static func content(_ path: String) -> String {
        contentFolder + "/" + path
    }

    /// `content/<language>/<path>`; `content/<language>/` for no path.
    package static func content(language: String, _ path: String = "") -> String {
        contentFolder + "/" + language + "/" + path
    }

    /// The inverse of `content(language:_:)`: the `<path>` of
    /// `content/<language>/<path>`, or nil for a file outside that folder.
    package static func path(_ sitePath: String, inContentOf language: String) -> String? {
        let folder = content(language: language)
        return sitePath.hasPrefix(folder) ? String(sitePath.dropFirst(folder.count)) : nil
    }

    /// `templates/<name>.mustache`: a template by its name (`partials/header`).
    package static func template(_ name: String) -> String {
        templatesFolder + "/" + name + ".mustache"
    }

    /// `templates/assets/<path>`.
    package static func asset(_ path: String) -> String {
        templatesFolder + "/" + assetsFolder + "/" + path
    }

    /// `content/_decisions/<id>.yml`.
    package static func decisionFlow(_ id: String) -> String {
        content(decisionsFolder + "/" + id + ".yml")
    }
}
