import Foundation
import SitegenSupport

/// `search: true`: runs Pagefind over the staged output, before it is
/// swapped in, so the index is part of the same atomic output. Pagefind
/// writes `pagefind/` into the folder; what it writes is then recorded in
/// the output's manifest like every other file (`StagedOutput.adopt`).
enum SearchIndexer {
    static let folder = "pagefind"

    /// Pagefind's own UI bundles: sitegen's theme uses its JavaScript API
    /// with a script of its own (`templates/assets/search.js`), so these
    /// 420 KB are never fetched and are left out of the output.
    static let unusedFiles = [
        "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
        "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
    ]
    static let entryFile = "pagefind-entry.json"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Indexes the HTML in `site` (a staging folder) and returns the files
    /// Pagefind left, relative to `site`, in order.
    static func index(_ site: String, with command: PagefindCommand) throws(Failure) -> [String] {
        let bundle = site + "/" + folder
        // The staging folder starts from the build before: its index goes,
        // so no file of an older index survives beside the new one.
        try? FileManager.default.removeItem(atPath: bundle)
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(command.executable, ["--site", site, "--output-subdir", folder, "--silent"])
        } catch {
            throw Failure(description: "cannot run Pagefind (\(command.executable)): \(error.localizedDescription)")
        }
        guard result.status == 0 else {
            let lines = result.output.split(separator: "\n").suffix(10).joined(separator: "\n")
            throw Failure(description: "Pagefind failed (exit status \(result.status)) indexing the site; nothing was written:\n\(lines)")
        }
        for name in unusedFiles { unlink(bundle + "/" + name) }
        try makeDeterministic(bundle + "/" + entryFile)
        return files(in: site, below: folder)
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
            throw Failure(description: "Pagefind's \(folder)/\(entryFile) is not readable JSON: \(error.localizedDescription)")
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
