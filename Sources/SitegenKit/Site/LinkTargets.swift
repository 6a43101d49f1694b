import SitegenSupport

/// Finds what the path of a link written in one page leads to. Authors write
/// links the way their last tool or the web taught them, so every form is
/// understood:
///
/// - a `.md` file, relative to the Markdown file (`../guides/a.md`);
/// - a folder, meaning its `index.md` (`concepts/`), or a page's URL,
///   relative to the Markdown file's folder or to the page's own URL
///   (`../sdk/`, as web pages link); two different pages that way are an
///   ambiguity, an error naming both;
/// - a root-relative URL (`/concepts/`), against the language's folder
///   first, then against the site root (`/en/concepts/`); with a `baseURL`
///   whose path is `/docs/`, `/docs/concepts/` too.
///
/// Files beside the pages are found the same way; one that only the default
/// language's folder has is found there (published once, linked from every
/// language).
struct LinkTargets {
    /// What a path can lead to.
    enum Found: Hashable {
        /// A page; `translated`: found through the language the linking
        /// page's text is written in, so the link goes to the same page in
        /// the language it is published in (else the link names a language).
        case page(Page, translated: Bool)
        case file(SitePath)

        /// How messages name it.
        var name: String {
            switch self {
            case .page(let page, _): page.isFallback || !page.kind.isWritten ? page.path.value : page.sourcePath
            case .file(let path): SiteLayout.content(path.value)
            }
        }
    }

    enum Resolution {
        case found(Found)
        /// Two readings of the link lead to two different things.
        case ambiguous(Found, String, Found, String)
        /// Nothing there: what was looked for, and a folder of that name
        /// without `index.md`, if there is one.
        case notFound(lookedFor: [String], folder: String?)
        /// It climbs out of `content/`.
        case outside
        /// A page that exists but is broken (reported) or a draft left out.
        case unusable
        case draft
    }

    let site: Site
    let page: Page

    /// Resolves a decoded link path (no query, no fragment).
    func resolve(_ path: String) -> Resolution {
        // `x/index.html` is the folder `x/`, as a web server serves it.
        var path = path
        if path == "index.html" || path.hasSuffix("/index.html") { path = String(path.dropLast("index.html".count)) }
        if path.isEmpty { path = "./" }
        if path.hasPrefix("/") { return resolveRootRelative(path) }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let fileFolder = [page.contentLanguage] + page.relativePath.split(separator: "/").dropLast().map(String.init)
        let fromFile = LinkResolver.normalize(fileFolder + segments)
        if path.hasSuffix(".md") {
            guard let fromFile else { return .outside }
            if let found = lookUp(fromFile) { return .found(found) }
            return condemned(fromFile) ?? .notFound(lookedFor: [SiteLayout.content(fromFile)], folder: nil)
        }
        let wantsFolder = path.hasSuffix("/") || path == "." || path == ".."
        let fromFileFound = fromFile.flatMap { lookUp($0, asFolder: wantsFolder) }
        // The page's own URL, in the language its text is written in.
        let urlFolder = [page.contentLanguage] + page.path.value.dropFirst(page.language.count + 1).split(separator: "/").map(String.init)
        let fromURL = LinkResolver.normalize(urlFolder + segments)
        let fromURLFound = fromURL.flatMap { lookUp($0, asFolder: wantsFolder) }
        switch (fromFileFound, fromURLFound) {
        case let (.some(a), .some(b)) where a != b:
            return .ambiguous(a, "from this file's folder", b, "from this page's URL")
        case let (.some(found), _), let (nil, .some(found)):
            return .found(found)
        case (nil, nil):
            guard let fromFile else { return fromURL == nil ? .outside : .notFound(lookedFor: ["the page at " + fromURL! + "/"], folder: nil) }
            if let condemned = condemned(fromFile + "/index.md") ?? condemned(fromFile + ".md") { return condemned }
            var looked: [String] = []
            if site.config.language(split(fromFile).language) != nil {
                looked.append(SiteLayout.content(fromFile) + (wantsFolder ? "/index.md" : ""))
            }
            // A path whose last part has an extension names a file: the URL
            // reading is tried, but not worth a mention.
            let namesFile = !wantsFolder && (segments.last ?? "").contains(".")
            if let fromURL, fromURL != fromFile, !namesFile || looked.isEmpty {
                looked.append(namesFile ? SiteLayout.content(fromURL) : "the page at " + fromURL + "/")
            }
            return .notFound(lookedFor: looked, folder: folderWithoutIndex(fromFile))
        }
    }

