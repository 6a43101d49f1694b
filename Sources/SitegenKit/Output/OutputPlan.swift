/// Everything a build writes: file paths (relative to the output folder) and
/// their bytes. Made by `SiteRenderer`, written by `OutputFolder`.
package struct OutputPlan: Sendable {
    package var files: [SitePath: [UInt8]] = [:]

    package init(files: [SitePath: [UInt8]] = [:]) {
        self.files = files
    }

    package subscript(path: String) -> [UInt8]? { files[SitePath(path)] }

    /// The bytes a build writes to `file` (a path in the output folder:
    /// `nl/over/index.html`), whether the plan holds them as that file or
    /// as its page (`nl/over/`): `SitePath.outputFile`, the writer's mapping,
    /// read backwards. `sitegen serve` answers a URL with this, so it serves
    /// what a build writes. (Two entries for one file are a build error.)
    package func bytes(writtenTo file: String) -> [UInt8]? {
        if let bytes = files[SitePath(file)] { return bytes }
        guard file == "index.html" || file.hasSuffix("/index.html") else { return nil }
        return files[SitePath(String(file.dropLast("index.html".count)))]
    }

    /// The file's text, for tests and tools.
    package func text(_ path: String) -> String? {
        files[SitePath(path)].map { String(decoding: $0, as: UTF8.self) }
    }

    /// Paths in a stable order.
    package var sortedPaths: [SitePath] { files.keys.sorted() }
}
