import Yams

/// The structure of a decision helper ("which guide is for me?"), written once
/// for every language in `content/_decisions/<id>.yml`:
///
/// ```yaml
/// start: vlsc                 # the first question
/// unsureAnswer: unsure        # optional: every question must offer this answer
/// questions:
///   vlsc:
///     answers:                # answer id: the question or outcome it leads to
///       yes: manage
///       no: order
///       unsure: order
/// outcomes:
///   guide-b:
///     recommend: guide-b#steps        # translationKey of a page, optional #anchor
///     alternative: guide-a            # optional: the other page to offer
/// ```
///
/// The words (question texts, answer labels, outcome texts) are written per
/// language in the page that holds the helper (see `DecisionWords`).
public struct DecisionFlow: Sendable, Hashable {
    public struct Answer: Sendable, Hashable {
        public var id: String
        /// A question or outcome id.
        public var target: String
        public var location: SourceLocation
    }

    public struct Question: Sendable, Hashable {
        public var id: String
        public var answers: [Answer]
        public var location: SourceLocation
    }

    /// A link to a page by its translation key, with an optional anchor.
    public struct PageReference: Sendable, Hashable {
        public var translationKey: String
        public var anchor: String?
        public var location: SourceLocation

        init(_ text: String, location: SourceLocation) {
            let parts = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            translationKey = String(parts[0])
            anchor = parts.count > 1 ? String(parts[1]) : nil
            self.location = location
        }
    }

    public struct Outcome: Sendable, Hashable {
        public var id: String
        public var recommend: PageReference
        public var alternative: PageReference?
        public var location: SourceLocation
    }

