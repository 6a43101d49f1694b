import SitegenKit
import Foundation
import SitegenSupport

/// What `sitegen build` is asked to do.
public struct BuildOptions: Sendable {
    /// The site folder (holding `sitegen.yml`).
    public var source: String
    /// Overrides `output` of `sitegen.yml`; relative to the current folder.
    public var output: String?
    /// Overrides `baseURL` of `sitegen.yml`.
    public var baseURL: String?
    /// Include pages marked `draft: true` (`--drafts`).
    public var includeDrafts: Bool
    /// End links to pages in `index.html`, for a site opened from disk (`--file-links`).
    public var fileLinks: Bool
    /// Render every page, ignoring what the build before left
    /// (`IncrementalBuild`); the output is the same either way.
    package var clean = false
    /// Where `search: true` looks for Pagefind (`SITEGEN_PAGEFIND`, `PATH`).
    package var environment: [String: String] = ProcessInfo.processInfo.environment

    /// A build of the site folder `source` into `output` (nil: the settings' `output`, else `_site`).
    public init(source: String = ".", output: String? = nil, baseURL: String? = nil, includeDrafts: Bool = false, fileLinks: Bool = false,
                clean: Bool = false) {
        self.source = source
        self.output = output
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.fileLinks = fileLinks
        self.clean = clean
    }
}

/// The outcome of a build.
public struct BuildReport: Sendable {
    /// Every error and warning, in the order they are printed.
    public var diagnostics: [Diagnostic]
    /// Pages per language code, in the languages' order.
    package var pagesPerLanguage: [(language: String, pages: Int)] = []
    /// How many files the build wrote (or kept, unchanged).
    public var fileCount = 0
    /// The output folder (absolute), written only when the build succeeded.
    public var output: String = ""
    /// How long the build took.
    public var seconds: Double = 0
    /// The output folder asked for may not be used (a usage error).
    package var outputRefused = false

    package init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The errors: a build with any wrote nothing.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The warnings.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    /// Whether the output was written (no errors).
    public var succeeded: Bool { errors.isEmpty }

    /// One line: pages per language, warnings, errors, time.
    public var summary: String { summary(showingOutputAs: output) }

    /// The summary line, with the output folder shown as the caller likes
    /// (relative to the current folder, say).
    package func summary(showingOutputAs shownOutput: String) -> String {
        let pages = pagesPerLanguage.reduce(0) { $0 + $1.pages }
        let perLanguage = pagesPerLanguage.map { "\($0.language) \($0.pages)" }.joined(separator: ", ")
        let time = seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.2f s", seconds)
        let counts = "\(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
        if succeeded {
            return "built \(pages) pages (\(perLanguage)) and \(fileCount) files into \(shownOutput), \(counts), in \(time)"
        }
        return "build failed: \(errors.count) error\(errors.count == 1 ? "" : "s"), \(counts), in \(time); nothing was written"
    }
}

/// `sitegen build`, as a list of named steps: load, resolve, render, write.
/// Each step reports its progress through `log`.
public enum SiteBuilder {
    /// A step of the build as `sitegen build` prints it (`load`, `resolve`, `render`, `write`...).
    public struct Step: Sendable {
        /// The step's name.
        public var name: String
        /// What the step did, in a line.
        public var detail: String
        /// Printed only with `--verbose`.
        public var isDetail = false
    }

