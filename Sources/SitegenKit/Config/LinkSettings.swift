import Yams
import SitegenSupport

/// `links:` in `sitegen.yml`:
///
/// ```yaml
/// links:
///   outside: [/blog/, /community/]   # root-relative paths on this host that another build serves
/// ```
///
/// A link into an `outside` path is kept as written, not checked against
/// the pages: a docs folder often shares its host with a blog or other
/// sections mounted from elsewhere (Hugo's `module.mounts`).
package struct LinkSettings: Sendable, Hashable {
    /// Root-relative prefixes, each starting and ending with `/`.
    package var outside: [String] = []

    package init() {}

    /// Whether a link's path (`/blog/2024/x/`, `/blog`) is in an `outside` path.
    package func isOutside(_ path: Substring) -> Bool {
        outside.contains { path.hasPrefix($0) || path + "/" == $0 }
    }

    static func parse(_ node: Node?, _ reader: YAMLReader) -> LinkSettings {
        var settings = LinkSettings()
        reader.settings(node, "links", known: ["outside"], example: "outside: [/blog/]") { _, value in
            let entries = value.sequence.map(Array.init) ?? [value]
            for entry in entries {
                guard YAMLText.isString(entry), let path = entry.string, path.hasPrefix("/"), path.count > 1,
                      !path.contains(where: { $0 == "?" || $0 == "#" || $0 == " " }), !path.containsControlCharacter
                else {
                    reader.error("links.outside must list root-relative paths, like '/blog/'", at: entry)
                    continue
                }
                settings.outside.append(path.hasSuffix("/") ? path : path + "/")
            }
        }
        return settings
    }
}
