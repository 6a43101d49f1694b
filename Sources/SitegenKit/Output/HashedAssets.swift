import Foundation
import SitegenSupport
/// The theme's files from `templates/assets/`, each published under a name
/// that contains a hash of its bytes (`assets/site.3f9a1c07b2.css`), so a
/// browser can cache it for ever and still gets a changed file at once.
public struct HashedAssets: Sendable {
    /// Output path by the asset's path under `templates/assets/`.
    public private(set) var paths: [String: SitePath] = [:]
    public private(set) var files: [SitePath: [UInt8]] = [:]

    /// Stylesheet references to files that do not exist.
    public private(set) var diagnostics: [Diagnostic] = []

    public init(_ assets: [SiteSource.StaticFile]) {
        let byName = Dictionary(assets.map { ($0.relativePath, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        var paths: [String: SitePath] = [:]
        var files: [SitePath: [UInt8]] = [:]
        var problems: [Diagnostic] = []
        // A stylesheet is published after the files it names, so that its
        // bytes (and so its hash) hold their hashed names.
        var visiting: Set<String> = []
        func publish(_ name: String) {
            guard paths[name] == nil, let original = byName[name], visiting.insert(name).inserted else { return }
            var bytes = original
            if name.lowercased().hasSuffix(".css"), let text = String(validating: original, as: UTF8.self) {
                bytes = Array(rewritingURLs(in: text, of: name).utf8)
            }
            let hash = HashedAssets.hash(bytes)
            let hashed: String
            if let dot = name.lastIndex(of: "."), !name[..<dot].hasSuffix("/"), dot != name.startIndex {
                hashed = name[..<dot] + "." + hash + name[dot...]
            } else {
                hashed = name + "." + hash
            }
            let path = SitePath("assets/" + hashed)
            paths[name] = path
            files[path] = bytes
        }
        /// Each `url(...)` naming a theme file, replaced by that file's
        /// hashed name relative to the stylesheet.
        func rewritingURLs(in text: String, of name: String) -> String {
            let references = StylesheetURLs.references(in: text).filter { StylesheetURLs.isRewritten($0.target) }
            guard !references.isEmpty else { return text }
            var result = ""
            var copied = text.startIndex
            let folder = name.split(separator: "/").dropLast().map(String.init)
            let stylesheetFolder = SitePath((["assets"] + folder).map { $0 + "/" }.joined())
            for reference in references {
                let (path, query, fragment) = LinkResolver.parts(of: reference.target)
                let decoded = path.removingPercentEncoding ?? path
                guard let target = LinkResolver.normalize(folder + decoded.split(separator: "/", omittingEmptySubsequences: false).map(String.init)),
                      byName[target] != nil
                else {
                    problems.append(Diagnostic(.error, file: "templates/assets/" + name, line: reference.line, column: reference.column,
                        "url(\(reference.target)) names a file that does not exist in templates/assets/; add it or fix the path"))
                    continue
                }
                publish(target)
                // A stylesheet that names itself, directly or through others, keeps the name.
                guard let hashed = paths[target] else { continue }
                let suffix = (query.map { "?" + $0 } ?? "") + (fragment.map { "#" + $0 } ?? "")
                result += text[copied..<reference.range.lowerBound]
                result += hashed.relative(from: stylesheetFolder, fileLinks: true) + suffix
                copied = reference.range.upperBound
            }
            result += text[copied...]
            return result
        }
        for asset in assets.sorted(by: { $0.relativePath < $1.relativePath }) {
            publish(asset.relativePath)
        }
        self.paths = paths
        self.files = files
        self.diagnostics = problems
    }

    /// 64-bit FNV-1a as 10 hex digits: not for security, only to tell versions apart.
    static func hash(_ bytes: [UInt8]) -> String {
        String(FNV1a.hex(bytes).prefix(10))
    }
}
