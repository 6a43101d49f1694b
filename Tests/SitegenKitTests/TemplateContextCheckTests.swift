import Testing
@testable import SitegenKit
import SitegenSupport

/// Each layout's names are checked against its own context
/// (`TemplateContextKind`), not against every context at once.
@Suite struct TemplateContextCheckTests {
    static func errors(_ templates: [String: String]) -> [String] {
        let files = templates.map { name, text in
            SiteSource.TemplateFile(name: name, source: SourceText(text, path: "templates/\(name).mustache"))
        }
        return TemplateSet.load(files).1.filter { $0.severity == .error }.map(\.description)
    }

    static let required = ["page": "<p>{{page.title}}</p>", "languages": "{{#choices}}{{url}}{{/choices}}", "404": "<p>{{site.title}}</p>"]

    @Test func theShippedContextsAcceptTheirOwnNames() {
        #expect(Self.errors(Self.required) == [])
    }

    /// A `layout:` written as a path says it is not a template's name and
    /// which name to write; it never suggests a file outside templates/.
    @Test func aLayoutWrittenAsAPathSaysWhichNameToWrite() {
        let files = (Self.required.merging(["guides/wide": "<p>{{page.title}}</p>"]) { $1 }).map { name, text in
            SiteSource.TemplateFile(name: name, source: SourceText(text, path: "templates/\(name).mustache"))
        }
        let templates = TemplateSet.load(files).0
        let problem = "is not a template's name, which is its file's path inside templates/ without '.mustache' (and no '..')"
        #expect(templates.missingLayout("../x") == "layout '../x' \(problem); write 'layout: x' and add templates/x.mustache, or remove 'layout'")
        #expect(templates.missingLayout("../guides/wide") == "layout '../guides/wide' \(problem); write 'layout: guides/wide' (templates/guides/wide.mustache)")
        #expect(templates.missingLayout("templates/page.mustache") == "layout 'templates/page.mustache' \(problem); write 'layout: page' (templates/page.mustache)")
        #expect(templates.missingLayout("/page") == "layout '/page' \(problem); write 'layout: page' (templates/page.mustache)")
        #expect(templates.missingLayout("..") == "layout '..' \(problem); write 'layout: page' or remove 'layout'")
        #expect(templates.missingLayout("wide") == "layout 'wide' does not exist; add templates/wide.mustache or remove 'layout'")
        #expect(!templates.missingLayout("../../etc/passwd").contains("templates/../"))
    }

    @Test func aLayoutNamingAnotherLayoutsValueIsAnErrorAtItsTag() {
        let errors = Self.errors(Self.required.merging(["page": "<p>{{page.title}}</p>\n<p>{{choices}}</p>",
                                                        "404": "<p>{{page.title}}</p>"]) { $1 })
        #expect(errors.count == 2)
        #expect(errors.contains { $0.hasPrefix("templates/page.mustache:2:4: error: 'choices' is a value of languages.mustache and 404.mustache only, not of a page's layout") })
        #expect(errors.contains { $0.hasPrefix("templates/404.mustache:1:4: error: 'page' is a value of ") && $0.contains("only, not of 404.mustache;") })
    }

    /// A head partial shared by pages and 404.mustache tests for a page's
    /// value; a bare value only pages have is still an error there.
    @Test func aSharedPartialMayTestForAValueSomeOfItsLayoutsHave() {
        let shared = Self.required.merging([
            "page": "{{> partials/head}}<p>{{page.title}}</p>",
            "404": "{{> partials/head}}",
            "partials/head": "{{#page.hasCode}}<meta name=\"x\" content=\"{{page.title}}\" />{{/page.hasCode}}{{^page.isHome}}x{{/page.isHome}}",
        ]) { $1 }
        #expect(Self.errors(shared) == [])
        let bare = shared.merging(["partials/head": "<title>{{page.title}}</title>"]) { $1 }
        #expect(Self.errors(bare).count == 1)
        #expect(Self.errors(bare).first?.hasPrefix("templates/partials/head.mustache:1:8: error: 'page' is a value of ") == true)
        #expect(Self.errors(bare).first?.contains("not of 404.mustache, which includes this template here") == true)
    }
}
