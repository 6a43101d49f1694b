import SitegenSupport
import SitegenMustache
/// The `decision` values of a decision helper's pages, for templates, as
/// `TemplateContextKind.decisionFields` declares them.
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

    private func link(_ path: SitePath) -> TemplateData {
        .text(path.relative(from: page.path, fileLinks: fileLinks))
    }

    /// - Parameter render: renders a Markdown fragment of the page's words to HTML.
    mutating func values(_ decision: DecisionPage, render: (DecisionWords.MarkdownFragment) -> String) -> TemplateData {
        var values: [String: TemplateData] = [
            "isStart": false, "isQuestion": false, "isOutcome": false,
            "startURL": link(decision.startPath),
            "given": .list(decision.given.map { given in
                ["question": .text(given.question), "answer": .text(given.answer), "changeURL": link(given.changePath)]
            }),
            "hasGiven": .bool(!decision.given.isEmpty),
        ]
        if let back = decision.backPath { values["backURL"] = link(back) }
        switch decision.kind {
        case .start(let firstQuestion, let startButton, let questionCount):
            values["isStart"] = true
            values["firstQuestionURL"] = link(firstQuestion)
            values["startButton"] = .text(startButton)
            values["questionCount"] = .int(questionCount)
        case .question(let text, let hint, let choices):
            values["isQuestion"] = true
            var question: [String: TemplateData] = ["text": .text(text)]
            if let hint { question["hint"] = .text(render(hint)) }
            values["question"] = .object(question)
            values["choices"] = .list(choices.map { ["label": .text($0.label), "url": link($0.path)] })
        case .outcome(let title, let text, let recommend, let alternative):
            values["isOutcome"] = true
            values["outcome"] = ["title": .text(title), "text": .text(render(text))]
            values["recommend"] = target(recommend)
            if let alternative { values["alternative"] = target(alternative) }
        }
        return .object(values)
    }

    /// Title and URL of the page an outcome links to, in this page's language.
    private mutating func target(_ reference: DecisionFlow.PageReference) -> TemplateData? {
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