    /// `/x/`: the language's folder first, so that one link works in every
    /// translation of a page; then the site root, where the first folder
    /// names a language (`/en/x/`).
    private func resolveRootRelative(_ path: String) -> Resolution {
        var rest = Substring(path)
        if let base = site.config.baseURL?.path, base != "/", rest.hasPrefix(base) {
            rest = rest.dropFirst(base.count)
        }
        let segments = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let wantsFolder = path.hasSuffix("/")
        var looked: [String] = []
        for (candidate, root) in [([page.contentLanguage] + segments, "the language root"), (segments, "the site root")] {
            guard let normalized = LinkResolver.normalize(candidate) else { continue }
            if let found = lookUp(normalized, asFolder: wantsFolder) { return .found(found) }
            if let condemned = condemned(normalized) { return condemned }
            looked.append((normalized.hasSuffix(".md") ? SiteLayout.content(normalized) : normalized + (wantsFolder ? "/" : "")) + " (from \(root))")
        }
        // Both readings climb above the root (`/../../x.png`).
        if looked.isEmpty { return .outside }
        return .notFound(lookedFor: looked, folder: nil)
    }

    /// A page or file at a path under `content/` (`nl/handleidingen/a.md`,
    /// `nl/handleidingen/a`, `nl/img/logo.png`).
    func lookUp(_ contentPath: String, asFolder: Bool = false) -> Found? {
        let (language, rest) = split(contentPath)
        guard site.config.language(language) != nil else { return nil }
        let defaultLanguage = site.config.defaultLanguage.code
        // A page or file not (yet) translated is found in the default language.
        let languages = language == page.contentLanguage && language != defaultLanguage ? [language, defaultLanguage] : [language]
        let translated = language == page.contentLanguage
        for language in languages {
            if rest.hasSuffix(".md") {
                if let found = site.page(writtenAs: rest, in: language) { return .page(found, translated: translated) }
                continue
            }
            if !rest.isEmpty && !asFolder, site.contentFiles[SitePath(language + "/" + rest)] != nil {
                return .file(SitePath(language + "/" + rest))
            }
            if let found = site.page(at: SitePath(language + "/" + (rest.isEmpty ? "" : rest + "/"))) { return .page(found, translated: translated) }
            if let found = site.page(writtenAs: rest.isEmpty ? "index.md" : rest + "/index.md", in: language) { return .page(found, translated: translated) }
        }
        return nil
    }

    /// Unusable (reported already) or a draft left out of this build.
    private func condemned(_ contentPath: String) -> Resolution? {
        let (language, rest) = split(contentPath)
        let ids = [PageID(language: language, path: rest), PageID(language: site.config.defaultLanguage.code, path: rest)]
        if ids.contains(where: site.unusablePages.contains) { return .unusable }
        if ids.contains(where: site.draftPages.contains) { return .draft }
        return nil
    }

    /// `content/<path>/` when pages or files are under it (so it exists),
    /// though it has no `index.md`.
    private func folderWithoutIndex(_ contentPath: String) -> String? {
        let (language, rest) = split(contentPath)
        let prefix = rest + "/"
        guard !rest.isEmpty else { return nil }
        let hasPages = site.pages(in: language).contains { !$0.isFallback && $0.relativePath.hasPrefix(prefix) }
        let hasFiles = site.contentFiles.keys.contains { $0.value.hasPrefix(language + "/" + prefix) }
        return hasPages || hasFiles ? SiteLayout.content(language: language, prefix) : nil
    }

    private func split(_ contentPath: String) -> (language: String, rest: String) {
        let language = String(contentPath.prefix(while: { $0 != "/" }))
        return (language, String(contentPath.dropFirst(language.count + 1)))
    }
}
