import SitegenSupport
/// The files of `static/`, published at the output's root as they are:
/// `favicon.ico`, `CNAME` (GitHub Pages), `.well-known/security.txt`, a
/// site's own `robots.txt`. Names starting with `.` or `_` are published
/// here (only here).
///
/// A site's own `robots.txt` or `404.html` replaces the one sitegen makes.
/// Any other file that lands where the build writes something (a page, a
/// file beside the pages, a theme asset, the language chooser, the sitemap),
/// or where the build needs a folder, is an error naming both, and is left out.
package enum RootFiles {
    /// The files sitegen makes that a site may replace with its own.
    static let replaceable: Set<SitePath> = [SitePath("robots.txt"), SitePath("404.html")]

    /// The generated files a site's own files replace in this build.
    package static func replacements(site: Site, templates: TemplateSet) -> [SitePath] {
        var made: Set<SitePath> = []
        if site.config.baseURL != nil { made.insert(SitePath("robots.txt")) }
        if templates.names.contains(TemplateSet.notFound) { made.insert(SitePath("404.html")) }
        return made.filter { site.rootFiles[$0] != nil }.sorted()
    }

    /// The root files to publish, and an error for each that collides.
    static func check(site: Site, specialPages: Set<SitePath>, assets: Set<SitePath>) -> (files: [SitePath: [UInt8]], diagnostics: [Diagnostic]) {
        // No file of static/ to check: listing every output and its folders
        // was 1.4 % of a link-heavy build, on one core (issue 30).
        guard !site.rootFiles.isEmpty else { return (site.rootFiles, []) }
        var made: [String: String] = [:]
        func add(_ path: String, _ what: String) { if made[path] == nil { made[path] = what } }
        for page in site.pages { add(page.path.outputFile, "the page \(page.sourcePath)") }
        for path in site.contentFiles.keys { add(path.value, SiteLayout.content(path.value)) }
        for path in assets { add(path.value, "a theme file of templates/assets/") }
        for path in specialPages where !replaceable.contains(path) {
            add(path.value, path.value == "index.html" ? "the language chooser (templates/\(TemplateSet.languageChooser).mustache)" : "a page sitegen makes")
        }
        if site.config.baseURL != nil { add("sitemap.xml", "the sitemap sitegen makes") }
        add(SiteLayout.outputMarker, "the marker that tells sitegen the output is its own")
        // Every folder the build writes into.
        var folders: [String: String] = [:]
        // In path order, so the message names the same page every time.
        for path in made.keys.sorted() {
            let what = made[path]!
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if folders[String(folder)] == nil { folders[String(folder)] = what }
            }
        }
        var kept = site.rootFiles
        var diagnostics: [Diagnostic] = []
        for path in site.rootFiles.keys.sorted() {
            let display = SiteLayout.staticFolder + "/" + path.value
            if let what = made[path.value] {
                diagnostics.append(Diagnostic(.error, file: display,
                    "this file would be written to '\(path.value)', where sitegen writes \(what); rename or remove one of them"
                    + " (only robots.txt and 404.html may replace sitegen's)"))
                kept[path] = nil
            } else if let what = folders[path.value] {
                diagnostics.append(Diagnostic(.error, file: display,
                    "this file has the name of the folder '\(path.value)/', where sitegen writes \(what); rename or remove one of them"))
                kept[path] = nil
            } else if let file = ancestors(of: path.value).first(where: { made[$0] != nil }) {
                diagnostics.append(Diagnostic(.error, file: display,
                    "this file would be written inside '\(file)/', but '\(file)' is a file sitegen writes (\(made[file]!)); move it"))
                kept[path] = nil
            }
        }
        return (kept, diagnostics)
    }

    /// `a` and `a/b` of `a/b/c`.
    static func ancestors(of path: String) -> [String] {
        var result: [String] = []
        var current = ""
        for part in path.split(separator: "/").dropLast() {
            current += current.isEmpty ? String(part) : "/" + part
            result.append(current)
        }
        return result
    }
}
