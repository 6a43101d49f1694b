import Foundation
import Testing
@testable import SitegenKit
import SitegenTestSupport

/// docs/themes.md is where theme authors learn the template values: every
/// value the schema accepts (the top level and the keys of `site`, `page`
/// and `decision`) is named there, in backticks, and the schema holds no
/// name that no context gives (a stale top-level `canonicalURL` did).
@Suite struct TemplateSchemaDocsTests {
    static func documentedNames() throws -> String {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: repository.appendingPathComponent("docs/themes.md"), encoding: .utf8)
    }

    static func keys(_ shape: TemplateShape?) -> [String] {
        if case .object(let fields)? = shape { return fields.keys.sorted() }
        return []
    }

    @Test func everyTemplateValueIsInTheThemeReference() throws {
        let docs = try Self.documentedNames()
        // A name counts as documented when it opens a code span: `name`,
        // `name.key`, `{{name}}` or `{{#name}}`.
        func documented(_ name: String) -> Bool {
            ["`\(name)`", "`\(name).", "`{{\(name)", "`{{#\(name)"].contains { docs.contains($0) }
        }
        let top = Self.keys(TemplateShape.root)
        #expect(!top.isEmpty)
        #expect(top.filter { !documented($0) } == [])
        for parent in ["site", "page", "decision"] {
            let children = Self.keys(TemplateShape.root.child(parent))
            #expect(!children.isEmpty, "\(parent)")
            #expect(children.filter { !documented(parent + "." + $0) } == [], "\(parent)")
        }
    }
}
