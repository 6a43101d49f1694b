import SitegenKit
import Foundation
import SitegenSupport

/// `search: true`: runs Pagefind over the staged output, before it is
/// swapped in, so the index is part of the same atomic output. Pagefind
/// writes `pagefind/` into the folder; what it writes is then recorded in
/// the output's manifest like every other file (`StagedOutput.adopt`).
package enum SearchIndexer {
    /// Pagefind's own UI bundles: sitegen's theme uses its JavaScript API
    /// with a script of its own (`templates/assets/search.js`), so these
    /// 420 KB are never fetched and are left out of the output.
    static let unusedFiles = [
        "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
        "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
    ]
    static let entryFile = "pagefind-entry.json"

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
        /// Pagefind ran past its timeout and was killed.
        var timedOut = false
    }

    /// Indexes the HTML in `site` (a staging folder) and returns the files
    /// Pagefind left, relative to `site`, in order: one run per language
    /// when it can (`SearchRuns`), one after another, each given what is
    /// left of the timeout.
    /// - Parameter pages: the HTML files in `site` (relative to it), all
    ///   that Pagefind's own walk of the folder would find.
    package static func index(_ site: String, pages: [String], with command: PagefindCommand) throws(Failure) -> [String] {
        let bundle = site + "/" + SiteLayout.searchFolder
        // The staging folder starts from the build before: its index goes,
        // so no file of an older index survives beside the new one.
        try? FileManager.default.removeItem(atPath: bundle)
        let deadline = ContinuousClock.now + command.timeout
        let globs = SearchRuns.globs(Self.pages(pages, in: site))
        var languages: [String: Any] = [:]
        do throws(Failure) {
            for glob in globs {
                try run(command, site: site, glob: glob, until: deadline)
                // Each run writes the entry file with its own languages only.
                languages.merge(try entryLanguages(bundle + "/" + entryFile)) { first, _ in first }
            }
        } catch let failure where globs.count > 1 && !failure.timedOut {
            // A run per language fails where one over the site may not (a
            // language with nothing to index): that one decides.
            try? FileManager.default.removeItem(atPath: bundle)
            try run(command, site: site, glob: SearchRuns.wholeSite, until: deadline)
            languages = try entryLanguages(bundle + "/" + entryFile)
        }
        for name in unusedFiles { unlink(bundle + "/" + name) }
        try writeEntry(bundle + "/" + entryFile, languages: languages)
        return files(in: site, below: SiteLayout.searchFolder)
    }

    /// One Pagefind run over the files of `site` that `glob` matches.
    static func run(_ command: PagefindCommand, site: String, glob: String, until deadline: ContinuousClock.Instant) throws(Failure) {
        let timedOut = Failure(description: "Pagefind (\(command.executable)) was still indexing the site after \(String(format: "%g", Double(command.timeout.components.seconds) + Double(command.timeout.components.attoseconds) / 1e18)) s and was stopped; nothing was written. Set SITEGEN_PAGEFIND_TIMEOUT (seconds) to allow it longer", timedOut: true)
        let left = deadline - ContinuousClock.now
        guard left > .zero else { throw timedOut }
        var arguments = ["--site", site, "--output-subdir", SiteLayout.searchFolder, "--silent"]
        if glob != SearchRuns.wholeSite { arguments += ["--glob", glob] }
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(command.executable, arguments, timeout: left)
        } catch {
            throw Failure(description: "cannot run Pagefind (\(command.executable)): \(error.localizedDescription)")
        }
        guard !result.timedOut else { throw timedOut }
        guard result.status == 0 else {
            let lines = result.output.split(separator: "\n").suffix(10).joined(separator: "\n")
            throw Failure(description: "Pagefind failed (exit status \(result.status)) indexing the site; nothing was written:\n\(lines)")
        }
    }

    /// The HTML files `paths` of `site` as Pagefind sees them. Once a page
    /// of a language has `data-pagefind-body`, the others of that language
    /// count as marked unread (0.7 s of a debug build's CPU for 20,000
    /// pages otherwise).
    static func pages(_ paths: [String], in site: String) -> [SearchRuns.Page] {
        var marked: Set<String> = []
        return paths.sorted().compactMap { path in
            guard let bytes = try? FileBytes.read(site + "/" + path) else { return nil }
            let language = HTMLLanguage.of(bytes)
            let isMarked = language.map(marked.contains) == true || HTMLLanguage.hasBodyMarker(bytes)
            if isMarked, let language { marked.insert(language) }
            return SearchRuns.Page(path: path, language: language, marked: isMarked)
        }
    }

    /// For `sitegen serve`, which keeps the site in memory: writes the
    /// plan's HTML into `folder` (emptied first), indexes it there and
    /// returns the index's files by output path.
    package static func index(_ plan: OutputPlan, in folder: String, with command: PagefindCommand) throws(Failure) -> [SitePath: [UInt8]] {
        try? FileManager.default.removeItem(atPath: folder)
        do throws(OutputFolder.WriteError) {
            try OutputFolder.makeFolder(folder)
            for (path, bytes) in plan.files where path.outputFile.hasSuffix(".html") {
                let file = folder + "/" + path.outputFile
                try OutputFolder.makeFolder((file as NSString).deletingLastPathComponent)
                try OutputFolder.writeFile(file, bytes)
            }
        } catch {
            throw Failure(description: "cannot write the pages for Pagefind into \(folder): \(error)")
        }
        let pages = plan.files.keys.map(\.outputFile).filter { $0.hasSuffix(".html") }
        var index: [SitePath: [UInt8]] = [:]
        for file in try Self.index(folder, pages: pages, with: command) {
            guard let bytes = try? FileBytes.read(folder + "/" + file) else {
                throw Failure(description: "cannot read Pagefind's \(file) in \(folder)")
            }
            index[SitePath(file)] = bytes
        }
        return index
    }

    /// The `languages` of Pagefind's `pagefind-entry.json`.
    static func entryLanguages(_ path: String) throws(Failure) -> [String: Any] {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let languages = object["languages"] as? [String: Any] else {
            throw Failure(description: "Pagefind's \(SiteLayout.searchFolder)/\(entryFile) is not readable JSON with a languages object")
        }
        return languages
    }

    /// Writes `pagefind-entry.json` again with every run's `languages`, and
    /// with sorted keys: Pagefind 1.5.2 writes the languages in hash order,
    /// which differs from run to run (every other file is the same for the
    /// same pages), so two builds of one site give the same bytes.
    /// pagefind.js reads it as an object, so the order means nothing to it.
    static func writeEntry(_ path: String, languages: [String: Any]) throws(Failure) {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw Failure(description: "Pagefind's \(SiteLayout.searchFolder)/\(entryFile) is not a JSON object")
            }
            object["languages"] = languages
            let sorted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            try sorted.write(to: URL(fileURLWithPath: path))
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "Pagefind's \(SiteLayout.searchFolder)/\(entryFile) is not readable JSON: \(error.localizedDescription)")
        }
    }

    /// Every regular file below `site/relative`, as `relative/...`, sorted.
    static func files(in site: String, below relative: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: site + "/" + relative) else { return [] }
        var files: [String] = []
        while let name = walker.nextObject() as? String {
            if walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular { files.append(relative + "/" + name) }
        }
        return files.sorted()
    }
}
