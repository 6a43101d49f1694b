import Testing
@testable import SitegenBuild

/// How Pagefind is run: once per language when each language's pages are
/// in folders of their own, else once over the whole site (`SearchRuns`).
@Suite struct SearchRunsTests {
    typealias Page = SearchRuns.Page

    static let sitegenLayout = [
        Page(path: "index.html", language: "nl", marked: false),
        Page(path: "404.html", language: "nl", marked: false),
        Page(path: "nl/index.html", language: "nl", marked: true),
        Page(path: "nl/gids/a/index.html", language: "nl", marked: true),
        Page(path: "en/index.html", language: "en", marked: true),
        Page(path: "en/guide/[draft]/index.html", language: "en", marked: true),
    ]

    @Test func eachLanguageInItsOwnFoldersIsARunOfItsOwn() {
        #expect(SearchRuns.globs(Self.sitegenLayout) == ["en/**/*.html", "{nl/**/*.html,404.html,index.html}"])
    }

    @Test func oneRunOverTheSiteWheneverRunsPerLanguageCouldIndexDifferently() {
        var pages = Self.sitegenLayout
        #expect(SearchRuns.globs([pages[2]]) == [SearchRuns.wholeSite], "one language")
        pages[0].language = nil
        #expect(SearchRuns.globs(pages) == [SearchRuns.wholeSite], "a page without lang joins the largest language")
        pages = Self.sitegenLayout
        pages[3].language = "en"
        #expect(SearchRuns.globs(pages) == [SearchRuns.wholeSite], "a folder with two languages")
        pages = Self.sitegenLayout
        pages[4].marked = false
        pages[5].marked = false
        #expect(SearchRuns.globs(pages) == [SearchRuns.wholeSite], "data-pagefind-body in one language only")
        pages = Self.sitegenLayout
        pages[1].path = "{404}.html"
        #expect(SearchRuns.globs(pages) == [SearchRuns.wholeSite], "a root name a glob reads as a pattern")
        pages = Self.sitegenLayout.map { Page(path: $0.path, language: $0.language, marked: false) }
        #expect(SearchRuns.globs(pages).count == 2, "no language marked: every page is indexed either way")
    }

    @Test func theLanguageAndMarkerAreReadAsPagefindReadsThem() {
        func page(_ html: String) -> Page {
            Page(path: "a.html", language: HTMLLanguage.of(Array(html.utf8)), marked: HTMLLanguage.hasBodyMarker(Array(html.utf8)))
        }
        #expect(page("<!DOCTYPE html>\n<html lang=\"nl\" dir=\"ltr\"><body>").language == "nl")
        #expect(page("<HTML data-x='1' LANG='pt-BR'>").language == "pt-br")
        #expect(page("<html lang=en>").language == "en")
        #expect(page("<html dir=\"rtl\">").language == nil)
        #expect(page("<html lang=\"\">").language == nil)
        #expect(page("<htmlx lang=\"nl\"><p lang=\"en\">").language == nil)
        #expect(page("<html lang=\"nl\"><div class=\"content\" data-pagefind-body>").marked)
        #expect(page("<html lang=\"nl\"><main data-pagefind-body=\"\">").marked)
        #expect(!page("<html lang=\"nl\"><p>use <code>data-pagefind-body</code></p>").marked)
        #expect(!page("<html lang=\"nl\"><p data-pagefind-body-like>").marked)
    }
}
