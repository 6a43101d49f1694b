import CAtomicRename
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes an `OutputPlan` to the output folder, atomically: the new site is
/// written into a staging folder beside the output, then swapped in, so a
/// server never sees half a site and a failed build never touches the old one.
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

        do {
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            var madeFolders: Set<String> = [staging]
            for path in plan.sortedPaths {
                let file = staging + "/" + path.outputFile
                let folder = (file as NSString).deletingLastPathComponent
                if !madeFolders.contains(folder) {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    madeFolders.insert(folder)
                }
                try writeFile(file, plan.files[path]!)
            }
            try writeFile(staging + "/" + markerFile, Array(markerText.utf8))
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw WriteError(description: "cannot write the site into '\(staging)': \(error)")
        }

        if FileManager.default.fileExists(atPath: output) {
            // Swap in one step where the system can; otherwise two renames.
            if sitegen_exchange_paths(staging, output) != 0 {
                let old = parent + "/.\(name).sitegen-old"
                try? FileManager.default.removeItem(atPath: old)
                guard rename(output, old) == 0 else {
                    try? FileManager.default.removeItem(atPath: staging)
                    throw WriteError(description: "cannot replace '\(output)': \(String(cString: strerror(errno)))")
                }
                guard rename(staging, output) == 0 else {
                    let reason = String(cString: strerror(errno))
                    _ = rename(old, output)
                    throw WriteError(description: "cannot replace '\(output)': \(reason)")
                }
                try? FileManager.default.removeItem(atPath: old)
            } else {
                // `staging` now holds the previous site.
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

    /// Plain POSIX writes: Foundation's `Data.write` syncs every file to disk,
    /// which makes writing thousands of pages slow for no gain here.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
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
