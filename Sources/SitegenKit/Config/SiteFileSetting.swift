import SitegenSupport
import Yams

/// A setting that names a file of `static/` by its path at the output root
/// (`logo: images/logo.svg` for `static/images/logo.svg`). The file must
/// exist: `SiteResolver` checks it once the static files are listed, and
/// reports a missing one at this setting's place.
package struct SiteFileSetting: Sendable, Hashable {
    /// The setting's name, for messages.
    package var name: String
    /// The file's path at the output root, without a leading `/`.
    package var path: SitePath
    /// Where the setting is written in `sitegen.yml`.
    package var location: SourceLocation

    /// Reads `name`'s value; a value that is no plain relative path inside
    /// the site (a URL, `..`, a control character) is an error at its place.
    static func read(_ node: Node?, _ name: String, _ reader: YAMLReader) -> SiteFileSetting? {
        guard let node else { return nil }
        let example = "'\(name): images/\(name).svg' for static/images/\(name).svg"
        guard YAMLText.isString(node), let value = node.string else {
            reader.error("\(name) must be the path of a file in static/, like \(example)", at: node)
            return nil
        }
        let path = String(value.drop { $0 == "/" })
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let isPlain = !path.isEmpty && !path.contains(":") && !path.hasSuffix("/")
            && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
            && !path.unicodeScalars.contains { $0.properties.generalCategory == .control }
        guard isPlain else {
            reader.error("\(name) '\(value)' must be the path of a file in static/ (no URL, no '..'), like \(example)", at: node)
            return nil
        }
        return SiteFileSetting(name: name, path: SitePath(path), location: reader.location(of: node))
    }

    /// An error when `rootFiles` (the files of `static/`) lacks the file.
    func problem(rootFiles: [SitePath: [UInt8]]) -> Diagnostic? {
        if rootFiles[path] != nil { return nil }
        return Diagnostic(.error, file: location.file, line: location.line, column: location.column,
                          "\(name) '\(path.value)' is no file in static/; put the file at static/\(path.value) or correct the path")
    }
}
