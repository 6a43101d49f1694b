import Testing
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenSupport
import SitegenTestSupport

/// Template values that grow with the site are made only when a template
/// reads them: a page whose template shows no navigation never builds it.
@Suite struct LazyValuesTests {
    /// A page of a site in two languages, with a section and a translation.
    static func pageContext() throws -> LazyValues {
        typealias S = NavigationSite
        let site = S.site([
            S.page("nl", "index.md", "Start"), S.page("nl", "over.md", "Over deze site", key: "about"),
            S.page("nl", "gidsen/index.md", "Gidsen"), S.page("nl", "gidsen/a.md", "Gids A"),
            S.page("en", "index.md", "Home"), S.page("en", "about.md", "About this site", key: "about"),
        ], languages: ["nl", "en"])
        return try S.context(site, "nl/over/")
    }

    static func render(_ template: String, _ context: LazyValues) throws -> String {
        try MustacheTests.render(template, .lookup(context))
    }

    @Test func aTemplateWithoutNavigationNeverComputesIt() throws {
        let context = try Self.pageContext()
        #expect(try Self.render("<h1>{{page.title}}</h1>{{#page}}{{title}}{{/page}}", context) == "<h1>Over deze site</h1>Over deze site")
        #expect(context.computed.isEmpty)
    }

    @Test func eachValueIsComputedOnceWhenATemplateReadsIt() throws {
        let context = try Self.pageContext()
        let html = try Self.render("{{#navigation}}[{{title}}]{{/navigation}}{{#navigation}}.{{/navigation}}", context)
        #expect(html.hasPrefix("["))
        #expect(context.computed == ["navigation"])
        _ = try Self.render("{{#translations}}{{code}}{{/translations}}", context)
        #expect(context.computed == ["navigation", "translations"])
    }

    @Test func anEnclosingSectionDoesNotComputeANameItLooksFor() throws {
        let context = try Self.pageContext()
        // `title` is looked for outwards from `page`'s fields; asking whether
        // the root has it must not build anything.
        _ = try Self.render("{{#page.params}}{{alternates}}{{/page.params}}", context)
        #expect(context.computed == ["alternates"])
        let other = try Self.pageContext()
        _ = try Self.render("{{#page}}{{missing}}{{/page}}", other)
        #expect(other.computed.isEmpty)
    }
}
