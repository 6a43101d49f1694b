import Foundation
import SitegenKit

/// Notices changed files in a site folder (`sitegen.yml`, `content/`,
/// `templates/`) by comparing snapshots of their sizes and modification
/// times. Polling is portable and, for a few thousand files, cheap.
package struct SourceWatcher: Sendable {
    package struct Stamp: Sendable, Hashable {
        var size: UInt64
        var modified: Double
    }

    package let root: String
    package private(set) var snapshot: [String: Stamp] = [:]
    /// Files outside the watched folders that pages include (`docs_src/app.py`),
    /// site-relative; watched too from the next look on.
    package var alsoWatched: Set<String> = []
    /// `alsoWatched` at the last look: a file first looked at is not a change.
    private var watchedBefore: Set<String> = []

    package init(root: String) {
        // Links are judged against the real path of the site folder.
        self.root = realpath(root, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? root
        self.snapshot = SourceWatcher.scan(self.root) ?? [:]
    }

    /// The site-relative paths of files added, removed or changed since the
    /// last call (or since `init`).
    package mutating func changes() -> Set<String> {
        // A scan that could not list a folder (no file descriptors left)
        // says nothing: its missing files were not removed.
        guard let now = SourceWatcher.scan(root, expectedCount: snapshot.count, also: alsoWatched) else { return [] }
        var changed: Set<String> = []
        let newlyWatched = alsoWatched.subtracting(watchedBefore)
        watchedBefore = alsoWatched
        for (path, stamp) in now where snapshot[path] != stamp && !(snapshot[path] == nil && newlyWatched.contains(path)) {
            changed.insert(path)
        }
        for path in snapshot.keys where now[path] == nil { changed.insert(path) }
        snapshot = now
        return changed
    }

    /// Sizes and modification times of every file, read with plain POSIX
    /// calls: Foundation's `attributesOfItem` opens each file and lists its
    /// extended attributes, which makes a scan of 10,000 files take a third
    /// of a second instead of a few milliseconds. Entries are looked up in
    /// their open folder (`fstatat`), so the system does not walk every
    /// path from the site folder down.
    ///
    /// Nothing is opened but folders: a FIFO or a device is only looked at
    /// (`fstatat`), never read. A symbolic link is followed only when it
    /// stays inside its top folder (`content/` or `templates/`), as the
    /// loader does; a link out of it (to `/`, say) is recorded as the link
    /// itself, so adding or removing it still rebuilds (and the loader
    /// reports it), but what it points to is never walked.
    ///
    /// - Returns: nil when a folder could not be listed for lack of file
    ///   descriptors or memory.
    static func scan(_ root: String, expectedCount: Int = 0, also: Set<String> = []) -> [String: Stamp]? {
        var stamps: [String: Stamp] = [:]
        stamps.reserveCapacity(expectedCount)
        // Folders already walked (device, inode): a symbolic link to a folder
        // above it must not loop.
        var walked: Set<[UInt64]> = []
        func record(_ relative: String, _ info: stat) -> Bool {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                return walked.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted
            }
            stamps[relative] = Stamp(size: UInt64(info.st_size),
                                     modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
            return false
        }
        /// Whether `relative` is a folder to walk; records it if it is a file.
        func stamp(_ relative: String, in folder: OpaquePointer? = nil, name: UnsafePointer<CChar>? = nil) -> Bool {
            var info = stat()
            if let folder, let name {
                guard fstatat(dirfd(folder), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
            } else {
                guard lstat(root + "/" + relative, &info) == 0 else { return false }
            }
            guard (info.st_mode & S_IFMT) == S_IFLNK else { return record(relative, info) }
            // A link: followed only when it leads to a place inside its top folder.
            // sitegen.yml may lead anywhere in the site; the others inside their top folder.
            let top = relative == SiteLayout.configFile ? root : root + "/" + (relative.split(separator: "/").first.map(String.init) ?? relative)
            var target = stat()
            guard let resolved = realpath(root + "/" + relative, nil) else { return record(relative, info) }
            let path = String(cString: resolved)
            free(resolved)
            guard path.hasPrefix(top + "/") || path == top,
                  stat(path, &target) == 0 else { return record(relative, info) }
            return record(relative, target)
        }
        _ = stamp(SiteLayout.configFile)
        for file in also.sorted() where !file.contains("..") {
            _ = stamp(file)
        }
        var pending: [String] = []
        for top in SiteLayout.sourceFolders {
            var info = stat()
            // The top folders themselves may be links (anywhere): the loader reads them.
            if stat(root + "/" + top, &info) == 0, record(top, info) { pending.append(top) }
        }
        while let folder = pending.popLast() {
            guard let directory = opendir(root + "/" + folder) else {
                if errno == EMFILE || errno == ENFILE || errno == ENOMEM { return nil }
                continue
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    // Not "." and "..", the folder itself and its parent.
                    if bytes[0] == UInt8(ascii: "."), bytes[1] == 0 || (bytes[1] == UInt8(ascii: ".") && bytes[2] == 0) { return }
                    let name = bytes.bindMemory(to: CChar.self).baseAddress!
                    let relative = folder + "/" + String(cString: name)
                    if stamp(relative, in: directory, name: name) { pending.append(relative) }
                }
            }
        }
        return stamps
    }
}
