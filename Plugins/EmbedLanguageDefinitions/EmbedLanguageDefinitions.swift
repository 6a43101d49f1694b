import Foundation
import PackagePlugin

/// Embeds GNU Source-highlight's language definitions (`*.lang` of
/// Debian's libsource-highlight-common, which libsource-highlight-dev
/// installs) in SitegenHighlight, so the binary highlights the same way on
/// a machine that has none of them, and never reads a data folder at run
/// time. About 110 files, 0.4 MB of text.
@main
struct EmbedLanguageDefinitions: BuildToolPlugin {
    /// Where Debian puts them; the Makefile installs the package.
    static let folder = URL(filePath: "/usr/share/source-highlight")

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".lang") }.sorted()
        guard !files.isEmpty else {
            throw PluginError(description: "no language definitions in \(Self.folder.path); install libsource-highlight-dev (make deps)")
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLanguageFiles.swift")
        return [.buildCommand(
            displayName: "Embedding Source-highlight's language definitions (\(files.count) files)",
            executable: try context.tool(named: "ThemeEmbedder").url,
            arguments: [output.path, "SourceHighlightFiles", Self.folder.path] + files,
            inputFiles: files.map { Self.folder.appending(path: $0) },
            outputFiles: [output]
        )]
    }

    struct PluginError: Error, CustomStringConvertible {
        var description: String
    }
}
