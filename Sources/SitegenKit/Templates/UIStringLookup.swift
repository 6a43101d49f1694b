import SitegenMustache
import SitegenSupport
/// A language's UI strings as templates see them (`{{strings.skipToContent}}`).
/// It remembers every key a template asked for that the language lacks, so
/// the build can report it instead of printing an empty string.
final class UIStringLookup: TemplateLookup {
    let strings: UIStrings
    private(set) var missing: Set<String> = []

    init(_ strings: UIStrings) {
        self.strings = strings
    }

    func value(forKey key: String) -> TemplateData? {
        if let value = strings[key] { return .text(value) }
        missing.insert(key)
        return nil
    }

    func contains(_ key: String) -> Bool {
        strings[key] != nil
    }

    /// `{{text.key}}`: the string as text of the page, escaped, and in a
    /// `<span lang="en" dir="ltr">` when the language lacks it and English
    /// stands in, so a screen reader reads it in English. Attributes
    /// (`aria-label`, `data-*`) take `{{strings.key}}`: a `lang` there would
    /// also claim the element's content.
    var text: TemplateData { .lookup(MarkedText(lookup: self)) }

    private final class MarkedText: TemplateLookup {
        let lookup: UIStringLookup
        init(lookup: UIStringLookup) { self.lookup = lookup }

        func value(forKey key: String) -> TemplateData? {
            guard case .text(let value)? = lookup.value(forKey: key) else { return nil }
            let escaped = HTMLEscaping.escape(value)
            guard lookup.strings.inEnglish.contains(key) else { return .html(escaped) }
            return .html("<span lang=\"\(UIStrings.fallbackLanguage)\" dir=\"ltr\">\(escaped)</span>")
        }

        func contains(_ key: String) -> Bool { lookup.contains(key) }
    }

    /// `{{#plurals.searchResults}} data-plural-{{category}}="{{form}}"{{/plurals.searchResults}}`:
    /// the plural forms a language has for a text with a number
    /// (`searchResults.few: ...`), by CLDR category (`one`, `two`, `few`,
    /// `many`); the key itself is the general form. A page's script picks
    /// one with `Intl.PluralRules`. A language without forms has none,
    /// which is no missing string.
    var plurals: TemplateData { .lookup(PluralForms(strings: strings)) }

    private final class PluralForms: TemplateLookup {
        static let categories = ["zero", "one", "two", "few", "many"]
        let strings: UIStrings
        init(strings: UIStrings) { self.strings = strings }

        func value(forKey key: String) -> TemplateData? {
            .list(Self.categories.compactMap { category in
                strings[key + "." + category].map { ["category": .text(category), "form": .text($0)] }
            })
        }

        func contains(_ key: String) -> Bool { true }
    }
}

/// The `{{#asset}}site.css{{/asset}}` helper: the relative URL of a theme file
/// under its hashed name. Remembers names that do not exist.
final class AssetLookup {
    let assets: HashedAssets
    let page: SitePath
    /// Prefix for absolute links (the 404 page); nil for relative links.
    let absoluteBase: String?
    private(set) var missing: Set<String> = []

    init(assets: HashedAssets, page: SitePath, absoluteBase: String? = nil) {
        self.assets = assets
        self.page = page
        self.absoluteBase = absoluteBase
    }

    var function: TemplateData {
        .function { [self] name in
            let name = name.trimmingSpaces
            guard let path = assets.paths[String(name)] else {
                missing.insert(String(name))
                return ""
            }
            if let absoluteBase { return absoluteBase + path.urlPath }
            return path.relative(from: page, fileLinks: false)
        }
    }
}
