import Yams
import SitegenSupport

/// A page's front matter, checked and typed.
///
/// ```yaml
/// title: Handleiding A          # required
/// linkTitle: Handleiding A      # shorter title for navigation (default: title)
/// description: ...              # for <meta name="description">
/// slug: handleiding-a           # the page's URL segment (default: the file name)
/// translationKey: guide-a       # links translations whose file names differ
/// weight: 10                    # navigation order (lower first)
/// draft: true                   # left out unless --drafts
/// layout: page                  # template (default: page)
/// translationOf: 3f9a0c12be47   # in a translation: the version of its original it translates
/// aliases: [old/path/]          # former URLs: each gets a redirect page
/// anything-else: ...            # reaches templates as page.params
/// ```
public struct PageMetadata: Sendable, Hashable {
    public var title: String
    /// The title in navigation menus; `title` when not set.
    public var linkTitle: String?
    public var description: String?
    public var slug: String?
    public var translationKey: String?
    public var weight: Int?
    public var draft: Bool
    public var layout: String?
    /// In a translation: the `TranslationHash` of the original's body when
    /// the translation last matched it (lower case); nil when never marked.
    public var translationOf: String?
    /// Every other key, as plain values (String, Int, Double, Bool, arrays, dictionaries).
    public var params: [String: TemplateValue]

    /// Former URLs of the page (`old/path/` in the language folder,
    /// `/old/path/` from the site root), each with where it is written.
    public var aliases: [PageAlias] = []

    /// Where `layout` is written, for an error about it.
    public var layoutLocation: SourceLocation?

    /// The page holds a decision helper (its words are under `decision`).
    public var hasDecision = false
    /// Where `decision` is written, for an error about the templates its
    /// pages need.
    public var decisionLocation: SourceLocation?

    static let knownKeys: Set<String> = ["decision", "title", "linkTitle", "description", "slug", "translationKey", "weight", "draft", "layout", "translationOf", "aliases"]

    /// Parses front matter. `yaml` is nil when the file has none (then the
    /// required title is missing).
    public static func parse(_ yaml: String?, file: String, firstLine: Int) -> (PageMetadata?, [Diagnostic]) {
        guard let yaml else {
            return (nil, [Diagnostic(.error, file: file, line: 1, column: 1,
                                     "page has no front matter; start the file with '---', 'title: ...' and '---'")])
        }
        let parsed: YAMLText
        do {
            parsed = try YAMLText(yaml, file: file, firstLine: firstLine)
        } catch {
            return (nil, error.diagnostics)
        }
        guard let mapping = parsed.root?.mapping else {
            let location = parsed.root == nil ? SourceLocation(file: file, line: 1, column: 1) : parsed.location(of: parsed.root)
            return (nil, [.error("front matter must be a mapping of keys, with at least 'title: ...'", at: location)])
        }
        var diagnostics: [Diagnostic] = []
        func text(_ key: String) -> String? {
            guard let node = mapping[key] else { return nil }
            guard YAMLText.isString(node), let value = node.string else {
                diagnostics.append(.error("\(key) must be text; put it in quotes if it looks like a number or yes/no",
                                          at: parsed.location(of: node)))
                return nil
            }
            return value
        }

        let title = text("title")
        if mapping["title"] == nil {
            diagnostics.append(Diagnostic(.error, file: file, line: 1, column: 1, "page has no title; add 'title: ...' to its front matter"))
        } else if title?.trimmingSpaces.isEmpty == true {
            diagnostics.append(.error("title is empty", at: parsed.location(of: mapping["title"])))
        }
        let slug = text("slug")
        if let slug, !isValidSlug(slug) {
            diagnostics.append(.error(
                "slug '\(slug.escapingControlCharacters)' must be one URL segment: no '/', '\\\\', control characters or leading '.', not empty",
                at: parsed.location(of: mapping["slug"])))
        }
        var weight: Int?
        if let node = mapping["weight"] {
            if let value = node.int, node.tag.rawValue == Tag.Name.int.rawValue { weight = value }
            else { diagnostics.append(.error("weight must be a whole number, like 'weight: 10'", at: parsed.location(of: node))) }
        }
        var draft = false
        if let node = mapping["draft"] {
            if let value = node.bool, node.tag.rawValue == Tag.Name.bool.rawValue { draft = value }
            else { diagnostics.append(.error("draft must be true or false", at: parsed.location(of: node))) }
        }
        var translationOf: String?
        if let node = mapping["translationOf"] {
            // The text as written: a hash of digits only would read as a number.
            if case .scalar(let scalar) = node, TranslationHash.isValid(scalar.string) {
                translationOf = scalar.string.lowercased()
            } else {
                diagnostics.append(.error(
                    "translationOf must be the \(TranslationHash.length) hex digits sitegen writes; check the translation against its original, then run 'sitegen translations --mark-current \(file)'",
                    at: parsed.location(of: node)))
            }
        }
        var aliases: [PageAlias] = []
        if let node = mapping["aliases"] {
            let entries = node.sequence.map(Array.init) ?? (YAMLText.isString(node) ? [node] : [])
            if entries.isEmpty {
                diagnostics.append(.error("aliases must be a list of former URLs, like 'aliases: [old/path/]'", at: parsed.location(of: node)))
            }
            for entry in entries {
                if YAMLText.isString(entry), let value = entry.string, let alias = PageAlias(value, location: parsed.location(of: entry)) {
                    aliases.append(alias)
                } else {
                    diagnostics.append(.error(
                        "alias '\((entry.string ?? "").escapingControlCharacters)' must be a URL path in the site, like 'old/path/' (in this language) or '/old/path/' (from the site root), without '..', '?', '#' or a scheme",
                        at: parsed.location(of: entry)))
                }
            }
        }
        var params: [String: TemplateValue] = [:]
        for (key, value) in mapping {
            guard let name = key.string, !knownKeys.contains(name) else { continue }
            params[name] = YAMLText.templateValue(value)
        }
        var metadata = PageMetadata(
            title: title ?? "", linkTitle: text("linkTitle"), description: text("description"), slug: slug,
            translationKey: text("translationKey"), weight: weight, draft: draft,
            layout: text("layout"), params: params)
        metadata.hasDecision = mapping["decision"] != nil
        metadata.decisionLocation = mapping.keys.first { $0.string == "decision" }.map { parsed.location(of: $0) }
        metadata.layoutLocation = mapping["layout"].map { parsed.location(of: $0) }
        metadata.translationOf = translationOf
        metadata.aliases = aliases
        return (diagnostics.contains { $0.severity == .error } ? nil : metadata, diagnostics)
    }

    static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && !slug.contains("/") && !slug.contains("\\") && !slug.hasPrefix(".")
            && slug.trimmingSpaces == slug[...] && !slug.containsControlCharacter
    }
}
