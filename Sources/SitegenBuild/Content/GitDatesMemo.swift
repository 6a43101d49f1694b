import Foundation
import SitegenSupport
import Synchronization

/// `lastUpdated: git` in `sitegen serve`: the dates of the last `git log`,
/// kept while the repository stays as it was, so that a rebuild after a
/// save runs no git process (one `git log` over a long history takes
/// seconds, every save).
///
/// The repository is taken to be unchanged while its `HEAD`, index,
/// `packed-refs`, `shallow`, `info/grafts`, HEAD's reflog and every file
/// and folder under `refs/` keep their identity (device, inode, size,
/// modification and change time): a commit, amend, checkout, reset, merge,
/// pull or rebase changes at least one. A site whose repository is not a
/// plain `.git` folder (a linked worktree or a submodule, where `.git` is a
/// file) runs git on every build, as does a build without a memo.
package final class GitDatesMemo: Sendable {
    typealias Result = (dates: [String: Int64], problems: [Diagnostic])
    private let last = Mutex<(root: String, state: [String], result: Result)?>(nil)

    package init() {}

    /// The dates for the site folder `root`: the kept ones while the
    /// repository's state is the one they were read in, else `load()`'s.
    func dates(root: String, load: () -> Result) -> Result {
        guard let state = Self.state(root: root) else { return load() }
        if let kept = last.withLock({ $0 }), kept.root == root, kept.state == state { return kept.result }
        let result = load()
        last.withLock { $0 = (root, state, result) }
        return result
    }

    /// The identities that stand for the repository `root` is in: the
    /// `.git` folder found from `root` up, then one line per file; nil when
    /// none is found or it is not a folder.
    static func state(root: String) -> [String]? {
        var folder = root
        while true {
            var info = stat()
            if lstat(folder + "/.git", &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
                break
            }
            guard folder != "/" && !folder.isEmpty else { return nil }
            folder = (folder as NSString).deletingLastPathComponent
        }
        let git = folder + "/.git"
        var state = [git]
        for name in ["HEAD", "index", "packed-refs", "shallow", "info/grafts", "logs/HEAD"] {
            state.append(name + " " + identity(git + "/" + name))
        }
        var pending = ["refs"]
        while let next = pending.popLast() {
            state.append(next + " " + identity(git + "/" + next))
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: git + "/" + next)) ?? []).sorted() {
                var info = stat()
                let path = next + "/" + name
                if lstat(git + "/" + path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                    pending.append(path)
                } else {
                    state.append(path + " " + identity(git + "/" + path))
                }
            }
        }
        return state
    }

    /// The version of the file at `path` itself (a link not followed); "-"
    /// when there is none.
    private static func identity(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else { return "-" }
        return FileVersion(info).description
    }
}
