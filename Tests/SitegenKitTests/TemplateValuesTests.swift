import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenMustache
@testable import SitegenSupport
import SitegenTestSupport

/// A page's template values are what `TemplateContextKind` declares for its
/// context: no name it does not declare, the lazy ones made only when read.
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
            guard case .object(let fields)? = context["page"] else { Issue.record("no page"); continue }
            #expect(Set(fields.keys).isSubset(of: TemplateContextKind.pageFields.map(\.name)), "\(page.path)")
            if let decision = page.decision {
                var decisionContext = DecisionContext(site: site, page: page, fileLinks: false)
                guard case .object(let values) = decisionContext.values(decision, render: { _ in "" }) else { Issue.record("no decision"); continue }
                #expect(Set(values.keys).isSubset(of: TemplateContextKind.decisionFields.map(\.name)), "\(page.path)")
            }
        }
        #expect(kinds.contains("page"))
        if fixture == "search" { #expect(kinds.contains("search")) }
    }
}
