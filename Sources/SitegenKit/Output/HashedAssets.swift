import Foundation
import SitegenSupport
/// The theme's files from `templates/assets/`, each published under a name
/// that contains a hash of its bytes (`assets/site.3f9a1c07b2.css`), so a
/// browser can cache it for ever and still gets a changed file at once.
package struct HashedAssets: Sendable {
    /// Output path by the asset's path under `templates/assets/`.
    package private(set) var paths: [String: SitePath] = [:]
    package private(set) var files: [SitePath: [UInt8]] = [:]

    /// Stylesheet references to files that do not exist.
    package private(set) var diagnostics: [Diagnostic] = []

    package init(_ assets: [SiteSource.StaticFile]) {
        var publisher = Publisher(assets)
        for asset in assets.sorted(by: { $0.relativePath < $1.relativePath }) {
            publisher.publish(asset.relativePath)
        }
        paths = publisher.paths
        files = publisher.files
        diagnostics = publisher.problems
    }

    /// Names and rewrites the assets one by one. A stylesheet is published
    /// after the files it names, so that its bytes (and so its hash) hold
    /// their hashed names.
    private struct Publisher {
        let byName: [String: [UInt8]]
        var paths: [String: SitePath] = [:]
        var files: [SitePath: [UInt8]] = [:]
        var problems: [Diagnostic] = []
        var visiting: Set<String> = []

        init(_ assets: [SiteSource.StaticFile]) {
            byName = Dictionary(assets.map { ($0.relativePath, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        }

        mutating func publish(_ name: String) {
            guard paths[name] == nil, let original = byName[name], visiting.insert(name).inserted else { return }
            var bytes = original
            if name.lowercased().hasSuffix(".css"), let text = String(validating: original, as: UTF8.self) {
                bytes = Array(StylesheetComments.stripped(rewritingURLs(in: text, of: name)).utf8)
            }
            let path = SitePath(SiteLayout.assetsFolder + "/" + Self.hashedName(name, hash: HashedAssets.hash(bytes)))
            paths[name] = path
            files[path] = bytes
        }

        /// `site.css` as `site.<hash>.css`; a name without an extension gets the hash at its end.
        static func hashedName(_ name: String, hash: String) -> String {
            if let dot = name.lastIndex(of: "."), !name[..<dot].hasSuffix("/"), dot != name.startIndex {
                return name[..<dot] + "." + hash + name[dot...]
            }
            return name + "." + hash
        }

        /// Each `url(...)` naming a theme file, replaced by that file's
        /// hashed name relative to the stylesheet.
        mutating func rewritingURLs(in text: String, of name: String) -> String {
            let references = StylesheetURLs.references(in: text).filter { StylesheetURLs.isRewritten($0.target) }
            guard !references.isEmpty else { return text }
            var result = ""
            var copied = text.startIndex
            let folder = name.split(separator: "/").dropLast().map(String.init)
            let stylesheetFolder = SitePath(([SiteLayout.assetsFolder] + folder).map { $0 + "/" }.joined())
            for reference in references {
                guard let (hashed, suffix) = publishTarget(of: reference, folder: folder, stylesheet: name) else { continue }
                result += text[copied..<reference.range.lowerBound]
                result += hashed.relative(from: stylesheetFolder, fileLinks: true) + suffix
                copied = reference.range.upperBound
            }
            result += text[copied...]
            return result
        }

        /// The hashed path and the query and fragment of a stylesheet's
        /// `url(...)`, after publishing its target; nil (with an error when
        /// the file is missing) when it is not rewritten.
        private mutating func publishTarget(of reference: StylesheetURLs.Reference, folder: [String],
                                            stylesheet name: String) -> (SitePath, String)? {
            let (path, query, fragment) = LinkResolver.parts(of: reference.target)
            let decoded = path.removingPercentEncoding ?? path
            guard let target = LinkResolver.normalize(folder + decoded.split(separator: "/", omittingEmptySubsequences: false).map(String.init)),
                  byName[target] != nil
            else {
                problems.append(Diagnostic(.error, file: SiteLayout.asset(name), line: reference.line, column: reference.column,
                    "url(\(reference.target)) names a file that does not exist in templates/assets/; add it or fix the path"))
                return nil
            }
            publish(target)
            // A stylesheet that names itself, directly or through others, keeps the name.
            guard let hashed = paths[target] else { return nil }
            return (hashed, (query.map { "?" + $0 } ?? "") + (fragment.map { "#" + $0 } ?? ""))
        }
    }

    /// 64-bit FNV-1a as 10 hex digits: not for security, only to tell versions apart.
    static func hash(_ bytes: [UInt8]) -> String {
        String(FNV1a.hex(bytes).prefix(10))
    }
}
