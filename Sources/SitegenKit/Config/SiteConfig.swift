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
///     direction: rtl        # optional: ltr
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
/// ```
public struct SiteConfig: Sendable, Hashable {
    public static let fileName = "sitegen.yml"

    /// In the order of `sitegen.yml`; the default language first.
    public var languages: [Language]
    public var defaultLanguage: Language { languages[0] }
    /// Absolute, ending in `/`; nil when the site may be hosted anywhere.
    public var baseURL: String?
    /// The output folder, relative to the site folder unless absolute.
    public var output: String
    /// Pages whose original changed after they were translated tell their
    /// readers (templates get `page.translationOutdated`).
    public var translationNotices: Bool
    /// A section page lists at most this many children per page; a longer
    /// list continues on `<section>/page/2/` and so on.
    public var pagination = 100
    /// The most entries a navigation list holds: the header's top-level
    /// entries, and the siblings the section tree shows around a page.
    public var navigationLimit = 100
    /// How Markdown is rendered (`markdown:` in `sitegen.yml`).
    public var markdown = MarkdownSettings()
    /// A warning for every page a language lacks (the build's translation
    /// summary line is printed either way).
    public var missingTranslationWarnings = true

    public init(languages: [Language], baseURL: String? = nil, output: String = "_site", translationNotices: Bool = false) {
        self.languages = languages
        self.baseURL = baseURL
        self.output = output
        self.translationNotices = translationNotices
    }

    public func language(_ code: String) -> Language? {
        languages.first { $0.code == code }
    }

    static let knownKeys: Set<String> = ["title", "defaultLanguage", "languages", "missingPages", "baseURL", "output", "translationNotices",
                                        "pagination", "navigationLimit", "markdown", "warnings"]
    static let knownLanguageKeys: Set<String> = ["code", "name", "direction", "missingPages", "title"]

