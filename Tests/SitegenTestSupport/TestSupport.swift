import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenSupport

/// Paths of the test fixtures, found from this file's place in the repository.
package enum Fixtures {
    package static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The repository's root folder (holding Package.swift and the shipped site).
    package static let repository = directory.deletingLastPathComponent().deletingLastPathComponent()

    package static func path(_ relative: String) -> String {
        directory.appendingPathComponent(relative).path
    }
}

/// Renders Markdown text the way `sitegen markdown` does.
package func render(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> RenderedMarkdown {
    MarkdownRenderer.render(SourceText(markdown, path: "test.md"), options: options)
}

package func html(_ markdown: String) -> String {
    render(markdown).html
}

/// One example of a CommonMark or GFM spec file.
package struct SpecExample: CustomTestStringConvertible, Sendable {
    package var number: Int
    package var section: String
    /// The extension named after "example" (GFM), or "" for core examples.
    package var extensionName: String
    package var markdown: String
    package var html: String

    package var testDescription: String { "example \(number) (\(section))" }

    /// Every example of a spec file, in order, with `→` turned back into tabs.
    package static func load(_ path: String) -> [SpecExample] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var section = ""
        var current: (extensionName: String, markdown: [Substring], html: [Substring], inHTML: Bool)?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if var example = current {
                if line == fence {
                    examples.append(SpecExample(
                        number: examples.count + 1, section: section,
                        extensionName: example.extensionName,
                        markdown: joined(example.markdown), html: joined(example.html)))
                    current = nil
                } else if line == "." && !example.inHTML {
                    example.inHTML = true
                    current = example
                } else if example.inHTML {
                    example.html.append(line)
                    current = example
                } else {
                    example.markdown.append(line)
                    current = example
                }
            } else if line.hasPrefix(fence + " example") {
                let name = line.dropFirst(fence.count + " example".count).trimmingCharacters(in: .whitespaces)
                current = (name, [], [], false)
            } else if line.hasPrefix("#") {
                section = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
            }
        }
        return examples
    }

    private static func joined(_ lines: [Substring]) -> String {
        lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
    }
}

extension String {
    /// The HTML without the callouts' icons (their SVG is long and the same everywhere).
    package var withoutCalloutIcons: String {
        replacingOccurrences(of: #"<svg class="callout-icon"[^>]*><path[^>]*/></svg>"#, with: "", options: .regularExpression)
    }
}

/// `MustacheTests.render` for the tests of other modules (the suite of
/// that name in SitegenMustacheTests forwards to it).
package enum MustacheTests {
    package static func render(_ template: String, _ data: TemplateData, partials: [String: String] = [:]) throws -> String {
        let (library, errors) = MustacheLibrary.parse(partials.merging(["main": template]) { $1 })
        if let error = errors.first { throw error.value }
        var renderer = MustacheRenderer(library: library, context: data)
        try renderer.render(template: "main")
        return renderer.output
    }
}
