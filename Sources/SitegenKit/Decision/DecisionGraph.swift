import SitegenSupport
/// A decision flow as a graph for editors to look at: Mermaid (renders on
/// most code hosts) or Graphviz dot. With words, nodes and edges show the
/// texts of one language; without, their ids.
public enum DecisionGraph {
    public static func mermaid(_ flow: DecisionFlow, words: DecisionWords?) -> String {
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

    public static func dot(_ flow: DecisionFlow, words: DecisionWords?) -> String {
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

    /// Loads the site's flows and the words a language gives one flow, for
    /// `sitegen decision-graph`.
    public static func load(site root: String, flow id: String, language: String?) throws -> (DecisionFlow?, DecisionWords?, [Diagnostic]) {
        let (source, loadProblems) = try SiteLoader.load(root)
        guard let text = source.decisionFlows[id] else {
            let known = source.decisionFlows.keys.sorted().joined(separator: ", ")
            return (nil, nil, loadProblems + [Diagnostic(.error, file: "content/_decisions/\(id).yml",
                "no such decision flow" + (known.isEmpty ? "" : "; the site has: \(known)"))])
        }
        var (flow, problems) = DecisionFlow.parse(text, id: id)
        // Settings that could not be read (a link out of the site, say) are said, not passed over.
        problems = loadProblems.filter { $0.file == SiteConfig.fileName } + problems
        guard let flow, let language else { return (flow, nil, problems) }
        for file in source.pages where file.language == language {
            guard let split = try? FrontMatter.split(file.source), let yaml = split.yaml,
                  DecisionWords.flowID(inFrontMatter: yaml, file: file.source.path, firstLine: split.yamlStartLine) == id
            else { continue }
            let (words, _, wordProblems) = DecisionWords.parse(frontMatter: yaml, file: file.source.path,
                                                               firstLine: split.yamlStartLine, flows: [id: flow])
            return (flow, words, problems + wordProblems)
        }
        return (flow, nil, problems + [Diagnostic(.error, file: "content/\(language)",
            "no page of language '\(language)' holds the words of flow '\(id)'")])
    }
}
