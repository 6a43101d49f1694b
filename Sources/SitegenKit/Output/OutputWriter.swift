import CAtomicRename
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes an `OutputPlan` to the output folder, atomically: the new site is
/// written into a staging folder beside the output, then swapped in, so a
/// server never sees half a site and a failed build never touches the old one.
///
/// The build before the current one is kept beside the output
/// (`.<output>.sitegen-previous`), with a manifest of what each file holds:
/// the next build starts from it and writes only the files whose bytes
/// changed (or that were changed on disk since), which saves the file system
/// most of its work. A lock beside the output makes builds into one output
/// take turns (`OutputLock`).
///
/// The output folder is sitegen's: it holds a marker file, and sitegen refuses
/// to replace a folder without one (unless empty), the site folder itself or
/// a folder holding it, `/`, the home folder, or a folder inside `content/`
/// or `templates/`.
public enum OutputWriter {
    public static let markerFile = ".sitegen-output"

    /// A refusal or a failed write (exit status 1, nothing replaced).
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Checks that `output` may be replaced by a build of the site in `source`.
    public static func checkOutputFolder(_ output: String, source: String) throws(WriteError) {
        let output = canonical(output)
        let source = canonical(source)
        let home = canonical(FileManager.default.homeDirectoryForCurrentUser.path)
        if output == "/" || output == home {
            throw WriteError(description: "refusing to use '\(output)' as the output folder: it is \(output == "/" ? "the root folder" : "your home folder"); choose a folder of its own, like _site")
        }
        if output == source || source.hasPrefix(output + "/") {
            throw WriteError(description: "refusing to use '\(output)' as the output folder: it holds the site's own files; choose a folder of its own, like _site")
        }
        for folder in ["content", "templates"] where output.hasPrefix(source + "/" + folder + "/") || output == source + "/" + folder {
            throw WriteError(description: "refusing to write the output into \(folder)/: the next build would read it as part of the site; choose a folder like _site")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw WriteError(description: "refusing to replace '\(output)': it is a file, not a folder sitegen made")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if !contents.isEmpty && !contents.contains(markerFile) {
            throw WriteError(description: "refusing to replace '\(output)': sitegen did not make it (it has no \(markerFile) file); delete it yourself or choose another --output")
        }
    }

    /// How long a build waits for another build into the same output.
    public static let defaultLockTimeout = Duration.seconds(600)

    /// Writes the plan and swaps it in place of `output`, holding the
    /// output's lock throughout; `waiting` is told when another build holds it.
    public static func write(_ plan: OutputPlan, to output: String, source: String,
                             lockTimeout: Duration = defaultLockTimeout,
                             waiting: (String) -> Void = { _ in }) throws(WriteError) {
        try checkOutputFolder(output, source: source)
        let output = canonical(output)
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        let files = try outputFiles(of: plan)
        try makeFolder(parent)
        let lock = try OutputLock(path: parent + "/.\(name).sitegen-lock", timeout: lockTimeout, waiting: waiting)
        defer { withExtendedLifetime(lock) {} }
        // Under the lock: another build may have made the output meanwhile.
        try checkOutputFolder(output, source: source)
        removeStaleStaging(in: parent, name: name)
        // A staging folder of this build's own, so nothing else writes into it.
        let staging = parent + "/.\(name).sitegen-staging-\(getpid())"
        let previous = parent + "/.\(name).sitegen-previous"
        do {
            try stage(plan, files, in: staging, startingFrom: previous)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw WriteError(description: "cannot write the site into '\(staging)': \(error)")
        }
        try swap(staging, into: output, keeping: previous)
    }

    /// The plan's paths in order, with the file each is written to; two paths
    /// writing one file are an error (the resolver reports where they come from).
    static func outputFiles(of plan: OutputPlan) throws(WriteError) -> [(path: SitePath, file: String)] {
        var seen: [String: SitePath] = [:]
        var files: [(path: SitePath, file: String)] = []
        for path in plan.sortedPaths {
            let file = path.outputFile
            if let other = seen.updateValue(path, forKey: file) {
                throw WriteError(description: "two outputs would both be written to '\(file)' ('\(other)' and '\(path)'); nothing was written")
            }
            files.append((path, file))
        }
        return files
    }

    /// Staging folders left by builds that were killed (their lock is gone).
    static func removeStaleStaging(in parent: String, name: String) {
        let prefix = ".\(name).sitegen-staging"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }

    /// Fills `staging` with the plan. It starts from the build before the
    /// current output, kept beside it, when its manifest says what each file
    /// holds: then only files whose bytes changed, or that were changed on
    /// disk since, are written. If that fails, it starts again from nothing.
    static func stage(_ plan: OutputPlan, _ files: [(path: SitePath, file: String)],
                      in staging: String, startingFrom previous: String) throws(WriteError) {
        var known = OutputManifest(in: previous)
        if known == nil || rename(previous, staging) != 0 {
            known = nil
            try? FileManager.default.removeItem(atPath: previous)
        }
        do {
            try fill(staging, with: plan, files, known: known)
        } catch where known != nil {
            try? FileManager.default.removeItem(atPath: staging)
            try fill(staging, with: plan, files, known: nil)
        }
    }

    /// Writes into `staging` every file `known` does not vouch for, removes
    /// everything else that is there, and writes the new manifest last.
    static func fill(_ staging: String, with plan: OutputPlan, _ files: [(path: SitePath, file: String)],
                     known: OutputManifest?) throws(WriteError) {
        try makeFolder(staging)
        // From here the staging folder's manifest is no longer true.
        unlink(staging + "/" + markerFile)
        let stamps = Cores.map(files) { OutputManifest.stamp(plan.files[$0.path]!) }
        var changed = Array(files.indices)
        if let known {
            // Files of older builds and anything put there by hand go.
            _ = prune(staging, below: "", keeping: Set(files.map(\.file)))
            let trusted = Cores.map(changed) { index in
                known.stamps[files[index].file] == stamps[index]
                    && known.isIntact(staging + "/" + files[index].file, stamp: stamps[index])
            }
            changed = changed.filter { !trusted[$0] }
        }
        try writeFiles(changed.map { (staging + "/" + files[$0].file, plan.files[files[$0].path]!) })
        let manifest = OutputManifest(stamps: Dictionary(uniqueKeysWithValues: zip(files.map(\.file), stamps)))
        try writeFile(staging + "/" + markerFile, Array(manifest.text.utf8))
    }

    /// Removes every entry below `root/relative` whose path is not in
    /// `wanted`, and folders left empty; true when the folder is now empty.
    static func prune(_ root: String, below relative: String, keeping wanted: Set<String>) -> Bool {
        let folder = relative.isEmpty ? root : root + "/" + relative
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var kept = 0
        for name in names {
            let path = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(root + "/" + path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if prune(root, below: path, keeping: wanted), rmdir(root + "/" + path) == 0 { continue }
            } else if !wanted.contains(path) || (info.st_mode & S_IFMT) != S_IFREG {
                if unlink(root + "/" + path) == 0 { continue }
            }
            kept += 1
        }
        return kept == 0
    }

    /// Puts `staging` in place of `output`; the old output becomes `previous`.
    static func swap(_ staging: String, into output: String, keeping previous: String) throws(WriteError) {
        let parent = (output as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: output) else {
            try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            guard rename(staging, output) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: staging)
                throw WriteError(description: "cannot create '\(output)': \(reason)")
            }
            return
        }
        // Swap in one step where the system can; otherwise two renames.
        if sitegen_exchange_paths(staging, output) != 0 {
            try? FileManager.default.removeItem(atPath: previous)
            guard rename(output, previous) == 0 else {
                try? FileManager.default.removeItem(atPath: staging)
                throw WriteError(description: "cannot replace '\(output)': \(String(cString: strerror(errno)))")
            }
            guard rename(staging, output) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(previous, output)
                throw WriteError(description: "cannot replace '\(output)': \(reason)")
            }
        } else {
            // `staging` now holds the previous site: keep it for next time.
            try? FileManager.default.removeItem(atPath: previous)
            if rename(staging, previous) != 0 {
                try? FileManager.default.removeItem(atPath: staging)
            }
        }
    }

    /// Writes files, creating their folders, on every core: on a cold build
    /// most of the time is the file system creating folders and files, and
    /// it does that for several threads at once.
    static func writeFiles(_ files: [(path: String, bytes: [UInt8])]) throws(WriteError) {
        let failures = ResultSlots<WriteError?>(count: 1)
        // Contiguous parts: neighbouring files share folders.
        Cores.split(files.count) { range in
            var madeFolders: Set<String> = []
            for index in range {
                let (path, bytes) = files[index]
                let folder = (path as NSString).deletingLastPathComponent
                do throws(WriteError) {
                    if !madeFolders.contains(folder) {
                        try makeFolder(folder)
                        madeFolders.insert(folder)
                    }
                    try writeFile(path, bytes)
                } catch {
                    failures[0] = error
                    return
                }
            }
        }
        if let failure = failures[0] ?? nil { throw failure }
    }

    /// `mkdir -p`, safe when another thread makes the same folder.
    static func makeFolder(_ path: String) throws(WriteError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, !path.isEmpty, path != "/" else {
            throw WriteError(description: "\(path): \(String(cString: strerror(errno)))")
        }
        try makeFolder((path as NSString).deletingLastPathComponent)
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw WriteError(description: "\(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Removes `folder` (relative to `root`) and its parents while they are empty.
    static func removeEmptyFolders(from folder: String, in root: String) {
        var current = folder
        while !current.isEmpty, rmdir(root + "/" + current) == 0 {
            current = (current as NSString).deletingLastPathComponent
        }
    }

    /// Plain POSIX writes: Foundation's `Data.write` syncs every file to disk,
    /// which makes writing thousands of pages slow for no gain here. Whatever
    /// stands in the file's place that is not a regular file (a folder, a
    /// symbolic link someone put into the output) is removed first, never
    /// written through.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(WriteError) {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if descriptor < 0 && (errno == ELOOP || errno == EISDIR) {
            try? FileManager.default.removeItem(atPath: path)
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        }
        guard descriptor >= 0 else { throw WriteError(description: "\(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError(description: "\(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Absolute, without `.`/`..`, symbolic links resolved where they exist.
    public static func canonical(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return url.resolvingSymlinksInPath().path
    }
}
