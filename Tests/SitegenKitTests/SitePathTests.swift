import Testing
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenSupport
import SitegenTestSupport

@Suite struct SitePathTests {
    @Test(arguments: [
        // (from, to, link, link with fileLinks)
        ("nl/", "nl/", "./", "index.html"),
        ("nl/", "nl/handleiding-a/", "handleiding-a/", "handleiding-a/index.html"),
        ("nl/handleiding-a/", "nl/", "../", "../index.html"),
        ("nl/handleiding-a/", "nl/handleiding-b/", "../handleiding-b/", "../handleiding-b/index.html"),
        ("nl/keuzehulp/vlsc-yes/manage/", "nl/keuzehulp/", "../../", "../../index.html"),
        ("nl/a/", "nl/ab/", "../ab/", "../ab/index.html"),
        ("nl/ab/", "nl/a/", "../a/", "../a/index.html"),
        ("nl/a/b/", "en/a/b/", "../../../en/a/b/", "../../../en/a/b/index.html"),
        ("", "nl/", "nl/", "nl/index.html"),
        ("nl/", "", "../", "../index.html"),
        ("nl/a/", "assets/site.1234.css", "../../assets/site.1234.css", "../../assets/site.1234.css"),
        ("", "assets/site.css", "assets/site.css", "assets/site.css"),
        ("nl/img/", "nl/img/logo.png", "logo.png", "logo.png"),
        ("nl/ü/", "nl/ü/ä/", "ä/", "ä/index.html"),
        ("nl/a/", "nl/a/q?mark", "q%3Fmark", "q%3Fmark"),
        ("nl/über/a/", "nl/übel/b/", "../../übel/b/", "../../übel/b/index.html"),
        ("nl/a b/", "nl/a b/c/", "c/", "c/index.html"),
        ("nl/x/", "nl/a b/", "../a%20b/", "../a%20b/index.html"),
        ("nl/img/a.png", "nl/img/b.png", "b.png", "b.png"),
    ])
    func relativeLinks(from: String, to: String, link: String, fileLink: String) {
        #expect(SitePath(to).relative(from: SitePath(from), fileLinks: false) == link)
        #expect(SitePath(to).relative(from: SitePath(from), fileLinks: true) == fileLink)
    }

    @Test(arguments: [("", ""), ("nl/", "../"), ("nl/a/b/", "../../../"), ("404.html", ""), ("nl/img/x.png", "../../")])
    func pathToRoot(path: String, expected: String) {
        #expect(SitePath(path).pathToRoot() == expected)
    }

    /// `SiteLayout.path(_:inContentOf:)` undoes `content(language:_:)`, and
    /// only for that language's folder (`content/en/` is not `content/e/`).
    @Test func theContentPrefixIsCutByItsInverse() {
        for path in ["index.md", "guides/_index.md", "a/b/README.md", ""] {
            #expect(SiteLayout.path(SiteLayout.content(language: "en", path), inContentOf: "en") == path)
        }
        #expect(SiteLayout.path("content/en/a.md", inContentOf: "e") == nil)
        #expect(SiteLayout.path("content/_decisions/x.yml", inContentOf: "en") == nil)
        #expect(SiteLayout.path("templates/en/a.md", inContentOf: "en") == nil)
    }
}
