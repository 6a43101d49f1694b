import Foundation
import Testing
@testable import SitegenMarkdown
@testable import SitegenSupport
import SitegenTestSupport

/// GitHub's Markdown extras, read by sitegen's own transforms on libcmark:
/// the GFM spec's examples of strikethrough, task list items and autolinks.
@Suite struct GFMExtensionTests {
    static let specExamples = SpecExample.load(Fixtures.path("specs/gfm-0.29.txt"))
    static let strikethrough = specExamples.filter { $0.extensionName == "strikethrough" }
    static let autolinks = specExamples.filter { $0.extensionName == "autolink" }
    /// The task list examples are marked "disabled" in the spec file (cmark-gfm
    /// runs them with the extension off); they are the two after the heading
    /// "Task list items (extension)".
    static let taskLists = specExamples.filter { $0.section.hasPrefix("Task list items") }

    /// Our HTML differs from GFM's on purpose: the checkbox sits in a `label`
    /// with the item's text (its accessible name), and is written as XHTML.
    static func normalized(_ html: String) -> String {
        html.replacingOccurrences(of: #"<label class="task"><input type="checkbox" disabled="disabled"( checked="checked")? />"#,
                                  with: "<input$1 disabled=\"\" type=\"checkbox\">", options: .regularExpression)
            .replacingOccurrences(of: " checked=\"checked\" disabled", with: " checked=\"\" disabled")
            .replacingOccurrences(of: "</label>", with: "")
    }

    @Test func specHasTheExtensionsExamples() {
        #expect(Self.strikethrough.count == 2)
        #expect(Self.autolinks.count == 11)
        #expect(Self.taskLists.count == 2)
    }

    @Test(arguments: strikethrough + autolinks + taskLists)
    func matchesGFMSpec(_ example: SpecExample) {
        // Smart punctuation is on in sitegen (one example has "isn't").
        let output = Self.normalized(html(example.markdown)).replacingOccurrences(of: "\u{2019}", with: "'")
        #expect(output == example.html, "\(example.markdown)")
    }
}