    /// - Throws: `SiteLoader.NotASiteFolder` when `options.source` has no
    ///   `sitegen.yml` (a usage error). Content problems are in the report.
    public static func build(_ options: BuildOptions, log: (Step) -> Void = { _ in },
                             progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> BuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        var report = BuildReport(diagnostics: [])
        let listing = try SiteLoader.list(options.source)
        // Nothing changed since the build before: nothing to read or make.
        var opened: StagedOutput?
        if !options.clean {
            switch UnchangedBuild.attempt(listing, options, log: log) {
            case .unchanged(let unchanged): return finish(unchanged, since: start, clock: clock)
            case .changed(let staged): opened = staged
            }
        }
        // The cache the build before left: the pages it read need not be read again.
        var previous = opened.map(IncrementalBuild.Previous.init)
        let known = previous?.knownPages(root: listing.root)
        guard let resolved = try resolve(options, report: &report, log: log, listing: listing, known: known, keepingFacts: true) else {
            report.diagnostics.append(Diagnostic(.warning, file: SiteLayout.configFile,
                "the pages were not checked, because the settings have errors; fix them and build again"))
            return finish(report, since: start, clock: clock)
        }
        // 4. Write, as the pages render: only a build without errors so far
        // starts, and only one without errors at the end replaces the output.
        // With errors, the pages still render, for every error the first
        // build can show, and nothing is written.
        guard report.succeeded else {
            checkWithoutWriting(resolved, options, report: &report, log: log)
            return finish(report, since: start, clock: clock)
        }
        // `search: true` without Pagefind fails before anything is written.
        var pagefind: PagefindCommand?
        if resolved.site.config.search {
            do {
                pagefind = try PagefindCommand.locate(environment: options.environment)
            } catch {
                report.diagnostics.append(Diagnostic(.error, file: SiteLayout.configFile, error.description))
                return finish(report, since: start, clock: clock)
            }
        }
        let staged: StagedOutput
        do throws(OutputFolder.WriteError) {
            if let opened {
                staged = opened
            } else {
                staged = try StagedOutput(output: report.output, source: resolved.source.root) { note in
                    log(Step(name: "wait", detail: note))
                }
            }
        } catch {
            report.diagnostics.append(Diagnostic(.error, file: report.output, "\(error)"))
            report.outputRefused = error.isRefusal
            return finish(report, since: start, clock: clock)
        }
        // A failed write is kept by `staged` and reported by `commit`.
        let sink: @Sendable (SitePath, [UInt8]) -> Void = { path, bytes in try? staged.write(path, bytes) }
        let fingerprint = BuildFingerprint(resolved, options: options)
        let templateIDs = resolved.templates.templateIDs
        let reuse = options.clean ? IncrementalBuild.Reuse()
            : IncrementalBuild.reuse(resolved, fingerprint: fingerprint, templateIDs: templateIDs, staged: staged,
                                     previous: previous ?? IncrementalBuild.Previous(staged), log: log)
        // What reuse took of the cache is all the build needs of it now.
        previous = nil
        // Some pages render: few files change, written into the output itself.
        if reuse.pages != nil && pagefind == nil { staged.writeInPlace() }
        let rendering = render(resolved, options, report: &report, log: log, progress: progress,
                               incremental: reuse.pages ?? IncrementalInput(), sink: sink)
        if report.succeeded, let pagefind {
            indexSearch(staged, with: pagefind, reusing: reuse.search == pagefind.identity, report: &report, log: log)
        }
        report.fileCount = staged.fileCount
        if report.succeeded {
            do {
                try staged.commit()
                log(Step(name: "write", detail: report.output))
                let inputs = BuildInputs.hash(listing, options: options, lastUpdated: resolved.site.config.lastUpdated,
                                              included: Array(rendering.cache.includedFiles), search: pagefind?.identity, settled: true)
                let done = BuildCache.Report(pagesPerLanguage: report.pagesPerLanguage, diagnostics: sorted(report.diagnostics),
                                              translations: resolved.site.translationStatus?.summaryLine)
                IncrementalBuild.save(rendering, facts: resolved.pageFacts, fingerprint: fingerprint, templateIDs: templateIDs, search: pagefind?.identity,
                                      inputs: inputs, report: done, reused: reuse, staged: staged, log: log)
            } catch {
                report.diagnostics.append(Diagnostic(.error, file: report.output, "\(error)"))
            }
        } else {
            staged.discard()
        }
        return finish(report, since: start, clock: clock)
    }

