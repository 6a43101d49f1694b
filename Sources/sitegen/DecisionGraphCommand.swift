import ArgumentParser
import Foundation
import SitegenKit
import SitegenBuild
import SitegenSupport

/// Prints a decision helper's flow as a graph.
struct DecisionGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision-graph",
        abstract: "Print a decision helper's flow as a Mermaid or Graphviz graph.",
        discussion: """
            Reads content/_decisions/FLOW.yml (and, with --language, the words of that \
            language) and prints the graph: paste Mermaid into a Markdown file on a code \
            host, or render dot with Graphviz (dot -Tsvg).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case mermaid, dot
    }

    @Option(name: .long, help: "The site folder, holding sitegen.yml.")
    var source: String = "."

    @Option(name: .long, help: "mermaid or dot.")
    var format: Format = .mermaid

    @Option(name: .long, help: "Label the graph with this language's words (default: the ids).")
    var language: String?

    @Argument(help: "The flow: a file name in content/_decisions/ without .yml.")
    var flow: String

    func run() throws {
        // A flow or a language the site does not have is a mistake in the
        // command, not in the site.
        _ = try SiteFolder.open(source)
        let flowFile = source + "/" + SiteLayout.decisionFlow(flow)
        guard FileManager.default.fileExists(atPath: flowFile) else {
            throw UsageError("no decision flow '\(flow)': \(flowFile) does not exist")
        }
        // Read as the build reads it (a link out of the site is not
        // followed; the loader below says why).
        if let language, let bytes = try? SiteFileReader.read(source + "/" + SiteLayout.configFile, inside: FilePaths.realPath(source)),
           let config = SiteConfig.parse(String(decoding: bytes, as: UTF8.self)).0, config.language(language) == nil {
            throw UsageError("--language \(language): not a language of the site (\(config.languages.map(\.code).joined(separator: ", ")))")
        }
        let (parsed, words, diagnostics) = try DecisionGraph.load(site: source, flow: flow, language: language)
        diagnostics.forEach { FileHandleOutput.standardError($0.description) }
        guard let parsed, !diagnostics.contains(where: { $0.severity == .error }) else { throw ContentErrorExit() }
        let graph = format == .mermaid ? DecisionGraph.mermaid(parsed, words: words) : DecisionGraph.dot(parsed, words: words)
        FileHandleOutput.standardOutput(graph, newline: false)
    }
}
