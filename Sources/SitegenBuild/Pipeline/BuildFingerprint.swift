import SitegenKit
import SitegenSupport

/// What a build's pages are made from, as hashes an incremental build
/// compares with those of the build before (`BuildCache`): a page is
/// reused only when everything it is rendered from is the same.
struct BuildFingerprint: Sendable {
    /// Which sitegen builds: its version and its executable file (a rebuilt
    /// sitegen may render the same page differently).
    var sitegen: String
    /// The site folder.
    var site: String
    /// Everything pages are rendered from besides their own Markdown: the
    /// options (--base-url, --drafts, --file-links), sitegen.yml,
    /// templates, assets, UI strings, decision flows, the files beside the
    /// pages and in static/, the pages' `lastUpdated` dates.
    var settings: String
    /// What other pages show of each page (`Site.navigationFacts`).
    var navigation: String
    /// Each page file's hash, by site-relative path.
    var pageSources: [String: String]

    init(_ resolved: SiteBuilder.ResolvedSite, options: BuildOptions) {
        let source = resolved.source
        sitegen = Self.sitegenIdentity
        site = Self.siteIdentity(root: source.root)
        var settings = FNV1a.Running()
        for option in [options.baseURL ?? "", "\(options.includeDrafts)", "\(options.fileLinks)"] { settings.add(option) }
        settings.add(source.config.text)
        for template in source.templates {
            settings.add(template.name)
            settings.add(template.source.text)
        }
        for (label, texts) in [("strings", source.strings), ("theme", source.themeStrings), ("decisions", source.decisionFlows)] {
            settings.add(label)
            for key in texts.keys.sorted() {
                settings.add(key)
                settings.add(texts[key]!.text)
            }
        }
        for (label, files) in [("assets", source.assets), ("content", source.contentFiles), ("static", source.rootFiles)] {
            settings.add(label)
            for file in files {
                settings.add(file.relativePath)
                settings.add(file.bytes)
            }
        }
        settings.add(source.languageFolders.joined(separator: "/"))
        // A new commit changes a page's date, not its file.
        settings.add("lastUpdated")
        for path in source.lastUpdated.keys.sorted() {
            settings.add(path)
            settings.add(String(source.lastUpdated[path]!))
        }
        self.settings = settings.hex
        var navigation = FNV1a.Running()
        for fact in resolved.site.navigationFacts { navigation.add(fact) }
        self.navigation = navigation.hex
        let known = resolved.known
        let hashes = Cores.map(source.pages) { page in
            // A page not read: its file's text is the one the build before hashed.
            if page.known != nil, let facts = known?.facts[page.source.path] { return facts.sourceHash }
            var hash = FNV1a.Running()
            hash.add(page.source.text)
            return hash.hex
        }
        pageSources = Dictionary(zip(source.pages.map(\.source.path), hashes)) { first, _ in first }
    }

    /// The site folder's hash.
    static func siteIdentity(root: String) -> String {
        var site = FNV1a.Running()
        site.add(root)
        return site.hex
    }

    /// sitegen's version and its executable's file (`FileVersion`).
    static let sitegenIdentity = Sitegen.version + "-" + (FileVersion.of("/proc/self/exe")?.description ?? "")
}
