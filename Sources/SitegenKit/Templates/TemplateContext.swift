/// The values templates see. Documented for template authors in the README
/// ("Templates"); keep the two in step.
///
/// Built as dictionaries: swift-mustache looks keys up in them directly,
/// which is faster than reflecting on structs.
struct TemplateContext {
    let site: Site
    let fileLinks: Bool

    /// The context of a content page.
    func page(_ page: Page, html: String, headings: [Heading], strings: UIStringLookup, assets: AssetLookup) -> [String: Any] {
        let language = site.config.language(page.language)!
        let contentLanguage = site.config.language(page.contentLanguage)!
        let link = { (target: SitePath) in target.relative(from: page.path, fileLinks: fileLinks) }

        let sections = headings.filter { $0.level == 2 }
        var toc: [[String: Any]] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let entry: [String: Any] = ["text": heading.text, "id": heading.id, "children": [[String: Any]](), "hasChildren": false]
            if heading.level == 2 || toc.isEmpty {
                toc.append(entry)
            } else {
                var parent = toc.removeLast()
                parent["children"] = (parent["children"] as! [[String: Any]]) + [entry]
                parent["hasChildren"] = true
                toc.append(parent)
            }
        }

        var params: [String: Any] = [:]
        for (key, value) in page.metadata.params { params[key] = value.mustacheValue }

        var pageValues: [String: Any] = [
            "title": page.metadata.title,
            "content": html,
            "headings": headings.map { ["level": $0.level, "text": $0.text, "id": $0.id] as [String: Any] },
            "toc": toc,
            "hasTOC": sections.count >= 2,
            "params": params,
            "isHome": page.isHome,
            "isFallback": page.isFallback,
            "sourcePath": page.sourcePath,
            "contentLanguage": languageValues(contentLanguage),
        ]
        if let original = site.original(of: page) {
            pageValues["original"] = languageValues(site.config.defaultLanguage)
                .merging(["url": link(original.path), "title": original.metadata.title]) { $1 }
        }
        pageValues["translationOutdated"] = site.config.translationNotices && site.translationStatus?.isKnownOutdated(page) == true
        if let description = page.metadata.description { pageValues["description"] = description }
        if let base = site.config.baseURL { pageValues["canonicalURL"] = base + page.path.value }

        return common(language: language, at: page.path, strings: strings, assets: assets).merging([
            "page": pageValues,
            "navigation": navigation(for: page, link: link),
            "translations": translations(of: page, link: link),
            "alternates": alternates(of: page, link: link),
        ]) { $1 }
    }

    /// Values every template gets: site, language, strings, root, home, asset.
    func common(language: Language, at path: SitePath, strings: UIStringLookup, assets: AssetLookup, absoluteBase: String? = nil) -> [String: Any] {
        let homePath = site.home(of: language.code)?.path ?? SitePath(language.code + "/")
        let home = absoluteBase.map { $0 + homePath.value } ?? homePath.relative(from: path, fileLinks: fileLinks)
        return [
            "site": [
                "title": language.siteTitle,
                "languageCount": site.config.languages.count,
                "isMultilingual": site.config.languages.count > 1,
                "generator": "sitegen \(Sitegen.version)",
            ] as [String: Any],
            "language": languageValues(language),
            "strings": strings,
            "root": absoluteBase ?? path.pathToRoot(),
            "home": home,
            "asset": assets.lambda,
        ]
    }

    func languageValues(_ language: Language) -> [String: Any] {
        ["code": language.code, "name": language.name, "dir": language.direction.rawValue,
         "isRightToLeft": language.direction == .rightToLeft]
    }

    /// The language's top-level pages (see `Site.navigation(in:)`).
    func navigation(for page: Page, link: (SitePath) -> String) -> [[String: Any]] {
        site.navigation(in: page.language).map { entry in
            [
                "title": entry.metadata.linkTitle ?? entry.metadata.title,
                "url": link(entry.path),
                "isCurrent": entry.path == page.path,
                // The page is below this entry (a question of a decision helper, say).
                "isSection": !entry.isHome && page.path != entry.path && page.path.value.hasPrefix(entry.path.value),
            ] as [String: Any]
        }
    }

    /// One entry per language: the same page there, or that language's home
    /// page when the page is left out there (never a missing page).
    func translations(of page: Page, link: (SitePath) -> String) -> [[String: Any]] {
        site.config.languages.map { language in
            let target = site.page(page.translationKey, in: language.code)
            let path = target?.path ?? site.home(of: language.code)?.path ?? SitePath(language.code + "/")
            return languageValues(language).merging([
                "url": link(path),
                "isCurrent": language.code == page.language,
                "isAvailable": target != nil,
                "isFallback": target?.isFallback ?? false,
            ]) { $1 }
        }
    }

    /// `hreflang` alternates: the real translations (fallback pages are in
    /// another language than their URL says) and `x-default`, the default
    /// language's version. Absolute when the site has a base URL.
    func alternates(of page: Page, link: (SitePath) -> String) -> [[String: Any]] {
        func url(_ path: SitePath) -> String { site.config.baseURL.map { $0 + path.value } ?? link(path) }
        var result: [[String: Any]] = []
        for language in site.config.languages {
            if let target = site.page(page.translationKey, in: language.code), !target.isFallback {
                result.append(["hreflang": language.code, "url": url(target.path)])
            }
        }
        if let original = site.page(page.translationKey, in: site.config.defaultLanguage.code), !original.isFallback, result.count > 1 {
            result.append(["hreflang": "x-default", "url": url(original.path)])
        }
        return result.count > 1 ? result : []
    }

    /// The root page (language chooser) and the 404 page: one entry per language.
    func choices(at path: SitePath, absoluteBase: String?, strings: [String: UIStringLookup]) -> [[String: Any]] {
        site.config.languages.map { language in
            let home = site.home(of: language.code)?.path ?? SitePath(language.code + "/")
            let url = absoluteBase.map { $0 + home.value } ?? home.relative(from: path, fileLinks: fileLinks)
            return languageValues(language).merging([
                "url": url,
                "siteTitle": language.siteTitle,
                "isDefault": language.code == site.config.defaultLanguage.code,
                "strings": strings[language.code]!,
            ]) { $1 }
        }
    }
}
