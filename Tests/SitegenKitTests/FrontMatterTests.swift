import Testing
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenSupport
import SitegenTestSupport

@Suite struct FrontMatterTests {
    @Test func splitsYAMLFromBodyKeepingLineNumbers() throws {
        let split = try FrontMatter.split(SourceText("---\ntitle: Hoi\n---\n# Kop\n[x](y.md)", path: "a.md"))
        #expect(split.yaml == "title: Hoi\n")
        #expect(split.yamlStartLine == 2)
        let rendered = MarkdownRenderer.render(split.body)
        #expect(rendered.html == "<h1 id=\"kop\">Kop</h1>\n<p><a href=\"y.md\">x</a></p>\n")
        #expect(rendered.links.first?.line == 5)
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let source = SourceText("# A\n---\nb: c\n---", path: "a.md")
        let split = try FrontMatter.split(source)
        #expect(split.yaml == nil)
        #expect(split.body == source)
    }

    @Test func emptyFrontMatterAndDotsDelimiter() throws {
        #expect(try FrontMatter.split(SourceText("---\n---\nx", path: "a.md")).yaml == "")
        #expect(try FrontMatter.split(SourceText("---\na: 1\n...\nx", path: "a.md")).yaml == "a: 1\n")
    }

    @Test func unclosedFrontMatterIsAnError() {
        #expect {
            _ = try FrontMatter.split(SourceText("---\ntitle: x\n\n# Body", path: "c/a.md"))
        } throws: { error in
            (error as? DiagnosticError)?.description == "c/a.md:1:1: error: front matter is not closed; end it with a line '---' before the Markdown"
        }
    }
}

@Suite struct FrontMatterScalarTests {
    /// Plain scalars follow YAML 1.2's core schema: a date or `<<` is text.
    @Test(arguments: ["2024-01-01", "2014-11-17T10:00:00Z", "<<", "="])
    func textThatYAML11ReadAsOtherTypesIsText(_ value: String) {
        let (metadata, diagnostics) = PageMetadata.parse("title: \(value)\ndate: \(value)\n", file: "a.md", firstLine: 2)
        #expect(diagnostics.isEmpty)
        #expect(metadata?.title == value)
        #expect(metadata?.params["date"] == .string(value))
    }

    @Test(arguments: ["yes", "12", "1.5", "null"])
    func booleansNumbersAndNullAreNotText(_ value: String) {
        let (_, diagnostics) = PageMetadata.parse("title: \(value)\n", file: "a.md", firstLine: 2)
        #expect(diagnostics.map(\.message) == ["title must be text; put it in quotes if it looks like a number or yes/no"])
    }
}
