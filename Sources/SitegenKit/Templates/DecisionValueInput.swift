import SitegenSupport
import SitegenMustache

/// What a decision helper's page's `decision` values are made from
/// (`TemplateContextKind.decisionFields`): the step, links from the page,
/// the page's Markdown renderer for hints and outcome texts, and what
/// resolving an outcome's pages finds. A class: the makers share one, and
/// what they find is kept on it.
final class DecisionValueInput {
    let site: Site
    let page: Page
    let fileLinks: Bool
    let decision: DecisionPage
    let render: (DecisionWords.MarkdownFragment) -> String

    /// Problems found while resolving the pages an outcome links to.
    var diagnostics: [Diagnostic] = []
    var anchorChecks: [LinkResolver.AnchorCheck] = []

    init(site: Site, page: Page, fileLinks: Bool, decision: DecisionPage,
         render: @escaping (DecisionWords.MarkdownFragment) -> String) {
        self.site = site
        self.page = page
        self.fileLinks = fileLinks
        self.decision = decision
        self.render = render
    }

    func link(_ path: SitePath) -> TemplateData {
        .text(path.relative(from: page.path, fileLinks: fileLinks))
    }

    var start: (firstQuestion: SitePath, startButton: String, questionCount: Int)? {
        if case .start(let firstQuestion, let startButton, let questionCount) = decision.kind { return (firstQuestion, startButton, questionCount) }
        return nil
    }

    var question: (text: String, hint: DecisionWords.MarkdownFragment?, choices: [DecisionPage.Choice])? {
        if case .question(let text, let hint, let choices) = decision.kind { return (text, hint, choices) }
        return nil
    }

    var outcome: (title: String, text: DecisionWords.MarkdownFragment, recommend: DecisionFlow.PageReference,
                  alternative: DecisionFlow.PageReference?)? {
        if case .outcome(let title, let text, let recommend, let alternative) = decision.kind { return (title, text, recommend, alternative) }
        return nil
    }

    /// Title and URL of the page an outcome links to, in this page's language.
    func target(_ reference: DecisionFlow.PageReference) -> TemplateData? {
        guard let target = site.page(.page(reference.translationKey), in: page.language) else {
            if site.isUnusable(translationKey: .page(reference.translationKey)) { return nil }
            diagnostics.append(.error("the outcome links to the page with translationKey '\(reference.translationKey)', which does not exist in '\(page.language)'", at: reference.location))
            return nil
        }
        var url = target.path.relative(from: page.path, fileLinks: fileLinks)
        if let anchor = reference.anchor {
            url += "#" + anchor
            anchorChecks.append(LinkResolver.AnchorCheck(targetPath: target.path, targetSource: target.sourcePath, fragment: anchor, location: reference.location))
        }
        return ["title": .text(target.metadata.title), "url": .text(url)]
    }
}
