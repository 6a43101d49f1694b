import SitegenMarkdown
import SitegenSupport

/// A site can use an unknown code language (or Mermaid) in hundreds of
/// blocks; the build reports each language once, at its first block, with
/// how many more there are.
enum UnknownCodeLanguages {
    static func onePerLanguage(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        onePerMessage(onePerMessage(diagnostics, kind: CodeBlockTransform.unknownLanguageKind), kind: CodeBlockTransform.mermaidKind)
    }

    private static func onePerMessage(_ diagnostics: [Diagnostic], kind: String) -> [Diagnostic] {
        var counts: [String: Int] = [:]
        for diagnostic in diagnostics where diagnostic.kind == kind { counts[diagnostic.message, default: 0] += 1 }
        guard !counts.isEmpty else { return diagnostics }
        var reported: Set<String> = []
        return diagnostics.compactMap { diagnostic in
            guard diagnostic.kind == kind else { return diagnostic }
            guard reported.insert(diagnostic.message).inserted else { return nil }
            let more = counts[diagnostic.message, default: 1] - 1
            var first = diagnostic
            if more > 0 { first.message += " (and \(more) more block\(more == 1 ? "" : "s") in this language)" }
            return first
        }
    }
}
