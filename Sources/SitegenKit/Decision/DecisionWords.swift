import Yams
import SitegenSupport

/// The words of a decision helper in one language, written in the front
/// matter of the page that holds the helper (its start page):
///
/// ```yaml
/// decision:
///   flow: which-guide             # content/_decisions/which-guide.yml
///   startButton: Begin
///   questions:
///     vlsc:
///       text: Gebruikt u het VLSC al voor andere producten?
///       hint: Het *Volume Licensing Service Center* ...   # optional, Markdown
///       answers:
///         yes: Ja
///         no: Nee
///         unsure: Ik weet het niet zeker
///   outcomes:
///     guide-b:
///       title: Handleiding B past bij u
///       text: |                   # Markdown: why this outcome
///         U gebruikt het VLSC al ...
/// ```
///
/// Every question, answer and outcome of the flow needs its words, and there
/// may be no others: each language has the same structure.
public struct DecisionWords: Sendable, Hashable {
    public struct Question: Sendable, Hashable {
        public var text: String
        public var hint: MarkdownFragment?
        public var answers: [String: String]
    }

    public struct Outcome: Sendable, Hashable {
        public var title: String
        public var text: MarkdownFragment
    }

    /// Markdown from front matter, with the line it starts on in the file.
    public struct MarkdownFragment: Sendable, Hashable {
        public var markdown: String
        public var line: Int
    }

    public var flowID: String
    public var startButton: String
    public var questions: [String: Question]
    public var outcomes: [String: Outcome]

    /// The flow a page's `decision` front matter names, without checking the words.
    static func flowID(inFrontMatter yaml: String, file: String, firstLine: Int) -> String? {
        guard let parsed = try? YAMLText(yaml, file: file, firstLine: firstLine) else { return nil }
        return flowID(in: parsed)
    }

    static func flowID(in parsed: YAMLText) -> String? {
        parsed.root?.mapping?["decision"]?.mapping?["flow"]?.string
    }

    /// Reads and checks the words against the flow.
    /// - Parameter brokenFlows: flows that exist but have errors (reported
    ///   with the flow); pages using them get no second error.
    static func parse(frontMatter yaml: String, file: String, firstLine: Int, flows: [String: DecisionFlow],
                      brokenFlows: Set<String> = []) -> (DecisionWords?, DecisionFlow?, [Diagnostic]) {
        let parsed: YAMLText
        do {
            parsed = try YAMLText(yaml, file: file, firstLine: firstLine)
        } catch {
            return (nil, nil, error.diagnostics)
        }
        return parse(parsed, flows: flows, brokenFlows: brokenFlows)
    }

