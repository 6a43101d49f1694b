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
/// `open` takes the output's lock. A file whose bytes the current output
/// already holds, intact by its manifest, is only recorded; the staging
/// folder beside the output (made from the build before, kept as
/// `.<output>.sitegen-previous`, whose files are reused when their bytes
/// and their state on disk still match) is prepared on the first file that
/// differs. `write` may be called from every core; `commit` leaves the
/// output untouched when it already is this build's (no staging folder,
/// no manifest written, no swap: an unchanged rebuild of 2 × 10,000 pages
/// spent a sixth of its time linking, pruning and swapping 20,000 files),
/// and otherwise brings the recorded files into the staging folder,
/// removes what the build did not write, writes the manifest and swaps the
/// folder in; `discard` leaves the output as it was.
final class StagedOutput: Sendable {
    let output: String
    let staging: String
    let previous: String
    /// The output's parent folder, opened once: every write and delete goes
    /// through it or the staging folder (`FolderHandle`), never a link.
    private let parentFolder: FolderHandle
    private let lock: OutputLock
    /// The output as it is now (the last build) and its manifest, when it
    /// has one: files it holds intact are not written again.
    private let current: (folder: FolderHandle, manifest: OutputManifest)?
    /// `.<output>.sitegen-cache`, beside the output (`BuildCache`).
    let cacheName: String
    /// The staging folder and the manifest of the build it started from,
    /// once a file differs from the current output's.
    private struct Stage: Sendable {
        var folder: FolderHandle
        var known: OutputManifest?
    }
    private let stage = Mutex<Stage?>(nil)
    /// What the build has written so far, from every core.
    private struct Written {
        var stamps: [String: String] = [:]
        /// Files recorded as the current output has them, with the
        /// identity of its file, not yet in the staging folder (`stageAll`).
        var asCurrent: [String: FileIdentity] = [:]
        var madeFolders: Set<String> = []
        var failure: OutputFolder.WriteError?
        /// The stamp of the manifest `commit` wrote (or found).
        var committedManifest: String?
        /// Files that differ from the current output's, held to be written
        /// into it at `commit` (`writeInPlace`); nil: written to the staging folder.
        var inPlace: InPlaceWrites?
    }
    private let mutex = Mutex(Written())

    /// How many files the build has written (or kept) so far.
    var fileCount: Int { mutex.withLock { $0.stamps.count } }

    init(output: String, source: String, lockTimeout: Duration = OutputFolder.defaultLockTimeout,
         waiting: (String) -> Void = { _ in }) throws(OutputFolder.WriteError) {
        try OutputFolder.checkOutputFolder(output, source: source)
        let output = OutputFolder.canonical(output)
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        try OutputFolder.makeFolder(parent)
        parentFolder = try FolderHandle(parent)
        lock = try OutputLock(path: parent + "/.\(name).sitegen-lock", timeout: lockTimeout, waiting: waiting)
        // Under the lock: another build may have made the output meanwhile.
        try OutputFolder.checkOutputFolder(output, source: source)
        OutputFolder.removeStaleStaging(in: parentFolder, name: name)
        self.output = output
        // A staging folder of this build's own, so nothing else writes into it.
        staging = parent + "/.\(name).sitegen-staging-\(getpid())"
        previous = parent + "/.\(name).sitegen-previous"
        cacheName = Self.cacheName(of: name)
        if let folder = try? FolderHandle(output), let manifest = OutputManifest(in: output) {
            current = (folder, manifest)
        } else {
            current = nil
        }
    }

    /// The cache's name beside the output named `output`.
    static func cacheName(of output: String) -> String {
        ".\(output).sitegen-cache"
    }

