import ArgumentParser
import SitegenKit
import SitegenBuild

/// A static site generator for localized documentation and guides.
@main
struct SitegenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "A static site generator for localized documentation and guides.",
        discussion: """
            Turns a folder of Markdown (content/) and Mustache templates (templates/) \
            into a static HTML site that any web server can host.

            Exit status: 0 on success, 1 on content errors, 2 on usage errors.
            """,
        version: Sitegen.version,
        subcommands: [InitCommand.self, NewCommand.self, BuildCommand.self, ServeCommand.self, TranslationsCommand.self, MarkdownCommand.self, DecisionGraphCommand.self]
    )

    /// Runs the command and maps failures to sitegen's exit statuses: 1 for
    /// content errors (already printed as diagnostics), 2 for usage errors.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch is ContentErrorExit {
            Self.exit(withError: ExitCode(1))
        } catch is UsageErrorExit {
            Self.exit(withError: ExitCode(2))
        } catch let error as SiteLoader.NotASiteFolder {
            // Every command that reads a site opens it with SiteFolder.open.
            FileHandleOutput.standardError(fullMessage(for: UsageError(error.description)))
            Self.exit(withError: ExitCode(2))
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Self.exit(withError: error)
            }
            // Argument errors, unknown options, missing files: usage errors.
            FileHandleOutput.standardError(fullMessage(for: error))
            Self.exit(withError: ExitCode(2))
        }
    }
}
