import SitegenKit
import Foundation
import SitegenSupport

/// `sitegen translations --mark-current`: records that translations match
/// their originals now, by writing each original's `TranslationHash` into
/// the translation's front matter (see `TranslationOfLine`).
///
/// All or nothing: every file is checked first (it is a page of a language
/// other than the default, with front matter, and an original), and only
/// when all are fine are they written, each at once: under a new name and
/// renamed into place, through a `FolderHandle` of the site folder, so a
/// link (or a link flipped since the check) never leads a write out of
/// `content/`.
package enum TranslationMarker {
    /// What happened to one file.
    package struct Marked: Sendable, Hashable {
        /// The file, relative to the site folder (`content/en/guide-a.md`).
        package var file: String
        package var hash: String
        /// The value it had; nil when the line was added.
        package var previous: String?
        /// False when the file already recorded this hash (it was not written).
        package var changed: Bool
    }

    /// Why nothing was marked. `isUsageError`: a path that is not a page of
    /// the site (exit status 2); else content problems (exit status 1).
    package struct Failure: Error, Sendable {
        package var diagnostics: [Diagnostic]
        package var isUsageError: Bool
    }

    /// A file asked for, found to be a translation page of the site.
    struct Target {
        var index: Int
        var absolutePath: String
        var bytes: [UInt8]
    }

    /// An edit checked and ready to write.
    struct Edit {
        var target: Target
        var marked: Marked
        var bytes: [UInt8]
    }

    /// Marks the pages at `paths` (relative to `currentFolder`, or else to
    /// the site folder) current.
    /// - Throws: `SiteLoader.NotASiteFolder`, or `Failure`.
    package static func markCurrent(_ paths: [String], site root: String,
                                   currentFolder: String = FileManager.default.currentDirectoryPath) throws -> [Marked] {
        var (source, loadProblems, parsedConfig, configProblems) = try SitePipeline.load(root)
        guard let config = parsedConfig else {
            throw Failure(diagnostics: (loadProblems + configProblems).filter { $0.severity == .error }, isUsageError: false)
        }
        var problems: [Diagnostic] = []
        let (targets, usageErrors) = findTargets(paths, in: &source, config: config, currentFolder: currentFolder, problems: &problems)
        if !usageErrors.isEmpty { throw Failure(diagnostics: usageErrors + problems, isUsageError: true) }
        let edits = plan(targets, source: source, config: config, problems: &problems)
        if !problems.isEmpty { throw Failure(diagnostics: problems, isUsageError: false) }
        for edit in edits where edit.marked.changed {
            do {
                try write(edit.bytes, to: edit.target.absolutePath, site: source.root)
            } catch {
                problems.append(Diagnostic(.error, file: edit.marked.file, error.description.escapingControlCharacters))
            }
        }
        if !problems.isEmpty { throw Failure(diagnostics: problems, isUsageError: false) }
        return edits.map(\.marked)
    }

    /// Replaces the page file at `path` (a link inside `content/` is
    /// followed to the file it names, which is replaced) without following
    /// a link on the way: a page that leads out of `content/` is refused.
    static func write(_ bytes: [UInt8], to path: String, site root: String) throws(OutputFolder.WriteError) {
        let real = FilePaths.resolveLinks(path)
        let content = root + "/" + SiteLayout.contentFolder
        guard FilePaths.isInside(real, content), real != content else {
            throw OutputFolder.WriteError(description: "the page file leads out of content/ (to '\(real)'); sitegen writes only files inside the site's content/ folder, so it was not marked")
        }
        try FolderHandle(root).writeFile(String(real.dropFirst(root.count + 1)), bytes, durable: true)
    }

    /// The pages the paths name, each once; a path that is no page of the
    /// site is a usage error, a page of the default language or one whose
    /// front matter cannot take the mark is a problem. Each target's page
    /// gets a valid `translationOf` in `source`, so the site resolves it
    /// (a bad one would make the page unusable).
    static func findTargets(_ paths: [String], in source: inout SiteSource, config: SiteConfig, currentFolder: String,
                            problems: inout [Diagnostic]) -> (targets: [Target], usageErrors: [Diagnostic]) {
        let defaultLanguage = config.defaultLanguage.code
        var targets: [Target] = []
        var usageErrors: [Diagnostic] = []
        for path in paths {
            // The first reading of the path that is a page of the site.
            let candidates = (path.hasPrefix("/") ? [path] : [currentFolder + "/" + path, source.root + "/" + path])
                .filter { FileManager.default.fileExists(atPath: $0) }
            guard !candidates.isEmpty else {
                usageErrors.append(Diagnostic(.error, file: path, "no such file"))
                continue
            }
            guard let (index, absolute) = candidates.compactMap({ pageIndex(of: $0, in: source) }).first,
                  config.language(source.pages[index].language) != nil
            else {
                usageErrors.append(Diagnostic(.error, file: path,
                    "not a page of the site in \(source.root) (pages are content/<language>/**.md)"))
                continue
            }
            guard !targets.contains(where: { $0.index == index }) else { continue }
            let page = source.pages[index]
            if page.language == defaultLanguage {
                problems.append(Diagnostic(.error, file: page.source.path,
                    "this page is in the default language ('\(defaultLanguage)'): it is an original, not a translation; mark its translations instead"))
                continue
            }
            do {
                let bytes = try SiteFileReader.read(absolute, inside: source.root)
                let edited = try TranslationOfLine.setting(String(repeating: "f", count: TranslationHash.length), in: bytes)
                source.pages[index].source = try SourceText(decoding: edited.bytes, path: page.source.path)
                targets.append(Target(index: index, absolutePath: absolute, bytes: bytes))
            } catch let error as TranslationOfLine.Problem {
                problems.append(Diagnostic(.error, file: page.source.path, line: 1, column: 1, error.description))
            } catch let error as DiagnosticError {
                problems += error.diagnostics
            } catch {
                problems.append(Diagnostic(.error, file: page.source.path, "\(error)"))
            }
        }
        return (targets, usageErrors)
    }

    /// The edit of each target: its original's hash, once the site resolves
    /// and the target is a translation with an original.
    static func plan(_ targets: [Target], source: SiteSource, config: SiteConfig, problems: inout [Diagnostic]) -> [Edit] {
        let defaultLanguage = config.defaultLanguage.code
        let (site, resolveProblems) = SiteResolver.resolve(source, config: config, includeDrafts: true)
        var edits: [Edit] = []
        for target in targets {
            let file = source.pages[target.index]
            let errors = resolveProblems.filter { $0.severity == .error && $0.file == file.source.path }
            guard errors.isEmpty else {
                problems += errors
                continue
            }
            guard let page = site.page(writtenAs: file.relativePath, in: file.language) else {
                problems.append(Diagnostic(.error, file: file.source.path, "the page is not part of the site; run sitegen build to see why"))
                continue
            }
            guard let original = site.original(of: page) else {
                let reason = site.isUnusable(translationKey: page.translationKey)
                    ? "its original in '\(defaultLanguage)' has errors; run sitegen build to see them"
                    : "no page of the default language ('\(defaultLanguage)') has its path or translationKey ('\(page.translationKey)'), so it translates nothing; give it its original's translationKey"
                problems.append(Diagnostic(.error, file: file.source.path, "cannot mark current: \(reason)"))
                continue
            }
            let hash = TranslationHash.of(original.body.text)
            do {
                let edit = try TranslationOfLine.setting(hash, in: target.bytes)
                let marked = Marked(file: file.source.path, hash: hash, previous: edit.previous, changed: edit.bytes != target.bytes)
                edits.append(Edit(target: target, marked: marked, bytes: edit.bytes))
            } catch {
                problems.append(Diagnostic(.error, file: file.source.path, line: 1, column: 1, error.description))
            }
        }
        return edits
    }

    /// The index in `source.pages` of the file at `path`, and its absolute
    /// path as the loader lists it (folders resolved, the file itself not).
    private static func pageIndex(of path: String, in source: SiteSource) -> (Int, String)? {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let absolute = url.deletingLastPathComponent().resolvingSymlinksInPath().path + "/" + url.lastPathComponent
        let contentFolder = source.root + "/" + SiteLayout.content("")
        guard absolute.hasPrefix(contentFolder) else { return nil }
        let relative = absolute.dropFirst(contentFolder.count)
        return source.pages.firstIndex { "\($0.language)/\($0.relativePath)" == relative }.map { ($0, absolute) }
    }
}
