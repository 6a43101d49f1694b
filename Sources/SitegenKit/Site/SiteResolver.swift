import Dispatch
import Foundation
import SitegenSupport
import Synchronization

/// Turns a `SiteSource` into a `Site`: reads each page's front matter, gives
/// it a URL, pairs translations and fills in missing pages according to each
/// language's policy. Pure: every problem becomes a diagnostic, and all of
/// them are collected rather than stopping at the first.
package enum SiteResolver {
    /// Pages already read, by file, so that a rebuild after a change parses
    /// only the files that changed (front matter parsing is the slow part).
    /// A build reads it on every core.
    package final class PageCache: Sendable {
        typealias Entry = (source: SourceText, page: Page?, diagnostics: [Diagnostic])
        private let entries = Mutex<[String: Entry]>([:])
        package init() {}

        subscript(file: String) -> Entry? {
            get { entries.withLock { $0[file] } }
            set { entries.withLock { $0[file] = newValue } }
        }

        /// The page read from `file` (nil when it had errors), and the problems reading found.
        package func read(_ file: String) -> (page: Page?, diagnostics: [Diagnostic])? {
            self[file].map { ($0.page, $0.diagnostics) }
        }
    }

    /// What the steps of `resolve` find along the way.
    struct Findings {
        var diagnostics: [Diagnostic] = []
        var unusable: Set<PageID>
        var unusableKeys: Set<TranslationKey> = []
        var drafts: Set<PageID> = []
    }

    package static func resolve(_ source: SiteSource, config: SiteConfig, includeDrafts: Bool = false,
                               cache: PageCache? = nil) -> (Site, [Diagnostic]) {
        var found = Findings(unusable: source.unreadablePages)
        checkLanguageFolders(source, config: config, into: &found)
        let strings = parseStrings(source, config: config, into: &found)
        let written = readPages(source, config: config, includeDrafts: includeDrafts, cache: cache, into: &found)
        var pages = onePagePerKey(written, config: config, into: &found)
        if let nav = config.nav {
            pages = NavWeights.apply(nav, to: pages, config: config, unusable: found.unusable, into: &found.diagnostics)
        } else {
            pages = inheritWeights(pages, config: config)
        }
        pages += missingTranslations(of: pages, config: config, into: &found)
        // Decision helpers: each becomes a start page and a page per step.
        let (expanded, decisionProblems) = DecisionResolver.expand(pages, flowSources: source.decisionFlows)
        found.diagnostics += decisionProblems
        checkHomePages(expanded, config: config, into: &found)
        pages = onePagePerURL(expanded, into: &found)
        // Section pages of folders without index.md, further pages of long lists.
        let navigation = SiteNavigation(config: config, pages: &pages)
        let search = SearchPages.make(config: config, strings: strings, existing: pages)
        found.diagnostics += search.diagnostics
        pages += search.pages
        // Every page is made: the list is sorted once, and checked as a whole.
        sort(&pages, languages: config.languages)

        let collisions = OutputCollisions.check(pages: pages, files: contentFiles(source, config: config))
        found.diagnostics += collisions.diagnostics
        var site = Site(config: config, sortedPages: pages, navigation: navigation, strings: strings, contentFiles: collisions.files)
        site.unusablePages = found.unusable
        site.rootFiles = Dictionary(source.rootFiles.map { (SitePath($0.relativePath), $0.bytes) }) { first, _ in first }
        found.diagnostics += [config.logo, config.favicon].compactMap { $0?.problem(rootFiles: site.rootFiles) }
        site.lastUpdated = PageDate.dates(source.lastUpdated, pages: pages)
        site.unusableKeys = found.unusableKeys
        site.draftPages = found.drafts
        let (redirects, aliasProblems) = Redirect.resolve(pages: pages, files: collisions.files, defaultLanguage: config.defaultLanguage.code)
        site.redirects = redirects
        found.diagnostics += aliasProblems
        let linkOnly = LinkOnlyTargets.resolve(site)
        site.linkOnlyTargets = linkOnly.targets
        found.diagnostics += linkOnly.diagnostics
        if config.languages.count > 1 {
            let status = TranslationReport(site: site, hashingEveryOriginal: false)
            found.diagnostics += status.warnings
            site.translationStatus = status
        }
        return (site, found.diagnostics)
    }

    /// The site's page order: languages as in the settings, then by path.
    static func sort(_ pages: inout [Page], languages: [Language]) {
        let order = Dictionary(uniqueKeysWithValues: languages.enumerated().map { ($1.code, $0) })
        pages.sort { ($0.language == $1.language) ? $0.path < $1.path : order[$0.language, default: .max] < order[$1.language, default: .max] }
    }

    /// Every folder under `content/` must be a language of the settings.
    static func checkLanguageFolders(_ source: SiteSource, config: SiteConfig, into found: inout Findings) {
        let codes = Set(config.languages.map(\.code))
        for folder in source.languageFolders where !codes.contains(folder) {
            found.diagnostics.append(Diagnostic(.error, file: SiteLayout.content(folder),
                "folder is not a language of \(SiteLayout.configFile) (\(config.languages.map(\.code).joined(separator: ", "))); add it to languages or rename it"))
        }
    }

    /// Each language's UI strings: the theme's (`templates/strings/<lang>.yml`),
    /// with the site's `_strings.yml` over them key by key. Empty (and, when
    /// a file could not be read, marked broken) for a language with neither.
    /// A key of the theme's English strings that a language lacks is shown
    /// in English (`SiteRenderer.missingProblems` warns once per language).
    static func parseStrings(_ source: SiteSource, config: SiteConfig, into found: inout Findings) -> [String: UIStrings] {
        let english = source.themeStrings[UIStrings.fallbackLanguage].map { UIStrings.parse($0, language: UIStrings.fallbackLanguage).0.values } ?? [:]
        var strings: [String: UIStrings] = [:]
        for language in config.languages {
            let code = language.code
            var merged = UIStrings(language: code, file: SiteLayout.content(language: code, SiteLayout.stringsFile), values: [:])
            merged.isBroken = source.unreadableStrings.contains(code)
            for (text, isSite) in [(source.themeStrings[code], false), (source.strings[code], true)] {
                guard let text else { continue }
                let (parsed, problems) = UIStrings.parse(text, language: code)
                merged.values.merge(parsed.values) { _, site in site }
                if isSite { merged.siteKeys = Set(parsed.values.keys) }
                merged.isBroken = merged.isBroken || parsed.isBroken
                found.diagnostics += problems
            }
            if !merged.isBroken {
                for (key, text) in english where merged.values[key] == nil {
                    merged.values[key] = text
                    merged.inEnglish.insert(key)
                }
            }
            strings[code] = merged
        }
        return strings
    }

    /// The pages as written, per language, without drafts (unless asked
    /// for) and without pages whose front matter has errors. Front matter
    /// parsing is the slow part: the files the cache does not know are
    /// parsed on every core, in their order.
    static func readPages(_ source: SiteSource, config: SiteConfig, includeDrafts: Bool, cache: PageCache?,
                          into found: inout Findings) -> [String: [Page]] {
        let codes = Set(config.languages.map(\.code))
        let files = source.pages.filter { codes.contains($0.language) }
        let parsed = ResultSlots<(Page?, [Diagnostic])>(count: files.count)
        let fresh = files.indices.filter { index in
            if let known = files[index].known {
                parsed[index] = (knownPage(files[index], known), known.diagnostics)
                return false
            }
            guard let entry = cache?[files[index].source.path], entry.source == files[index].source else { return true }
            parsed[index] = (entry.page, entry.diagnostics)
            return false
        }
        Cores.split(fresh.count) { range in
            for position in range {
                var problems: [Diagnostic] = []
                let page = readPage(files[fresh[position]], diagnostics: &problems)
                parsed[fresh[position]] = (page, problems)
            }
        }
        var written: [String: [Page]] = [:]
        for (file, (read, problems)) in zip(files, parsed.values) {
            cache?[file.source.path] = (file.source, read, problems)
            found.diagnostics += problems
            let id = PageID(language: file.language, path: file.relativePath)
            guard let page = read else {
                found.unusable.insert(id)
                if let key = declaredTranslationKey(file.source) { found.unusableKeys.insert(.page(key)) }
                continue
            }
            if page.metadata.draft && !includeDrafts {
                found.drafts.insert(id)
                continue
            }
            written[file.language, default: []].append(page)
        }
        return written
    }

    /// Each language's pages, one per translation key (a second page with a
    /// key is an error).
    static func onePagePerKey(_ written: [String: [Page]], config: SiteConfig, into found: inout Findings) -> [Page] {
        var pages: [Page] = []
        for language in config.languages {
            var byKey: [TranslationKey: Page] = [:]
            for page in written[language.code] ?? [] {
                if let other = byKey[page.translationKey] {
                    let message = other.relativePath == page.relativePath
                        ? "this file and \(other.sourcePath) are both the folder's page (index.md, _index.md); keep one"
                        : "translationKey '\(page.translationKey)' is also used by \(other.sourcePath); each page of a language needs its own"
                    found.diagnostics.append(Diagnostic(.error, file: page.sourcePath, line: 1, column: 1, message))
                    continue
                }
                byKey[page.translationKey] = page
            }
            pages += byKey.values
        }
        return pages
    }

    /// A translation without `weight` takes its original's, so the order
    /// is set once, in the default language.
    static func inheritWeights(_ pages: [Page], config: SiteConfig) -> [Page] {
        let defaultLanguage = config.defaultLanguage.code
        var weights: [TranslationKey: Int] = [:]
        for page in pages where page.language == defaultLanguage {
            if let weight = page.metadata.weight { weights[page.translationKey] = weight }
        }
        guard !weights.isEmpty else { return pages }
        return pages.map { page in
            guard page.language != defaultLanguage, page.metadata.weight == nil, let weight = weights[page.translationKey] else { return page }
            var inheriting = page
            inheriting.metadata.weight = weight
            return inheriting
        }
    }

    /// For each page of the default language another language lacks: a
    /// fallback page, or nothing, by that language's policy; and a warning
    /// for pages only a translation has.
    static func missingTranslations(of pages: [Page], config: SiteConfig, into found: inout Findings) -> [Page] {
        let defaultLanguage = config.defaultLanguage.code
        let defaultPages = pages.filter { $0.language == defaultLanguage }
        let defaultKeys = Set(defaultPages.map(\.translationKey))
        var fallbacks: [Page] = []
        for language in config.languages.dropFirst() {
            let present = Set(pages.filter { $0.language == language.code }.map(\.translationKey))
            for original in defaultPages where !present.contains(original.translationKey) {
                // As the original is written (`README.md`, `_index.md`).
                let expected = SiteLayout.content(language: language.code,
                    SiteLayout.path(original.sourcePath, inContentOf: defaultLanguage) ?? original.relativePath)
                // A link-only entry has no text to translate.
                let warns = config.missingTranslationWarnings && original.metadata.linkTarget == nil
                let what = "no '\(language.code)' translation of \(original.sourcePath) (translationKey '\(original.translationKey)')"
                switch language.missingPages {
                case .fallback:
                    var fallback = original
                    fallback.language = language.code
                    fallback.path = path(of: original.relativePath, slug: original.metadata.slug, in: language.code)
                    fallbacks.append(fallback)
                    if warns {
                        found.diagnostics.append(Diagnostic(.warning, file: expected, "\(what); built from '\(defaultLanguage)' with a notice",
                                                            kind: "missing translations"))
                    }
                case .omit:
                    if warns {
                        found.diagnostics.append(Diagnostic(.warning, file: expected,
                            "\(what); left out, links to it go to the '\(language.code)' home page", kind: "missing translations"))
                    }
                }
            }
            for page in pages where page.language == language.code && !defaultKeys.contains(page.translationKey) {
                // A page whose original is broken (reported) has one, unusable.
                guard !found.unusableKeys.contains(page.translationKey),
                      !found.unusable.contains(where: { $0.language == defaultLanguage && .page($0.defaultTranslationKey) == page.translationKey })
                else { continue }
                found.diagnostics.append(Diagnostic(.warning, file: page.sourcePath,
                    "no '\(defaultLanguage)' version (translationKey '\(page.translationKey)'); the page exists only in '\(language.code)'",
                    kind: "pages only a translation has"))
            }
        }
        return fallbacks
    }

    /// Every language needs a home page (one whose file has errors is
    /// already reported).
    static func checkHomePages(_ pages: [Page], config: SiteConfig, into found: inout Findings) {
        for language in config.languages where !pages.contains(where: { $0.language == language.code && $0.isHome })
            && !found.unusable.contains(PageID(language: language.code, path: "index.md")) {
            found.diagnostics.append(Diagnostic(.error, file: SiteLayout.content(language: language.code, "index.md"),
                "language '\(language.code)' has no home page; add content/\(language.code)/index.md"))
        }
    }

    /// One page per URL: two written pages with one URL are an error; a
    /// written page keeps its URL over a fallback.
    static func onePagePerURL(_ pages: [Page], into found: inout Findings) -> [Page] {
        var byPath: [SitePath: Page] = [:]
        var kept: [Page] = []
        for page in pages.sorted(by: { ($0.isFallback ? 1 : 0, $0.sourcePath) < ($1.isFallback ? 1 : 0, $1.sourcePath) }) {
            guard let other = byPath[page.path] else {
                byPath[page.path] = page
                kept.append(page)
                continue
            }
            if !page.isFallback {
                found.diagnostics.append(Diagnostic(.error, file: page.sourcePath, line: 1, column: 1,
                    "this page and \(other.sourcePath) would both be '\(page.path.outputFile)'; give one another slug or file name"))
                found.unusable.insert(PageID(language: page.language, path: page.relativePath))
            } else if !other.isFallback {
                // Most often the page translates that one under another
                // file name, and does not say so.
                found.diagnostics.append(Diagnostic(.error, file: other.sourcePath, line: 1, column: 1,
                    "this page takes the URL '\(page.path.outputFile)' of the fallback for \(page.sourcePath); if it translates that page, give it 'translationKey: \(page.translationKey)', else another slug or file name"))
                // Links to the fallback left out are not errors too.
                found.unusableKeys.insert(page.translationKey)
            }
        }
        return kept
    }

    /// The files beside the pages in the language folders, by output path.
    static func contentFiles(_ source: SiteSource, config: SiteConfig) -> [SitePath: [UInt8]] {
        let codes = Set(config.languages.map(\.code))
        var files: [SitePath: [UInt8]] = [:]
        for file in source.contentFiles where codes.contains(String(file.relativePath.prefix(while: { $0 != "/" }))) {
            files[SitePath(file.relativePath)] = file.bytes
        }
        return files
    }

    /// The `translationKey` a page with front matter errors declares, if
    /// its YAML can be read at all.
    static func declaredTranslationKey(_ source: SourceText) -> String? {
        guard let split = try? FrontMatter.split(source), let yaml = split.yaml,
              let parsed = try? YAMLText(yaml, file: source.path, firstLine: split.yamlStartLine)
        else { return nil }
        return parsed.root?.mapping?["translationKey"]?.string
    }

    /// A page as written in its language folder, or nil when its front matter
    /// has errors (reported).
    static func readPage(_ file: SiteSource.PageFile, diagnostics: inout [Diagnostic]) -> Page? {
        let split: FrontMatter
        do {
            split = try FrontMatter.split(file.source)
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
        let heading = BodyTitle(split.markdown)
        let (parsed, problems) = PageMetadata.parse(split.yaml, file: file.source.path, firstLine: split.yamlStartLine,
                                                    titleFromBody: heading?.text)
        diagnostics += problems
        guard let metadata = parsed else { return nil }
        var body = split.markdown
        if let heading {
            if heading.text == metadata.title {
                // The title is printed above the body: not twice.
                body = heading.rest
            } else {
                diagnostics.append(Diagnostic(.warning, file: file.source.path, line: heading.line, column: 1,
                    "the page's title '\(metadata.title)' and its first heading '\(heading.text)' differ, so it shows both; remove the heading, or the front matter's title to use the heading",
                    kind: "pages whose title and first heading differ"))
            }
        }

        if isIndexPage(file.relativePath) && metadata.slug != nil {
            diagnostics.append(Diagnostic(.warning, file: file.source.path,
                "slug is ignored on an index.md page, which takes its folder's name"))
        }
        var page = makePage(file, metadata: metadata, body: body)
        page.setFrontMatter(split.yamlText, line: split.yamlStartLine)
        return page
    }

    /// The page of a file a build before read (`KnownPage`), as `readPage` made it.
    static func knownPage(_ file: SiteSource.PageFile, _ known: KnownPage) -> Page {
        var page = makePage(file, metadata: known.metadata, body: known.body)
        page.setFrontMatter(known.frontMatterYAML.map { $0[...] }, line: known.frontMatterLine)
        return page
    }

    /// A page of its language folder: its key and URL follow from its file and front matter.
    static func makePage(_ file: SiteSource.PageFile, metadata: PageMetadata, body: MarkdownBody) -> Page {
        let key = file.relativePath == "index.md" ? TranslationKey.home
            : .page(metadata.translationKey ?? String(file.relativePath.dropLast(".md".count)))
        return Page(
            language: file.language, contentLanguage: file.language, sourcePath: file.source.path,
            relativePath: file.relativePath, translationKey: key, metadata: metadata,
            body: body, path: path(of: file.relativePath, slug: metadata.slug, in: file.language))
    }

    /// The body `readPage` gives the page of `source` titled `title`:
    /// without its first heading when that is the title. Nil when the
    /// front matter is not closed.
    package static func body(of source: SourceText, title: String) -> SourceText? {
        guard let split = try? FrontMatter.split(source) else { return nil }
        if let heading = BodyTitle(split.markdown), heading.text == title { return heading.rest.source }
        return split.markdown.source
    }

    /// Whether a file of a language folder is its folder's page (`index.md`).
    static func isIndexPage(_ relativePath: String) -> Bool {
        relativePath == "index.md" || relativePath.hasSuffix("/index.md")
    }

    /// The URL of the page of `relativePath` (a file of a language folder)
    /// in `language`: the file's folders, then its name without `.md`, or
    /// its `slug`; an `index.md` takes its folder's URL. A fallback page is
    /// placed by the same rule in the language it is built in.
    static func path(of relativePath: String, slug: String?, in language: String) -> SitePath {
        var segments = relativePath.dropLast(".md".count).split(separator: "/").map(String.init)
        if isIndexPage(relativePath) {
            segments.removeLast()
        } else if let slug {
            segments[segments.count - 1] = slug
        }
        return SitePath(([language] + segments).map { $0 + "/" }.joined())
    }
}