    /// Step 3 after errors: the pages render into nothing, so that their
    /// links, anchors and Markdown are checked too; and what could not be
    /// checked is said, with how many files it covers.
    static func checkWithoutWriting(_ resolved: ResolvedSite, _ options: BuildOptions, report: inout BuildReport, log: (Step) -> Void) {
        let pageCount = resolved.site.pages.count
        if report.errors.contains(where: { $0.file.hasPrefix(SiteLayout.templatesFolder + "/") }) {
            report.diagnostics.append(Diagnostic(.warning, file: SiteLayout.templatesFolder + "/",
                "the \(pageCount) pages were not rendered, so their links, anchors and Markdown were not checked, because the templates have errors; fix them and build again"))
            return
        }
        _ = render(resolved, options, report: &report, log: log, progress: nil, sink: { _, _ in })
        let unusable = resolved.site.unusablePages.count
        if unusable > 0 {
            report.diagnostics.append(Diagnostic(.warning, file: SiteLayout.content(""),
                "\(unusable) page file\(unusable == 1 ? "" : "s") with errors above could not be rendered, so their links and Markdown were not checked; fix them and build again"))
        }
    }

    /// What the first three steps make: the output in memory, and what a
    /// later incremental build can reuse.
    package struct Rendering: Sendable {
        package var plan: OutputPlan
        package var site: Site
        package var cache: SiteRenderer.Cache
        /// The site folder (absolute).
        package var sourceRoot: String
        /// How many pages were rendered (the others were reused from a cache).
        package var renderedPages: Int
        /// What was loaded, and the problems loading found.
        package var source: SiteSource
        package var loadDiagnostics: [Diagnostic]
    }

    /// A site loaded and resolved, with its templates: everything a command
    /// needs before rendering.
    package struct ResolvedSite: Sendable {
        package var source: SiteSource
        package var loadDiagnostics: [Diagnostic]
        package var site: Site
        package var templates: TemplateSet
        /// The pages the build before read, made from its cache (`KnownPages`).
        var known: KnownPages?
        /// What this build knows of each page file, for the next (`PageFacts`).
        var pageFacts: [PageFacts] = []
    }

    /// Steps 1 to 3: load, resolve, render; no writing. Nil when the settings
    /// are unusable (reported). `incremental` brings what a build before
    /// left that this one can reuse.
    package static func render(
        _ options: BuildOptions, report: inout BuildReport, log: (Step) -> Void = { _ in },
        progress: (@Sendable (Int, Int) -> Void)? = nil, incremental: IncrementalInput = IncrementalInput()
    ) throws -> Rendering? {
        guard let resolved = try resolve(options, report: &report, log: log, incremental: incremental) else { return nil }
        return render(resolved, options, report: &report, log: log, progress: progress, incremental: incremental)
    }

    /// Steps 1 and 2: load (the only reads; an incremental build passes what
    /// it loaded), the settings, resolve, and the templates. Nil when the
    /// settings are unusable (reported).
    package static func resolve(
        _ options: BuildOptions, report: inout BuildReport, log: (Step) -> Void = { _ in },
        incremental: IncrementalInput = IncrementalInput(), listing: SiteLoader.Listing? = nil
    ) throws -> ResolvedSite? {
        try resolve(options, report: &report, log: log, incremental: incremental, listing: listing, known: nil, keepingFacts: false)
    }

