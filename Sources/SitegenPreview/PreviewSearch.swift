import Foundation
import SitegenKit
import SitegenBuild

/// `sitegen serve` with `search: true`: Pagefind's index, made again in the
/// background after each good build (once saves have paused for `delay`),
/// and served with the pages from memory. Until a new index is ready the
/// last one is served with the new pages, so search keeps working, a save
/// behind.
package actor PreviewSearch {
    /// This preview's own temporary folder (`sitegen-preview-search-<pid>-XXXXXX`,
    /// made by `mkdtemp`, so only this user can write into it); Pagefind
    /// indexes a copy of the pages in its `site/`.
    package nonisolated let folder: String
    static let prefix = "sitegen-preview-search-"
    private let delay: Duration
    private let log: @Sendable (String) -> Void
    /// The index files by output path; empty before the first index.
    package private(set) var index: [SitePath: [UInt8]] = [:]
    private var pending: Task<Void, Never>?
    private var reportedMissing = false

    package init(delay: Duration = .milliseconds(300), log: @escaping @Sendable (String) -> Void) {
        Self.removeStaleFolders()
        var template = Array((NSTemporaryDirectory() + Self.prefix + "\(getpid())-XXXXXX").utf8CString)
        folder = mkdtemp(&template).map { String(cString: $0) } ?? NSTemporaryDirectory() + Self.prefix + "\(getpid())"
        self.delay = delay
        self.log = log
    }

    /// The plan with the current index added.
    package func merged(_ plan: OutputPlan) -> OutputPlan {
        var plan = plan
        for (path, bytes) in index { plan.files[path] = bytes }
        return plan
    }

    /// Indexes `plan` after `delay`, unless another plan comes first; then
    /// publishes the live plan with the new index. Without `search` in the
    /// settings the index is dropped.
    package func schedule(_ plan: OutputPlan, search: Bool, live: LiveReload) {
        pending?.cancel()
        guard search else {
            index = [:]
            return
        }
        pending = Task {
            try? await Task.sleep(for: delay)
            guard !Task.isCancelled else { return }
            await run(plan, live: live)
        }
    }

    /// Waits for the scheduled index, if any (for tests).
    package func settle() async {
        await pending?.value
    }

    private func run(_ plan: OutputPlan, live: LiveReload) async {
        let command: PagefindCommand
        do {
            command = try PagefindCommand.locate()
        } catch {
            if !reportedMissing { log("search: \(error.description); the preview has no search index") }
            reportedMissing = true
            return
        }
        let folder = self.folder + "/site"
        let clock = ContinuousClock()
        let start = clock.now
        // Off the actor: Pagefind takes seconds on a large site.
        let made = await Task.detached { () -> Result<[SitePath: [UInt8]], SearchIndexer.Failure> in
            Result { () throws(SearchIndexer.Failure) in try SearchIndexer.index(plan, in: folder, with: command) }
        }.value
        guard !Task.isCancelled else { return }
        switch made {
        case .success(let files):
            let old = index
            index = files
            let changed = Set(files.keys).union(old.keys).filter { old[$0] != files[$0] }
            var current = await live.plan
            for path in old.keys { current.files[path] = nil }
            await live.publish(merged(current), changed: changed)
            let elapsed = clock.now - start
            log("search: indexed in \(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000) ms")
        case .failure(let error):
            log("search: \(error.description)")
        }
    }

    /// Removes the temporary folder: when the preview stops (Ctrl-C,
    /// SIGTERM) or the search goes away.
    package nonisolated func removeFolder() {
        // Indexing may be removing Pagefind's files at the same moment (its
        // run was stopped): a file gone under FileManager's walk ends it early.
        for _ in 0..<3 where FileManager.default.fileExists(atPath: folder) {
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// Folders that previews which ended without cleaning up left behind
    /// (killed with SIGKILL, say): their process is gone.
    static func removeStaleFolders() {
        let temporary = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(digits), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            var info = stat()
            // Only the user's own folders, never through a link.
            guard lstat(temporary + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid() else { continue }
            try? FileManager.default.removeItem(atPath: temporary + name)
        }
    }

    deinit {
        removeFolder()
    }
}
