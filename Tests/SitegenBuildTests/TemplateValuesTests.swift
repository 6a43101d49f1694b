import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenMustache
@testable import SitegenSupport
import SitegenTestSupport

/// A page's template values are what `TemplateContextKind` declares for its
/// context: no name it does not declare, the lazy ones made only when read.
/// Checked over the fixture sites as `SiteLoader` reads them (here, with the
/// shell, for that).
@Suite struct TemplateValuesTests {
    static func site(_ fixture: String) throws -> Site {
        let (source, _) = try SiteLoader.load(SiteFixtures.path(fixture))
        let config = try #require(SiteConfig.parse(source.config.text, file: source.config.path).0)
        return SiteResolver.resolve(source, config: config).0
    }

    static func context(_ page: Page, in site: Site) -> LazyValues {
        TemplateContext(site: site, fileLinks: false).page(
            page, content: SitegenTestSupport.render("```\nx\n```\n"), strings: UIStringLookup(site.strings[page.language]!),
            assets: AssetLookup(assets: HashedAssets([]), page: page.path))
    }

    @Test(arguments: ["good", "search", "docs"])
    func everyValueOfEveryPageIsDeclaredForItsContext(fixture: String) throws {
        let site = try Self.site(fixture)
        var kinds: Set<String> = []
        for page in site.pages {
            let kind: TemplateContextKind = page.generated?.searchPart != nil ? .search : .page
            kinds.insert("\(kind)")
            let declared = kind.values
            let context = Self.context(page, in: site)
            #expect(context.names.subtracting(declared.map(\.name)).isEmpty, "\(page.path)")
            // Every value a page can be given is made here, but `decision`, which the renderer adds.
            #expect(Set(declared.map(\.name)).subtracting(context.names).subtracting(["decision", "banner", "searchURL"]).isEmpty, "\(page.path)")
            #expect(context.computed.isEmpty, "nothing lazy is made before a template reads it")
            #expect(Set(declared.filter(\.isLazy).map(\.name)).isSubset(of: context.names))
            guard case .lookup(let fields as DeclaredValues<PageValueInput>)? = context["page"] else { Issue.record("no page"); continue }
            #expect(fields.names.isSubset(of: TemplateContextKind.pageFields.map(\.name)), "\(page.path)")
            #expect(fields.names.contains("title") && !fields.names.contains("missing"), "\(page.path)")
            if let decision = page.decision {
                var decisionContext = DecisionContext(site: site, page: page, fileLinks: false)
                guard case .object(let values) = decisionContext.values(decision, render: { _ in "" }) else { Issue.record("no decision"); continue }
                #expect(Set(values.keys).isSubset(of: TemplateContextKind.decisionFields.map(\.name)), "\(page.path)")
            }
        }
        #expect(kinds.contains("page"))
        if fixture == "search" { #expect(kinds.contains("search")) }
    }

    /// Each value is made from its own declaration, so a new value is
    /// declared in one place: only `decision` is made elsewhere (with the
    /// page's Markdown renderer, from `decisionFields`).
    @Test func everyDeclarationSaysHowItsValueIsMade() {
        func unmade<Input>(_ declarations: [TemplateValueDeclaration<Input>]) -> [String] {
            declarations.filter { $0.make == nil }.map(\.name)
        }
        typealias Kind = TemplateContextKind
        #expect(unmade(Kind.common) + unmade(Kind.site) + unmade(Kind.language) + unmade(Kind.pageFields) + unmade(Kind.searchValues)
                + unmade(Kind.decisionFields) + unmade(Kind.chooserValues) + unmade(Kind.notFoundValues) == [])
        #expect(unmade(Kind.pageValues) == ["decision"])
    }

    /// The language chooser's and the 404 page's values are their contexts'
    /// declarations: every one made (but those a site may lack), no other.
    @Test func theRootPagesHoldTheirDeclaredValues() throws {
        let site = try Self.site("good")
        let strings = Dictionary(uniqueKeysWithValues: site.config.languages.map { ($0.code, UIStringLookup(site.strings[$0.code]!)) })
        let context = TemplateContext(site: site, fileLinks: false)
        for (kind, base) in [(TemplateContextKind.languageChooser, nil as String?), (.notFound, "/")] {
            let values = context.rootPage(kind, file: SitePath(kind == .notFound ? "404.html" : "index.html"), strings: strings,
                                          assets: AssetLookup(assets: HashedAssets([]), page: .root, absoluteBase: base), absoluteBase: base)
            let declared = Set(kind.values.map(\.name))
            #expect(Set(values.keys) == declared.subtracting(["banner", "searchURL", "canonicalURL"]), "\(kind)")
            guard case .object(let siteValues)? = values["site"] else { Issue.record("no site"); continue }
            #expect(Set(siteValues.keys) == Set(TemplateContextKind.site.map(\.name)).subtracting(["logo", "favicon"]))
        }
    }
}
