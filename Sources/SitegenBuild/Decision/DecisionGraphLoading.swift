import SitegenSupport
import SitegenKit

// The loading half of `DecisionGraph`: the core draws the graph from values, the shell reads the site.

extension DecisionGraph {
    /// Loads the site's flows and the words a language gives one flow, for
    /// `sitegen decision-graph`.
    package static func load(site root: String, flow id: String, language: String?) throws -> (DecisionFlow?, DecisionWords?, [Diagnostic]) {
        let (source, loadProblems) = try SiteLoader.load(root)
        guard let text = source.decisionFlows[id] else {
            let known = source.decisionFlows.keys.sorted().joined(separator: ", ")
            return (nil, nil, loadProblems + [Diagnostic(.error, file: SiteLayout.decisionFlow(id),
                "no such decision flow" + (known.isEmpty ? "" : "; the site has: \(known)"))])
        }
        var (flow, problems) = DecisionFlow.parse(text, id: id)
        // Settings that could not be read (a link out of the site, say) are said, not passed over.
        problems = loadProblems.filter { $0.file == SiteLayout.configFile } + problems
        guard let flow, let language else { return (flow, nil, problems) }
        for file in source.pages where file.language == language {
            guard let split = try? FrontMatter.split(file.source), let yaml = split.yaml,
                  DecisionWords.flowID(inFrontMatter: yaml, file: file.source.path, firstLine: split.yamlStartLine) == id
            else { continue }
            let (words, _, wordProblems) = DecisionWords.parse(frontMatter: yaml, file: file.source.path,
                                                               firstLine: split.yamlStartLine, flows: [id: flow])
            return (flow, words, problems + wordProblems)
        }
        return (flow, nil, problems + [Diagnostic(.error, file: SiteLayout.content(language),
            "no page of language '\(language)' holds the words of flow '\(id)'")])
    }
}
