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
/// changed, which saves the file system most of its work.
///
/// The output folder is sitegen's: it holds a marker file, and sitegen refuses
/// to replace a folder without one (unless empty), the site folder itself or
/// a folder holding it, `/`, the home folder, or a folder inside `content/`
/// or `templates/`.
public enum OutputWriter {
    public static let markerFile = ".sitegen-output"
    static let markerText = "This folder is written by sitegen and replaced on every build.\n"

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

    /// Writes the plan and swaps it in place of `output`.
    public static func write(_ plan: OutputPlan, to output: String, source: String) throws(WriteError) {
        try checkOutputFolder(output, source: source)
        let output = canonical(output)
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        let staging = parent + "/.\(name).sitegen-staging"
        let previous = parent + "/.\(name).sitegen-previous"

        do {
            // Start from the build before the current output, kept beside it,
            // when its manifest says what each file holds: then only files
            // whose bytes changed are written. Else start from nothing.
            try? FileManager.default.removeItem(atPath: staging)
            var known = manifest(in: previous) ?? [:]
            if known.isEmpty || rename(previous, staging) != 0 {
                known = [:]
                try? FileManager.default.removeItem(atPath: previous)
                try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            }
            // From here the staging folder's manifest is no longer true.
            unlink(staging + "/" + markerFile)
            let paths = plan.sortedPaths
            let stamps = stampsOfFiles(plan, paths)
            let changed = paths.indices.filter { known[paths[$0].outputFile] != stamps[$0] }
            try writeFiles(changed.map { (staging + "/" + paths[$0].outputFile, plan.files[paths[$0]]!) })
            let stampByFile = Dictionary(uniqueKeysWithValues: zip(paths.map(\.outputFile), stamps))
            for file in known.keys.sorted() where stampByFile[file] == nil {
                unlink(staging + "/" + file)
                removeEmptyFolders(from: (file as NSString).deletingLastPathComponent, in: staging)
            }
            let lines = stampByFile.keys.sorted().map { "\(stampByFile[$0]!)\t\($0)\n" }
            try writeFile(staging + "/" + markerFile, Array((markerText + lines.joined()).utf8))
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw WriteError(description: "cannot write the site into '\(staging)': \(error)")
        }

        if FileManager.default.fileExists(atPath: output) {
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
            } else if rename(staging, previous) != 0 {
                // `staging` now holds the previous site: keep it for next time.
                try? FileManager.default.removeItem(atPath: staging)
            }
        } else {
            try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            guard rename(staging, output) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: staging)
                throw WriteError(description: "cannot create '\(output)': \(reason)")
            }
        }
    }

    /// What each file of an earlier output holds ("size:hash" by path), from
    /// its marker file; nil when the folder or its manifest is missing.
    static func manifest(in folder: String) -> [String: String]? {
        guard let bytes = try? FileBytes.read(folder + "/" + markerFile) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasPrefix(markerText) else { return nil }
        var entries: [String: String] = [:]
        for line in text.dropFirst(markerText.count).split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            entries[String(parts[1])] = String(parts[0])
        }
        return entries
    }

    /// "size:hash" of every file, in the order of `paths`.
    static func stampsOfFiles(_ plan: OutputPlan, _ paths: [SitePath]) -> [String] {
        Cores.map(paths) { path in
            let bytes = plan.files[path]!
            return "\(bytes.count):\(HashedAssets.hash64(bytes))"
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
    /// which makes writing thousands of pages slow for no gain here.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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
