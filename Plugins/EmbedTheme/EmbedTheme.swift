import Foundation
import PackagePlugin

/// Embeds the shipped theme (`templates/` at the package's root) in
/// SitegenKit: at every build, `ThemeEmbedder` writes one Swift source with
/// every file's bytes, so the binary carries the theme and `templates/`
/// stays the only copy to edit. (SwiftPM resources would be a bundle folder
/// beside the binary on Linux, which a one-file install loses.)
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "templates")
        let files = try Self.files(under: templates)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedThemeFiles.swift")
        return [.buildCommand(
            displayName: "Embedding the built-in theme (\(files.count) files)",
            executable: try context.tool(named: "ThemeEmbedder").url,
            arguments: [output.path, "BuiltInTheme", templates.path] + files,
            inputFiles: files.map { templates.appending(path: $0) },
            outputFiles: [output]
        )]
    }

    /// Paths under `folder`, sorted, without names starting with `.` (as
    /// the site loader skips them). The plugin runs at every build, so a
    /// file added to templates/ is embedded at the next one.
    static func files(under folder: URL) throws -> [String] {
        let manager = FileManager.default
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? folder.path : folder.path + "/" + relative
            for name in try manager.contentsOfDirectory(atPath: path) where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                var isFolder: ObjCBool = false
                _ = manager.fileExists(atPath: folder.path + "/" + child, isDirectory: &isFolder)
                if isFolder.boolValue { pending.append(child) } else { found.append(child) }
            }
        }
        return found.sorted()
    }
}
