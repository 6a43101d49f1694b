import Testing
@testable import SitegenMarkdown
@testable import SitegenSupport
import SitegenTestSupport

@Suite struct HeadingAnchorsTests {
    @Test(arguments: [
        ("Stap 2: activeer het abonnement", "stap-2-activeer-het-abonnement"),
        ("Wat is een *tenant*?", "wat-is-een-tenant"),
        ("Über uns — Ärger & Co.", "über-uns-ärger-co"),
        ("Office 365 in Open-licenties", "office-365-in-open-licenties"),
        ("日本語の見出し", "日本語の見出し"),
        ("العربية هنا", "العربية-هنا"),
        ("snake_case and `code`", "snake-case-and-code"),
        ("!!!", "section"),
    ])
    func slugs(text: String, expected: String) {
        #expect(HeadingAnchors.slug(text) == expected)
    }

    @Test(arguments: [
        ("Stap 2: activeer het abonnement", "stap-2-activeer-het-abonnement"),
        ("Log appender -- bridge", "log-appender----bridge"),
        ("Über uns — Ärger & Co.", "über-uns--ärger--co"),
        ("snake_case and `code`", "snake_case-and-code"),
        ("日本語の見出し", "日本語の見出し"),
        ("العربية هنا", "العربية-هنا"),
        ("Emoji 🎉 party", "emoji--party"),
        ("!!!", "section"),
    ])
    func githubSlugs(text: String, expected: String) {
        #expect(HeadingAnchors.githubSlug(text) == expected)
    }

    /// ASCII text takes a byte path: every ASCII character gives what the
    /// Unicode path gives it (taken when the text also holds a non-ASCII letter).
    @Test func asciiSlugsMatchTheUnicodeRules() {
        for value in UInt8(0)..<0x80 {
            let text = "A\(Character(Unicode.Scalar(value)))z"
            #expect(HeadingAnchors.githubSlug(text) + "é" == HeadingAnchors.githubSlug(text + "é"), "\(value)")
        }
        #expect(HeadingAnchors.githubSlug("  ") == "--")
        #expect(HeadingAnchors.githubSlug("?!") == "section")
    }

    @Test func generatedIDsFollowGitHubByDefaultAndCompactOnRequest() {
        let markdown = "## Log appender -- bridge\n\n## snake_case"
        // Smart punctuation first made " -- " a dash, which is dropped.
        #expect(render(markdown).headings.map(\.id) == ["log-appender--bridge", "snake_case"])
        let compact = render(markdown, options: MarkdownOptions(headingIDs: .compact))
        #expect(compact.headings.map(\.id) == ["log-appender-bridge", "snake-case"])
    }

    @Test func explicitIDIsReadBeforeSmartPunctuation() {
        let rendered = render("## Log appender -- bridge {#log-appender--bridge}")
        #expect(rendered.diagnostics.isEmpty)
        #expect(rendered.html == "<h2 id=\"log-appender--bridge\">Log appender – bridge</h2>\n")
    }

    @Test func explicitIDWithSpacesAndClasses() {
        let rendered = render("## Spaced { #spaced }\n\n## Classy {#classy .wide .note}\n\nSetext {#set}\n---\n\n## Closed {#closed} ##")
        #expect(rendered.headings.map(\.id) == ["spaced", "classy", "set", "closed"])
        #expect(rendered.headings.map(\.text) == ["Spaced", "Classy", "Setext", "Closed"])
        #expect(rendered.html.contains("<h2 id=\"classy\" class=\"wide note\">Classy</h2>"))
        #expect(!rendered.html.contains("{"))
    }

    @Test func invalidIDMessageIsInEnglish() {
        let message = render("## Kop {#niet geldig}").diagnostics.first?.message ?? ""
        #expect(message.contains("{#step-2}"))
        #expect(!message.contains("stap"))
    }

    @Test func headingsKnowTheirPlace() {
        let headings = render("Intro\n\n> # Quoted").headings
        #expect(headings.first?.line == 3)
        #expect(headings.first?.column == 3)
    }

    @Test func idsAreAddedToHeadings() {
        #expect(html("## Stap 2: activeer het abonnement") == "<h2 id=\"stap-2-activeer-het-abonnement\">Stap 2: activeer het abonnement</h2>\n")
    }

