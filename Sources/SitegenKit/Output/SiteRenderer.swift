import Dispatch
import Foundation
import SitegenSupport
import SitegenMustache
import SitegenMarkdown

/// Renders a `Site` through the templates into an `OutputPlan`: every page,
/// the root language chooser, `404.html`, theme assets, files beside the
/// pages, and with a base URL `sitemap.xml` and `robots.txt`. Pure: no files.
package struct SiteRenderer: Sendable {
    package let site: Site
    package let templates: TemplateSet
    package let assets: HashedAssets
    package let fileLinks: Bool
    /// How many cores render pages; nil: all the machine has.
    package var workers: Int?
    /// Shortcode partials, `params:` and included files, for every page.
    let shortcodes: ShortcodeSettings
    /// Each distinct link target's resolution, shared by every page.
    let linkResolutions = LinkResolutions()
    /// The Markdown options of the pages whose text is in each language:
    /// made once (building the callout labels for each page was 3 % of a
    /// link-heavy build).
    let markdownOptions: [String: MarkdownOptions]

    /// - Parameter includes: where pages' included files are read (nil: a
    ///   page that includes a file gets an error).
    package init(site: Site, templates: TemplateSet, assets: HashedAssets, fileLinks: Bool = false, workers: Int? = nil,
                includes: (any IncludeSource)? = nil) {
        self.site = site
        self.templates = templates
        self.assets = assets
        self.fileLinks = fileLinks
        self.workers = workers
        let shortcodes = SiteShortcodes.settings(templates: templates, params: SiteShortcodes.flatten(site.config.params), includes: includes)
        self.shortcodes = shortcodes
        self.markdownOptions = site.strings.mapValues { strings in
            site.config.markdown.options(calloutLabels: strings.calloutLabels, footnoteLabels: strings.footnoteLabels,
                                         reservedIDs: templates.templateIDs, shortcodes: shortcodes)
        }
    }

    /// One page's result; Sendable, so pages can render on several cores.
    package struct RenderedPage: Sendable {
        package var path: SitePath
        package var html: [UInt8]
        /// The ids of the page's own content: not those the templates write
        /// (`TemplateSet.templateIDs`), which every laid-out page has and
        /// each page's set held again (a page from a build cache may have
        /// them here too).
        package var ids: Set<String>
        package var anchorChecks: [LinkResolver.AnchorCheck]
        package var diagnostics: [Diagnostic]
        package var missingStrings: Set<String>
        package var missingAssets: Set<String>
        /// The pages this page links to (for incremental builds), in no
        /// order: an array takes half a set's room, and every page keeps
        /// one to the end of the build.
        package var linkedPages: [SitePath]
        /// The files the page includes, site-relative (for incremental builds).
        package var includedFiles: Set<String> = []

        package init(path: SitePath, html: [UInt8], ids: Set<String>, anchorChecks: [LinkResolver.AnchorCheck],
                     diagnostics: [Diagnostic], missingStrings: Set<String>, missingAssets: Set<String>,
                     linkedPages: Set<SitePath>, includedFiles: Set<String> = []) {
            self.path = path
            self.html = html
            self.ids = ids
            self.anchorChecks = anchorChecks
            self.diagnostics = diagnostics
            self.missingStrings = missingStrings
            self.missingAssets = missingAssets
            self.linkedPages = Array(linkedPages)
            self.includedFiles = includedFiles
        }
    }

    /// Every page's last result, by path, so an incremental build renders
    /// only the pages a change affects.
    package struct Cache: Sendable {
        package var pages: [SitePath: RenderedPage] = [:]

        package init() {}

        /// The pages that link to any of `targets`.
        package func pages(linkingTo targets: Set<SitePath>) -> Set<SitePath> {
            Set(pages.values.filter { !targets.isDisjoint(with: $0.linkedPages) }.map(\.path))
        }

        /// The pages that include any of `files` (site-relative paths).
        package func pages(including files: Set<String>) -> Set<SitePath> {
            Set(pages.values.filter { !$0.includedFiles.isDisjoint(with: files) }.map(\.path))
        }

        /// Every file some page includes.
        package var includedFiles: Set<String> {
            pages.values.reduce(into: []) { $0.formUnion($1.includedFiles) }
        }
    }

    /// - Parameters:
    ///   - progress: called with the number of pages rendered so far.
    ///   - cache, only: with both, only the pages in `only` (and pages the
    ///     cache lacks) are rendered; the rest come from the cache.
    ///   - sink: when given, gets every file as soon as it is made (from
    ///     several cores at once), and the plan and cache hold no bytes: a
    ///     build then never holds the whole site in memory.
    ///   - bodies: the pages' bodies, when they were taken out of the site
    ///     (`Site.takeBodies`); each is let go once its page has rendered.
    package func render(progress: (@Sendable (Int) -> Void)? = nil, cache: Cache? = nil, only: Set<SitePath>? = nil,
                       sink: (@Sendable (SitePath, [UInt8]) -> Void)? = nil, bodies: PageBodies? = nil) -> (OutputPlan, [Diagnostic], Cache) {
        let rendered = renderPages(progress: progress, cache: cache, only: only, sink: sink, bodies: bodies)
        var plan = OutputPlan()
        func emit(_ path: SitePath, _ bytes: [UInt8]) {
            if let sink { sink(path, bytes) } else { plan.files[path] = bytes }
        }
        var diagnostics: [Diagnostic] = []
        var missingStrings: [String: Set<String>] = [:]
        var missingAssets: Set<String> = []
        var ids: [SitePath: Set<String>] = [:]
        for (page, result) in zip(site.pages, rendered) {
            if sink == nil { plan.files[result.path] = result.html }
            ids[result.path] = result.ids
            diagnostics += result.diagnostics
            missingStrings[page.language, default: []].formUnion(result.missingStrings)
            missingAssets.formUnion(result.missingAssets)
        }

        diagnostics = UnknownCodeLanguages.onePerLanguage(diagnostics)

        // Anchors can be checked only now that every page's ids are known.
        diagnostics += anchorProblems(rendered.flatMap(\.anchorChecks), ids: ids)

        let special = renderSpecialPages()
        let rootFiles = RootFiles.check(site: site, specialPages: Set(special.files.keys), assets: Set(assets.files.keys))
        diagnostics += rootFiles.diagnostics
        for (path, bytes) in special.files.sorted(by: { $0.key < $1.key }) where rootFiles.files[path] == nil { emit(path, bytes) }
        diagnostics += special.diagnostics
        for (language, keys) in special.missingStrings { missingStrings[language, default: []].formUnion(keys) }
        missingAssets.formUnion(special.missingAssets)

        diagnostics += missingProblems(strings: missingStrings, assets: missingAssets)

        diagnostics += assets.diagnostics
        for (path, bytes) in assets.files { emit(path, bytes) }
        for (path, bytes) in site.contentFiles { emit(path, bytes) }
        for (folder, redirect) in site.redirects.sorted(by: { $0.key < $1.key }) {
            emit(SitePath(folder.outputFile), Array(redirect.html(at: folder, baseURL: site.config.baseURL, fileLinks: fileLinks).utf8))
        }
        if let base = site.config.baseURL {
            emit(SitePath("sitemap.xml"), Array(Sitemap.xml(for: site, baseURL: base).utf8))
            if rootFiles.files[SitePath("robots.txt")] == nil {
                emit(SitePath("robots.txt"), Array(Sitemap.robots(baseURL: base).utf8))
            }
        }
        for (path, bytes) in rootFiles.files.sorted(by: { $0.key < $1.key }) { emit(path, bytes) }
        var newCache = Cache()
        for result in rendered { newCache.pages[result.path] = result }
        return (plan, diagnostics, newCache)
    }

    /// Links to anchors that the page they reach does not have.
    func anchorProblems(_ checks: [LinkResolver.AnchorCheck], ids: [SitePath: Set<String>]) -> [Diagnostic] {
        // The hint is made once per target: a page with 20,000 headings and
        // 40,000 broken anchors into it sorted its ids 40,000 times.
        var hints: [SitePath: String] = [:]
        func hint(_ target: SitePath) -> String {
            if let hint = hints[target] { return hint }
            let known = (ids[target] ?? []).subtracting(templates.templateIDs).sorted()
            let more = known.count > 12 ? " and \(known.count - 12) more" : ""
            let hint = known.isEmpty ? "it has no headings" : "its ids are: " + known.prefix(12).joined(separator: ", ") + more
            hints[target] = hint
            return hint
        }
        // The templates' ids are on every page they lay out: not a link-only page.
        func has(_ target: SitePath, _ fragment: String) -> Bool {
            guard let own = ids[target] else { return true }
            return own.contains(fragment)
                || templates.templateIDs.contains(fragment) && site.page(at: target)?.metadata.linkTarget == nil
        }
        return checks.filter { !has($0.targetPath, $0.fragment) }.map { check in
            let hint = hint(check.targetPath)
            let via = check.via.map { " (linked from \($0), built from this file)" } ?? ""
            return .error("anchor '#\(check.fragment)' does not exist in \(check.targetSource)\(via); \(hint)", at: check.location)
        }
    }

    /// UI strings a language lacks (every key a template names, and those
    /// asked for while rendering), and theme files templates ask for that do
    /// not exist. A language whose strings file has errors is not asked.
    func missingProblems(strings missing: [String: Set<String>], assets missingAssets: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for language in site.config.languages where !site.strings[language.code]!.isBroken {
            let strings = site.strings[language.code]!
            let keys = (missing[language.code] ?? []).union(templates.uiStringKeys.filter { strings[$0] == nil })
            let english = strings.inEnglish.filter { templates.uiStringKeys.contains($0) }.sorted()
            if !english.isEmpty {
                let some = english.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (english.count > 3 ? ", ..." : "")
                diagnostics.append(Diagnostic(.warning, file: strings.file,
                    "language '\(language.code)' lacks \(english.count) of the UI strings the templates show (\(some)), shown in English; translate them here (the built-in theme's strings/en.yml has them all)",
                    kind: "languages with UI strings in English"))
            }
            for key in keys.sorted() {
                if let tag = templates.uiStringTags[key] {
                    diagnostics.append(.error("this template asks for UI string '\(key)', which language '\(language.code)' lacks; add '\(key): ...' to \(strings.file)", at: tag))
                } else {
                    diagnostics.append(Diagnostic(.error, file: strings.file,
                        "a template asks for UI string '\(key)', which language '\(language.code)' lacks; add '\(key): ...' here"))
                }
            }
        }
        for name in missingAssets.sorted() {
            diagnostics.append(Diagnostic(.error, file: SiteLayout.asset(name),
                "a template asks for asset '\(name)', which does not exist in templates/assets/"))
        }
        return diagnostics
    }

    /// Renders every page, on as many cores as the machine has, each core
    /// taking its own share of the pages. The result is in page order, so the
    /// output does not depend on timing.
    func renderPages(progress: (@Sendable (Int) -> Void)?, cache: Cache?, only: Set<SitePath>?,
                     sink: (@Sendable (SitePath, [UInt8]) -> Void)? = nil, bodies: PageBodies? = nil) -> [RenderedPage] {
        let pages = site.pages
        let results = ResultSlots<RenderedPage>(count: pages.count)
        let pending = pages.indices.filter { index in
            guard let only, !only.contains(pages[index].path), let cached = cache?.pages[pages[index].path] else { return true }
            results[index] = cached
            return false
        }
        // By default a core only joins for at least 16 pages (starting one
        // costs more than rendering a few); a given number is used as it is.
        let workers = max(1, self.workers.map { min($0, pending.count) }
            ?? min(Cores.count, pending.count / 16))
        let counter = ResultSlots<Int>(count: 1)
        Cores.run(workers: workers) { worker in
            var position = worker
            while position < pending.count {
                let index = pending[position]
                var result = renderPage(pages[index], body: bodies?.take(index))
                if let sink {
                    // Streaming is for builds, whose cache keeps no HTML.
                    sink(result.path, result.html)
                    result.html = []
                }
                results[index] = result
                if let progress, position % 100 == 0 { progress(counter.increment(by: 100)) }
                position += workers
            }
        }
        return results.values
    }

    /// - Parameter body: the page's body, when the site no longer holds it.
    func renderPage(_ page: Page, body taken: MarkdownBody? = nil) -> RenderedPage {
        if let target = page.metadata.linkTarget {
            let url = site.linkOnlyTargets[page.path]?.url(from: page.path, fileLinks: fileLinks) ?? target
            let html = Redirect.linkOnlyHTML(to: url, title: page.metadata.title, language: page.language)
            return RenderedPage(path: page.path, html: Array(html.utf8), ids: [], anchorChecks: [], diagnostics: [],
                                missingStrings: [], missingAssets: [], linkedPages: [])
        }
        let strings = UIStringLookup(site.strings[page.language]!)
        let contentStrings = site.strings[page.contentLanguage]!
        let assetLookup = AssetLookup(assets: assets, page: page.path)
        var resolver = LinkResolver(site: site, page: page, fileLinks: fileLinks, resolutions: linkResolutions)
        let options = markdownOptions[page.contentLanguage]!
        let body = (taken ?? page.markdownBody).source
        var markdown = MarkdownRenderer.render(body, options: options, rewriteLink: { resolver.rewrite($0) },
                                               imageSize: { [resolver] in resolver.imageSize($0) })

        var diagnostics = ReferenceDefinitionErrors.collapse(markdown.diagnostics + resolver.diagnostics,
                                                             links: markdown.links, source: body)
        // A first line '# Heading' that differs from the title is warned
        // about when the page is read (`SiteResolver.readPage`).
        let levelOne = markdown.headings.filter { $0.level == 1 }
        let titleLine = levelOne.isEmpty ? nil : BodyTitle(MarkdownBody(body))?.line
        for heading in levelOne where heading.file != nil || heading.line != titleLine {
            diagnostics.append(Diagnostic(.error, file: heading.file ?? page.sourcePath, line: heading.line, column: heading.column,
                "heading '# \(heading.text)': the page title (front matter 'title') is the page's only level-1 heading; use '##' for sections"))
        }
        for (type, place) in markdown.calloutLabelsUsed.sorted(by: { $0.key < $1.key }) {
            let kind = CalloutKind(type: type).rawValue
            let key = "callout." + (contentStrings.calloutLabels.labels[type] != nil ? type : kind)
            if contentStrings[key] != nil {
                guard contentStrings.inEnglish.contains(key) else { continue }
                diagnostics.append(.warning(
                    "this '\(type)' callout is titled in English: language '\(page.contentLanguage)' lacks the UI string '\(key)'; add it to \(contentStrings.file), or write a title after the marker",
                    at: place).of(kind: "callouts titled in English"))
                continue
            }
            guard !contentStrings.isBroken else { continue }
            diagnostics.append(.error(
                "this '\(type)' callout has no title of its own, and language '\(page.contentLanguage)' lacks the UI string 'callout.\(type)'\(kind == type ? "" : " (or 'callout.\(kind)')"); add it to \(contentStrings.file), or write a title after the marker",
                at: place))
        }

        var layout = page.metadata.layout ?? TemplateSet.defaultLayout
        var anchorChecks = resolver.anchorChecks
        let html: String
        // The page's HTML lives in the context alone, which goes at the end
        // of this block: a large page's text, HTML, laid-out page and bytes
        // were alive at once (issue 25).
        do {
            let context = TemplateContext(site: site, fileLinks: fileLinks)
                .page(page, content: markdown, strings: strings, assets: assetLookup)
            // Room for the page: its HTML, a table of contents (an entry
            // per heading) and the layout. Too little, and the page is
            // copied as it grows, the old and new copy alive at once (a
            // 10 MB page's peak); room not written is not memory used.
            let capacity = markdown.html.utf8.count + 16_384
                + markdown.headings.reduce(0) { $0 + 2 * ($1.text.utf8.count + $1.id.utf8.count) + 128 }
            markdown.html = ""
            if let decision = page.decision {
                // Hints and outcome texts are Markdown from front matter; their
                // links resolve like the page's own.
                var decisionContext = DecisionContext(site: site, page: page, fileLinks: fileLinks)
                context["decision"] = decisionContext.values(decision) { fragment in
                    let padded = String(repeating: "\n", count: max(fragment.line - 1, 0)) + fragment.markdown
                    var fragmentResolver = LinkResolver(site: site, page: page, fileLinks: fileLinks, resolutions: linkResolutions)
                    let rendered = MarkdownRenderer.render(SourceText(padded, path: page.sourcePath), options: options) { fragmentResolver.rewrite($0) }
                    diagnostics += rendered.diagnostics + fragmentResolver.diagnostics
                    anchorChecks += fragmentResolver.anchorChecks
                    return rendered.html
                }
                diagnostics += decisionContext.diagnostics
                anchorChecks += decisionContext.anchorChecks
                layout = page.kind.fixedLayout ?? layout
            }
            html = lay(page, out: context, with: layout, capacity: capacity, diagnostics: &diagnostics)
        }
        // A fallback page repeats its original's text, whose problems are
        // reported for the original; only problems of the layout remain.
        if page.isFallback {
            diagnostics = diagnostics.filter { $0.file != page.sourcePath && $0.file != contentStrings.file }
        }
        // What every page keeps to the end of the build (for anchors and the
        // build cache) is made at its size: each page's ids held the
        // templates' dozen too, and `filter` left room for twice the checks.
        var ids = Set<String>(minimumCapacity: markdown.headings.count + markdown.htmlIDs.count)
        for heading in markdown.headings { ids.insert(heading.id) }
        ids.formUnion(markdown.htmlIDs)
        let keep = { (check: LinkResolver.AnchorCheck) in check.needed && (!page.isFallback || check.via != nil) }
        var checks: [LinkResolver.AnchorCheck] = []
        checks.reserveCapacity(anchorChecks.count(where: keep))
        checks.append(contentsOf: anchorChecks.lazy.filter(keep))
        return RenderedPage(
            path: page.path, html: Array(html.utf8), ids: ids, anchorChecks: checks, diagnostics: diagnostics,
            missingStrings: strings.missing, missingAssets: assetLookup.missing,
            linkedPages: resolver.linkedPages, includedFiles: markdown.includedFiles)
    }

    /// The page's HTML through its layout; a missing layout or a partial
    /// nested too deep is an error (and no HTML).
    func lay(_ page: Page, out context: LazyValues, with layout: String, capacity: Int, diagnostics: inout [Diagnostic]) -> String {
        if templates.names.contains(layout) {
            do {
                return try templates.render(.lookup(context), template: layout, capacity: capacity)
            } catch {
                diagnostics.append(.error(error.message,
                    at: templates.inclusionTags[error.template] ?? SourceLocation(file: SiteLayout.template(error.template))))
            }
        } else if page.kind.fixedLayout != nil {
            let message = "template templates/\(layout).mustache is missing; the pages of this decision helper need it"
            if let location = page.metadata.decisionLocation {
                diagnostics.append(.error(message, at: location))
            } else {
                diagnostics.append(Diagnostic(.error, file: SiteLayout.template(layout), message))
            }
        } else if page.metadata.layout != nil {
            diagnostics.append(.error(templates.missingLayout(layout),
                at: page.metadata.layoutLocation ?? SourceLocation(file: page.sourcePath)))
        }
        return ""
    }

    /// The root language chooser and `404.html`.
    func renderSpecialPages() -> (files: [SitePath: [UInt8]], missingStrings: [String: Set<String>], missingAssets: Set<String>,
                                  diagnostics: [Diagnostic]) {
        var files: [SitePath: [UInt8]] = [:]
        var diagnostics: [Diagnostic] = []
        var missingStrings: [String: Set<String>] = [:]
        var missingAssets: Set<String> = []
        let context = TemplateContext(site: site, fileLinks: fileLinks)

        // The 404 page is served at any depth, so its links are absolute: from
        // the base URL's path, or from the server root without one.
        let absoluteBase = site.config.baseURL?.path ?? "/"
        for (name, path, base) in [(TemplateSet.languageChooser, SitePath("index.html"), nil as String?),
                                   (TemplateSet.notFound, SitePath("404.html"), absoluteBase)] {
            guard templates.names.contains(name) else { continue }
            let lookups = Dictionary(uniqueKeysWithValues: site.config.languages.map { ($0.code, UIStringLookup(site.strings[$0.code]!)) })
            let assetLookup = AssetLookup(assets: assets, page: SitePath.root, absoluteBase: base)
            let values = context.rootPage(TemplateContextKind.of(layout: name), file: path, strings: lookups,
                                          assets: assetLookup, absoluteBase: base)
            do {
                files[path] = Array(try templates.render(.object(values), template: name).utf8)
            } catch {
                // Never an empty page in its place: the build fails instead.
                diagnostics.append(.error(error.message,
                    at: templates.inclusionTags[error.template] ?? SourceLocation(file: SiteLayout.template(error.template))))
            }
            for (code, lookup) in lookups { missingStrings[code, default: []].formUnion(lookup.missing) }
            missingAssets.formUnion(assetLookup.missing)
        }
        return (files, missingStrings, missingAssets, diagnostics)
    }
}
