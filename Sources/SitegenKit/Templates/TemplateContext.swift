import SitegenMustache
import SitegenMarkdown
/// The values templates see, as `TemplateContextKind` declares them
/// (docs/themes.md documents them, checked by `TemplateSchemaDocsTests`).
struct TemplateContext {
    let site: Site
    let fileLinks: Bool

    /// The context of a content page, made from the declarations of its
    /// context (`TemplateContextKind`), each made when a template reads it:
    /// the values that grow with the site (navigation, translations,
    /// alternates, the section tree's values, a search page's A–Z list) are
    /// there even when a template only asks whether they are.
    func page(_ page: Page, content: RenderedMarkdown, strings: UIStringLookup, assets: AssetLookup) -> LazyValues {
        let link = { [fileLinks] (target: SitePath) in target.relative(from: page.path, fileLinks: fileLinks) }
        let input = PageValueInput(context: self, page: page, content: content, link: link)
        let kind: TemplateContextKind = page.generated?.searchPart != nil ? .search : .page
        let common = CommonValueInput(context: self, language: site.config.language(page.language)!, path: page.path,
                                      strings: strings, assets: assets, absoluteBase: nil)
        return LazyValues(page: DeclaredValues(kind.pageTable, of: input),
                          common: DeclaredValues(TemplateContextKind.commonTable, of: common))
    }

    /// The language chooser's (`index.html`) or the 404 page's context:
    /// `common` in the default language, and the values of `kind`.
    func rootPage(_ kind: TemplateContextKind, file: SitePath, strings: [String: UIStringLookup], assets: AssetLookup,
                  absoluteBase: String?) -> [String: TemplateData] {
        let language = site.config.defaultLanguage
        let input = RootPageValueInput(context: self, file: file, strings: strings, absoluteBase: absoluteBase)
        return common(language: language, at: .root, strings: strings[language.code]!, assets: assets, absoluteBase: absoluteBase)
            .merging(TemplateValueDeclaration.fields(kind.rootPageDeclarations, of: input)) { $1 }
    }

    /// The values of `common` (`TemplateContextKind.common`): site, language,
    /// strings, root, home, asset, and with `search: true` searchURL.
    func common(language: Language, at path: SitePath, strings: UIStringLookup, assets: AssetLookup, absoluteBase: String? = nil) -> [String: TemplateData] {
        let input = CommonValueInput(context: self, language: language, path: path, strings: strings, assets: assets, absoluteBase: absoluteBase)
        return TemplateValueDeclaration.fields(TemplateContextKind.common, of: input)
    }

    func languageValues(_ language: Language) -> TemplateData {
        .object(languageFields(language))
    }

    /// A language's fields (`TemplateContextKind.language`), and `extra`,
    /// made at their size in one dictionary (made and then merged into a
    /// copy, the languages' fields of every page's language links were 1 %
    /// of a link-heavy build).
    func languageFields(_ language: Language, adding extra: KeyValuePairs<String, TemplateData> = [:]) -> [String: TemplateData] {
        var fields = [String: TemplateData](minimumCapacity: TemplateContextKind.language.count + extra.count)
        for declaration in TemplateContextKind.language {
            if let value = declaration.make?(language) { fields[declaration.name] = value }
        }
        for (key, value) in extra { fields[key] = value }
        return fields
    }

    /// The language's top-level pages as seen from `path` (the 404 page:
    /// from the root, with absolute links, none of them current).
    func navigation(in language: String, at path: SitePath, link: (SitePath) -> String) -> TemplateData {
        .list(site.navigationEntries(in: language).map { entry in
            let isCurrent = entry.path == path
            return [
                "title": .text(entry.title),
                "url": .text(link(entry.path)),
                "isCurrent": .bool(isCurrent),
                // The page is below this entry (a question of a decision helper, say).
                "isSection": .bool(!entry.isHome && !isCurrent && path.value.utf8.starts(with: entry.path.value.utf8)),
            ]
        })
    }

    /// One entry per language: the same page there, or that language's home
    /// page when the page is left out there (never a missing page).
    func translations(of page: Page, link: (SitePath) -> String) -> TemplateData {
        .list(site.config.languages.map { language in
            // Page 3 of a list is page 3 there, or else the first page of the list.
            let target = site.page(page.translationKey, in: language.code)
                ?? page.translationKey.section.flatMap { site.page($0, in: language.code) }
            let path = target?.path ?? site.home(of: language.code)?.path ?? SitePath(language.code + "/")
            return .object(languageFields(language, adding: [
                "url": .text(link(path)),
                "isCurrent": .bool(language.code == page.language),
                "isAvailable": .bool(target != nil),
                "isFallback": .bool(target?.isFallback ?? false),
            ]))
        })
    }

    /// `hreflang` alternates: the real translations (fallback pages are in
    /// another language than their URL says) and `x-default`, the default
    /// language's version. Absolute when the site has a base URL.
    func alternates(of page: Page, link: (SitePath) -> String) -> TemplateData {
        func url(_ path: SitePath) -> TemplateData { .text(site.config.baseURL.map { $0.absolute(path) } ?? link(path)) }
        var result: [TemplateData] = []
        for language in site.config.languages {
            if let target = site.page(page.translationKey, in: language.code), !target.isFallback {
                result.append(["hreflang": .text(language.code), "url": url(target.path)])
            }
        }
        if let original = site.page(page.translationKey, in: site.config.defaultLanguage.code), !original.isFallback, result.count > 1 {
            result.append(["hreflang": "x-default", "url": url(original.path)])
        }
        return .list(result.count > 1 ? result : [])
    }

    /// The 404 page's language switcher: each language's home page.
    func homeTranslations(current: Language, absoluteBase: String) -> TemplateData {
        .list(site.config.languages.map { language in
            let home = site.home(of: language.code)?.path ?? SitePath(language.code + "/")
            return .object(languageFields(language, adding: [
                "url": .text(absoluteBase + home.urlPath),
                "isCurrent": .bool(language.code == current.code),
                "isAvailable": .bool(true),
                "isFallback": .bool(false),
            ]))
        })
    }

    /// The root page (language chooser) and the 404 page: one entry per language.
    func choices(at path: SitePath, absoluteBase: String?, strings: [String: UIStringLookup]) -> TemplateData {
        .list(site.config.languages.map { language in
            let home = site.home(of: language.code)?.path ?? SitePath(language.code + "/")
            let url = absoluteBase.map { $0 + home.urlPath } ?? home.relative(from: path, fileLinks: fileLinks)
            return .object(languageFields(language, adding: [
                "url": .text(url),
                "siteTitle": .text(language.siteTitle),
                "isDefault": .bool(language.code == site.config.defaultLanguage.code),
                "strings": .lookup(strings[language.code]!),
                "text": strings[language.code]!.text,
            ]))
        })
    }
}