    @Test func duplicatesGetNumbers() {
        let headings = render("# Stappen\n## Stappen\n## Stappen\n## Stappen 1").headings
        #expect(headings.map(\.id) == ["stappen", "stappen-1", "stappen-2", "stappen-1-1"])
    }

    @Test func customIDSetsTheIDAndLeavesTheText() {
        let rendered = render("## Activeer het abonnement {#activate}\n\n## Title {#custom-id}  ")
        #expect(rendered.html == "<h2 id=\"activate\">Activeer het abonnement</h2>\n<h2 id=\"custom-id\">Title</h2>\n")
        #expect(rendered.headings.map(\.text) == ["Activeer het abonnement", "Title"])
    }

    @Test func customIDWithHyphensSurvivesSmartPunctuation() {
        #expect(render("## A *b* c {#step-2-of-3}").headings.map(\.id) == ["step-2-of-3"])
    }

    @Test func automaticIDsAvoidCustomAndReservedOnes() {
        let rendered = render("## Main\n## Other {#main-1}\n## Main", options: MarkdownOptions(reservedIDs: ["main"]))
        #expect(rendered.headings.map(\.id) == ["main-2", "main-1", "main-3"])
    }

    @Test func duplicateCustomIDIsAnError() {
        let diagnostics = render("# A {#x}\n\ntext\n\n## B {#x}").diagnostics
        #expect(diagnostics.map(\.description) == [
            "test.md:5:1: error: heading id 'x' is used twice in this page; give each heading its own {#id}"
        ])
    }

    @Test func invalidCustomIDIsAnError() {
        let rendered = render("## Title {#not valid}")
        #expect(rendered.diagnostics.first?.message.contains("'not valid'") == true)
        #expect(rendered.diagnostics.first?.line == 1)
    }

    @Test func headingListHasLevelTextAndID() {
        let rendered = render("# Guide A\n\nIntro\n\n## What you need\n\n### The *e-mail*\n\nSetext\n------")
        #expect(rendered.headings.map { Heading(level: $0.level, text: $0.text, id: $0.id) } == [
            Heading(level: 1, text: "Guide A", id: "guide-a"),
            Heading(level: 2, text: "What you need", id: "what-you-need"),
            Heading(level: 3, text: "The e-mail", id: "the-e-mail"),
            Heading(level: 2, text: "Setext", id: "setext"),
        ])
    }

    @Test func headingContentKeepsInlineMarkup() {
        #expect(html("## Use `VLSC` *now*") == "<h2 id=\"use-vlsc-now\">Use <code>VLSC</code> <em>now</em></h2>\n")
    }

    @Test func idsAreEscaped() {
        #expect(html("# a\"b<c").contains("id=\"ab-c\"") || html("# a\"b<c").contains("id=\"abc\""))
    }
}

/// `{#id .class key=value}` as Hugo (Goldmark) and Pandoc read it.
@Suite struct HeadingAttributeTests {
    @Test func anyOrderAndAttributesHTMLAllows() {
        let rendered = render("## Name {.notranslate lang=en #name dir=ltr data-level=\"2 b\"}")
        #expect(rendered.diagnostics.isEmpty)
        #expect(rendered.html == "<h2 id=\"name\" class=\"notranslate\" data-level=\"2 b\" dir=\"ltr\" lang=\"en\">Name</h2>\n")
    }

    @Test func classesWithoutAnIDLeaveNoBraces() {
        let rendered = render("## Wide one {.wide}")
        #expect(rendered.headings.map(\.id) == ["wide-one"])
        #expect(rendered.html == "<h2 id=\"wide-one\" class=\"wide\">Wide one</h2>\n")
    }

    @Test func otherAttributesAreAWarningAtTheirColumn() {
        let rendered = render("## Title {#t style=color:red onclick=x}")
        #expect(rendered.html == "<h2 id=\"t\">Title</h2>\n")
        #expect(rendered.diagnostics.map(\.description) == [
            "test.md:1:14: warning: heading attribute 'style=color:red' is left out: sitegen writes only lang, dir and data-* on a heading (and #id, .class)",
            "test.md:1:30: warning: heading attribute 'onclick=x' is left out: sitegen writes only lang, dir and data-* on a heading (and #id, .class)",
        ])
    }

    @Test func bracesThatAreNoMarkerStayText() {
        #expect(render("## The {name} placeholder {name}").headings.map(\.text) == ["The {name} placeholder {name}"])
    }
}
