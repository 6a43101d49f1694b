import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenSupport
import SitegenTestSupport

/// Authoring settings and rules read by the core (the features fixture's
/// builds are SitegenBuildTests' AuthoringFeaturesTests).
@Suite struct AuthoringFeaturesTests {
    @Test func publishedStylesheetsLeaveOutComments() {
        let css = "/* theme */\na { color: red; } /* why */\n\n/*! licence */\nb::before { content: \"/* kept */\"; }\nc::after { content: '\\'/*'; }\n"
        #expect(StylesheetComments.stripped(css)
                == "a { color: red; } \n/*! licence */\nb::before { content: \"/* kept */\"; }\nc::after { content: '\\'/*'; }\n")
    }

    @Test func aliasesAreCheckedWhenRead() {
        let (_, problems) = PageMetadata.parse("title: X\naliases: [/../weg/, 'ok/', 'https://x.org/']", file: "p.md", firstLine: 2)
        #expect(problems.map(\.description).count == 2)
        #expect(problems.first?.description.hasPrefix("p.md:3:11: error: alias '/../weg/' must be a URL path") == true)
    }

    /// `/.sitegen-output/` was accepted, listed in the manifest, and its
    /// redirect lost under the marker file in silence.
    @Test func aliasesWithHiddenNamesAreRefused() {
        let (_, problems) = PageMetadata.parse("title: X\naliases: [/.sitegen-output/, old/.hidden/, ./ok/, ../fine/]", file: "p.md", firstLine: 2)
        #expect(problems.map(\.description) == [
            "p.md:3:11: error: alias '/.sitegen-output/' must be a URL path in the site, like 'old/path/' (from this page's folder) or '/old/path/' (from the site root), without '?', '#', a scheme or a name starting with '.'",
            "p.md:3:30: error: alias 'old/.hidden/' must be a URL path in the site, like 'old/path/' (from this page's folder) or '/old/path/' (from the site root), without '?', '#', a scheme or a name starting with '.'",
        ])
        let (metadata, none) = PageMetadata.parse("title: X\naliases: [./ok/, ../fine/]", file: "p.md", firstLine: 2)
        #expect(none.isEmpty)
        #expect(metadata?.aliases.map(\.path) == ["./ok", "../fine"])
    }

    /// `/a%2Fb/` became a folder named `a%2Fb`, which no request reaches:
    /// a web server decodes the URL before it looks for the file.
    @Test func percentEncodedAliasesAreDecodedAndBadEscapesRefused() {
        let (metadata, none) = PageMetadata.parse("title: X\naliases: [/a%2Fb/, /caf%C3%A9/, /100%25/]", file: "p.md", firstLine: 2)
        #expect(none.isEmpty)
        #expect(metadata?.aliases.map(\.path) == ["a/b", "café", "100%"])
        let (_, problems) = PageMetadata.parse(
            "title: X\naliases: [/a%2Fb/, /caf%C3%A9/, /%2E%2E/etc/, /bad%zz/, /half%E2%82/, /100%25/]", file: "p.md", firstLine: 2)
        #expect(problems.map(\.description) == [
            "p.md:3:33: error: alias '/%2E%2E/etc/' must be a URL path in the site, like 'old/path/' (from this page's folder) or '/old/path/' (from the site root), without '?', '#', a scheme or a name starting with '.'",
            "p.md:3:47: error: alias '/bad%zz/' has a '%' that starts no %-escape of UTF-8 text (like %20 or %C3%A9); write '%25' for a '%' itself",
            "p.md:3:57: error: alias '/half%E2%82/' has a '%' that starts no %-escape of UTF-8 text (like %20 or %C3%A9); write '%25' for a '%' itself",
        ])
    }

    @Test func markdownSettingsAreRead() {
        let (config, problems) = SiteConfig.parse("title: T\nlanguages: [{code: en, name: English}]\nmarkdown:\n  rawHTML: allow\n  headingIDs: compact\nwarnings:\n  missingTranslations: false\n")
        #expect(problems.isEmpty)
        #expect(config?.markdown.rawHTML == .allow)
        #expect(config?.markdown.headingIDs == .compact)
        #expect(config?.missingTranslationWarnings == false)
        let (_, bad) = SiteConfig.parse("title: T\nlanguages: [{code: en, name: English}]\nmarkdown:\n  rawHTML: keep\n")
        #expect(bad.map(\.description) == ["sitegen.yml:4:12: error: markdown.rawHTML must be 'drop' or 'allow'"])
    }

    @Test func manyWarningsOfAKindAreOneLine() {
        let warnings = (1...12).map { Diagnostic(.warning, file: "content/en/p\($0).md", "no 'en' translation", kind: "missing translations") }
        let lines = DiagnosticSummary.lines([Diagnostic(.error, file: "a.md", "bad")] + warnings, verbose: false)
        #expect(lines == [
            "a.md: error: bad",
            "content/en/p1.md: warning: 12 missing translations (first: content/en/p1.md, content/en/p2.md, content/en/p3.md, ...); --verbose lists them all",
        ])
        #expect(DiagnosticSummary.lines(warnings, verbose: true).count == 12)
        #expect(DiagnosticSummary.lines(Array(warnings.prefix(10)), verbose: false).count == 10)
    }
}

@Suite struct ErrorSummaryTests {
    @Test func manyErrorsOfOneShapeAreOneLine() {
        let errors = (1...11).map { Diagnostic(.error, file: "content/en/p\($0).md", line: 3, column: 1, "link target 'x\($0).md' does not exist") }
        let other = Diagnostic(.error, file: "content/en/z.md", "the page's title isn't 'text'")
        let lines = DiagnosticSummary.lines(errors + [other], verbose: false)
        #expect(lines == [
            "content/en/p1.md:3:1: error: 11 errors like this: link target 'x1.md' does not exist (first: content/en/p1.md:3:1, content/en/p2.md:3:1, content/en/p3.md:3:1, ...); --verbose lists them all",
            "content/en/z.md: error: the page's title isn't 'text'",
        ])
        #expect(DiagnosticSummary.lines(errors, verbose: true).count == 11)
        #expect(DiagnosticSummary.lines(Array(errors.prefix(10)), verbose: false).count == 10)
    }

    /// Missing link targets as LinkResolver words them: the paths looked
    /// for (in parentheses, unquoted) differ with every target and
    /// language, and still they are one kind. FastAPI's docs, built in 13
    /// languages, had 110 such lines (links to `{{ sponsor.url }}`).
    @Test func missingLinkTargetsInEveryLanguageAreOneLine() {
        let errors = ["de", "en", "es", "fr", "ja", "ko"].flatMap { language in
            ["{{ sponsor.url }}", "{{ sponsor.img }}"].map { target in
                Diagnostic(.error, file: "content/\(language)/index.md", line: 64, column: 74,
                           "link target '\(target)' does not exist (looked for content/\(language)/\(target))")
            }
        }
        let ambiguous = Diagnostic(.error, file: "content/en/a.md", "link target 'x' is ambiguous: x.md (a page) and x/ (a folder); link the .md file to say which")
        let lines = DiagnosticSummary.lines(errors + [ambiguous], verbose: false)
        #expect(lines == [
            "content/de/index.md:64:74: error: 12 errors like this: link target '{{ sponsor.url }}' does not exist (looked for content/de/{{ sponsor.url }}) (first: content/de/index.md:64:74, content/de/index.md:64:74, content/en/index.md:64:74, ...); --verbose lists them all",
            "content/en/a.md: error: link target 'x' is ambiguous: x.md (a page) and x/ (a folder); link the .md file to say which",
        ])
    }
}
