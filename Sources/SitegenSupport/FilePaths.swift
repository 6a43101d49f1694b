import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Paths on disk.
package enum FilePaths {
    /// The path with symbolic links followed (also a link whose target does
    /// not exist, which `resolvingSymlinksInPath` would leave as it is).
    package static func resolveLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { break }
            let base = (current as NSString).deletingLastPathComponent
            current = destination.hasPrefix("/") ? destination : base + "/" + destination
            current = URL(fileURLWithPath: current).standardizedFileURL.path
        }
        // Links in the folders above are resolved by the system.
        let folder = URL(fileURLWithPath: (current as NSString).deletingLastPathComponent).resolvingSymlinksInPath().path
        return folder + "/" + (current as NSString).lastPathComponent
    }

    /// The absolute path with `.` and `..` removed and every symbolic link
    /// followed, also in the folders above a part that does not exist yet
    /// (`resolvingSymlinksInPath` leaves `link/new` as it is): where a write
    /// to `path` would really land.
    package static func realPath(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL.path
        var missing: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                let tail = missing.reversed().joined(separator: "/")
                return tail.isEmpty ? base : (base == "/" ? "/" : base + "/") + tail
            }
            guard existing != "/", !existing.isEmpty else { return path }
            missing.append((existing as NSString).lastPathComponent)
            existing = (existing as NSString).deletingLastPathComponent
        }
    }

    /// Whether `path` is `folder` or inside it (both real paths).
    package static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// Folders of version control's own data: never files of a site. A CI
    /// checkout keeps its token there (actions/checkout writes it into
    /// `.git/config`), so a page including `/.git/config`, or `static`
    /// linked to `.git`, would publish it.
    package static let repositoryDataFolders: Set<Substring> = [".git", ".hg", ".svn", ".bzr", "_darcs", ".jj"]

    /// The version control folder (`.git`...) that `path`, inside `folder`,
    /// lies in, if any.
    package static func repositoryData(_ path: String, inside folder: String) -> Substring? {
        guard isInside(path, folder) else { return nil }
        let relative = path.dropFirst(folder == "/" ? 1 : folder.count + 1)
        return relative.split(separator: "/").first { repositoryDataFolders.contains($0) }
    }
}
