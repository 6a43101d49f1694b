import Yams
import SitegenSupport

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
package struct DecisionFlow: Sendable, Hashable {
    package struct Answer: Sendable, Hashable {
        package var id: String
        /// A question or outcome id.
        package var target: String
        package var location: SourceLocation
    }

    package struct Question: Sendable, Hashable {
        package var id: String
        package var answers: [Answer]
        package var location: SourceLocation
    }

    /// A link to a page by its translation key, with an optional anchor.
    package struct PageReference: Sendable, Hashable {
        package var translationKey: String
        package var anchor: String?
        package var location: SourceLocation

        init(_ text: String, location: SourceLocation) {
            let parts = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            translationKey = String(parts[0])
            anchor = parts.count > 1 ? String(parts[1]) : nil
            self.location = location
        }
    }

    package struct Outcome: Sendable, Hashable {
        package var id: String
        package var recommend: PageReference
        package var alternative: PageReference?
        package var location: SourceLocation
    }

    /// The file name without `.yml`; pages name it in `decision.flow`.
    package var id: String
    package var file: String
    package var start: String
    package var startLocation: SourceLocation
    package var unsureAnswer: String?
    /// In file order.
    package var questions: [Question] { didSet { questionIndex = Self.index(questions.map(\.id)) } }
    package var outcomes: [Outcome] { didSet { outcomeIndex = Self.index(outcomes.map(\.id)) } }
    /// Where each id is in `questions` and `outcomes` (the first, if repeated),
    /// so that looking one up does not make checking and expanding a flow of
    /// n questions cost n².
    private var questionIndex: [String: Int]
    private var outcomeIndex: [String: Int]

    init(id: String, file: String, start: String, startLocation: SourceLocation, unsureAnswer: String?,
         questions: [Question], outcomes: [Outcome]) {
        self.id = id
        self.file = file
        self.start = start
        self.startLocation = startLocation
        self.unsureAnswer = unsureAnswer
        self.questions = questions
        self.outcomes = outcomes
        self.questionIndex = Self.index(questions.map(\.id))
        self.outcomeIndex = Self.index(outcomes.map(\.id))
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, id) in ids.enumerated() where index[id] == nil {
            index[id] = position
        }
        return index
    }

    package func question(_ id: String) -> Question? { questionIndex[id].map { questions[$0] } }
    package func outcome(_ id: String) -> Outcome? { outcomeIndex[id].map { outcomes[$0] } }

    /// Parses and checks a flow. The flow is returned only when it has no errors.
    package static func parse(_ source: SourceText, id: String) -> (DecisionFlow?, [Diagnostic]) {
        let yaml: YAMLText
        do {
            yaml = try YAMLText(source.text, file: source.path)
        } catch {
            return (nil, error.diagnostics)
        }
        guard let root = yaml.root?.mapping else {
            return (nil, [Diagnostic(.error, file: source.path, line: 1, column: 1,
                "a decision flow is a mapping with 'start', 'questions' and 'outcomes'")])
        }
        let reader = YAMLReader(yaml)
        for (key, _) in root where !["start", "unsureAnswer", "questions", "outcomes"].contains(key.string ?? "") {
            reader.error("unknown key '\(key.string ?? "")'; a flow has start, unsureAnswer, questions and outcomes", at: key)
        }
        let questions = readQuestions(root["questions"], reader)
        let outcomes = readOutcomes(root["outcomes"], reader)
        let startNode = root["start"]
        let flow = DecisionFlow(
            id: id, file: source.path, start: startNode?.string ?? "",
            startLocation: yaml.location(of: startNode ?? yaml.root),
            unsureAnswer: root["unsureAnswer"]?.string, questions: questions, outcomes: outcomes)
        if startNode == nil { reader.error("a flow needs 'start': the id of its first question", at: yaml.root) }
        let diagnostics = reader.diagnostics + flow.problems()
        return (diagnostics.contains { $0.severity == .error } ? nil : flow, diagnostics)
    }

    /// The questions, each with its answers and where they lead.
    static func readQuestions(_ node: Node?, _ reader: YAMLReader) -> [Question] {
        guard let mapping = node?.mapping else {
            reader.error("a flow needs 'questions'", at: node ?? reader.root)
            return []
        }
        var questions: [Question] = []
        for (key, value) in mapping {
            let questionID = key.string ?? ""
            guard let answers = YAMLReader.children(value)["answers"]?.mapping else {
                reader.error("question '\(questionID)' needs 'answers': a mapping of answer id to the question or outcome it leads to", at: value)
                continue
            }
            var parsed: [Answer] = []
            for (answerKey, target) in answers {
                let answerID = answerKey.string ?? ""
                guard let targetID = target.string, !targetID.isEmpty, YAMLText.isString(target) || target.scalar != nil else {
                    reader.error("answer '\(answerID)' of question '\(questionID)' leads nowhere; name a question or an outcome",
                                 at: (target.string ?? "").isEmpty ? answerKey : target)
                    continue
                }
                parsed.append(Answer(id: answerID, target: targetID, location: reader.location(of: target)))
            }
            questions.append(Question(id: questionID, answers: parsed, location: reader.location(of: key)))
        }
        return questions
    }

    /// The outcomes, each with the page it recommends and the other one.
    static func readOutcomes(_ node: Node?, _ reader: YAMLReader) -> [Outcome] {
        guard let mapping = node?.mapping else {
            reader.error("a flow needs 'outcomes'", at: node ?? reader.root)
            return []
        }
        var outcomes: [Outcome] = []
        for (key, value) in mapping {
            let outcomeID = key.string ?? ""
            guard let recommend = value.mapping?["recommend"], let text = recommend.string, !text.isEmpty else {
                reader.error("outcome '\(outcomeID)' needs 'recommend': the translationKey of the page it recommends", at: value)
                continue
            }
            let alternative = value.mapping?["alternative"].flatMap { node in
                node.string.map { PageReference($0, location: reader.location(of: node)) }
            }
            outcomes.append(Outcome(id: outcomeID, recommend: PageReference(text, location: reader.location(of: recommend)),
                                    alternative: alternative, location: reader.location(of: key)))
        }
        return outcomes
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

        guard question(start) != nil else { return diagnostics }
        return diagnostics + reachabilityProblems(ids: ids)
    }

    /// Reachability and cycles: a depth-first walk from the start; meeting a
    /// question that is still being walked closes a cycle. The walk keeps
    /// its own stack (a long chain of questions is no deep recursion) with
    /// each question's place on it (no copy of the path per step).
    func reachabilityProblems(ids: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        enum Visit { case walking, done }
        var visits: [String: Visit] = [start: .walking]
        var stack: [(id: String, answers: [Answer], next: Int)] = [(start, question(start)?.answers ?? [], 0)]
        var place: [String: Int] = [start: 0]
        while let top = stack.last {
            guard top.next < top.answers.count else {
                visits[top.id] = .done
                place[top.id] = nil
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            let target = top.answers[top.next].target
            guard ids.contains(target) else { continue }
            switch visits[target] {
            case .done:
                continue
            case .walking:
                let cycle = stack[place[target]!...].map(\.id) + [target]
                let answer = top.answers.first { $0.target == target }!
                diagnostics.append(.error("the flow goes round in a circle: \(cycle.joined(separator: " -> ")); every path must end in an outcome", at: answer.location))
            case nil:
                visits[target] = .walking
                place[target] = stack.count
                stack.append((target, question(target)?.answers ?? [], 0))
            }
        }
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
    /// more than `limit` pages (a flow whose branches keep meeting again),
    /// found by counting before expanding anything.
    package func paths(limit: Int = 2_000) -> [DecisionStep]? {
        guard pageCount(limit: limit) != nil else { return nil }
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

    /// The questions and outcomes the reader can come to, each after every
    /// question that leads to it (reversed depth-first post-order). Only for a
    /// flow without cycles.
    func topologicalOrder() -> [String] {
        var seen: Set<String> = [start]
        var postOrder: [String] = []
        var stack: [(id: String, answers: [Answer], next: Int)] = [(start, question(start)?.answers ?? [], 0)]
        while let top = stack.last {
            guard top.next < top.answers.count else {
                postOrder.append(top.id)
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            let target = top.answers[top.next].target
            if seen.insert(target).inserted {
                stack.append((target, question(target)?.answers ?? [], 0))
            }
        }
        return postOrder.reversed()
    }

    /// The number of pages `paths()` makes (one per way from the start to a
    /// question or outcome), or nil when it is more than `limit`. Counted over
    /// the graph, each node once, in time linear in its size however many
    /// pages it would make. Only for a flow without cycles.
    package func pageCount(limit: Int = 2_000) -> Int? {
        var ways: [String: Int] = [start: 1]
        var total = 0
        for id in topologicalOrder() {
            let count = ways[id] ?? 0
            total += count
            if total > limit { return nil }
            for answer in question(id)?.answers ?? [] {
                // Capped, so that 2^60 ways do not overflow.
                ways[answer.target] = min((ways[answer.target] ?? 0) + count, limit + 1)
            }
        }
        return total
    }

    /// A page's folder name may have at most this many bytes (NAME_MAX).
    static let folderNameLimit = 255

    /// Why the flow cannot be built into pages, found before expanding it:
    /// more than `pageLimit` pages, a folder name longer than file systems
    /// take, or a page folder (`q1-yes/q2-no/outcome/`) more than
    /// `folderLimit` bytes below the helper's page, which makes paths that
    /// file systems refuse ("File name too long"). Only for a flow without
    /// cycles.
    package func sizeProblems(pageLimit: Int = 2_000, folderLimit: Int = 1_000) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if pageCount(limit: pageLimit) == nil {
            diagnostics.append(.error("flow '\(id)' makes more than \(Self.grouped(pageLimit)) pages (its branches keep meeting again); split it into smaller helpers", at: startLocation))
        }
        let order = topologicalOrder()
        for id in order where id.utf8.count > Self.folderNameLimit {
            diagnostics.append(.error("'\(id)' is \(id.utf8.count) bytes long, too long for the name of its page's folder (at most \(Self.folderNameLimit)); give it a shorter id",
                                      at: question(id)?.location ?? outcome(id)?.location ?? startLocation))
        }
        // The longest way to each node: bytes of the answers' folders above
        // its page's folder.
        var above: [String: Int] = [start: 0]
        var tooDeep = start.utf8.count + 1 > folderLimit
        for id in order {
            for answer in question(id)?.answers ?? [] {
                let name = "\(id)-\(answer.id)".utf8.count
                if name > Self.folderNameLimit {
                    diagnostics.append(.error("'\(id)-\(answer.id)' (question and answer) is \(name) bytes long, too long for the name of a page folder (at most \(Self.folderNameLimit)); give them shorter ids", at: answer.location))
                }
                let length = (above[id] ?? 0) + name + 1
                above[answer.target] = max(above[answer.target] ?? 0, length)
                let folder = length + answer.target.utf8.count + 1
                if folder > folderLimit && !tooDeep {
                    tooDeep = true
                    diagnostics.append(.error("flow '\(self.id)' makes page folders too long: answer '\(answer.id)' of question '\(id)' leads to a page \(folder) bytes deep below the helper's page (at most \(Self.grouped(folderLimit))), a path file systems refuse; ask fewer questions in a row or use shorter ids", at: answer.location))
                }
            }
        }
        return diagnostics
    }

    /// 2000 as "2,000".
    static func grouped(_ number: Int) -> String {
        var digits = String(number)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(",", at: index)
        }
        return digits
    }
}

/// One page of a decision helper: a question or an outcome, reached by the
/// answers given so far.
package struct DecisionStep: Sendable, Hashable {
    package struct GivenAnswer: Sendable, Hashable {
        package var question: String
        package var answer: String
    }

    package var node: String
    package var answers: [GivenAnswer]

    /// The page's folder under the helper's start page:
    /// `vlsc-yes/manage-no/order/` (each answer given, then the node).
    package var relativeFolder: String {
        answers.map { "\($0.question)-\($0.answer)/" }.joined() + node + "/"
    }
}
