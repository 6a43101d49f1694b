import SitegenSupport
/// Expands every page that holds a decision helper into its pages: the page
/// itself becomes the start page, and each question and outcome the reader can
/// reach gets a page of its own under it, with a URL that can be bookmarked
/// and shared (`keuzehulp/vlsc-yes/manage/`). Every page knows the answers
/// given on the way to it, so it works without JavaScript, state or cookies.
enum DecisionResolver {
    /// At most this many pages per helper.
    static let pageLimit = 2_000
    /// At most this many bytes of folders below the helper's page for one of
    /// its pages, so that output paths stay well under PATH_MAX (4,096).
    static let folderLimit = 1_000

    static func expand(_ pages: [Page], flowSources: [String: SourceText]) -> ([Page], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var flows: [String: DecisionFlow] = [:]
        for (id, source) in flowSources.sorted(by: { $0.key < $1.key }) {
            let (flow, problems) = DecisionFlow.parse(source, id: id)
            diagnostics += problems
            if let flow { flows[id] = flow }
        }

        var result: [Page] = []
        var usedFlows: Set<String> = []
        // Whether each flow pages use can be built, checked once per flow.
        var fits: [String: Bool] = [:]
        for page in pages {
            guard page.metadata.hasDecision, let frontMatter = page.frontMatter else {
                result.append(page)
                continue
            }
            // Parsed once for the flow's name and the words: the front matter
            // of a helper with many questions is long.
            let yaml: YAMLText
            do {
                yaml = try YAMLText(frontMatter.yaml, file: page.sourcePath, firstLine: frontMatter.line)
            } catch {
                if !page.isFallback { diagnostics += error.diagnostics }
                result.append(page)
                continue
            }
            if let id = DecisionWords.flowID(in: yaml) {
                usedFlows.insert(id)
                // Too many pages or too deep folders: say so before reading
                // the words or expanding anything, once for all languages.
                if let flow = flows[id] {
                    if fits[id] == nil {
                        let problems = flow.sizeProblems(pageLimit: pageLimit, folderLimit: folderLimit)
                        diagnostics += problems
                        fits[id] = problems.isEmpty
                    }
                    if fits[id] == false {
                        result.append(page)
                        continue
                    }
                }
            }
            let (words, flow, problems) = DecisionWords.parse(
                yaml, flows: flows, brokenFlows: Set(flowSources.keys).subtracting(flows.keys))
            // A fallback page repeats its original's words; report them once.
            if !page.isFallback { diagnostics += problems }
            guard let words, let flow, let steps = flow.paths(limit: pageLimit) else {
                result.append(page)
                continue
            }
            result += pagesOf(page, flow: flow, words: words, steps: steps)
        }
        for (id, flow) in flows.sorted(by: { $0.key < $1.key }) where !usedFlows.contains(id) {
            diagnostics.append(Diagnostic(.warning, file: flow.file, "no page uses this decision flow; add 'decision: {flow: \(id), ...}' to a page's front matter"))
        }
        return (result, diagnostics)
    }

    /// The start page and one page per step.
    static func pagesOf(_ start: Page, flow: DecisionFlow, words: DecisionWords, steps: [DecisionStep]) -> [Page] {
        func path(_ step: DecisionStep) -> SitePath {
            SitePath(start.path.value + step.relativeFolder)
        }
        func questionPage(before index: Int, of step: DecisionStep) -> SitePath {
            let earlier = DecisionStep(node: step.answers[index].question, answers: Array(step.answers[..<index]))
            return path(earlier)
        }

        var startPage = start
        let questionCount = steps.map(\.answers.count).max() ?? 0
        startPage.decision = DecisionPage(
            kind: .start(firstQuestion: path(steps[0]), startButton: words.startButton, questionCount: questionCount),
            flowID: flow.id, startPath: start.path, backPath: nil, given: [])
        var pages = [startPage]

        for step in steps {
            let given = step.answers.enumerated().map { index, answer in
                DecisionPage.Given(
                    question: words.questions[answer.question]!.text,
                    answer: words.questions[answer.question]!.answers[answer.answer]!,
                    changePath: questionPage(before: index, of: step))
            }
            let back = step.answers.isEmpty ? start.path : questionPage(before: step.answers.count - 1, of: step)
            let kind: DecisionPage.Kind
            let title: String
            if let question = flow.question(step.node) {
                let text = words.questions[question.id]!
                title = text.text
                kind = .question(text: text.text, hint: text.hint, choices: question.answers.map { answer in
                    DecisionPage.Choice(
                        label: text.answers[answer.id]!,
                        path: path(DecisionStep(node: answer.target, answers: step.answers + [.init(question: question.id, answer: answer.id)])))
                })
            } else {
                let outcome = flow.outcome(step.node)!
                let text = words.outcomes[outcome.id]!
                title = text.title
                kind = .outcome(title: text.title, text: text.text, recommend: outcome.recommend, alternative: outcome.alternative)
            }
            var page = start
            page.path = path(step)
            page.translationKey = .decisionStep(helper: start.translationKey, folder: step.relativeFolder)
            page.metadata.title = title
            page.metadata.description = nil
            page.metadata.linkTitle = nil
            page.body = SourceText("", path: start.sourcePath)
            page.decision = DecisionPage(kind: kind, flowID: flow.id, startPath: start.path, backPath: back, given: given)
            pages.append(page)
        }
        return pages
    }
}
