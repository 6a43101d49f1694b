import Foundation

/// Where the Pagefind binary is: `SITEGEN_PAGEFIND`, else `pagefind` on
/// `PATH`, else the binary the `pagefind-bin` Python package ships (its
/// wheel installs no script onto `PATH`, so `python3` is asked for it).
package struct PagefindCommand: Sendable, Equatable {
    /// The version sitegen is tested with, and the command that installs it.
    package static let version = "1.5.2"
    package static let installCommand = "pip install pagefind-bin==\(version)"

    package var executable: String

    package struct Missing: Error, CustomStringConvertible {
        package var detail: String
        package var description: String {
            "search: true needs Pagefind \(PagefindCommand.version), which is not installed\(detail); install it with '\(PagefindCommand.installCommand)' (or set SITEGEN_PAGEFIND to the pagefind binary)"
        }
    }

    package static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(Missing) -> PagefindCommand {
        if let given = environment["SITEGEN_PAGEFIND"], !given.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: given) else {
                throw Missing(detail: " (SITEGEN_PAGEFIND is '\(given)', which is not an executable file)")
            }
            return PagefindCommand(executable: given)
        }
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for folder in path where !folder.isEmpty {
            let candidate = folder + "/pagefind"
            if FileManager.default.isExecutableFile(atPath: candidate) { return PagefindCommand(executable: candidate) }
        }
        if let python = path.lazy.map({ $0 + "/python3" }).first(where: FileManager.default.isExecutableFile(atPath:)),
           let shipped = try? ChildProcess.run(python, ["-c", "import pagefind_bin, sys; sys.stdout.write(str(pagefind_bin.get_executable()))"]),
           shipped.status == 0, FileManager.default.isExecutableFile(atPath: shipped.output) {
            return PagefindCommand(executable: shipped.output)
        }
        throw Missing(detail: " (no SITEGEN_PAGEFIND, no pagefind on PATH, no pagefind_bin Python package)")
    }
}
