import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenSupport
import SitegenTestSupport

@Suite struct SectionOrderTests {
    typealias S = NavigationSite

    @Test func weightFirstThenTitleThenPath() {
        let site = S.site([
            S.page("en", "index.md", "Home"),
            S.page("en", "b.md", "Same"), S.page("en", "a.md", "Same"),
            S.page("en", "heavy.md", "Aardvark", weight: 50),
            S.page("en", "light.md", "Zulu", weight: -1),
            S.page("en", "none.md", "Middle"),
        ])
        #expect(S.order(site, "en/") == ["Zulu", "Aardvark", "Middle", "Same", "Same"])
        let tree = site.sectionTree(of: "en")!
        // Equal titles: by path, so the order is total.
        let same = tree.nodes[0].children.suffix(2).map { tree.nodes[$0].page.path.value }
        #expect(same == ["en/a/", "en/b/"])
    }

    @Test func titlesFollowTheLanguagesCollation() {
        let titles = ["Zebra", "eclair", "Éclair", "apple", "Banana", "Item 10", "Item 9", "ezel"]
        let site = S.site([S.page("en", "index.md", "Home")] + titles.enumerated().map { S.page("en", "t\($0).md", $1) })
        // Case and accents after the letters; numbers by value.
        #expect(S.order(site, "en/") == ["apple", "Banana", "eclair", "Éclair", "ezel", "Item 9", "Item 10", "Zebra"])
    }

    @Test func dutchAndSwedishSortTheirOwnWay() {
        // Dutch (CLDR): ij is i followed by j, so IJssel comes before Ivoor.
        let dutch = S.site([S.page("nl", "index.md", "Thuis")] + ["Jas", "Ivoor", "IJssel", "ezel", "Éclair"].enumerated().map {
            S.page("nl", "t\($0).md", $1)
        }, languages: ["nl"])
        #expect(S.order(dutch, "nl/", language: "nl") == ["Éclair", "ezel", "IJssel", "Ivoor", "Jas"])
        // Swedish puts å and ö after z; English does not.
        let words = ["örn", "zebra", "ångström", "apa"]
        let swedish = S.site([S.page("sv", "index.md", "Hem")] + words.enumerated().map { S.page("sv", "t\($0).md", $1) }, languages: ["sv"])
        #expect(S.order(swedish, "sv/", language: "sv") == ["apa", "zebra", "ångström", "örn"])
        let english = S.site([S.page("en", "index.md", "Home")] + words.enumerated().map { S.page("en", "t\($0).md", $1) })
        #expect(S.order(english, "en/") == ["ångström", "apa", "örn", "zebra"])
    }

    @Test func aFolderWithoutIndexGetsAGeneratedSectionPage() throws {
        let site = S.site([S.page("en", "index.md", "Home"), S.page("en", "getting-started/install.md", "Install")])
        let generated = try #require(site.pages.first { $0.path == SitePath("en/getting-started/") })
        #expect(generated.generated == .sectionPage)
        #expect(generated.metadata.title == "Getting started")
        #expect(S.order(site, "en/getting-started/") == ["Install"])
        // Not a page written in a file: no translation status, no file link.
        #expect(!generated.isWritten)
        #expect(site.page(writtenAs: "getting-started/index.md", in: "en") == nil)
    }
}

@Suite struct ReadingOrderTests {
    typealias S = NavigationSite

    static let site = S.site([
        S.page("en", "index.md", "Home"),
        S.page("en", "a/index.md", "A", weight: 1), S.page("en", "a/one.md", "A one", weight: 1),
        S.page("en", "a/deep/index.md", "A deep", weight: 2), S.page("en", "a/deep/leaf.md", "Leaf"),
        S.page("en", "b/index.md", "B", weight: 2), S.page("en", "b/one.md", "B one"),
        S.page("en", "last.md", "Last", weight: 3),
    ])

