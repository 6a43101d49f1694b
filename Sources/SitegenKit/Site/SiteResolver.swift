import Dispatch
import Foundation

/// Turns a `SiteSource` into a `Site`: reads each page's front matter, gives
/// it a URL, pairs translations and fills in missing pages according to each
/// language's policy. Pure: every problem becomes a diagnostic, and all of
/// them are collected rather than stopping at the first.
public enum SiteResolver {
    /// The translation key of every language's home page (`index.md`).
    public static let homeKey = "index"

    /// Pages already read, by file, so that a rebuild after a change parses
    /// only the files that changed (front matter parsing is the slow part).
    ///
    /// Unchecked Sendable: its one mutable field is read and written only
    /// under `lock` (a build reads it on every core).
    public final class PageCache: @unchecked Sendable {
        typealias Entry = (source: SourceText, page: Page?, diagnostics: [Diagnostic])
        private let lock = NSLock()
        private var entries: [String: Entry] = [:]
        public init() {}

        subscript(file: String) -> Entry? {
            get { lock.withLock { entries[file] } }
            set { lock.withLock { entries[file] = newValue } }
        }
    }

    public static func resolve(_ source: SiteSource, config: SiteConfig, includeDrafts: Bool = false,
                               cache: PageCache? = nil) -> (Site, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let languageCodes = Set(config.languages.map(\.code))

        for folder in source.languageFolders where !languageCodes.contains(folder) {
            diagnostics.append(Diagnostic(.error, file: "content/\(folder)",
                "folder is not a language of \(SiteConfig.fileName) (\(config.languages.map(\.code).joined(separator: ", "))); add it to languages or rename it"))
        }

        var strings: [String: UIStrings] = [:]
        for language in config.languages {
            if let text = source.strings[language.code] {
                let (parsed, problems) = UIStrings.parse(text, language: language.code)
                strings[language.code] = parsed
                diagnostics += problems
            } else {
                strings[language.code] = UIStrings(language: language.code, file: "content/\(language.code)/_strings.yml", values: [:])
                strings[language.code]!.isBroken = source.unreadableStrings.contains(language.code)
            }
        }

        // Pages as written, per language.
        var written: [String: [Page]] = [:]
        var unusable = source.unreadablePages
        var drafts: Set<String> = []
        // Front matter parsing is the slow part: parse the files the cache
        // does not know on every core, in their order.
        let files = source.pages.filter { languageCodes.contains($0.language) }
        let parsed = ResultSlots<(Page?, [Diagnostic])>(count: files.count)
        let fresh = files.indices.filter { index in
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
        for (file, (read, problems)) in zip(files, parsed.values) {
            cache?[file.source.path] = (file.source, read, problems)
            diagnostics += problems
            guard let page = read else {
                unusable.insert(file.language + "/" + file.relativePath)
                continue
            }
            if page.metadata.draft && !includeDrafts {
                drafts.insert(file.language + "/" + file.relativePath)
                continue
            }
            written[file.language, default: []].append(page)
        }

        var pages: [Page] = []
        for language in config.languages {
            var byKey: [String: Page] = [:]
            for page in written[language.code] ?? [] {
                if let other = byKey[page.translationKey] {
                    diagnostics.append(Diagnostic(.error, file: page.sourcePath, line: 1, column: 1,
                        "translationKey '\(page.translationKey)' is also used by \(other.sourcePath); each page of a language needs its own"))
                    continue
                }
                byKey[page.translationKey] = page
            }
            pages += byKey.values
        }

        // Missing translations: a fallback page, or nothing.
        let defaultLanguage = config.defaultLanguage.code
        let defaultPages = pages.filter { $0.language == defaultLanguage }
        for language in config.languages.dropFirst() {
            let present = Set(pages.filter { $0.language == language.code }.map(\.translationKey))
            for original in defaultPages where !present.contains(original.translationKey) {
                let expected = "content/\(language.code)/\(original.relativePath)"
                switch language.missingPages {
                case .fallback:
                    var fallback = original
                    fallback.language = language.code
                    fallback.path = SitePath(language.code + "/" + original.path.value.dropFirst(defaultLanguage.count + 1))
                    pages.append(fallback)
                    diagnostics.append(Diagnostic(.warning, file: expected,
                        "no '\(language.code)' translation of \(original.sourcePath) (translationKey '\(original.translationKey)'); built from '\(defaultLanguage)' with a notice"))
                case .omit:
                    diagnostics.append(Diagnostic(.warning, file: expected,
                        "no '\(language.code)' translation of \(original.sourcePath) (translationKey '\(original.translationKey)'); left out, links to it go to the '\(language.code)' home page"))
                }
            }
            let defaultKeys = Set(defaultPages.map(\.translationKey))
            for page in pages where page.language == language.code && !page.isFallback && !defaultKeys.contains(page.translationKey) {
                diagnostics.append(Diagnostic(.warning, file: page.sourcePath,
                    "no '\(defaultLanguage)' version (translationKey '\(page.translationKey)'); the page exists only in '\(language.code)'"))
            }
        }

        // Decision helpers: each becomes a start page and a page per step.
        let (expanded, decisionProblems) = DecisionResolver.expand(pages, flowSources: source.decisionFlows)
        pages = expanded
        diagnostics += decisionProblems

        // Every language needs a home page; two pages may not share a URL.
        // (A home page whose file has errors is already reported.)
        for language in config.languages where !pages.contains(where: { $0.language == language.code && $0.isHome })
            && !unusable.contains(language.code + "/index.md") {
            diagnostics.append(Diagnostic(.error, file: "content/\(language.code)/index.md",
                "language '\(language.code)' has no home page; add content/\(language.code)/index.md"))
        }
        // Real pages first, so a real page keeps its URL over a fallback.
        var byPath: [SitePath: Page] = [:]
        var kept: [Page] = []
        for page in pages.sorted(by: { ($0.isFallback ? 1 : 0, $0.sourcePath) < ($1.isFallback ? 1 : 0, $1.sourcePath) }) {
            guard let other = byPath[page.path] else {
                byPath[page.path] = page
                kept.append(page)
                continue
            }
            if !page.isFallback {
                diagnostics.append(Diagnostic(.error, file: page.sourcePath, line: 1, column: 1,
                    "this page and \(other.sourcePath) would both be '\(page.path.outputFile)'; give one another slug or file name"))
                unusable.insert(page.language + "/" + page.relativePath)
            } else if !other.isFallback {
                diagnostics.append(Diagnostic(.error, file: other.sourcePath, line: 1, column: 1,
                    "this page takes the URL '\(page.path.outputFile)' of the fallback for \(page.sourcePath); give it another slug or file name"))
            }
        }
        pages = kept

        let order = Dictionary(uniqueKeysWithValues: config.languages.enumerated().map { ($1.code, $0) })
        pages.sort { ($0.language == $1.language) ? $0.path < $1.path : order[$0.language]! < order[$1.language]! }

        var contentFiles: [SitePath: [UInt8]] = [:]
        for file in source.contentFiles {
            let language = String(file.relativePath.prefix(while: { $0 != "/" }))
            if languageCodes.contains(language) {
                contentFiles[SitePath(file.relativePath)] = file.bytes
            }
        }
        let collisions = OutputCollisions.check(pages: pages, files: contentFiles)
        diagnostics += collisions.diagnostics
        var site = Site(config: config, pages: pages, strings: strings, contentFiles: collisions.files)
        site.unusablePages = unusable
        site.rootFiles = Dictionary(source.rootFiles.map { (SitePath($0.relativePath), $0.bytes) }) { first, _ in first }
        site.draftPages = drafts
        if config.languages.count > 1 {
            let status = TranslationReport(site: site, hashingEveryOriginal: false)
            diagnostics += status.warnings
            site.translationStatus = status
        }
        return (site, diagnostics)
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
        let (parsed, problems) = PageMetadata.parse(split.yaml, file: file.source.path, firstLine: split.yamlStartLine)
        diagnostics += problems
        guard let metadata = parsed else { return nil }

        let withoutExtension = String(file.relativePath.dropLast(".md".count))
        let isIndex = withoutExtension == "index" || withoutExtension.hasSuffix("/index")
        var segments = withoutExtension.split(separator: "/").map(String.init)
        if isIndex {
            segments.removeLast()
            if metadata.slug != nil {
                diagnostics.append(Diagnostic(.warning, file: file.source.path,
                    "slug is ignored on an index.md page, which takes its folder's name"))
            }
        } else if let slug = metadata.slug {
            segments[segments.count - 1] = slug
        }
        let path = SitePath(([file.language] + segments).map { $0 + "/" }.joined())
        let key = isIndex && segments.isEmpty ? homeKey : (metadata.translationKey ?? withoutExtension)
        var page = Page(
            language: file.language, contentLanguage: file.language, sourcePath: file.source.path,
            relativePath: file.relativePath, translationKey: key, metadata: metadata,
            body: split.body, path: path)
        page.frontMatter = split.yaml.map { ($0, split.yamlStartLine) }
        return page
    }
}
