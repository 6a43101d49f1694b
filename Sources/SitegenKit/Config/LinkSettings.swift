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
public struct LinkSettings: Sendable, Hashable {
    /// Root-relative prefixes, each starting and ending with `/`.
    public var outside: [String] = []

    public init() {}

    /// Whether a link's path (`/blog/2024/x/`, `/blog`) is in an `outside` path.
    func isOutside(_ path: Substring) -> Bool {
        outside.contains { path.hasPrefix($0) || path + "/" == $0 }
    }

    static func parse(_ node: Node?, yaml: YAMLText, into diagnostics: inout [Diagnostic]) -> LinkSettings {
        var settings = LinkSettings()
        guard let node else { return settings }
        guard let mapping = node.mapping else {
            diagnostics.append(.error("links must be a mapping, like 'links:' with '  outside: [/blog/]'", at: yaml.location(of: node)))
            return settings
        }
        for (key, value) in mapping {
            guard key.string == "outside" else {
                diagnostics.append(.warning("unknown setting 'links.\(key.string ?? "")'; known: outside", at: yaml.location(of: key)))
                continue
            }
            let entries = value.sequence.map(Array.init) ?? [value]
            for entry in entries {
                guard YAMLText.isString(entry), let path = entry.string, path.hasPrefix("/"), path.count > 1,
                      !path.contains(where: { $0 == "?" || $0 == "#" || $0 == " " }), !path.containsControlCharacter
                else {
                    diagnostics.append(.error("links.outside must list root-relative paths, like '/blog/'", at: yaml.location(of: entry)))
                    continue
                }
                settings.outside.append(path.hasSuffix("/") ? path : path + "/")
            }
        }
        return settings
    }
}
