/// Everything a build writes: file paths (relative to the output folder) and
/// their bytes. Made by `SiteRenderer`, written by `OutputWriter`.
public struct OutputPlan: Sendable {
    public var files: [SitePath: [UInt8]] = [:]

    public init(files: [SitePath: [UInt8]] = [:]) {
        self.files = files
    }

    public subscript(path: String) -> [UInt8]? { files[SitePath(path)] }

    /// The file's text, for tests and tools.
    public func text(_ path: String) -> String? {
        files[SitePath(path)].map { String(decoding: $0, as: UTF8.self) }
    }

    /// Paths in a stable order.
    public var sortedPaths: [SitePath] { files.keys.sorted() }
}
