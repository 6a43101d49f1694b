import SitegenSupport

/// Which pages a change affects: the rule `sitegen serve` and an
/// incremental `sitegen build` share.
///
/// - a page's Markdown changed: that page (in every language it is built
///   in), its translations, and the pages that link to it;
/// - a file pages include changed: the pages that include it;
/// - anything else, or a change to what the navigation shows (a page added
///   or removed, a title, weight or slug): every page.
extension SiteRenderer.Cache {
    /// The pages of `site` to render again after the site-relative files
    /// `changes` changed, or nil for all of them. `navigationChanged`: the
    /// pages' `navigationFacts` differ from those of the build before.
    package func affectedPages(by changes: Set<String>, in site: Site, navigationChanged: Bool) -> Set<SitePath>? {
        let included = changes.intersection(includedFiles)
        let markdown = changes.subtracting(included).filter { $0.hasPrefix(SiteLayout.content("")) && $0.hasSuffix(".md") && !$0.hasPrefix(SiteLayout.content("_")) }
        guard !changes.isEmpty, markdown.union(included) == changes, !navigationChanged else { return nil }
        let changedPages = site.pages.filter { markdown.contains($0.sourcePath) }
        let keys = Set(changedPages.map(\.translationKey))
        var affected = Set(site.pages.filter { keys.contains($0.translationKey) }.map(\.path))
        affected.formUnion(pages(linkingTo: affected))
        affected.formUnion(pages(including: included))
        return affected
    }
}

extension Site {
    /// Everything about the pages that other pages show: paths, languages,
    /// translation keys, titles, navigation order, and the descriptions
    /// section pages list.
    package var navigationFacts: [String] {
        pages.map { page in
            [page.path.value, page.language, page.translationKey.description, page.metadata.title,
             page.metadata.linkTitle ?? "", String(page.metadata.weight ?? Int.max),
             page.metadata.description ?? ""].joined(separator: "\u{1F}")
        }
    }
}
