import SitegenSupport
import SitegenMustache
/// The `decision` values of a decision helper's pages, for templates, made
/// from `TemplateContextKind.decisionFields` (`DecisionValueInput`).
struct DecisionContext {
    let site: Site
    let page: Page
    let fileLinks: Bool

    /// Problems found while resolving the pages an outcome links to.
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var anchorChecks: [LinkResolver.AnchorCheck] = []

    init(site: Site, page: Page, fileLinks: Bool) {
        self.site = site
        self.page = page
        self.fileLinks = fileLinks
    }

    /// - Parameter render: renders a Markdown fragment of the page's words to HTML.
    mutating func values(_ decision: DecisionPage, render: (DecisionWords.MarkdownFragment) -> String) -> TemplateData {
        let (values, found) = withoutActuallyEscaping(render) { render in
            let input = DecisionValueInput(site: site, page: page, fileLinks: fileLinks, decision: decision, render: render)
            return (TemplateValueDeclaration.fields(TemplateContextKind.decisionFields, of: input), (input.diagnostics, input.anchorChecks))
        }
        diagnostics += found.0
        anchorChecks += found.1
        return .object(values)
    }
}
