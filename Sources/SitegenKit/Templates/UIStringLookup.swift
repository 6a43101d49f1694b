import SitegenMustache
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
