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
    }

    /// Indexes the HTML in `site` (a staging folder) and returns the files
    /// Pagefind left, relative to `site`, in order.
    package static func index(_ site: String, with command: PagefindCommand) throws(Failure) -> [String] {
        let bundle = site + "/" + SiteLayout.searchFolder
        // The staging folder starts from the build before: its index goes,
        // so no file of an older index survives beside the new one.
        try? FileManager.default.removeItem(atPath: bundle)
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(command.executable, ["--site", site, "--output-subdir", SiteLayout.searchFolder, "--silent"], timeout: command.timeout)
        } catch {
            throw Failure(description: "cannot run Pagefind (\(command.executable)): \(error.localizedDescription)")
        }
        guard !result.timedOut else {
            throw Failure(description: "Pagefind (\(command.executable)) was still indexing the site after \(String(format: "%g", Double(command.timeout.components.seconds) + Double(command.timeout.components.attoseconds) / 1e18)) s and was stopped; nothing was written. Set SITEGEN_PAGEFIND_TIMEOUT (seconds) to allow it longer")
        }
        guard result.status == 0 else {
            let lines = result.output.split(separator: "\n").suffix(10).joined(separator: "\n")
            throw Failure(description: "Pagefind failed (exit status \(result.status)) indexing the site; nothing was written:\n\(lines)")
        }
        for name in unusedFiles { unlink(bundle + "/" + name) }
        try makeDeterministic(bundle + "/" + entryFile)
        return files(in: site, below: SiteLayout.searchFolder)
    }

    /// For `sitegen serve`, which keeps the site in memory: writes the
    /// plan's HTML into `folder` (emptied first), indexes it there and
    /// returns the index's files by output path.
    package static func index(_ plan: OutputPlan, in folder: String, with command: PagefindCommand) throws(Failure) -> [SitePath: [UInt8]] {
        try? FileManager.default.removeItem(atPath: folder)
        do throws(OutputWriter.WriteError) {
            try OutputWriter.makeFolder(folder)
            for (path, bytes) in plan.files where path.outputFile.hasSuffix(".html") {
                let file = folder + "/" + path.outputFile
                try OutputWriter.makeFolder((file as NSString).deletingLastPathComponent)
                try OutputWriter.writeFile(file, bytes)
            }
        } catch {
            throw Failure(description: "cannot write the pages for Pagefind into \(folder): \(error)")
        }
        var index: [SitePath: [UInt8]] = [:]
        for file in try Self.index(folder, with: command) {
            guard let bytes = try? FileBytes.read(folder + "/" + file) else {
                throw Failure(description: "cannot read Pagefind's \(file) in \(folder)")
            }
            index[SitePath(file)] = bytes
        }
        return index
    }

    /// Pagefind 1.5.2 writes the languages of `pagefind-entry.json` in hash
    /// order, which differs from run to run (every other file is the same
    /// for the same pages): written again with sorted keys, two builds of
    /// one site give the same bytes. pagefind.js reads it as an object, so
    /// the order means nothing to it.
    static func makeDeterministic(_ path: String) throws(Failure) {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let object = try JSONSerialization.jsonObject(with: data)
            let sorted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            try sorted.write(to: URL(fileURLWithPath: path))
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
