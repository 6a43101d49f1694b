import SitegenKit
import CAtomicRename
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SitegenSupport

/// The output folder and its rules (which folder a build may replace, the
/// marker, the swap); `StagedOutput` is one build being written into it.
///
/// An `OutputPlan` reaches the output folder atomically: the new site is
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
package enum OutputFolder {
    /// A refusal (a usage error: exit status 2) or a failed write (exit
    /// status 1); nothing replaced.
    package struct WriteError: Error, CustomStringConvertible {
        package var description: String
        /// The folder asked for may not be used: the way sitegen was called
        /// is wrong, not the site.
        package var isRefusal = false

        static func refusal(_ description: String) -> WriteError {
            WriteError(description: description, isRefusal: true)
        }
    }

    /// Checks that `output` may be replaced by a build of the site in `source`.
    package static func checkOutputFolder(_ output: String, source: String) throws(WriteError) {
        let output = canonical(output)
        let source = canonical(source)
        let home = canonical(FileManager.default.homeDirectoryForCurrentUser.path)
        if output == "/" || output == home {
            throw WriteError.refusal("refusing to use '\(output)' as the output folder: it is \(output == "/" ? "the root folder" : "your home folder"); choose a folder of its own, like _site")
        }
        if output == source || source.hasPrefix(output + "/") {
            throw WriteError.refusal("refusing to use '\(output)' as the output folder: it holds the site's own files; choose a folder of its own, like _site")
        }
        // The folders a build reads, wherever their links lead.
        for folder in SiteLayout.sourceFolders {
            let read = canonical(source + "/" + folder)
            if FilePaths.isInside(output, read) || FilePaths.isInside(read, output) {
                throw WriteError.refusal("refusing to write the output into \(folder)/ ('\(read)'): sitegen reads that folder, and the next build would read the output as part of the site; choose a folder like _site")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw WriteError.refusal("refusing to replace '\(output)': it is a file, not a folder sitegen made")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        // The marker must be sitegen's own: a regular file with its manifest
        // (a folder or link of that name, or other text, makes it foreign).
        if !contents.isEmpty && OutputManifest(in: output) == nil {
            throw WriteError.refusal("refusing to replace '\(output)': sitegen did not make it (it has no \(SiteLayout.outputMarker) file written by sitegen); delete it yourself or choose another --output")
        }
    }

    /// How long a build waits for another build into the same output.
    package static let defaultLockTimeout = Duration.seconds(600)

    /// Writes the plan and swaps it in place of `output`, holding the
    /// output's lock throughout; `waiting` is told when another build holds
    /// it. (`sitegen build` writes each page as it renders instead, through
    /// `StagedOutput` directly.)
    package static func write(_ plan: OutputPlan, to output: String, source: String,
                             lockTimeout: Duration = defaultLockTimeout,
                             waiting: (String) -> Void = { _ in }) throws(WriteError) {
        let paths = try outputFiles(of: plan).map(\.path)
        let staged = try StagedOutput(output: output, source: source, lockTimeout: lockTimeout, waiting: waiting)
        let failures = ResultSlots<WriteError?>(count: 1)
        // Contiguous parts: neighbouring files share folders.
        Cores.split(paths.count) { range in
            for index in range {
                do throws(WriteError) {
                    try staged.write(paths[index], plan.files[paths[index]]!)
                } catch {
                    failures[0] = error
                    return
                }
            }
        }
        if let failure = failures[0] ?? nil {
            staged.discard()
            throw failure
        }
        try staged.commit()
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
    static func removeStaleStaging(in parent: FolderHandle, name: String) {
        let prefix = ".\(name).sitegen-staging"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(prefix) {
            parent.remove(entry)
        }
    }

    /// Puts `staging` in place of `output`; the old output becomes `previous`.
    static func swap(_ staging: String, into output: String, keeping previous: String, in parentFolder: FolderHandle) throws(WriteError) {
        let previousName = (previous as NSString).lastPathComponent
        let parent = (output as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: output) else {
            try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            guard rename(staging, output) == 0 else {
                let reason = String(cString: strerror(errno))
                parentFolder.remove((staging as NSString).lastPathComponent)
                throw WriteError(description: "cannot create '\(output)': \(reason)")
            }
            return
        }
        // Swap in one step where the system can; otherwise two renames.
        if sitegen_exchange_paths(staging, output) != 0 {
            parentFolder.remove(previousName)
            guard rename(output, previous) == 0 else {
                parentFolder.remove((staging as NSString).lastPathComponent)
                throw WriteError(description: "cannot replace '\(output)': \(String(cString: strerror(errno)))")
            }
            guard rename(staging, output) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(previous, output)
                throw WriteError(description: "cannot replace '\(output)': \(reason)")
            }
        } else {
            // `staging` now holds the previous site: keep it for next time.
            parentFolder.remove(previousName)
            if rename(staging, previous) != 0 {
                parentFolder.remove((staging as NSString).lastPathComponent)
            }
        }
    }

    /// `mkdir -p`, safe when another thread makes the same folder (for the
    /// output's parent and the preview's own temporary folder; inside the
    /// staging folder, `FolderHandle.makeFolder`).
    static func makeFolder(_ path: String) throws(WriteError) {
        func failure() -> WriteError { WriteError(description: "\(path): \(String(cString: strerror(errno)))") }
        if mkdir(path, 0o755) == 0 { return }
        switch errno {
        case EEXIST:
            var info = stat()
            if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { return }
            throw failure()
        case ENOENT:
            guard !path.isEmpty, path != "/" else { throw failure() }
            try makeFolder((path as NSString).deletingLastPathComponent)
        default:
            throw failure()
        }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw failure() }
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

    /// Absolute, without `.`/`..`, every symbolic link followed (also above
    /// a folder that does not exist yet): where the output really goes.
    package static func canonical(_ path: String) -> String {
        FilePaths.realPath(path)
    }
}
