import SitegenKit
import CAtomicRename
import Foundation
import SitegenSupport
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An output folder being written, file by file, as the pages render: the
/// build never holds the whole site in memory, only each file's stamp.
///
/// `open` takes the output's lock and prepares a staging folder beside the
/// output (from the build before, kept as `.<output>.sitegen-previous`,
/// whose files are reused when their bytes and their state on disk still
/// match); `write` may be called from every core; `commit` removes what the
/// build did not write, writes the manifest and swaps the folder in;
/// `discard` removes the staging folder and leaves the output as it was.
final class StagedOutput: Sendable {
    let output: String
    let staging: String
    let previous: String
    /// The output's parent folder and the staging folder, opened once: every
    /// write and delete goes through them (`FolderHandle`), never a link.
    private let parentFolder: FolderHandle
    private let stagingFolder: FolderHandle
    private let lock: OutputLock
    private let known: OutputManifest?
    /// The output as it is now (the last build) and its manifest, when it
    /// has one: reused pages are linked from it (`keep`).
    private let current: (folder: FolderHandle, manifest: OutputManifest)?
    /// `.<output>.sitegen-cache`, beside the output (`BuildCache`).
    let cacheName: String
    /// What the build has written so far, from every core.
    private struct Written {
        var stamps: [String: String] = [:]
        var madeFolders: Set<String> = []
        var failure: OutputWriter.WriteError?
        /// The stamp of the manifest `commit` wrote.
        var committedManifest: String?
    }
    private let mutex = Mutex(Written())

    /// How many files the build has written (or kept) so far.
    var fileCount: Int { mutex.withLock { $0.stamps.count } }

    init(output: String, source: String, lockTimeout: Duration = OutputWriter.defaultLockTimeout,
         waiting: (String) -> Void = { _ in }) throws(OutputWriter.WriteError) {
        try OutputWriter.checkOutputFolder(output, source: source)
        let output = OutputWriter.canonical(output)
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        try OutputWriter.makeFolder(parent)
        parentFolder = try FolderHandle(parent)
        lock = try OutputLock(path: parent + "/.\(name).sitegen-lock", timeout: lockTimeout, waiting: waiting)
        // Under the lock: another build may have made the output meanwhile.
        try OutputWriter.checkOutputFolder(output, source: source)
        OutputWriter.removeStaleStaging(in: parentFolder, name: name)
        self.output = output
        // A staging folder of this build's own, so nothing else writes into it.
        let stagingName = ".\(name).sitegen-staging-\(getpid())"
        let previousName = ".\(name).sitegen-previous"
        staging = parent + "/" + stagingName
        previous = parent + "/" + previousName
        // The kept build is reused only when it is a real folder, not a link to one.
        var known = parentFolder.status(previousName).map { ($0.st_mode & S_IFMT) == S_IFDIR } == true ? OutputManifest(in: previous) : nil
        if known == nil || renameat(parentFolder.descriptor, previousName, parentFolder.descriptor, stagingName) != 0 {
            known = nil
            parentFolder.remove(previousName)
        }
        var opened = try? FolderHandle(staging)
        if opened == nil {
            // A link put in its place between the check and the rename: start afresh.
            known = nil
            parentFolder.remove(stagingName)
            if mkdirat(parentFolder.descriptor, stagingName, 0o755) != 0 {
                throw OutputWriter.WriteError(description: "cannot create '\(staging)': \(String(cString: strerror(errno)))")
            }
            opened = try FolderHandle(staging)
        }
        stagingFolder = opened!
        self.known = known
        cacheName = ".\(name).sitegen-cache"
        if let folder = try? FolderHandle(output), let manifest = OutputManifest(in: output) {
            current = (folder, manifest)
        } else {
            current = nil
        }
        // From here the staging folder's manifest is no longer true.
        stagingFolder.remove(SiteLayout.outputMarker)
    }

    /// Writes one file of the build, unless the staging folder already holds
    /// exactly these bytes, untouched since the build that wrote them.
    func write(_ path: SitePath, _ bytes: [UInt8]) throws(OutputWriter.WriteError) {
        let file = path.outputFile
        let stamp = OutputManifest.stamp(bytes)
        let duplicate = mutex.withLock { $0.stamps.updateValue(stamp, forKey: file) != nil }
        if duplicate {
            throw remember(OutputWriter.WriteError(description: "two outputs would both be written to '\(file)'; nothing was written"))
        }
        if let known, known.stamps[file] == stamp, known.isIntact(stagingFolder.status(file), stamp: stamp) { return }
        let folder = (file as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty && !mutex.withLock({ $0.madeFolders.contains(folder) }) {
                try stagingFolder.makeFolder(folder)
                mutex.withLock { _ = $0.madeFolders.insert(folder) }
            }
            try stagingFolder.writeFile(file, bytes)
        } catch {
            throw remember(error)
        }
    }

    /// Keeps the file of a page this build did not render, which holds the
    /// bytes `stamp` describes: as the staging folder has it, or else as a
    /// hard link to the current output's file (never rewritten in place, so
    /// the two stay apart), each only while intact by its own manifest.
    /// Recorded like a written file; false when neither has it (render it).
    func keep(_ path: SitePath, stamp: String) -> Bool {
        keep(file: path.outputFile, stamp: stamp)
    }

