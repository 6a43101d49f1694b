import Testing
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenSupport

/// Front matter and settings as Hugo, MkDocs or GitHub sites write them,
/// read by the core (the whole-site builds of the same rules are
/// SitegenBuildTests' ForeignLayoutTests).
@Suite struct ForeignFrontMatterTests {
    @Test func knownKeysAreReadInAnyCase() {
        let (metadata, diagnostics) = PageMetadata.parse("Title: Hugo\nLinkTitle: H\nWeight: 3\nAuthor: me\n", file: "a.md", firstLine: 2)
        #expect(diagnostics.isEmpty)
        #expect(metadata?.title == "Hugo")
        #expect(metadata?.linkTitle == "H")
        #expect(metadata?.weight == 3)
        #expect(metadata?.params == ["Author": .string("me")])
    }

    @Test func bodyTitleText() throws {
        func title(_ markdown: String) -> String? {
            BodyTitle(MarkdownBody(SourceText(markdown, path: "a.md")))?.text
        }
        #expect(title("# A [link](x.md) and **bold** #") == "A link and bold")
        #expect(title("#NoSpace") == nil)
        #expect(title("    # indented code") == nil)
        #expect(title("## Level two") == nil)
        #expect(title("snake_case_name\n===") == "snake_case_name")
        #expect(title("- item\n===") == nil)
    }

    @Test func outsidePathsMustBeRootRelative() {
        let (_, problems) = SiteConfig.parse("title: T\nlanguages: [{code: en, name: English}]\nlinks:\n  outside: [blog/]\n")
        #expect(problems.map(\.description) == ["sitegen.yml:4:13: error: links.outside must list root-relative paths, like '/blog/'"])
    }

    /// Hugo's `url:` would move the page without a word: a located warning
    /// that says what to write instead, and the page still builds.
    @Test func hugosURLKeyIsAWarningNotSilence() {
        let (metadata, problems) = PageMetadata.parse("title: X\nURL: /old/page/\n", file: "p.md", firstLine: 2)
        #expect(metadata?.title == "X")
        #expect(problems.map(\.description) == ["p.md:3:1: warning: 'url:' is not read: a page's URL comes from its file and 'slug:'; to keep an old URL working, add it to 'aliases:' (a theme may still read it as page.params.url)"])
        #expect(PageMetadata.parse("title: X\nurlTitle: y\n", file: "p.md", firstLine: 2).1.isEmpty)
    }

    @Test func aTargetMustBeAnAbsoluteURLFromTheRootOrAPagesFile() {
        let (_, problems) = PageMetadata.parse("title: X\nredirect: other/\n", file: "p.md", firstLine: 2)
        #expect(problems.map(\.description) == [
            "p.md:3:11: error: a link-only entry's target must be an absolute URL (https://...), a path from the site root (/blog/) or a page's file (../guide/install.md), without spaces or quotes",
        ])
    }

    @Test func anExternalLinkInsideASectionIsLeftOutWithAWarning() {
        let (config, diagnostics) = SiteConfig.parse(
            "title: Docs\nlanguages:\n  - code: en\n    name: English\nnav:\n  - index.md\n  - Guides:\n      - Forum: https://forum.example.org/\n  - Blog: https://example.org/blog/\n")
        #expect(diagnostics.map(\.description) == [
            "sitegen.yml:8:16: warning: nav entry 'https://forum.example.org/': an external link inside a section is not shown; only those at the top level are, in the sidebar",
        ])
        #expect(config?.nav?.externalLinks == [NavOrder.ExternalLink(title: "Blog", url: "https://example.org/blog/", pagesBefore: 1)])
    }
}
