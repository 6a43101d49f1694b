import SitegenKit
import Foundation
import SitegenSupport

/// `lastUpdated: git`: the date of each content file's last commit, from
/// one `git log` for the whole site (a process per page would cost
/// milliseconds each, and a site of 10,000 pages minutes).
///
/// The site folder may be a repository someone else wrote, so nothing in
/// its configuration may run: no fsmonitor, hooks, pager, external diff or
/// signature program, no system configuration, no prompt, no lazy fetch
/// from a promisor remote, and none of the caller's `GIT_*` variables
/// (`GIT_DIR` would point elsewhere). git's own refusal of a folder owned
/// by someone else (`safe.directory`) stands.
enum GitCommitDates {
    /// Seconds since 1970 by site-relative path (`content/en/a.md`); a
    /// warning (and no dates) when git is missing, the folder is not a
    /// repository, git refuses it, or the clone is shallow (its oldest
    /// commit would stand for every file's history before it).
    static func load(root: String, environment: [String: String]) -> (dates: [String: Int64], problems: [Diagnostic]) {
        func warning(_ text: String) -> [Diagnostic] {
            [Diagnostic(.warning, file: SiteLayout.configFile, "lastUpdated: git: \(text); the pages show no \"Last updated\" date")]
        }
        guard let git = executable(environment) else { return ([:], warning("git is not installed (not found on PATH)")) }
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(git, arguments(root: root), environment: childEnvironment(environment), timeout: .seconds(300))
        } catch {
            return ([:], warning("git could not be started (\(error.reason))"))
        }
        guard result.status == 0, !result.timedOut else {
            let output = result.output
            if output.contains("dubious ownership") || output.contains("safe.directory") {
                return ([:], warning("git refuses the site folder, which another user owns (see 'git help config', safe.directory)"))
            }
            if output.contains("not a git repository") { return ([:], warning("the site folder is not in a git repository")) }
            let firstLine = output.split(separator: "\n").first.map(String.init) ?? "no output"
            return ([:], warning("git log failed (\(result.timedOut ? "timed out" : firstLine.escapingControlCharacters))"))
        }
        guard let dates = parse(result.output) else {
            return ([:], warning("the repository is a shallow clone, whose dates would be wrong; fetch its whole history ('git fetch --unshallow')"))
        }
        return (dates, [])
    }

    /// The one command. `%x00` before each commit marks where it starts (no
    /// file name is empty); the decorations, narrowed to no ref at all,
    /// leave only `grafted`, which marks a shallow clone's oldest commits.
    static func arguments(root: String) -> [String] {
        ["--no-pager", "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "log.showSignature=false",
         "-c", "gpg.program=false", "-c", "diff.external=", "-c", "core.pager=cat", "-C", root,
         "log", "--format=%x00%ct %D", "--decorate-refs=refs/sitegen-no-refs/", "--name-only", "-z", "--relative",
         "--no-renames", "--no-ext-diff", "--no-textconv", "--no-show-signature", "--", SiteLayout.contentFolder]
    }

    /// The caller's environment without `GIT_*`, and what keeps git quiet and inert.
    static func childEnvironment(_ environment: [String: String]) -> [String] {
        // Where to stop looking for a repository is the caller's to say.
        let kept: Set = ["GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM"]
        var child = environment.filter { !$0.key.hasPrefix("GIT_") || kept.contains($0.key) }
        for (key, value) in ["GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "PAGER": "cat",
                             "GIT_OPTIONAL_LOCKS": "0", "GIT_NO_LAZY_FETCH": "1", "LC_ALL": "C"] {
            child[key] = value
        }
        return child.keys.sorted().map { $0 + "=" + child[$0]! }
    }

    /// `git` in an absolute folder of `PATH` (never the site folder).
    static func executable(_ environment: [String: String]) -> String? {
        (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
            .filter { $0.hasPrefix("/") }.lazy.map { $0 + "/git" }.first(where: FileManager.default.isExecutableFile(atPath:))
    }

    /// `git log -z` output: for each commit, `\0<seconds> <decorations>\0`,
    /// then `\n` and its file names, each ending in `\0`. Newest first, so a
    /// file's first date is its last commit's. Nil for a shallow clone.
    static func parse(_ output: String) -> [String: Int64]? {
        var dates: [String: Int64] = [:]
        var date: Int64?
        var expectsHeader = false
        var firstName = false
        for token in output.split(separator: "\0", omittingEmptySubsequences: false) {
            if token.isEmpty {
                expectsHeader = true
            } else if expectsHeader {
                let parts = token.split(separator: " ", maxSplits: 1)
                if parts.count > 1, parts[1].split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "grafted" }) {
                    return nil
                }
                date = parts.first.flatMap { Int64($0) }
                expectsHeader = false
                firstName = true
            } else if let date {
                // The first name follows the header's line end.
                let name = firstName && token.hasPrefix("\n") ? String(token.dropFirst()) : String(token)
                firstName = false
                if dates[name] == nil { dates[name] = date }
            }
        }
        return dates
    }
}
