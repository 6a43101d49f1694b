import SitegenMustache

/// What the language chooser's and the 404 page's values beside `common`
/// are made from (`TemplateContextKind.chooserValues`, `notFoundValues`):
/// both are at the root, in the default language, with every language's
/// UI strings; the 404 page's links are absolute, from `absoluteBase`.
struct RootPageValueInput {
    let context: TemplateContext
    /// `index.html` or `404.html`.
    let file: SitePath
    let strings: [String: UIStringLookup]
    let absoluteBase: String?

    var site: Site { context.site }
    var defaultLanguage: Language { site.config.defaultLanguage }
}
