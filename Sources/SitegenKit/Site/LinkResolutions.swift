import Synchronization

/// What each distinct link target resolves to, worked out once per build and
/// shared by every page and core: on a link-heavy site most pages link the
/// same targets from the same folder (issue 30: resolving every use again
/// was 8 % of a build's CPU). A resolution depends on the site and on where
/// the link is written (the page's content language, its file's folder and,
/// for a link that is not to a `.md` file or from the root, its URL), never
/// on the page otherwise: those make a `Place`, whose table holds the
/// resolutions of the targets written there by target alone. A page looks
/// its places up once (`LinkResolver`), so a link hashes only its target
/// (hashing the four parts of a key for every link, and translating every
/// page found, were 2 % of a link-heavy build).
final class LinkResolutions: Sendable {
    /// Where a link is written, as far as its resolution depends on it.
    struct Place: Hashable {
        var contentLanguage: String
        /// The page's language, which a page found is translated into.
        var language: String
        var fileFolder: Substring
        /// The page's URL, for links read relative to it; empty for links
        /// that never are (`.md` files, root-relative links).
        var url: String
    }

    /// A link's resolution and, for a page found in the language the text
    /// is written in, the same page in the language of the page the link
    /// is in (nil: left out there).
    struct Resolved: Sendable {
        let resolution: LinkTargets.Resolution
        let translation: Page?

        init(_ resolution: LinkTargets.Resolution, in language: String, site: Site) {
            self.resolution = resolution
            if case .found(.page(let found, translated: true)) = resolution {
                translation = site.page(found.translationKey, in: language)
            } else {
                translation = nil
            }
        }
    }

    /// The resolutions of the targets written in one place.
    final class Table: Sendable {
        private let resolved = Mutex<[String: Resolved]>([:])

        func resolve(_ path: String, in page: Page, site: Site) -> Resolved {
            if let known = resolved.withLock({ $0[path] }) { return known }
            let made = Resolved(LinkTargets(site: site, page: page).resolve(path), in: page.language, site: site)
            resolved.withLock { $0[path] = made }
            return made
        }
    }

    /// The tables of a page's two places: for `.md` and root-relative
    /// links, and for links read relative to its URL.
    struct Tables {
        let files: Table
        let urls: Table

        func resolve(_ path: String, in page: Page, site: Site) -> Resolved {
            let readsURL = !(path.hasSuffix(".md") || path.hasPrefix("/"))
            return (readsURL ? urls : files).resolve(path, in: page, site: site)
        }
    }

    private let places = Mutex<[Place: Table]>([:])
    /// Per language, its pages by name (Hugo's `ref`), built when a ref first needs it.
    private let names = Mutex<[String: PageNames]>([:])

    func pageNames(in language: String, site: Site) -> PageNames {
        if let known = names.withLock({ $0[language] }) { return known }
        let built = PageNames(site.pages(in: language))
        names.withLock { $0[language] = built }
        return built
    }

    /// The tables of the places links are written in `page`.
    func tables(of page: Page) -> Tables {
        // By bytes: `lastIndex(of: "/")` walked Characters back (3 % of a link-heavy build).
        let folderEnd = page.relativePath.utf8.lastIndex(of: UInt8(ascii: "/")) ?? page.relativePath.startIndex
        let place = Place(contentLanguage: page.contentLanguage, language: page.language,
                          fileFolder: page.relativePath[..<folderEnd], url: "")
        var urlPlace = place
        urlPlace.url = page.path.value
        return places.withLock { places in
            func table(_ place: Place) -> Table {
                if let known = places[place] { return known }
                let made = Table()
                places[place] = made
                return made
            }
            return Tables(files: table(place), urls: table(urlPlace))
        }
    }

    /// The resolution of a decoded link `path` written in `page`.
    func resolve(_ path: String, in page: Page, site: Site) -> Resolved {
        tables(of: page).resolve(path, in: page, site: site)
    }
}
