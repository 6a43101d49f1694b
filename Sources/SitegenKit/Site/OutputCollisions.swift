import SitegenSupport
/// Files beside the pages (images, PDFs, anything in a language folder) that
/// would land where a page is written: `content/nl/index.html` beside
/// `content/nl/index.md`, or a file named like the folder of a page's URL.
/// Each is an error naming both, and the file is left out, so nothing
/// downstream ever meets two outputs with one path.
///
/// Also warns about outputs whose paths differ only in case: they are two
/// files here, but one on the case-insensitive disks of macOS and Windows,
/// where the site may be copied or served.
enum OutputCollisions {
    static func check(pages: [Page], files: [SitePath: [UInt8]]) -> (files: [SitePath: [UInt8]], diagnostics: [Diagnostic]) {
        // No file beside the pages: the pages' outputs and folders, listed
        // for nothing, were 1 % of a link-heavy build, on one core (issue 30).
        guard !files.isEmpty else { return (files, caseCollisions(pages: pages, files: files)) }
        var pageFiles: [String: Page] = [:]
        var pageFolders: [String: Page] = [:]
        for page in pages {
            pageFiles[page.path.outputFile] = pageFiles[page.path.outputFile] ?? page
            var folder = page.path.value.dropLast()
            while !folder.isEmpty {
                if pageFolders[String(folder)] == nil { pageFolders[String(folder)] = page }
                folder = folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)]
            }
        }
        var kept = files
        var diagnostics: [Diagnostic] = []
        for path in files.keys.sorted() {
            let display = SiteLayout.content(path.value)
            if let page = pageFiles[path.value] {
                diagnostics.append(Diagnostic(.error, file: display,
                    "this file would be written to '\(path.value)', where \(Self.named(page)) goes; rename or move the file"))
                kept[path] = nil
            } else if let page = pageFolders[path.value] {
                diagnostics.append(Diagnostic(.error, file: display,
                    "this file has the name of the folder '\(path.value)/' that holds \(Self.named(page)); rename the file or give the page another slug"))
                kept[path] = nil
            }
        }
        return (kept, diagnostics + caseCollisions(pages: pages, files: kept))
    }

    /// A page as these errors name it: its file, or what sitegen made.
    static func named(_ page: Page) -> String {
        page.origin == .written || page.origin == .translationFallback ? "the page " + page.sourcePath : page.party
    }

    /// One warning for each output path that another differs from only in case.
    static func caseCollisions(pages: [Page], files: [SitePath: [UInt8]]) -> [Diagnostic] {
        var byFolded: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        let outputs = pages.map { ($0.path.outputFile, $0.sourcePath) } + files.keys.sorted().map { ($0.value, SiteLayout.content($0.value)) }
        for (output, source) in outputs {
            let folded = output.lowercased()
            if let other = byFolded[folded] {
                diagnostics.append(Diagnostic(.warning, file: source,
                    "'\(output)' differs from the output of \(other) only in case: on a case-insensitive disk (macOS, Windows) one would overwrite the other; rename one"))
            } else {
                byFolded[folded] = source
            }
        }
        return diagnostics
    }
}