    @Test func depthFirstAcrossSections() throws {
        let tree = try #require(Self.site.sectionTree(of: "en"))
        #expect(tree.readingOrder.map { tree.nodes[$0].page.metadata.title }
            == ["Home", "A", "A one", "A deep", "Leaf", "B", "B one", "Last"])
    }

    @Test func previousAndNextCrossSectionBoundaries() throws {
        let leaf = try S.context(Self.site, "en/a/deep/leaf/")
        #expect(S.text(S.field(leaf["previous"], "title")) == "A deep")
        #expect(S.text(S.field(leaf["next"], "title")) == "B")
        #expect(S.text(S.field(leaf["next"], "url")) == "../../../b/")
        #expect(S.text(S.field(leaf["up"], "title")) == "A deep")
        let home = try S.context(Self.site, "en/")
        #expect(home["previous"]?.isFalsy == true)
        #expect(home["up"]?.isFalsy == true)
        #expect(S.text(S.field(home["next"], "title")) == "A")
        let last = try S.context(Self.site, "en/last/")
        #expect(last["next"]?.isFalsy == true)
        #expect(S.text(S.field(last["previous"], "title")) == "B one")
    }

    @Test func breadcrumbsAtEveryDepth() throws {
        for (path, expected) in [("en/", ["Home"]), ("en/a/", ["Home", "A"]), ("en/a/deep/", ["Home", "A", "A deep"]),
                                 ("en/a/deep/leaf/", ["Home", "A", "A deep", "Leaf"]), ("en/last/", ["Home", "Last"])] {
            let context = try S.context(Self.site, path)
            #expect(S.titles(context["breadcrumbs"]) == expected, "\(path)")
            let current = S.list(context["breadcrumbs"]).map { S.field($0, "isCurrent")?.isFalsy == false }
            #expect(current == expected.indices.map { $0 == expected.count - 1 }, "\(path)")
        }
    }

    @Test func theSidebarOpensOnlyThePathToThePage() throws {
        let leaf = try S.context(Self.site, "en/a/deep/leaf/")
        let top = S.list(leaf["sections"])
        #expect(S.titles(leaf["sections"]) == ["A", "B", "Last"])
        #expect(S.field(top[0], "isAncestor")?.isFalsy == false)
        #expect(S.titles(S.field(top[0], "children")) == ["A one", "A deep"])
        #expect(S.titles(S.field(top[1], "children")) == [])
        let deep = S.list(S.field(top[0], "children"))[1]
        #expect(S.titles(S.field(deep, "children")) == ["Leaf"])
        #expect(S.field(S.list(S.field(deep, "children"))[0], "isCurrent")?.isFalsy == false)
        // A section page shows its own children.
        let b = try S.context(Self.site, "en/b/")
        #expect(S.titles(S.field(S.list(b["sections"])[1], "children")) == ["B one"])
    }

    @Test func nothingIsComputedUnlessATemplateAsks() throws {
        let context = try S.context(Self.site, "en/a/deep/leaf/")
        _ = try MustacheTests.render("{{page.title}}", .lookup(context))
        #expect(context.computed.isEmpty)
        _ = try MustacheTests.render("{{#breadcrumbs}}{{title}}{{/breadcrumbs}}", .lookup(context))
        #expect(context.computed == ["breadcrumbs"])
    }
}

@Suite struct PaginationTests {
    typealias S = NavigationSite

    static func site(children: Int, languages: [String] = ["en"]) -> Site {
        S.site(languages.flatMap { language in
            [S.page(language, "index.md", "Home"), S.page(language, "list/index.md", "List")]
                + (0..<children).map { S.page(language, "list/p\(String(format: "%03d", $0)).md", "Page \($0)") }
        }, languages: languages)
    }

    @Test(arguments: [(0, 1), (1, 1), (100, 1), (101, 2), (250, 3)])
    func listPagesAtTheBoundaries(children: Int, pages: Int) throws {
        let site = Self.site(children: children)
        let listPages = site.pages.filter { $0.generated?.listPageNumber != nil }
        #expect(listPages.map(\.path.value) == (2...max(pages, 2)).prefix(pages - 1).map { "en/list/page/\($0)/" })
        var seen: [String] = []
        for number in 1...pages {
            let context = try S.context(site, number == 1 ? "en/list/" : "en/list/page/\(number)/")
            seen += S.titles(context["children"])
            #expect(S.list(context["children"]).count == min(100, children - (number - 1) * 100))
            let pagination = context["pagination"]
            if pages == 1 {
                #expect(pagination?.isFalsy == true)
            } else {
                #expect(S.field(pagination, "number").map { if case .int(let n) = $0 { n == number } else { false } } == true)
                #expect(S.list(S.field(pagination, "pages")).count == pages)
                #expect(S.field(pagination, "previous")?.isFalsy == (number == 1))
                #expect(S.field(pagination, "next")?.isFalsy == (number == pages))
            }
        }
        // Every child once, in order.
        #expect(seen == (0..<children).map { "Page \($0)" })
    }

