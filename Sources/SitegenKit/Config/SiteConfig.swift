import Yams
import SitegenSupport

/// The site settings from `sitegen.yml`:
///
/// ```yaml
/// title:                    # one title, or one per language
///   nl: Office 365 activeren
///   en: Activating Office 365
/// defaultLanguage: nl       # optional: the first language
/// languages:
///   - code: nl
///     name: Nederlands
///   - code: ar
///     name: العربية
///     direction: rtl        # optional: rtl for ar, he, fa, ur..., else ltr
///     missingPages: omit    # optional: the site's setting
/// missingPages: fallback    # fallback (default) or omit
/// translationNotices: true  # optional: tell readers of outdated translations (default: false)
/// baseURL: https://example.org/docs/   # optional
/// output: _site             # optional
/// pagination: 100           # optional: children per page of a section page's list
/// navigationLimit: 100      # optional: most entries in a navigation list
/// markdown:                 # optional, see `MarkdownSettings`
///   rawHTML: drop           # drop (default) or allow
///   headingIDs: github      # github (default) or compact
/// warnings:
///   missingTranslations: true   # a warning per missing translation (default: true)
/// search: true              # optional: a search page per language, indexed by Pagefind (default: false)
/// editURL: https://github.com/o/r/edit/main/   # optional: the site folder on a code host; + content/en/x.md
/// lastUpdated: git          # optional: "Last updated" from each page's last commit, or 'file' (its time)
/// banner:                   # optional: an announcement above every page, one text or one per language
///   en: Version 2 is out.
/// nav: [index.md, ...]        # optional: reading order in MkDocs' shape, see `NavOrder`
/// links:                    # optional, see `LinkSettings`
///   outside: [/blog/]       # root-relative paths another build serves on this host
/// params:                   # optional: values for {{< param "name" >}} in pages (nested: "a.b")
///   version: "2.1"
/// ```
package struct SiteConfig: Sendable, Hashable {
    /// In the order of `sitegen.yml`; the default language first.
    package var languages: [Language]
    package var defaultLanguage: Language { languages[0] }
    /// Absolute, ending in `/`; nil when the site may be hosted anywhere.
    package var baseURL: BaseURL?
    /// The output folder, relative to the site folder unless absolute.
    package var output: String
    /// Pages whose original changed after they were translated tell their
    /// readers (templates get `page.translationOutdated`).
    package var translationNotices: Bool
    /// A section page lists at most this many children per page; a longer
    /// list continues on `<section>/page/2/` and so on.
    package var pagination = 100
    /// The most entries a navigation list holds: the header's top-level
    /// entries, and the siblings the section tree shows around a page.
    package var navigationLimit = 100
    /// How Markdown is rendered (`markdown:` in `sitegen.yml`).
    package var markdown = MarkdownSettings()
    /// The reading order of `nav:`, if given.
    package var nav: NavOrder?
    /// Links into paths served by something else (`links:`).
    package var links = LinkSettings()
    /// A warning for every page a language lacks (the build's translation
    /// summary line is printed either way).
    package var missingTranslationWarnings = true
    /// Each language gets a search page (`<language>/search/`), and the
    /// build indexes the pages with Pagefind (`SearchIndexer`).
    package var search = false
    /// Where the site folder's files are edited on a code host, ending in
    /// `/`: a page's "Edit this page" link is this and its source path
    /// (`content/en/guide.md`).
    package var editURL: String?
    /// Where each written page's "Last updated" date comes from; nil: no dates.
    package var lastUpdated: LastUpdatedSource?
    /// An announcement above every page, by language code (a language
    /// without one has no banner).
    package var banner: [String: String] = [:]
    /// `params:`, for `{{< param "name" >}}`.
    package var params: [String: TemplateValue] = [:]
    /// `logo:`, a file of `static/` shown in the header beside the title.
    package var logo: SiteFileSetting?
    /// `favicon:`, a file of `static/` the browser shows as the site's icon.
    package var favicon: SiteFileSetting?

    package init(languages: [Language], baseURL: BaseURL? = nil, output: String = "_site", translationNotices: Bool = false) {
        self.languages = languages
        self.baseURL = baseURL
        self.output = output
        self.translationNotices = translationNotices
    }

    package func language(_ code: String) -> Language? {
        languages.first { $0.code == code }
    }

    static let knownKeys: Set<String> = ["title", "defaultLanguage", "languages", "missingPages", "baseURL", "output", "translationNotices",
                                        "pagination", "navigationLimit", "markdown", "warnings", "search", "links", "nav", "params",
                                        "editURL", "lastUpdated", "banner", "logo", "favicon"]
    static let knownLanguageKeys: Set<String> = ["code", "name", "direction", "missingPages", "title"]

    /// Parses `sitegen.yml`; every problem is reported, with its place.
    package static func parse(_ text: String, file: String = SiteLayout.configFile) -> (SiteConfig?, [Diagnostic]) {
        let yaml: YAMLText
        do {
            yaml = try YAMLText(text, file: file)
        } catch {
            return (nil, error.diagnostics)
        }
        guard let root = yaml.root?.mapping else {
            return (nil, [Diagnostic(.error, file: file, line: 1, column: 1,
                                     "\(file) must be a mapping of settings (title, languages, ...)")])
        }
        let reader = YAMLReader(yaml)
        for (key, _) in root where !knownKeys.contains(key.string ?? "") {
            reader.warning("unknown setting '\(key.string ?? "")'; known settings: \(knownKeys.sorted().joined(separator: ", "))", at: key)
        }
        let sitePolicy = missingPagePolicy(root["missingPages"], reader) ?? .fallback
        let titles = readTitles(root["title"], file: file, reader)
        var languages = readLanguages(root["languages"], titles: titles, sitePolicy: sitePolicy, reader)
        for code in titles.perLanguage.keys.sorted() where !languages.contains(where: { $0.code == code }) {
            reader.warning("title for '\(code)', which is not in languages", at: titles.node)
        }
        // The default language goes first.
        if let node = root["defaultLanguage"] {
            if let code = node.string, let index = languages.firstIndex(where: { $0.code == code }) {
                languages.insert(languages.remove(at: index), at: 0)
            } else {
                reader.error("defaultLanguage must be one of the languages (\(languages.map(\.code).joined(separator: ", ")))", at: node)
            }
        }
        // A language added without a title of its own: the default language's.
        if let defaultTitle = languages.first?.siteTitle {
            for index in languages.indices where languages[index].siteTitle.isEmpty { languages[index].siteTitle = defaultTitle }
        }
        var config = SiteConfig(languages: languages, baseURL: readBaseURL(root["baseURL"], reader),
                                output: readOutput(root["output"], reader),
                                translationNotices: reader.bool(root["translationNotices"], "translationNotices must be true or false") ?? false)
        config.pagination = limit(root["pagination"], "pagination", reader)
        config.navigationLimit = limit(root["navigationLimit"], "navigationLimit", reader)
        var markdownProblems: [Diagnostic] = []
        config.markdown = MarkdownSettings.parse(root["markdown"], reader)
        config.links = LinkSettings.parse(root["links"], reader)
        config.nav = NavOrder.parse(root["nav"], yaml: yaml, into: &markdownProblems)
        config.missingTranslationWarnings = readWarnings(root["warnings"], reader)
        config.search = reader.bool(root["search"], "search must be true or false (true: a search page per language, indexed by Pagefind)") ?? false
        config.editURL = readEditURL(root["editURL"], reader)
        config.lastUpdated = readLastUpdated(root["lastUpdated"], reader)
        config.banner = readBanner(root["banner"], languages: languages, reader)
        config.logo = SiteFileSetting.read(root["logo"], "logo", reader)
        config.favicon = SiteFileSetting.read(root["favicon"], "favicon", reader)
        if let node = root["params"], reader.mapping(node, "params", example: "version: \"2.1\"") != nil,
           case .map(let params) = YAMLText.templateValue(node) {
            config.params = params
        }
        let diagnostics = reader.diagnostics + markdownProblems
        if diagnostics.contains(where: { $0.severity == .error }) || languages.isEmpty {
            return (nil, diagnostics)
        }
        return (config, diagnostics)
    }

    /// `missingPages`: `fallback` or `omit`; nil when absent or wrong (reported).
    static func missingPagePolicy(_ node: Node?, _ reader: YAMLReader) -> MissingPagePolicy? {
        guard let node else { return nil }
        guard let value = node.string.flatMap(MissingPagePolicy.init(rawValue:)) else {
            reader.error("missingPages must be 'fallback' or 'omit'", at: node)
            return nil
        }
        return value
    }

    /// The site title: one text for every language, or one per language code.
    struct Titles {
        var node: Node?
        var shared: String?
        var perLanguage: [String: String] = [:]
    }

    static func readTitles(_ node: Node?, file: String, _ reader: YAMLReader) -> Titles {
        var titles = Titles(node: node)
        switch node {
        case .some(.mapping(let mapping)):
            for (key, value) in mapping {
                if let code = key.string, YAMLText.isString(value) { titles.perLanguage[code] = value.string }
                else { reader.error("each title must be text, like 'nl: Mijn site'", at: value) }
            }
        case .some(let node) where YAMLText.isString(node):
            titles.shared = node.string
        case .some(let node):
            reader.error("title must be text, or a mapping from language code to text", at: node)
        case .none:
            reader.error("\(file) needs a site title: add 'title: My site' (or one per language)",
                         at: SourceLocation(file: file, line: 1, column: 1))
        }
        return titles
    }

    /// The languages, in the order written; each needs a code and a name.
    static func readLanguages(_ node: Node?, titles: Titles, sitePolicy: MissingPagePolicy, _ reader: YAMLReader) -> [Language] {
        guard let sequence = node?.sequence, !sequence.isEmpty else {
            reader.error("languages must list at least one language, like '- code: nl' with '  name: Nederlands'", at: node ?? reader.root)
            return []
        }
        var languages: [Language] = []
        for entry in sequence {
            if let language = readLanguage(entry, titles: titles, sitePolicy: sitePolicy, known: languages, reader) {
                languages.append(language)
            }
        }
        return languages
    }

    /// One entry of `languages`; nil when it has an error (reported).
    static func readLanguage(_ entry: Node, titles: Titles, sitePolicy: MissingPagePolicy, known: [Language],
                             _ reader: YAMLReader) -> Language? {
        guard let mapping = entry.mapping else {
            reader.error("each language needs 'code' and 'name', like '- code: nl' and '  name: Nederlands'", at: entry)
            return nil
        }
        for (key, _) in mapping where !knownLanguageKeys.contains(key.string ?? "") {
            reader.warning("unknown language setting '\(key.string ?? "")'", at: key)
        }
        guard let codeNode = mapping["code"], let code = codeNode.string, isLanguageCode(code) else {
            reader.error("language code must be a BCP 47 code such as 'nl', 'en' or 'pt-BR'", at: mapping["code"] ?? entry)
            return nil
        }
        if known.contains(where: { $0.code == code }) {
            reader.error("language '\(code)' is listed twice", at: codeNode)
            return nil
        }
        guard let nameNode = mapping["name"], YAMLText.isString(nameNode), let name = nameNode.string, !name.isEmpty else {
            reader.error("language '\(code)' needs a name in its own language, like 'name: Nederlands'", at: mapping["name"] ?? entry)
            return nil
        }
        var direction = Language.Direction.usual(for: code)
        if let node = mapping["direction"] {
            if let value = node.string.flatMap(Language.Direction.init(rawValue:)) { direction = value }
            else { reader.error("direction must be 'ltr' or 'rtl'", at: node) }
        }
        let policy = missingPagePolicy(mapping["missingPages"], reader) ?? sitePolicy
        var siteTitle = titles.shared ?? titles.perLanguage[code]
        if let node = mapping["title"] {
            if YAMLText.isString(node) { siteTitle = node.string }
            else { reader.error("title must be text", at: node) }
        }
        if siteTitle == nil && titles.node != nil {
            reader.warning("no site title for language '\(code)', so it has the default language's; add '\(code): ...' under title", at: titles.node)
        }
        return Language(code: code, name: name, direction: direction, siteTitle: siteTitle ?? "", missingPages: policy)
    }

    static func readBaseURL(_ node: Node?, _ reader: YAMLReader) -> BaseURL? {
        readFolderURL(node, reader, "baseURL must be an absolute http or https URL without spaces, quotes, '<', '>', '?' or '#', like 'https://example.org/docs/'")
            .flatMap { try? BaseURL.parse($0).get() }
    }

    /// An absolute http or https URL of a folder: a `/` is added at its end.
    static func readFolderURL(_ node: Node?, _ reader: YAMLReader, _ message: String) -> String? {
        guard let node else { return nil }
        guard let value = node.string, isAbsoluteWebURL(value) else {
            reader.error(message, at: node)
            return nil
        }
        if let problem = baseURLProblem(value) {
            reader.error("baseURL " + problem, at: node)
            return nil
        }
        return value.hasSuffix("/") ? value : value + "/"
    }

    static func readEditURL(_ node: Node?, _ reader: YAMLReader) -> String? {
        readFolderURL(node, reader, "editURL must be an absolute http or https URL of the site folder on a code host, like 'https://github.com/owner/repo/edit/main/'")
    }

    /// `lastUpdated`: `git` or `file`; nil when absent or wrong (reported).
    static func readLastUpdated(_ node: Node?, _ reader: YAMLReader) -> LastUpdatedSource? {
        guard let node else { return nil }
        guard let value = node.string.flatMap(LastUpdatedSource.init(rawValue:)) else {
            reader.error("lastUpdated must be 'git' (the date of each page's last commit) or 'file' (its file's modification time)", at: node)
            return nil
        }
        return value
    }

    /// `banner`: one text for every language, or a mapping from language
    /// code to text.
    static func readBanner(_ node: Node?, languages: [Language], _ reader: YAMLReader) -> [String: String] {
        switch node {
        case .none:
            return [:]
        case .some(let node) where YAMLText.isString(node):
            let text = node.string ?? ""
            return text.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: languages.map { ($0.code, text) })
        case .some(.mapping(let mapping)):
            var banner: [String: String] = [:]
            for (key, value) in mapping {
                guard let code = key.string, YAMLText.isString(value), let text = value.string else {
                    reader.error("each banner must be text, like 'en: Version 2 is out.'", at: value)
                    continue
                }
                if !languages.contains(where: { $0.code == code }) {
                    reader.warning("banner for '\(code)', which is not in languages", at: key)
                }
                if !text.isEmpty { banner[code] = text }
            }
            return banner
        case .some(let node):
            reader.error("banner must be text, or a mapping from language code to text", at: node)
            return [:]
        }
    }

    static func readOutput(_ node: Node?, _ reader: YAMLReader) -> String {
        guard let node else { return "_site" }
        guard let value = node.string, !value.isEmpty else {
            reader.error("output must be a folder name, like '_site'", at: node)
            return "_site"
        }
        return value
    }

    /// `pagination`, `navigationLimit`: a whole number of at least 1 (default 100).
    static func limit(_ node: Node?, _ key: String, _ reader: YAMLReader) -> Int {
        guard let node else { return 100 }
        if let value = node.int, YAMLText.tag(of: node) == .int, value >= 1 { return value }
        reader.error("\(key) must be a whole number of at least 1, like '\(key): 100'", at: node)
        return 100
    }

    /// `warnings.missingTranslations` (default true).
    static func readWarnings(_ node: Node?, _ reader: YAMLReader) -> Bool {
        var missingTranslations = true
        reader.settings(node, "warnings", known: ["missingTranslations"], example: "missingTranslations: false") { _, value in
            missingTranslations = reader.bool(value, "warnings.missingTranslations must be true or false") ?? true
        }
        return missingTranslations
    }

    static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// What is wrong with a base URL given on the command line, in words;
    /// nil when it is usable.
    package static func baseURLProblem(_ value: String) -> String? {
        guard isAbsoluteWebURL(value) else {
            return "'\(value.escapingControlCharacters)' is not an absolute http or https URL without spaces, quotes, '<', '>', '?' or '#', like https://example.org/docs/"
        }
        // A user name or password would be published in every page's links and the sitemap.
        let authority = value.drop(while: { $0 != ":" }).dropFirst(3).prefix { $0 != "/" }
        if authority.contains("@") {
            return "holds a user name or password (before '@'), which would be published in every page and the sitemap; use the site's public address, like https://example.org/docs/"
        }
        return nil
    }

    package static func isAbsoluteWebURL(_ value: String) -> Bool {
        guard value.hasPrefix("https://") || value.hasPrefix("http://") else { return false }
        let rest = value.drop(while: { $0 != ":" }).dropFirst(3)
        // It is written into attributes and XML as it is: nothing that could
        // end an attribute or a tag, no spaces, no control characters.
        let refused: Set<Character> = [" ", "?", "#", "\"", "'", "<", ">", "`", "\\", "{", "}", "|", "^"]
        return !rest.isEmpty && !rest.hasPrefix("/") && !value.contains(where: { refused.contains($0) || $0.isWhitespace })
            && !value.containsControlCharacter
    }
}
