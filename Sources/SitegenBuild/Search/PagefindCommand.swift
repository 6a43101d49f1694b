import SitegenKit
import Foundation
import SitegenSupport

/// Where the Pagefind binary is, looked up in this order:
/// 1. `SITEGEN_PAGEFIND`, the binary's path;
/// 2. `pagefind` in a folder of `PATH` (absolute folders only: an empty or
///    relative entry would mean the site folder a build runs in);
/// 3. the binary the `pagefind-bin` Python package ships (its wheel installs
///    no script onto `PATH`): `python3`, from an absolute folder of `PATH`,
///    is asked for its path, from `/` and with the current folder taken out
///    of its module path, so no `pagefind_bin.py` in a site runs.
/// Nothing is ever run from the site folder.
package struct PagefindCommand: Sendable, Equatable {
    /// The version sitegen is tested with, and the command that installs it.
    package static let version = "1.5.2"
    package static let installCommand = "pip install pagefind-bin==\(version)"
    /// Python that imports only from the installed packages: '' and '.'
    /// (the current folder) leave the module path before the import.
    static let pythonLookup = "import sys; sys.path[:] = [p for p in sys.path if p not in ('', '.')]; import pagefind_bin; sys.stdout.write(str(pagefind_bin.get_executable()))"

    package var executable: String
    /// How long Pagefind may run before it is killed (`SITEGEN_PAGEFIND_TIMEOUT`, seconds).
    package var timeout: Duration = ChildProcess.defaultTimeout

    /// The binary's path and file (`FileVersion`: device, inode, size,
    /// modification and change time): an index is reused only from the same
    /// Pagefind (`BuildCache.search`).
    package var identity: String {
        executable + "-" + (FileVersion.of(executable)?.description ?? "")
    }

    package struct Missing: Error, CustomStringConvertible {
        package var detail: String
        package var description: String {
            "search: true needs Pagefind \(PagefindCommand.version), which is not installed\(detail); install it with '\(PagefindCommand.installCommand)' (or set SITEGEN_PAGEFIND to the pagefind binary)"
        }
    }

    package static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(Missing) -> PagefindCommand {
        var command = try executable(environment)
        if let given = environment["SITEGEN_PAGEFIND_TIMEOUT"], let seconds = Double(given), seconds > 0 {
            command.timeout = .milliseconds(Int(seconds * 1000))
        }
        return command
    }

    private static func executable(_ environment: [String: String]) throws(Missing) -> PagefindCommand {
        if let given = environment["SITEGEN_PAGEFIND"], !given.isEmpty {
            // The user's own setting: a relative path means the current folder now, not later.
            let absolute = URL(fileURLWithPath: given).standardizedFileURL.path
            guard FileManager.default.isExecutableFile(atPath: absolute) else {
                throw Missing(detail: " (SITEGEN_PAGEFIND is '\(given)', which is not an executable file)")
            }
            return PagefindCommand(executable: absolute)
        }
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":", omittingEmptySubsequences: false)
            .map(String.init).filter { $0.hasPrefix("/") }
        for folder in path {
            let candidate = folder + "/pagefind"
            if FileManager.default.isExecutableFile(atPath: candidate) { return PagefindCommand(executable: candidate) }
        }
        if let python = path.lazy.map({ $0 + "/python3" }).first(where: FileManager.default.isExecutableFile(atPath:)),
           let shipped = try? ChildProcess.run(python, ["-c", pythonLookup], timeout: .seconds(60)),
           shipped.status == 0, shipped.output.hasPrefix("/"), FileManager.default.isExecutableFile(atPath: shipped.output) {
            return PagefindCommand(executable: shipped.output)
        }
        throw Missing(detail: " (no SITEGEN_PAGEFIND, no pagefind on PATH, no pagefind_bin Python package)")
    }
}