    /// `resolve`, making the `known` pages from their facts, and with
    /// `keepingFacts` (and a `listing`), keeping every page's facts.
    static func resolve(
        _ options: BuildOptions, report: inout BuildReport, log: (Step) -> Void = { _ in },
        incremental: IncrementalInput = IncrementalInput(), listing: SiteLoader.Listing?, known: KnownPages?, keepingFacts: Bool
    ) throws -> ResolvedSite? {
        // 1. Load.
        var (source, loadProblems, parsedConfig, configProblems) = try SitePipeline.load(options.source, loaded: incremental.loaded,
                                                                                          listing: listing, known: known)
        report.diagnostics += loadProblems + configProblems
        let unread = source.pages.count(where: { $0.known != nil })
        let notRead = unread == 0 ? "" : " (\(unread) unchanged since the build before, not read)"
        log(Step(name: "load", detail: "\(source.pages.count) Markdown files\(notRead), \(source.templates.count) templates, \(source.assets.count + source.contentFiles.count) other files"))
        for file in source.themeFiles {
            log(Step(name: "theme", detail: file.isBuiltIn ? "\(file.path): built in" : "\(file.path): the site's templates/\(file.path)", isDetail: true))
        }

        if let baseURL = options.baseURL {
            switch BaseURL.parse(baseURL) {
            case .success(let url): parsedConfig?.baseURL = url
            case .failure(let problem): report.diagnostics.append(Diagnostic(.error, file: "--base-url", problem.description))
            }
        }
        guard let config = parsedConfig else { return nil }
        // `lastUpdated`: one git process (or one stat per page) for the whole
        // site, again on every build (a commit changes no page file), but
        // in serve only when the repository changed (`GitDatesMemo`).
        if let setting = config.lastUpdated {
            let (dates, problems) = PageDates.load(setting, source: source, environment: options.environment, memo: incremental.gitDates)
            source.lastUpdated = dates
            report.diagnostics += problems
            log(Step(name: "dates", detail: "\(dates.count) page dates from \(setting.rawValue)", isDetail: true))
        }
        let (output, outputProblem) = outputFolder(options, config: config, root: source.root)
        report.output = output
        report.diagnostics += outputProblem.map { [$0] } ?? []

        // 2. Resolve: pages, URLs, translations; and the templates, so that
        // every error found before rendering is known before writing starts.
        let read = incremental.pageCache ?? (keepingFacts ? SiteResolver.PageCache() : nil)
        let (site, resolveProblems) = SiteResolver.resolve(source, config: config, includeDrafts: options.includeDrafts, cache: read)
        var pageFacts: [PageFacts] = []
        if keepingFacts, let listing, let read {
            pageFacts = PageFacts.collect(source, listing: listing, read: read, known: known)
        }
        report.diagnostics += resolveProblems
        report.pagesPerLanguage = config.languages.map { language in (language.code, site.pages(in: language.code).count) }
        log(Step(name: "resolve", detail: report.pagesPerLanguage.map { "\($0.language) \($0.pages)" }.joined(separator: ", ") + " pages"))
        if let translations = site.translationStatus { log(Step(name: "translations", detail: translations.summaryLine)) }
        for note in HostingNotes.notes(baseURL: config.baseURL?.description, fileLinks: options.fileLinks) { log(Step(name: "note", detail: note)) }
        let (templates, templateProblems) = TemplateSet.load(source.templates)
        report.diagnostics += templateProblems
        return ResolvedSite(source: source, loadDiagnostics: loadProblems, site: site, templates: templates, known: known, pageFacts: pageFacts)
    }

    /// The output folder (absolute): `--output`, else the settings'
    /// `output`, which may only name a folder inside the site folder
    /// (a site folder may come from anyone: its settings choose a folder
    /// inside it, never where else to write); the problem when it does not.
    static func outputFolder(_ options: BuildOptions, config: SiteConfig, root: String) -> (String, Diagnostic?) {
        if let given = options.output { return (OutputFolder.canonical(given), nil) }
        let output = OutputFolder.canonical(config.output.hasPrefix("/") ? config.output : root + "/" + config.output)
        if FilePaths.isInside(output, root) && output != root { return (output, nil) }
        return (output, Diagnostic(.error, file: SiteLayout.configFile,
            "output: '\(config.output.escapingControlCharacters)' leads out of the site folder (to '\(output.escapingControlCharacters)'); sitegen.yml may only name a folder inside the site folder; to write elsewhere, pass --output on the command line"))
    }