    /// The file name without `.yml`; pages name it in `decision.flow`.
    public var id: String
    public var file: String
    public var start: String
    public var startLocation: SourceLocation
    public var unsureAnswer: String?
    /// In file order.
    public var questions: [Question]
    public var outcomes: [Outcome]

    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }
    public func outcome(_ id: String) -> Outcome? { outcomes.first { $0.id == id } }

    /// Parses and checks a flow. The flow is returned only when it has no errors.
    public static func parse(_ source: SourceText, id: String) -> (DecisionFlow?, [Diagnostic]) {
        let yaml: YAMLText
        do {
            yaml = try YAMLText(source.text, file: source.path)
        } catch {
            return (nil, error.diagnostics)
        }
        var diagnostics: [Diagnostic] = []
        func error(_ message: String, _ node: Node?) {
            diagnostics.append(.error(message, at: yaml.location(of: node)))
        }
        guard let root = yaml.root?.mapping else {
            return (nil, [Diagnostic(.error, file: source.path, line: 1, column: 1,
                "a decision flow is a mapping with 'start', 'questions' and 'outcomes'")])
        }
        for (key, _) in root where !["start", "unsureAnswer", "questions", "outcomes"].contains(key.string ?? "") {
            error("unknown key '\(key.string ?? "")'; a flow has start, unsureAnswer, questions and outcomes", key)
        }

        var questions: [Question] = []
        if let mapping = root["questions"]?.mapping {
            for (key, value) in mapping {
                let questionID = key.string ?? ""
                guard let answersNode = value.mapping?.first(where: { $0.key.string == "answers" })?.value, let answers = answersNode.mapping else {
                    error("question '\(questionID)' needs 'answers': a mapping of answer id to the question or outcome it leads to", value)
                    continue
                }
                var parsed: [Answer] = []
                for (answerKey, target) in answers {
                    let answerID = answerKey.string ?? ""
                    guard let targetID = target.string, !targetID.isEmpty, YAMLText.isString(target) || target.scalar != nil else {
                        error("answer '\(answerID)' of question '\(questionID)' leads nowhere; name a question or an outcome", (target.string ?? "").isEmpty ? answerKey : target)
                        continue
                    }
                    parsed.append(Answer(id: answerID, target: targetID, location: yaml.location(of: target)))
                }
                questions.append(Question(id: questionID, answers: parsed, location: yaml.location(of: key)))
            }
        } else {
            error("a flow needs 'questions'", root["questions"] ?? yaml.root)
        }

        var outcomes: [Outcome] = []
        if let mapping = root["outcomes"]?.mapping {
            for (key, value) in mapping {
                let outcomeID = key.string ?? ""
                guard let recommend = value.mapping?["recommend"], let text = recommend.string, !text.isEmpty else {
                    error("outcome '\(outcomeID)' needs 'recommend': the translationKey of the page it recommends", value)
                    continue
                }
                let alternative = value.mapping?["alternative"].flatMap { node in
                    node.string.map { PageReference($0, location: yaml.location(of: node)) }
                }
                outcomes.append(Outcome(id: outcomeID, recommend: PageReference(text, location: yaml.location(of: recommend)),
                                        alternative: alternative, location: yaml.location(of: key)))
            }
        } else {
            error("a flow needs 'outcomes'", root["outcomes"] ?? yaml.root)
        }

        let startNode = root["start"]
        let flow = DecisionFlow(
            id: id, file: source.path, start: startNode?.string ?? "",
            startLocation: yaml.location(of: startNode ?? yaml.root),
            unsureAnswer: root["unsureAnswer"]?.string, questions: questions, outcomes: outcomes)
        if startNode == nil { error("a flow needs 'start': the id of its first question", yaml.root) }
        diagnostics += flow.problems()
        return (diagnostics.contains { $0.severity == .error } ? nil : flow, diagnostics)
    }

    /// Structural problems: unknown targets, short questions, a missing
    /// "not sure" answer, unreachable questions and outcomes, cycles.
    func problems() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let ids = Set(questions.map(\.id)).union(outcomes.map(\.id))
        let duplicated = Set(questions.map(\.id)).intersection(outcomes.map(\.id))
        for id in duplicated.sorted() {
            diagnostics.append(.error("'\(id)' is both a question and an outcome; give them different ids", at: outcome(id)!.location))
        }
        if !start.isEmpty && question(start) == nil {
            diagnostics.append(.error("start '\(start)' is not a question of this flow", at: startLocation))
        }
        for question in questions {
            if question.answers.count < 2 {
                diagnostics.append(.error("question '\(question.id)' has \(question.answers.count) answer\(question.answers.count == 1 ? "" : "s"); a question needs at least two", at: question.location))
            }
            if let unsure = unsureAnswer, !question.answers.contains(where: { $0.id == unsure }) {
                diagnostics.append(.error("question '\(question.id)' has no '\(unsure)' answer (unsureAnswer); every question offers it", at: question.location))
            }
            for answer in question.answers where !ids.contains(answer.target) {
                diagnostics.append(.error("answer '\(answer.id)' of question '\(question.id)' leads to '\(answer.target)', which is no question or outcome of this flow", at: answer.location))
            }
        }

        // Reachability and cycles: a depth-first walk from the start; meeting a
        // question that is still being walked closes a cycle.
        guard question(start) != nil else { return diagnostics }
        enum Visit { case walking, done }
        var visits: [String: Visit] = [:]
        func visit(_ id: String, path: [String]) {
            switch visits[id] {
            case .done:
                return
            case .walking:
                let cycle = path[path.firstIndex(of: id)!...] + [id]
                let answer = question(path.last!)!.answers.first { $0.target == id }!
                diagnostics.append(.error("the flow goes round in a circle: \(cycle.joined(separator: " -> ")); every path must end in an outcome", at: answer.location))
            case nil:
                visits[id] = .walking
                for answer in question(id)?.answers ?? [] where ids.contains(answer.target) {
                    visit(answer.target, path: path + [id])
                }
                visits[id] = .done
            }
        }
        visit(start, path: [])
        for question in questions where visits[question.id] == nil {
            diagnostics.append(.error("question '\(question.id)' cannot be reached from the start; lead an answer to it or remove it", at: question.location))
        }
        for outcome in outcomes where visits[outcome.id] == nil {
            diagnostics.append(.error("outcome '\(outcome.id)' cannot be reached from the start; lead an answer to it or remove it", at: outcome.location))
        }
        return diagnostics
    }

    /// Every question and outcome the reader can come to, with the answers
    /// given on the way: one page each, so every page knows its own history.
    /// Only for a flow without problems (no cycles). Nil when there would be
    /// more than `limit` pages (a flow whose branches keep meeting again).
    public func paths(limit: Int = 2_000) -> [DecisionStep]? {
        var steps: [DecisionStep] = []
        var pending = [DecisionStep(node: start, answers: [])]
        while let step = pending.popLast() {
            steps.append(step)
            if steps.count > limit { return nil }
            for answer in (question(step.node)?.answers ?? []).reversed() {
                pending.append(DecisionStep(node: answer.target, answers: step.answers + [DecisionStep.GivenAnswer(question: step.node, answer: answer.id)]))
            }
        }
        return steps
    }
}

/// One page of a decision helper: a question or an outcome, reached by the
/// answers given so far.
public struct DecisionStep: Sendable, Hashable {
    public struct GivenAnswer: Sendable, Hashable {
        public var question: String
        public var answer: String
    }

    public var node: String
    public var answers: [GivenAnswer]

    /// The page's folder under the helper's start page:
    /// `vlsc-yes/manage-no/order/` (each answer given, then the node).
    public var relativeFolder: String {
        answers.map { "\($0.question)-\($0.answer)/" }.joined() + node + "/"
    }
}