    private func keep(file: String, stamp: String) -> Bool {
        if let known, known.stamps[file] == stamp, known.isIntact(stagingFolder.status(file), stamp: stamp) {
            return record(file, stamp)
        }
        guard let (folder, manifest) = current, manifest.stamps[file] == stamp,
              manifest.isIntact(folder.status(file), stamp: stamp) else { return false }
        let parent = (file as NSString).deletingLastPathComponent
        if !parent.isEmpty && !mutex.withLock({ $0.madeFolders.contains(parent) }) {
            guard (try? stagingFolder.makeFolder(parent)) != nil else { return false }
            mutex.withLock { _ = $0.madeFolders.insert(parent) }
        }
        // What was linked is checked, not what was seen before linking.
        guard stagingFolder.link(file, from: folder), manifest.isIntact(stagingFolder.status(file), stamp: stamp) else { return false }
        return record(file, stamp)
    }

    /// Keeps the current output's files below `folder/` (its search index)
    /// when every HTML file of this build is the one the current output
    /// has, byte for byte, and no other: the index of the same pages.
    /// False (and nothing below `folder/` recorded) when it cannot.
    func keepFiles(below folder: String) -> Bool {
        guard let (_, manifest) = current else { return false }
        let prefix = folder + "/"
        let pages = mutex.withLock { $0.stamps.filter { $0.key.hasSuffix(".html") } }
        guard pages == manifest.stamps.filter({ $0.key.hasSuffix(".html") && !$0.key.hasPrefix(prefix) }) else { return false }
        let index = manifest.stamps.filter { $0.key.hasPrefix(prefix) }
        guard !index.isEmpty else { return false }
        for (file, stamp) in index where !keep(file: file, stamp: stamp) {
            mutex.withLock { $0.stamps = $0.stamps.filter { !$0.key.hasPrefix(prefix) } }
            return false
        }
        return true
    }

    private func record(_ file: String, _ stamp: String) -> Bool {
        mutex.withLock { $0.stamps.updateValue(stamp, forKey: file) == nil }
    }

    /// The stamp of every file written or kept so far, by output file.
    var writtenStamps: [String: String] { mutex.withLock { $0.stamps } }

    /// The stamp of the manifest `commit` wrote; nil before.
    var committedManifest: String? { mutex.withLock { $0.committedManifest } }

    /// The stamp of the current output's manifest; nil without one.
    var currentManifest: String? { current.map { OutputManifest.stamp(Array($0.manifest.text.utf8)) } }

    /// The cache beside the output, read like a site's file (a regular file,
    /// really in the output's parent folder); nil when there is none.
    func readCache() -> [UInt8]? {
        try? SiteFileReader.read(parentFolder.path + "/" + cacheName, inside: parentFolder.path)
    }

    /// Writes the cache beside the output like an output file (a new file
    /// renamed into place, never through a link).
    func writeCache(_ bytes: [UInt8]) throws(OutputWriter.WriteError) {
        try parentFolder.writeFile(cacheName, bytes)
    }

    /// Files something else wrote into the staging folder (Pagefind's
    /// index), paths relative to it: recorded like written files, so the
    /// manifest vouches for them and the next build keeps or prunes them.
    /// A file the build wrote itself at one of these paths is an error.
    func adopt(_ files: [String]) throws(OutputWriter.WriteError) {
        for file in files {
            let bytes: [UInt8]
            do {
                bytes = try FileBytes.read(staging + "/" + file)
            } catch {
                throw remember(OutputWriter.WriteError(description: "\(error)"))
            }
            let duplicate = mutex.withLock { $0.stamps.updateValue(OutputManifest.stamp(bytes), forKey: file) != nil }
            if duplicate {
                throw remember(OutputWriter.WriteError(description: "two outputs would both be written to '\(file)'; nothing was written"))
            }
        }
    }

    /// The first file the build wrote below `folder/`, if any.
    func writtenFile(below folder: String) -> String? {
        mutex.withLock { $0.stamps.keys.filter { $0.hasPrefix(folder + "/") }.min() }
    }

    private func remember(_ error: OutputWriter.WriteError) -> OutputWriter.WriteError {
        mutex.withLock { if $0.failure == nil { $0.failure = error } }
        return error
    }

    /// Removes the files of older builds (and anything put there by hand)
    /// that this build did not write: before Pagefind indexes the staging
    /// folder, so a deleted page is never found by search.
    func removeUnwritten() {
        guard known != nil else { return }
        let written = mutex.withLock { Set($0.stamps.keys) }
        _ = stagingFolder.prune(keeping: written)
    }

    /// Removes what this build did not write, writes the manifest last and
    /// puts the staging folder in place of the output.
    func commit() throws(OutputWriter.WriteError) {
        let (stamps, failure) = mutex.withLock { ($0.stamps, $0.failure) }
        if let failure {
            discard()
            throw failure
        }
        do {
            removeUnwritten()
            let manifest = Array(OutputManifest(stamps: stamps).text.utf8)
            try stagingFolder.writeFile(SiteLayout.outputMarker, manifest)
            mutex.withLock { $0.committedManifest = OutputManifest.stamp(manifest) }
        } catch {
            discard()
            throw OutputWriter.WriteError(description: "cannot write the site into '\(staging)': \(error)")
        }
        try OutputWriter.swap(staging, into: output, keeping: previous, in: parentFolder)
    }

    /// Leaves the output as it was. The build before it, which the staging
    /// folder started from, is gone: the next build writes every file.
    func discard() {
        parentFolder.remove((staging as NSString).lastPathComponent)
    }
}