    /// Step 3: Markdown and templates, on every core. With `sink`, each file
    /// goes to it as soon as it is made and the plan stays empty.
    static func render(
        _ resolved: ResolvedSite, _ options: BuildOptions, report: inout BuildReport, log: (Step) -> Void,
        progress: (@Sendable (Int, Int) -> Void)?, incremental: IncrementalInput = IncrementalInput(),
        sink: (@Sendable (SitePath, [UInt8]) -> Void)? = nil
    ) -> Rendering {
        let cache = incremental.cache
        let site = resolved.site
        let renderer = SiteRenderer(site: site, templates: resolved.templates, assets: HashedAssets(resolved.source.assets), fileLinks: options.fileLinks,
                                    includes: IncludedFiles(root: resolved.source.root))
        let total = site.pages.count
        var renderProgress: (@Sendable (Int) -> Void)?
        if let progress {
            renderProgress = { done in progress(done, total) }
        }
        let only = cache == nil ? nil : incremental.select?(site)
        let (plan, renderProblems, newCache) = renderer.render(progress: renderProgress, cache: cache, only: only, sink: sink)
        report.diagnostics += renderProblems + (resolved.known?.diagnostics ?? [])
        report.fileCount = plan.files.count
        let rendered = only.map { paths in site.pages.filter { paths.contains($0.path) || cache?.pages[$0.path] == nil }.count } ?? site.pages.count
        let reused = rendered == total ? "" : " (\(rendered) rendered, \(total - rendered) unchanged since the build before)"
        log(Step(name: "render", detail: (sink == nil ? "\(plan.files.count) files" : "\(total) pages") + reused))
        for path in RootFiles.replacements(site: site, templates: resolved.templates) {
            log(Step(name: "static", detail: "\(SiteLayout.staticFolder)/\(path.value) replaces the \(path.value) sitegen makes", isDetail: true))
        }
        return Rendering(plan: plan, site: site, cache: newCache, sourceRoot: resolved.source.root, renderedPages: rendered,
                         source: resolved.source, loadDiagnostics: resolved.loadDiagnostics)
    }

    /// Step 5 with `search: true`: Pagefind indexes the staged pages, and
    /// its files join the output. On any failure the build fails and the
    /// output stays as it was. With `reusing` (the same Pagefind made the
    /// current output's index), when every page's HTML is the same as in
    /// the current output, its index is kept instead.
    static func indexSearch(_ staged: StagedOutput, with pagefind: PagefindCommand, reusing: Bool = false,
                            report: inout BuildReport, log: (Step) -> Void) {
        let folder = SiteLayout.searchFolder
        if let file = staged.writtenFile(below: folder) {
            report.diagnostics.append(Diagnostic(.error, file: "\(SiteLayout.staticFolder)/\(file)",
                "the search index is written to \(folder)/ (search: true); this file would be lost in it: move it out of \(SiteLayout.staticFolder)/\(folder)/"))
            return
        }
        let clock = ContinuousClock()
        let start = clock.now
        if reusing && staged.keepFiles(below: folder) {
            log(Step(name: "search", detail: "no page changed: the index in \(folder)/ is kept"))
            return
        }
        do {
            // Every file in the staging folder (a build that kept files of
            // the current output has them there only now), nothing else.
            try staged.removeUnwritten()
            let pages = staged.writtenStamps.keys.filter { $0.hasSuffix(".html") }
            let files = try SearchIndexer.index(staged.staging, pages: Array(pages), with: pagefind)
            try staged.adopt(files)
            log(Step(name: "search", detail: "Pagefind indexed the pages into \(folder)/ (\(files.count) files) in \(Self.milliseconds(clock.now - start)) ms"))
        } catch let error as SearchIndexer.Failure {
            report.diagnostics.append(Diagnostic(.error, file: report.output, error.description))
        } catch {
            report.diagnostics.append(Diagnostic(.error, file: report.output, "\(error)"))
        }
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    package static func finish(_ report: BuildReport, since start: ContinuousClock.Instant, clock: ContinuousClock) -> BuildReport {
        var report = report
        let elapsed = clock.now - start
        report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        report.diagnostics = sorted(report.diagnostics)
        return report
    }

    /// Errors and warnings in a stable order: by file, line, column.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }.sorted { a, b in
            (a.file, a.line ?? 0, a.column ?? 0, a.message) < (b.file, b.line ?? 0, b.column ?? 0, b.message)
        }
    }
}
