import SitegenMustache

/// What the values of `common` (`TemplateContextKind.common`, every
/// context's) are made from: the language, where the page is, its UI
/// strings and theme files. The 404 page's links are absolute, from
/// `absoluteBase`; every other page's are relative.
struct CommonValueInput {
    let context: TemplateContext
    let language: Language
    let path: SitePath
    let strings: UIStringLookup
    let assets: AssetLookup
    let absoluteBase: String?

    var site: Site { context.site }

    var root: String { absoluteBase ?? path.pathToRoot() }

    var home: String {
        let homePath = site.home(of: language.code)?.path ?? SitePath(language.code + "/")
        return absoluteBase.map { $0 + homePath.urlPath } ?? homePath.relative(from: path, fileLinks: context.fileLinks)
    }

    var searchURL: TemplateData? {
        SearchContext(site: site).searchURL(language: language.code, from: path, fileLinks: context.fileLinks, absoluteBase: absoluteBase)
    }
}