    /// Parses `sitegen.yml`; every problem is reported, with its place.
    public static func parse(_ text: String, file: String = SiteConfig.fileName) -> (SiteConfig?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
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
        func error(_ message: String, _ node: Node?) {
            diagnostics.append(.error(message, at: yaml.location(of: node)))
        }
        for (key, _) in root where !knownKeys.contains(key.string ?? "") {
            diagnostics.append(.warning(
                "unknown setting '\(key.string ?? "")'; known settings: \(knownKeys.sorted().joined(separator: ", "))",
                at: yaml.location(of: key)))
        }

        // Site-wide policy for missing pages.
        var sitePolicy = MissingPagePolicy.fallback
        if let node = root["missingPages"] {
            if let value = node.string.flatMap(MissingPagePolicy.init(rawValue:)) {
                sitePolicy = value
            } else {
                error("missingPages must be 'fallback' or 'omit'", node)
            }
        }

        // Titles: one string, or a mapping per language code.
        let titleNode = root["title"]
        var titles: [String: String] = [:]
        var sharedTitle: String?
        switch titleNode {
        case .some(.mapping(let mapping)):
            for (key, value) in mapping {
                if let code = key.string, YAMLText.isString(value) { titles[code] = value.string }
                else { error("each title must be text, like 'nl: Mijn site'", value) }
            }
        case .some(let node) where YAMLText.isString(node):
            sharedTitle = node.string
        case .some(let node):
            error("title must be text, or a mapping from language code to text", node)
        case .none:
            diagnostics.append(Diagnostic(.error, file: file, line: 1, column: 1,
                                          "\(file) needs a site title: add 'title: My site' (or one per language)"))
        }

        // Languages.
        var languages: [Language] = []
        if let sequence = root["languages"]?.sequence, !sequence.isEmpty {
            for entry in sequence {
                guard let mapping = entry.mapping else {
                    error("each language needs 'code' and 'name', like '- code: nl' and '  name: Nederlands'", entry)
                    continue
                }
                for (key, _) in mapping where !knownLanguageKeys.contains(key.string ?? "") {
                    diagnostics.append(.warning("unknown language setting '\(key.string ?? "")'", at: yaml.location(of: key)))
                }
                guard let codeNode = mapping["code"], let code = codeNode.string, isLanguageCode(code) else {
                    error("language code must be a BCP 47 code such as 'nl', 'en' or 'pt-BR'", mapping["code"] ?? entry)
                    continue
                }
                if languages.contains(where: { $0.code == code }) {
                    error("language '\(code)' is listed twice", codeNode)
                    continue
                }
                guard let nameNode = mapping["name"], YAMLText.isString(nameNode), let name = nameNode.string, !name.isEmpty else {
                    error("language '\(code)' needs a name in its own language, like 'name: Nederlands'", mapping["name"] ?? entry)
                    continue
                }
                var direction = Language.Direction.leftToRight
                if let node = mapping["direction"] {
                    if let value = node.string.flatMap(Language.Direction.init(rawValue:)) { direction = value }
                    else { error("direction must be 'ltr' or 'rtl'", node) }
                }
                var policy = sitePolicy
                if let node = mapping["missingPages"] {
                    if let value = node.string.flatMap(MissingPagePolicy.init(rawValue:)) { policy = value }
                    else { error("missingPages must be 'fallback' or 'omit'", node) }
                }
                var siteTitle = sharedTitle ?? titles[code]
                if let node = mapping["title"] {
                    if YAMLText.isString(node) { siteTitle = node.string }
                    else { error("title must be text", node) }
                }
                if siteTitle == nil && titleNode != nil {
                    error("no site title for language '\(code)'; add '\(code): ...' under title", titleNode)
                }
                languages.append(Language(code: code, name: name, direction: direction,
                                          siteTitle: siteTitle ?? "", missingPages: policy))
            }
        } else {
            error("languages must list at least one language, like '- code: nl' with '  name: Nederlands'", root["languages"] ?? yaml.root)
        }
        for code in titles.keys.sorted() where !languages.contains(where: { $0.code == code }) {
            diagnostics.append(.warning("title for '\(code)', which is not in languages", at: yaml.location(of: titleNode)))
        }

        // The default language goes first.
        if let node = root["defaultLanguage"] {
            if let code = node.string, let index = languages.firstIndex(where: { $0.code == code }) {
                languages.insert(languages.remove(at: index), at: 0)
            } else {
                error("defaultLanguage must be one of the languages (\(languages.map(\.code).joined(separator: ", ")))", node)
            }
        }

        var baseURL: String?
        if let node = root["baseURL"] {
            if let value = node.string, isAbsoluteWebURL(value) {
                baseURL = value.hasSuffix("/") ? value : value + "/"
            } else {
                error("baseURL must be an absolute http or https URL without spaces, quotes, '<', '>', '?' or '#', like 'https://example.org/docs/'", node)
            }
        }

        var output = "_site"
        if let node = root["output"] {
            if let value = node.string, !value.isEmpty { output = value }
            else { error("output must be a folder name, like '_site'", node) }
        }

        var translationNotices = false
        if let node = root["translationNotices"] {
            if let value = node.bool, node.tag.rawValue == Tag.Name.bool.rawValue { translationNotices = value }
            else { error("translationNotices must be true or false", node) }
        }

        func limit(_ key: String) -> Int {
            guard let node = root[key] else { return 100 }
            if let value = node.int, node.tag.rawValue == Tag.Name.int.rawValue, value >= 1 { return value }
            error("\(key) must be a whole number of at least 1, like '\(key): 100'", node)
            return 100
        }
        let limits = (pagination: limit("pagination"), navigationLimit: limit("navigationLimit"))
        let markdown = MarkdownSettings.parse(root["markdown"], yaml: yaml, into: &diagnostics)
        var missingTranslationWarnings = true
        if let node = root["warnings"] {
            if let mapping = node.mapping {
                for (key, value) in mapping {
                    if key.string == "missingTranslations" {
                        if let flag = value.bool, value.tag.rawValue == Tag.Name.bool.rawValue { missingTranslationWarnings = flag }
                        else { error("warnings.missingTranslations must be true or false", value) }
                    } else {
                        diagnostics.append(.warning("unknown setting 'warnings.\(key.string ?? "")'; known: missingTranslations", at: yaml.location(of: key)))
                    }
                }
            } else {
                error("warnings must be a mapping, like 'warnings:' with '  missingTranslations: false'", node)
            }
        }

        if diagnostics.contains(where: { $0.severity == .error }) || languages.isEmpty {
            return (nil, diagnostics)
        }
        var config = SiteConfig(languages: languages, baseURL: baseURL, output: output, translationNotices: translationNotices)
        config.pagination = limits.pagination
        config.navigationLimit = limits.navigationLimit
        config.markdown = markdown
        config.missingTranslationWarnings = missingTranslationWarnings
        return (config, diagnostics)
    }

    static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    public static func isAbsoluteWebURL(_ value: String) -> Bool {
        guard value.hasPrefix("https://") || value.hasPrefix("http://") else { return false }
        let rest = value.drop(while: { $0 != ":" }).dropFirst(3)
        // It is written into attributes and XML as it is: nothing that could
        // end an attribute or a tag, no spaces, no control characters.
        let refused: Set<Character> = [" ", "?", "#", "\"", "'", "<", ">", "`", "\\", "{", "}", "|", "^"]
        return !rest.isEmpty && !rest.hasPrefix("/") && !value.contains(where: { refused.contains($0) || $0.isWhitespace })
            && !value.containsControlCharacter
    }
}