    /// Reads and checks the words of front matter already parsed.
    static func parse(_ parsed: YAMLText, flows: [String: DecisionFlow],
                      brokenFlows: Set<String> = []) -> (DecisionWords?, DecisionFlow?, [Diagnostic]) {
        let firstLine = parsed.firstLine
        var diagnostics: [Diagnostic] = []
        func error(_ message: String, _ node: Node?) {
            diagnostics.append(.error(message, at: parsed.location(of: node)))
        }
        func text(_ node: Node?, _ what: String, in parent: Node?) -> String? {
            guard let node else {
                error("\(what) is missing", parent)
                return nil
            }
            guard YAMLText.isString(node), let value = node.string, !value.trimmingSpaces.isEmpty else {
                error("\(what) must be text; put it in quotes if it looks like a number or yes/no", node)
                return nil
            }
            return value
        }
        func child(_ node: Node?, _ key: String) -> Node? {
            node?.mapping?.first(where: { $0.key.string == key })?.value
        }
        /// The values of a mapping by key (the first of a repeated key, as
        /// `child` finds it): looking up each of n questions, outcomes or
        /// answers with `child` would cost n².
        func children(_ node: Node?) -> [String: Node] {
            var children: [String: Node] = [:]
            for (key, value) in node?.mapping ?? [:] {
                if let key = key.string, children[key] == nil { children[key] = value }
            }
            return children
        }
        func fragment(_ node: Node) -> MarkdownFragment? {
            guard YAMLText.isString(node), let value = node.string else {
                error("expected Markdown text", node)
                return nil
            }
            // A block scalar (`|`) starts on the line after its key.
            let line = (node.mark?.line ?? 1) + firstLine - 1
            let isBlock = node.scalar?.style == .literal || node.scalar?.style == .folded
            return MarkdownFragment(markdown: value, line: isBlock ? line + 1 : line)
        }

        guard let decisionNode = parsed.root?.mapping?["decision"], let decision = decisionNode.mapping else {
            error("decision must be a mapping with flow, startButton, questions and outcomes", parsed.root?.mapping?["decision"] ?? parsed.root)
            return (nil, nil, diagnostics)
        }
        guard let flowID = decision["flow"]?.string else {
            error("decision needs 'flow': the name of a file in content/_decisions/ without .yml", decisionNode)
            return (nil, nil, diagnostics)
        }
        guard let flow = flows[flowID] else {
            if brokenFlows.contains(flowID) { return (nil, nil, diagnostics) }
            error("decision flow '\(flowID)' does not exist; add content/_decisions/\(flowID).yml", decision["flow"])
            return (nil, nil, diagnostics)
        }
        let startButton = text(decision["startButton"], "decision.startButton", in: decisionNode) ?? ""

        var questions: [String: Question] = [:]
        let questionsNode = decision["questions"]
        let questionMapping = questionsNode?.mapping
        if questionsNode == nil { error("decision.questions is missing: the words of every question of flow '\(flowID)'", decisionNode) }
        for (key, _) in questionMapping ?? [:] where flow.question(key.string ?? "") == nil {
            error("question '\(key.string ?? "")' is not in flow '\(flowID)' (\(flow.file)); every language has the flow's questions and no others", key)
        }
        let questionNodes = children(questionsNode)
        for question in flow.questions {
            guard let node = questionNodes[question.id] else {
                if questionMapping != nil { error("the words of question '\(question.id)' are missing", questionsNode) }
                continue
            }
            let questionText = text(child(node, "text"), "the text of question '\(question.id)'", in: node)
            let hint = child(node, "hint").flatMap(fragment)
            var answers: [String: String] = [:]
            let answersNode = child(node, "answers")
            if answersNode?.mapping == nil { error("question '\(question.id)' needs 'answers': a label for each answer", node) }
            let answerIDs = Set(question.answers.map(\.id))
            for (key, _) in answersNode?.mapping ?? [:] where !(key.string.map(answerIDs.contains) ?? false) {
                error("answer '\(key.string ?? "")' is not an answer of question '\(question.id)' in flow '\(flowID)'", key)
            }
            if answersNode?.mapping != nil {
                let answerNodes = children(answersNode)
                for answer in question.answers {
                    if let label = text(answerNodes[answer.id], "the label of answer '\(answer.id)' of question '\(question.id)'", in: answersNode) {
                        answers[answer.id] = label
                    }
                }
            }
            if let questionText {
                questions[question.id] = Question(text: questionText, hint: hint, answers: answers)
            }
        }

        var outcomes: [String: Outcome] = [:]
        let outcomesNode = decision["outcomes"]
        if outcomesNode == nil { error("decision.outcomes is missing: the words of every outcome of flow '\(flowID)'", decisionNode) }
        for (key, _) in outcomesNode?.mapping ?? [:] where flow.outcome(key.string ?? "") == nil {
            error("outcome '\(key.string ?? "")' is not in flow '\(flowID)' (\(flow.file))", key)
        }
        let outcomeNodes = children(outcomesNode)
        for outcome in flow.outcomes {
            guard let node = outcomeNodes[outcome.id] else {
                if outcomesNode?.mapping != nil { error("the words of outcome '\(outcome.id)' are missing", outcomesNode) }
                continue
            }
            let title = text(child(node, "title"), "the title of outcome '\(outcome.id)'", in: node)
            let body: MarkdownFragment?
            if let textNode = child(node, "text") { body = fragment(textNode) } else {
                error("outcome '\(outcome.id)' needs 'text': why this outcome (Markdown)", node)
                body = nil
            }
            if let title, let body {
                outcomes[outcome.id] = Outcome(title: title, text: body)
            }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, flow, diagnostics) }
        return (DecisionWords(flowID: flowID, startButton: startButton, questions: questions, outcomes: outcomes), flow, diagnostics)
    }
}
