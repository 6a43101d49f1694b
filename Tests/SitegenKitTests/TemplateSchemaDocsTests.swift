import Foundation
import Testing
@testable import SitegenKit
import SitegenTestSupport

/// docs/themes.md is where theme authors learn the template values: its
/// reference tables name exactly the values `TemplateContextKind` declares,
/// in both directions (a stale top-level `canonicalURL` was documented and
/// accepted everywhere; `page.sourcePath` was given and documented nowhere).
@Suite struct TemplateSchemaDocsTests {
    static func docs() throws -> String {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: repository.appendingPathComponent("docs/themes.md"), encoding: .utf8)
    }

    /// The names the first column of the table after `heading` gives: each
    /// name in backticks; `.key` continues the name before it
    /// (`language.code`, `.name`); what is in parentheses describes the name
    /// before it (`(ltr/rtl)`) and is no name.
    static func names(inTableAfter heading: String, of docs: String) -> Set<String> {
        let lines = docs.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.contains(heading) }),
              let first = lines[start...].firstIndex(where: { $0.hasPrefix("|") }) else { return [] }
        var names: Set<String> = []
        for row in lines[first...].prefix(while: { $0.hasPrefix("|") }).dropFirst(2) {
            let cell = row.split(separator: "|", omittingEmptySubsequences: false)[1]
                .replacingOccurrences(of: #"\([^)]*\)"#, with: "", options: .regularExpression)
            var previous = ""
            for (index, part) in cell.components(separatedBy: "`").enumerated() where index % 2 == 1 {
                let name = part.hasPrefix(".") ? String(previous.prefix { $0 != "." }) + part : part
                names.insert(name)
                previous = name
            }
        }
        return names
    }

    /// What a table should name: each value, and for `expanded` objects each
    /// of their keys instead.
    static func declared(_ kinds: [TemplateContextKind], expanding expanded: Set<String>) -> Set<String> {
        Set(kinds.flatMap(\.values).flatMap { value in
            expanded.contains(value.name) ? value.shape.keys.map { value.name + "." + $0 } : [value.name]
        })
    }

    @Test func thePageTableNamesEveryValueOfAPagesContextsAndNoOther() throws {
        let documented = Self.names(inTableAfter: "The context of `page.mustache`:", of: try Self.docs())
        let declared = Self.declared([.page, .search, .decisionStep], expanding: ["site", "language", "page"])
        #expect(documented.count > 40)
        #expect(declared.subtracting(documented).sorted() == [], "declared, not documented")
        #expect(documented.subtracting(declared).sorted() == [], "documented, not declared")
    }

    @Test func theDecisionTableNamesEveryDecisionValueAndNoOther() throws {
        let documented = Self.names(inTableAfter: "| `decision.` key | Value |", of: try Self.docs())
        let declared = Set(TemplateContextKind.decisionFields.map { "decision." + $0.name })
        #expect(declared.subtracting(documented).sorted() == [], "declared, not documented")
        #expect(documented.subtracting(declared).sorted() == [], "documented, not declared")
    }

    @Test func theRootPagesTableNamesEveryValueOfTheirContextsAndNoOther() throws {
        let documented = Self.names(inTableAfter: "The context of `languages.mustache` and `404.mustache`", of: try Self.docs())
        let declared = Self.declared([.languageChooser, .notFound], expanding: [])
        #expect(declared.subtracting(documented).sorted() == [], "declared, not documented")
        #expect(documented.subtracting(declared).sorted() == [], "documented, not declared")
    }

    /// A name declared twice in one context would be checked by the first and computed by either.
    @Test func everyContextDeclaresEachNameOnce() {
        for kind in TemplateContextKind.allCases {
            let names = kind.values.map(\.name)
            #expect(names.count == Set(names).count, "\(kind)")
        }
    }
}
