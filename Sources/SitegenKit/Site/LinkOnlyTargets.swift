import SitegenSupport

/// Link-only entries whose target is a page's file (`redirect:
/// ../guide/install.md`, as on a code host): resolved like a link written
/// in the page, to the page it names, so navigation and the entry's own
/// page lead to that page's URL.
enum LinkOnlyTargets {
    /// The page a `.md` target leads to, and the `#fragment` it keeps.
    struct Target: Sendable, Hashable {
        var path: SitePath
        var fragment: String?

        /// The target's URL from the page at `from`.
        func url(from: SitePath, fileLinks: Bool) -> String {
            path.relative(from: from, fileLinks: fileLinks) + (fragment.map { "#" + $0 } ?? "")
        }
    }

    static func resolve(_ site: Site) -> (targets: [SitePath: Target], diagnostics: [Diagnostic]) {
        var targets: [SitePath: Target] = [:]
        var diagnostics: [Diagnostic] = []
        for page in site.pages {
            guard let target = page.metadata.linkTarget, PageMetadata.isPageFile(target[...]) else { continue }
            let (path, _, fragment) = LinkResolver.parts(of: target)
            switch LinkTargets(site: site, page: page).resolve(path) {
            case .found(.page(let found, _)):
                targets[page.path] = Target(path: found.path, fragment: fragment)
            case .unusable, .draft:
                continue  // reported at the page it names, or left out on purpose
            default:
                // A fallback repeats its original's target: reported there.
                guard !page.isFallback else { continue }
                diagnostics.append(Diagnostic(.error, file: page.sourcePath,
                    "this link-only entry's target '\(target)' is not a page (a '.md' target is a file of the page's language folder, from the page's folder)"))
            }
        }
        return (targets, diagnostics)
    }
}
