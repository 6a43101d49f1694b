import Yams
import SitegenSupport

/// A page's front matter, checked and typed.
///
/// ```yaml
/// title: Handleiding A          # else the body's first line '# Title' (see BodyTitle)
/// linkTitle: Handleiding A      # shorter title for navigation (default: title)
/// description: ...              # for <meta name="description">
/// slug: handleiding-a           # the page's URL segment (default: the file name)
/// translationKey: guide-a       # links translations whose file names differ
/// weight: 10                    # navigation order (lower first)
/// draft: true                   # left out unless --drafts
/// layout: page                  # template (default: page)
/// translationOf: 3f9a0c12be47   # in a translation: the version of its original it translates
/// aliases: [old/path/]          # former URLs: each gets a redirect page
/// redirect: https://x.org/      # a link-only entry: navigation links there, no page (also Hugo's
///                               # manualLinkTarget with build: {render: link})
/// anything-else: ...            # reaches templates as page.params
/// ```
package struct PageMetadata: Sendable, Hashable {
    package var title: String
    /// The title in navigation menus; `title` when not set.
    package var linkTitle: String?
    package var description: String?
    package var slug: String?
    package var translationKey: String?
    package var weight: Int?
    package var draft: Bool
    package var layout: String?
    /// In a translation: the `TranslationHash` of the original's body when
    /// the translation last matched it (lower case); nil when never marked.
    package var translationOf: String?
    /// Every other key, as plain values (String, Int, Double, Bool, arrays, dictionaries).
    package var params: [String: TemplateValue]

    /// Former URLs of the page (`old/path/` in the language folder,
    /// `/old/path/` from the site root), each with where it is written.
    package var aliases: [PageAlias] = []

    /// A link-only entry's target (`redirect:`, or `manualLinkTarget` with
    /// `build: {render: link}`): an absolute URL or a path from the site
    /// root. Navigation links there; the page's own URL redirects there.
    package var linkTarget: String?

    /// Where `layout` is written, for an error about it.
    package var layoutLocation: SourceLocation?

    /// The page holds a decision helper (its words are under `decision`).
    package var hasDecision = false
    /// Where `decision` is written, for an error about the templates its
    /// pages need.
    package var decisionLocation: SourceLocation?

    static let knownKeys: Set<String> = ["decision", "title", "linkTitle", "description", "slug", "translationKey", "weight", "draft", "layout", "translationOf", "aliases", "redirect"]

    /// Parses front matter. `yaml` is nil when the file has none;
    /// `titleFromBody` is the `# Title` the body starts with (`BodyTitle`),
    /// the title when the front matter has none. Known keys are read in any
    /// case (`Title:`), as Hugo reads them.
    package static func parse(_ yaml: String?, file: String, firstLine: Int, titleFromBody: String? = nil) -> (PageMetadata?, [Diagnostic]) {
        let noTitle = "page has no title; start its Markdown with a heading '# Title', or add 'title: ...' to its front matter"
        guard let yaml else {
            guard let titleFromBody else {
                return (nil, [Diagnostic(.error, file: file, line: 1, column: 1, noTitle)])
            }
            return (PageMetadata(title: titleFromBody, draft: false, params: [:]), [])
        }
        let parsed: YAMLText
        do {
            parsed = try YAMLText(yaml, file: file, firstLine: firstLine)
        } catch {
            return (nil, error.diagnostics)
        }
        guard parsed.root == nil || parsed.root?.mapping != nil else {
            return (nil, [.error("front matter must be a mapping of keys, like 'title: ...'", at: parsed.location(of: parsed.root))])
        }
        let reader = YAMLReader(parsed)
        let fields = knownNamesInAnyCase(YAMLReader.children(parsed.root))
        let text = { (key: String) in reader.text(fields[key], key) }
        let title = text("title") ?? titleFromBody
        if fields["title"] == nil && titleFromBody == nil {
            reader.error(noTitle, at: SourceLocation(file: file, line: 1, column: 1))
        } else if title?.trimmingSpaces.isEmpty == true {
            reader.error("title is empty", at: fields["title"])
        }
        let slug = text("slug")
        if let slug, !isValidSlug(slug) {
            reader.error("slug '\(slug.escapingControlCharacters)' must be one URL segment: no '/', '\\\\', control characters or leading '.', not empty",
                         at: fields["slug"])
        }
        var metadata = PageMetadata(
            title: title ?? "", linkTitle: text("linkTitle"), description: text("description"), slug: slug,
            translationKey: text("translationKey"), weight: reader.int(fields["weight"], "weight must be a whole number, like 'weight: 10'"),
            draft: reader.bool(fields["draft"], "draft must be true or false") ?? false,
            layout: text("layout"), params: params(fields))
        metadata.hasDecision = fields["decision"] != nil
        if metadata.hasDecision {
            metadata.decisionLocation = parsed.root?.mapping?.keys.first { $0.string == "decision" }.map { parsed.location(of: $0) }
        }
        metadata.layoutLocation = fields["layout"].map { parsed.location(of: $0) }
        metadata.translationOf = translationOf(fields["translationOf"], file: file, reader)
        metadata.aliases = aliases(fields["aliases"], reader)
        metadata.linkTarget = linkTarget(fields, reader)
        // The keys are walked for the warning's place only when there is one.
        let foreign = fields.keys.contains(where: isURLName) ? foreignURLWarning(parsed).map { [$0] } ?? [] : []
        return (reader.hasErrors ? nil : metadata, reader.diagnostics + foreign)
    }

    static let foreignURLKind = "pages with a url: key (not read)"

    /// Hugo's `url:` sets a page's whole URL. sitegen places a page by its
    /// file and `slug:`, so without a word the page would move and its old
    /// URL break. (The value stays in `page.params.url` for a theme that
    /// reads it.)
    static func foreignURLWarning(_ parsed: YAMLText) -> Diagnostic? {
        guard let key = parsed.root?.mapping?.keys.first(where: { $0.string.map(isURLName) == true }) else { return nil }
        return .warning("'url:' is not read: a page's URL comes from its file and 'slug:'; to keep an old URL working, add it to 'aliases:' (a theme may still read it as page.params.url)",
                        at: parsed.location(of: key)).of(kind: foreignURLKind)
    }

    /// `url` in any case, by bytes (lower-casing every key of every page
    /// cost 17,000 instructions a page).
    static func isURLName(_ name: String) -> Bool {
        name.utf8.count == 3 && name.utf8.elementsEqual("url".utf8) { $0 | 0x20 == $1 }
    }

    /// `aliases`: former URLs, a list (or one text).
    static func aliases(_ node: Node?, _ reader: YAMLReader) -> [PageAlias] {
        guard let node else { return [] }
        let entries = node.sequence.map(Array.init) ?? (YAMLText.isString(node) ? [node] : [])
        if entries.isEmpty {
            reader.error("aliases must be a list of former URLs, like 'aliases: [old/path/]'", at: node)
        }
        var aliases: [PageAlias] = []
        for entry in entries {
            if YAMLText.isString(entry), let value = entry.string, let alias = PageAlias(value, location: reader.location(of: entry)) {
                aliases.append(alias)
            } else if let value = entry.string, PageAlias.percentDecoded(value) == nil {
                reader.error("alias '\(value.escapingControlCharacters)' has a '%' that starts no %-escape of UTF-8 text (like %20 or %C3%A9); write '%25' for a '%' itself",
                             at: entry)
            } else {
                reader.error("alias '\((entry.string ?? "").escapingControlCharacters)' must be a URL path in the site, like 'old/path/' (from this page's folder) or '/old/path/' (from the site root), without '?', '#', a scheme or a name starting with '.'",
                             at: entry)
            }
        }
        return aliases
    }

    /// `redirect: URL`, or Hugo's `manualLinkTarget: URL` on a page that is
    /// only a link (`build: {render: link}`, or `_build`).
    static func linkTarget(_ fields: [String: Node], _ reader: YAMLReader) -> String? {
        let build = YAMLReader.children(fields["build"] ?? fields["_build"])
        let node = fields["redirect"] ?? (build["render"]?.string == "link" ? fields["manualLinkTarget"] : nil)
        guard let node else { return nil }
        guard YAMLText.isString(node), let target = node.string?.trimmingSpaces, isLinkTarget(target) else {
            reader.error("a link-only entry's target must be an absolute URL (https://...), a path from the site root (/blog/) or a page's file (../guide/install.md), without spaces or quotes", at: node)
            return nil
        }
        return String(target)
    }

    static func isLinkTarget(_ target: Substring) -> Bool {
        let hasScheme = target.hasPrefix("https://") || target.hasPrefix("http://")
        return (hasScheme || target.hasPrefix("/") && !target.hasPrefix("//") || isPageFile(target)) && target.count > 1
            && !target.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" }) && !target.containsControlCharacter
    }

    /// A target naming a page's file (`install.md`, `../guide/install.md#step-2`),
    /// resolved to its URL by `LinkOnlyTargets`.
    static func isPageFile(_ target: Substring) -> Bool {
        !target.hasPrefix("/") && !target.contains(":") && target.prefix(while: { $0 != "#" }).hasSuffix(".md")
    }

    /// `translationOf`: the hex digits sitegen writes, as written (a hash of
    /// digits only would read as a number).
    static func translationOf(_ node: Node?, file: String, _ reader: YAMLReader) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, TranslationHash.isValid(scalar.string) else {
            reader.error("translationOf must be the \(TranslationHash.length) hex digits sitegen writes; check the translation against its original, then run 'sitegen translations --mark-current \(file)'",
                         at: node)
            return nil
        }
        return scalar.string.lowercased()
    }

    /// `fields` with every key that is a known key in another case
    /// (`Title`, `LinkTitle`) under the known name, unless that name is
    /// written too.
    static func knownNamesInAnyCase(_ fields: [String: Node]) -> [String: Node] {
        var result = fields
        for (name, node) in fields where !knownKeys.contains(name) {
            guard let known = knownKeysByLowercase[name.lowercased()], fields[known] == nil else { continue }
            result[known] = node
            result[name] = nil
        }
        return result
    }

    private static let knownKeysByLowercase = Dictionary(uniqueKeysWithValues: knownKeys.map { ($0.lowercased(), $0) })

    /// Every key sitegen does not know, for templates (`page.params`).
    static func params(_ fields: [String: Node]) -> [String: TemplateValue] {
        var params: [String: TemplateValue] = [:]
        for (name, value) in fields where !knownKeys.contains(name) {
            params[name] = YAMLText.templateValue(value)
        }
        return params
    }

    static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && !slug.contains("/") && !slug.contains("\\") && !slug.hasPrefix(".")
            && slug.trimmingSpaces == slug[...] && !slug.containsControlCharacter
    }
}

extension PageMetadata {
    /// A page's metadata with only its title (for a reader that sets the
    /// rest); in an extension, so that the memberwise one stays.
    package init(title: String) {
        self.init(title: title, linkTitle: nil, description: nil, slug: nil, translationKey: nil, weight: nil, draft: false,
                  layout: nil, params: [:])
    }
}