    /// A list page links at most seven list pages: the first, the last,
    /// and its own with two on either side, gaps marked. Before, each of a
    /// folder's list pages linked every other (100 links on each of 100 at
    /// 10,000 pages in one folder).
    @Test func aListPageLinksAtMostSevenListPages() throws {
        let site = Self.site(children: 2_000)
        func numbers(_ page: Int) throws -> [String] {
            let context = try S.context(site, page == 1 ? "en/list/" : "en/list/page/\(page)/")
            return S.list(S.field(context["pagination"], "pages")).map { entry in
                let number = S.field(entry, "number").map { if case .int(let n) = $0 { n } else { 0 } } ?? 0
                let gap = S.field(entry, "isAfterGap").map { if case .bool(true) = $0 { "…" } else { "" } } ?? "?"
                return gap + String(number)
            }
        }
        #expect(try numbers(1) == ["1", "2", "3", "…20"])
        #expect(try numbers(4) == ["1", "2", "3", "4", "5", "6", "…20"])
        #expect(try numbers(10) == ["1", "…8", "9", "10", "11", "12", "…20"])
        #expect(try numbers(20) == ["1", "…18", "19", "20"])
        for page in 1...20 { #expect(try numbers(page).count <= 7) }
        #expect(NavigationContext.pageWindow(current: 3, count: 7).map(\.number) == Array(1...7))
    }

    @Test func theSwitcherKeepsThePageOfTheListOrFallsBackToItsFirstPage() throws {
        // en has 250 children (3 list pages); nl translates 120 (2).
        var pages = Self.site(children: 250).pages.filter { $0.generated == nil }
        pages += [S.page("nl", "index.md", "Thuis"), S.page("nl", "list/index.md", "Lijst")]
            + (0..<120).map { S.page("nl", "list/p\(String(format: "%03d", $0)).md", "Pagina \($0)") }
        let site = S.site(pages, languages: ["en", "nl"])
        func switcher(_ path: String) throws -> [String: String] {
            let context = try S.context(site, path)
            return Dictionary(uniqueKeysWithValues: S.list(context["translations"]).map {
                (S.text(S.field($0, "code"))!, S.text(S.field($0, "url"))!)
            })
        }
        #expect(try switcher("en/list/page/2/")["nl"] == "../../../../nl/list/page/2/")
        #expect(try switcher("en/list/page/3/")["nl"] == "../../../../nl/list/")
        #expect(try switcher("nl/list/page/2/")["en"] == "../../../../en/list/page/2/")
    }

    /// Keys were strings with a grammar (`<section>?page=3`), so a page
    /// whose author wrote such a key was taken for the list page.
    @Test func aWrittenKeyThatLooksLikeAListPagesIsNotTakenForIt() throws {
        var pages = Self.site(children: 250).pages.filter { $0.generated == nil }
        pages += [S.page("nl", "index.md", "Thuis"), S.page("nl", "list/index.md", "Lijst"),
                  S.page("nl", "odd.md", "Vreemd", key: "list/index?page=3")]
            + (0..<120).map { S.page("nl", "list/p\(String(format: "%03d", $0)).md", "Pagina \($0)") }
        let site = S.site(pages, languages: ["en", "nl"])
        let context = try S.context(site, "en/list/page/3/")
        let nl = S.list(context["translations"]).first { S.text(S.field($0, "code")) == "nl" }
        #expect(S.text(S.field(nl, "url")) == "../../../../nl/list/")
        #expect(site.page(.listPage(section: "list/index", number: 2), in: "nl")?.path.value == "nl/list/page/2/")
        #expect(site.page("list/index?page=3", in: "nl")?.path.value == "nl/odd/")
    }

    @Test func theHeaderNavigationStopsAtTheLimit() {
        let site = S.site([S.page("en", "index.md", "Home")] + (0..<150).map { S.page("en", "p\($0).md", "Page \($0)") }, limit: 100)
        #expect(site.navigation(in: "en").count == 100)
        #expect(site.navigation(in: "en").first?.isHome == true)
    }

    @Test func theSidebarShowsAtMostTheLimitAroundThePage() throws {
        let site = S.site([S.page("en", "index.md", "Home"), S.page("en", "list/index.md", "List")]
            + (0..<1000).map { S.page("en", "list/p\(String(format: "%04d", $0)).md", "Page \($0)") }, limit: 100)
        let context = try S.context(site, "en/list/p0500/")
        let list = S.list(S.field(S.list(context["sections"])[0], "children"))
        #expect(list.count == 100)
        #expect(S.titles(.list(list)).contains("Page 500"))
        #expect(S.field(S.list(context["sections"])[0], "isTruncated")?.isFalsy == false)
    }
}

@Suite struct NavigationSettingsTests {
    static let languages = "title: T\nlanguages:\n  - code: en\n    name: English\n"

    @Test func defaultsAreAHundred() throws {
        let config = try #require(SiteConfig.parse(Self.languages).0)
        #expect(config.pagination == 100)
        #expect(config.navigationLimit == 100)
    }

    @Test func settingsAreRead() throws {
        let (config, diagnostics) = SiteConfig.parse(Self.languages + "pagination: 25\nnavigationLimit: 40\n")
        #expect(diagnostics.isEmpty)
        #expect(config?.pagination == 25)
        #expect(config?.navigationLimit == 40)
    }

    @Test(arguments: ["pagination: 0", "pagination: many", "navigationLimit: -3", "navigationLimit: 2.5"])
    func badValuesAreErrors(line: String) {
        let (config, diagnostics) = SiteConfig.parse(Self.languages + line + "\n")
        #expect(config == nil)
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("whole number of at least 1") })
    }
}