    /// Keeps every file of the current output, when each still holds what
    /// its manifest says (`currentHolds`: a stat per file, and a read of a
    /// file only linked or unlinked elsewhere since); records nothing and
    /// is false otherwise. For a build that makes the very output there is.
    func keepsAll() -> Bool {
        guard let (_, manifest) = current else { return false }
        let files = Array(manifest.stamps)
        let held = Cores.map(files) { file, stamp in currentHolds(file, stamp: stamp) }
        guard !held.contains(nil) else { return false }
        mutex.withLock { written in
            written.stamps = manifest.stamps
            written.asCurrent = Dictionary(uniqueKeysWithValues: zip(files.map(\.key), held.map { $0! }))
        }
        return true
    }

    /// The staging folder, prepared on first use: the kept build before
    /// renamed to it (with the manifest it had), or a new empty folder.
    private func stagingFolder() throws(OutputFolder.WriteError) -> Stage {
        try stage.withLock { (made: inout Stage?) throws(OutputFolder.WriteError) -> Stage in
            if let made { return made }
            let stagingName = (staging as NSString).lastPathComponent
            let previousName = (previous as NSString).lastPathComponent
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
                    throw OutputFolder.WriteError(description: "cannot create '\(staging)': \(String(cString: strerror(errno)))")
                }
                opened = try FolderHandle(staging)
            }
            // From here the staging folder's manifest is no longer true.
            opened!.remove(SiteLayout.outputMarker)
            made = Stage(folder: opened!, known: known)
            return made!
        }
    }

    /// The identity of the current output's file when it holds `stamp`'s
    /// bytes at `file`; nil otherwise. Untouched since its build, its
    /// state proves it; one whose change time is newer (renamed into place,
    /// dated back, or only linked or unlinked elsewhere: a deleted kept
    /// build, a `cp -al` snapshot) is read, and trusted by its bytes.
    private func currentHolds(_ file: String, stamp: String) -> FileIdentity? {
        guard let (folder, manifest) = current, manifest.stamps[file] == stamp, let info = folder.status(file),
              manifest.isIntact(info, stamp: stamp) else { return nil }
        if !manifest.isUntouched(info, stamp: stamp) {
            guard let bytes = try? SiteFileReader.read(folder.path + "/" + file, inside: folder.path),
                  OutputManifest.stamp(bytes) == stamp else { return nil }
        }
        return FileIdentity(info)
    }

    /// For a build expected to change few files (an incremental build that
    /// renders some pages): the files that differ are written into the
    /// current output itself at `commit` (`InPlaceWrites`), not staged.
    func writeInPlace() {
        guard current != nil, stage.withLock({ $0 == nil }) else { return }
        mutex.withLock { written in
            if written.inPlace == nil { written.inPlace = InPlaceWrites() }
        }
    }

    /// Writes one file of the build, unless the current output, or else the
    /// staging folder, already holds exactly these bytes, untouched since
    /// the build that wrote them.
    func write(_ path: SitePath, _ bytes: [UInt8]) throws(OutputFolder.WriteError) {
        let file = path.outputFile
        let stamp = OutputManifest.stamp(bytes)
        let duplicate = mutex.withLock { $0.stamps.updateValue(stamp, forKey: file) != nil }
        if duplicate {
            throw remember(OutputFolder.WriteError(description: "two outputs would both be written to '\(file)'; nothing was written"))
        }
        if let identity = currentHolds(file, stamp: stamp) {
            mutex.withLock { $0.asCurrent[file] = identity }
            return
        }
        // Held for the current output, or, past the limit, all of them to stage.
        let toStage: [(file: String, bytes: [UInt8])]? = mutex.withLock { written in
            guard written.inPlace != nil else { return [(file, bytes)] }
            guard !written.inPlace!.hold(file, bytes) else { return nil }
            defer { written.inPlace = nil }
            return written.inPlace!.files.map { ($0.key, $0.value) }
        }
        for (file, bytes) in toStage ?? [] {
            try writeStaged(file, bytes, stamp: file == path.outputFile ? stamp : OutputManifest.stamp(bytes))
        }
    }

    /// Writes a file into the staging folder, unless it already holds it.
    private func writeStaged(_ file: String, _ bytes: [UInt8], stamp: String) throws(OutputFolder.WriteError) {
        do {
            let stage = try stagingFolder()
            if let known = stage.known, known.stamps[file] == stamp, known.isUntouched(stage.folder.status(file), stamp: stamp) { return }
            try makeParent(of: file, in: stage.folder)
            try stage.folder.writeFile(file, bytes)
        } catch {
            throw remember(error)
        }
    }

    private func makeParent(of file: String, in folder: FolderHandle) throws(OutputFolder.WriteError) {
        let parent = (file as NSString).deletingLastPathComponent
        guard !parent.isEmpty && !mutex.withLock({ $0.madeFolders.contains(parent) }) else { return }
        try folder.makeFolder(parent)
        mutex.withLock { _ = $0.madeFolders.insert(parent) }
    }

    /// Keeps the file of a page this build did not render, which holds the
    /// bytes `stamp` describes: as the current output or else the staging
    /// folder (once made) has it, each only while untouched by its own manifest (a file of
    /// the current output is linked into the staging folder, never
    /// rewritten in place, only if the build changes anything: `stageAll`).
    /// Recorded like a written file; false when neither has it (render it).
    func keep(_ path: SitePath, stamp: String) -> Bool {
        keep(file: path.outputFile, stamp: stamp)
    }

    private func keep(file: String, stamp: String) -> Bool {
        if let identity = currentHolds(file, stamp: stamp) {
            return mutex.withLock { written in
                guard written.stamps.updateValue(stamp, forKey: file) == nil else { return false }
                written.asCurrent[file] = identity
                return true
            }
        }
        // Only a staging folder made already: making one to look into would
        // stop this build from writing into the output itself (`writeInPlace`).
        guard let stage = stage.withLock({ $0 }), let known = stage.known, known.stamps[file] == stamp,
              known.isUntouched(stage.folder.status(file), stamp: stamp) else { return false }
        return record(file, stamp)
    }

    /// Brings the files recorded as the current output has them into the
    /// staging folder: already there when the build before left the very
    /// same file (a hard link to it, as every unchanged file is after a
    /// build or two), else linked from the current output, never copied.
    private func stageAll() throws(OutputFolder.WriteError) {
        let stage = try stagingFolder()
        let files = mutex.withLock { written in
            defer { written.asCurrent = [:] }
            return Array(written.asCurrent)
        }
        guard let (folder, _) = current, !files.isEmpty else { return }
        let staged = Cores.map(files) { file, identity -> Bool in
            if stage.folder.status(file).map(FileIdentity.init) == identity { return true }
            guard (try? makeParent(of: file, in: stage.folder)) != nil else { return false }
            // A folder or anything else the link cannot replace goes first.
            if !stage.folder.link(file, from: folder) && !(stage.folder.remove(file) && stage.folder.link(file, from: folder)) { return false }
            // What was linked is checked, not what was seen before linking.
            return stage.folder.status(file).map(FileIdentity.init) == identity
        }
        if let index = staged.firstIndex(of: false) {
            throw remember(OutputFolder.WriteError(description:
                "'\(output)/\(files[index].key)' changed while sitegen was building; nothing was written; build again"))
        }
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
    var currentManifest: String? { current?.manifest.fileStamp }

    /// The cache beside the output, read like a site's file (a regular file,
    /// really in the output's parent folder); nil when there is none.
    func readCache() -> [UInt8]? {
        try? SiteFileReader.read(parentFolder.path + "/" + cacheName, inside: parentFolder.path)
    }

    /// Writes the cache beside the output like an output file (a new file
    /// renamed into place, never through a link).
    func writeCache(_ bytes: [UInt8]) throws(OutputFolder.WriteError) {
        try parentFolder.writeFile(cacheName, bytes)
    }

    /// Files something else wrote into the staging folder (Pagefind's
    /// index), paths relative to it: recorded like written files, so the
    /// manifest vouches for them and the next build keeps or prunes them.
    /// A file the build wrote itself at one of these paths is an error.
    func adopt(_ files: [String]) throws(OutputFolder.WriteError) {
        for file in files {
            let bytes: [UInt8]
            do {
                bytes = try FileBytes.read(staging + "/" + file)
            } catch {
                throw remember(OutputFolder.WriteError(description: "\(error)"))
            }
            let duplicate = mutex.withLock { $0.stamps.updateValue(OutputManifest.stamp(bytes), forKey: file) != nil }
            if duplicate {
                throw remember(OutputFolder.WriteError(description: "two outputs would both be written to '\(file)'; nothing was written"))
            }
        }
    }

    /// The first file the build wrote below `folder/`, if any.
    func writtenFile(below folder: String) -> String? {
        mutex.withLock { $0.stamps.keys.filter { $0.hasPrefix(folder + "/") }.min() }
    }

    private func remember(_ error: OutputFolder.WriteError) -> OutputFolder.WriteError {
        mutex.withLock { if $0.failure == nil { $0.failure = error } }
        return error
    }

    /// Puts every file of the build into the staging folder and removes
    /// the files of older builds (and anything put there by hand) that this
    /// build did not write: before Pagefind indexes the staging folder, so
    /// a deleted page is never found by search.
    func removeUnwritten() throws(OutputFolder.WriteError) {
        try stageAll()
        guard try stagingFolder().known != nil else { return }
        let written = mutex.withLock { Set($0.stamps.keys) }
        _ = try stagingFolder().folder.prune(keeping: written)
    }

    /// Leaves the output as it is when it already is this build's: every
    /// file as the current output holds it, and no other. Otherwise
    /// removes what this build did not write, writes the manifest last and
    /// puts the staging folder in place of the output.
    func commit() throws(OutputFolder.WriteError) {
        let (stamps, failure, held) = mutex.withLock { ($0.stamps, $0.failure, $0.inPlace) }
        if let failure {
            discard()
            throw failure
        }
        if stage.withLock({ $0 == nil }), let (folder, manifest) = current, held?.isEmpty ?? true, stamps == manifest.stamps,
           manifest.holdsOnlyItsFiles(folder) {
            mutex.withLock { $0.committedManifest = manifest.fileStamp }
            return
        }
        if let held {
            if stage.withLock({ $0 == nil }), let (folder, manifest) = current {
                let written = try held.commit(stamps: stamps, into: folder, over: manifest)
                mutex.withLock { $0.committedManifest = written }
                return
            }
            // A staging folder was made after all (to look for a file there).
            for (file, bytes) in held.files {
                do throws(OutputFolder.WriteError) {
                    try writeStaged(file, bytes, stamp: OutputManifest.stamp(bytes))
                } catch {
                    discard()
                    throw error
                }
            }
        }
        do {
            try removeUnwritten()
            let manifest = Array(OutputManifest(stamps: stamps).text.utf8)
            let written = FileVersion.now()
            try stagingFolder().folder.writeFile(SiteLayout.outputMarker, manifest)
            // So that the next build trusts every file (a small site is written within one tick).
            OutputManifest.dateMarker(after: written, in: try stagingFolder().folder)
            mutex.withLock { $0.committedManifest = OutputManifest.stamp(manifest) }
        } catch {
            discard()
            throw OutputFolder.WriteError(description: "cannot write the site into '\(staging)': \(error)")
        }
        try OutputFolder.swap(staging, into: output, keeping: previous, in: parentFolder)
    }

    /// Leaves the output as it was. The build before it, which the staging
    /// folder started from, is gone: the next build writes every file.
    func discard() {
        guard stage.withLock({ $0 != nil }) else { return }
        parentFolder.remove((staging as NSString).lastPathComponent)
    }
}
