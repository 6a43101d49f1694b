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
package struct DecisionWords: Sendable, Hashable {
    package struct Question: Sendable, Hashable {
        package var text: String
        package var hint: MarkdownFragment?
        package var answers: [String: String]
    }

    package struct Outcome: Sendable, Hashable {
        package var title: String
        package var text: MarkdownFragment
    }

    /// Markdown from front matter, with the line it starts on in the file.
    package struct MarkdownFragment: Sendable, Hashable {
        package var markdown: String
        package var line: Int
    }

    package var flowID: String
    package var startButton: String
    package var questions: [String: Question]
    package var outcomes: [String: Outcome]

    /// The flow a page's `decision` front matter names, without checking the words.
    package static func flowID(inFrontMatter yaml: String, file: String, firstLine: Int) -> String? {
        guard let parsed = try? YAMLText(yaml, file: file, firstLine: firstLine) else { return nil }
        return flowID(in: parsed)
    }

    static func flowID(in parsed: YAMLText) -> String? {
        parsed.root?.mapping?["decision"]?.mapping?["flow"]?.string
    }

    /// Reads and checks the words against the flow.
    /// - Parameter brokenFlows: flows that exist but have errors (reported
    ///   with the flow); pages using them get no second error.
    package static func parse(frontMatter yaml: String, file: String, firstLine: Int, flows: [String: DecisionFlow],
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
        let reader = YAMLReader(parsed)
        guard let (decisionNode, flow) = header(reader, flows: flows, brokenFlows: brokenFlows) else {
            return (nil, nil, reader.diagnostics)
        }
        let fields = YAMLReader.children(decisionNode)
        let startButton = reader.text(fields["startButton"], "decision.startButton", missingIn: decisionNode, allowsEmpty: false) ?? ""
        if fields["questions"] == nil {
            reader.error("decision.questions is missing: the words of every question of flow '\(flow.id)'", at: decisionNode)
        }
        if fields["outcomes"] == nil {
            reader.error("decision.outcomes is missing: the words of every outcome of flow '\(flow.id)'", at: decisionNode)
        }
        let questions = readQuestions(fields["questions"], of: flow, reader)
        let outcomes = readOutcomes(fields["outcomes"], of: flow, reader)
        guard !reader.hasErrors else { return (nil, flow, reader.diagnostics) }
        return (DecisionWords(flowID: flow.id, startButton: startButton, questions: questions, outcomes: outcomes), flow, reader.diagnostics)
    }

    /// The `decision` mapping and the flow it names; nil when either is
    /// missing (reported, unless the flow exists with errors of its own).
    static func header(_ reader: YAMLReader, flows: [String: DecisionFlow], brokenFlows: Set<String>) -> (Node, DecisionFlow)? {
        guard let decisionNode = reader.root?.mapping?["decision"], let decision = decisionNode.mapping else {
            reader.error("decision must be a mapping with flow, startButton, questions and outcomes", at: reader.root?.mapping?["decision"] ?? reader.root)
            return nil
        }
        guard let flowID = decision["flow"]?.string else {
            reader.error("decision needs 'flow': the name of a file in content/_decisions/ without .yml", at: decisionNode)
            return nil
        }
        guard let flow = flows[flowID] else {
            if !brokenFlows.contains(flowID) {
                reader.error("decision flow '\(flowID)' does not exist; add content/_decisions/\(flowID).yml", at: decision["flow"])
            }
            return nil
        }
        return (decisionNode, flow)
    }

    /// The words of every question of the flow; keys the flow lacks are errors.
    static func readQuestions(_ questionsNode: Node?, of flow: DecisionFlow, _ reader: YAMLReader) -> [String: Question] {
        for (key, _) in questionsNode?.mapping ?? [:] where flow.question(key.string ?? "") == nil {
            reader.error("question '\(key.string ?? "")' is not in flow '\(flow.id)' (\(flow.file)); every language has the flow's questions and no others", at: key)
        }
        let nodes = YAMLReader.children(questionsNode)
        var questions: [String: Question] = [:]
        for question in flow.questions {
            guard let node = nodes[question.id] else {
                if questionsNode?.mapping != nil { reader.error("the words of question '\(question.id)' are missing", at: questionsNode) }
                continue
            }
            let fields = YAMLReader.children(node)
            let text = reader.text(fields["text"], "the text of question '\(question.id)'", missingIn: node, allowsEmpty: false)
            let hint = fields["hint"].flatMap { fragment($0, reader) }
            let answers = readAnswers(fields["answers"], of: question, in: node, flowID: flow.id, reader)
            if let text {
                questions[question.id] = Question(text: text, hint: hint, answers: answers)
            }
        }
        return questions
    }

    /// The label of every answer of a question.
    static func readAnswers(_ answersNode: Node?, of question: DecisionFlow.Question, in questionNode: Node,
                            flowID: String, _ reader: YAMLReader) -> [String: String] {
        guard answersNode?.mapping != nil else {
            reader.error("question '\(question.id)' needs 'answers': a label for each answer", at: questionNode)
            return [:]
        }
        let answerIDs = Set(question.answers.map(\.id))
        for (key, _) in answersNode?.mapping ?? [:] where !(key.string.map(answerIDs.contains) ?? false) {
            reader.error("answer '\(key.string ?? "")' is not an answer of question '\(question.id)' in flow '\(flowID)'", at: key)
        }
        let nodes = YAMLReader.children(answersNode)
        var answers: [String: String] = [:]
        for answer in question.answers {
            if let label = reader.text(nodes[answer.id], "the label of answer '\(answer.id)' of question '\(question.id)'",
                                       missingIn: answersNode, allowsEmpty: false) {
                answers[answer.id] = label
            }
        }
        return answers
    }

    /// The title and text of every outcome of the flow; keys the flow lacks are errors.
    static func readOutcomes(_ outcomesNode: Node?, of flow: DecisionFlow, _ reader: YAMLReader) -> [String: Outcome] {
        for (key, _) in outcomesNode?.mapping ?? [:] where flow.outcome(key.string ?? "") == nil {
            reader.error("outcome '\(key.string ?? "")' is not in flow '\(flow.id)' (\(flow.file))", at: key)
        }
        let nodes = YAMLReader.children(outcomesNode)
        var outcomes: [String: Outcome] = [:]
        for outcome in flow.outcomes {
            guard let node = nodes[outcome.id] else {
                if outcomesNode?.mapping != nil { reader.error("the words of outcome '\(outcome.id)' are missing", at: outcomesNode) }
                continue
            }
            let fields = YAMLReader.children(node)
            let title = reader.text(fields["title"], "the title of outcome '\(outcome.id)'", missingIn: node, allowsEmpty: false)
            var body: MarkdownFragment?
            if let textNode = fields["text"] {
                body = fragment(textNode, reader)
            } else {
                reader.error("outcome '\(outcome.id)' needs 'text': why this outcome (Markdown)", at: node)
            }
            if let title, let body {
                outcomes[outcome.id] = Outcome(title: title, text: body)
            }
        }
        return outcomes
    }

    /// Markdown text from front matter, with the line it starts on.
    static func fragment(_ node: Node, _ reader: YAMLReader) -> MarkdownFragment? {
        guard YAMLText.isString(node), let value = node.string else {
            reader.error("expected Markdown text", at: node)
            return nil
        }
        // A block scalar (`|`) starts on the line after its key.
        let line = (node.mark?.line ?? 1) + reader.yaml.firstLine - 1
        let isBlock = node.scalar?.style == .literal || node.scalar?.style == .folded
        return MarkdownFragment(markdown: value, line: isBlock ? line + 1 : line)
    }
}
