import SitegenSupport
/// A decision flow as a graph for editors to look at: Mermaid (renders on
/// most code hosts) or Graphviz dot. With words, nodes and edges show the
/// texts of one language; without, their ids.
package enum DecisionGraph {
    package static func mermaid(_ flow: DecisionFlow, words: DecisionWords?) -> String {
        func id(_ node: String) -> String {
            String(node.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        }
        func label(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\"", with: "#quot;") + "\""
        }
        var lines = ["flowchart TD"]
        for question in flow.questions {
            lines.append("  \(id(question.id)){\(label(words?.questions[question.id]?.text ?? question.id))}")
        }
        for outcome in flow.outcomes {
            let text = words?.outcomes[outcome.id]?.title ?? outcome.id
            lines.append("  \(id(outcome.id))[\(label(text + " → " + outcome.recommend.translationKey))]")
        }
        for question in flow.questions {
            for answer in question.answers {
                let text = words?.questions[question.id]?.answers[answer.id] ?? answer.id
                let edge = words == nil ? text : label(text)
                lines.append("  \(id(question.id)) -->|\(edge)| \(id(answer.target))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package static func dot(_ flow: DecisionFlow, words: DecisionWords?) -> String {
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var lines = ["digraph \(quoted(flow.id)) {", "  rankdir=TB;"]
        for question in flow.questions {
            lines.append("  \(quoted(question.id)) [shape=diamond, label=\(quoted(words?.questions[question.id]?.text ?? question.id))];")
        }
        for outcome in flow.outcomes {
            let text = (words?.outcomes[outcome.id]?.title ?? outcome.id) + "\n→ " + outcome.recommend.translationKey
            lines.append("  \(quoted(outcome.id)) [shape=box, style=rounded, label=\(quoted(text))];")
        }
        for question in flow.questions {
            for answer in question.answers {
                let text = words?.questions[question.id]?.answers[answer.id] ?? answer.id
                lines.append("  \(quoted(question.id)) -> \(quoted(answer.target)) [label=\(quoted(text))];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
