import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenSupport
import SitegenTestSupport

/// Highlighting in a whole build: on by default, set by `markdown.highlight`
/// (the renderer's own tests are SitegenKitTests' CodeHighlightTests).
@Suite struct CodeHighlightBuildTests {
    /// A whole site: highlighting is on by default, an unknown language is
    /// reported once per build however many blocks use it, and
    /// `markdown.highlight: false` turns it off.
    @Test func siteBuildHighlightsAndWarnsOncePerLanguage() throws {
        let site = try SiteFixtures.copy("good")
        let block = "\n\n```brainfuck\n+\n```\n\n```yaml\na: 1\n```\n"
        for page in ["content/en/guide-a.md", "content/en/choose.md"] {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: site + "/" + page))
            handle.seekToEndOfFile()
            handle.write(Data((block + block).utf8))
            try handle.close()
        }
        let (report, output) = try SiteFixtures.build(site)
        let unknown = report.diagnostics.filter { $0.message.contains("'brainfuck'") }
        #expect(unknown.count == 1)
        #expect(unknown.first?.message.hasSuffix("(and 3 more blocks in this language)") == true)
        let guide = try String(contentsOfFile: output + "/en/guide-a/index.html", encoding: .utf8)
        #expect(guide.contains("<pre class=\"highlight\" tabindex=\"0\"><code class=\"language-yaml\"><span class=\"v\">a</span>"))

        let config = site + "/sitegen.yml"
        try (try String(contentsOfFile: config, encoding: .utf8) + "\nmarkdown:\n  highlight: false\n").write(toFile: config, atomically: true, encoding: .utf8)
        let (plainReport, plainOutput) = try SiteFixtures.build(site)
        #expect(!plainReport.diagnostics.contains { $0.message.contains("'brainfuck'") })
        let plain = try String(contentsOfFile: plainOutput + "/en/guide-a/index.html", encoding: .utf8)
        #expect(plain.contains("<pre><code class=\"language-yaml\">a: 1\n</code></pre>"))
        #expect(!plain.contains("class=\"highlight\""))
    }

    @Test func highlightSettingMustBeABoolean() throws {
        let site = try SiteFixtures.copy("good", settings: "\nmarkdown:\n  highlight: maybe\n")
        let (report, _) = try SiteFixtures.build(site)
        #expect(report.errors.contains { $0.message == "markdown.highlight must be true or false" && $0.line != nil })
    }
}
