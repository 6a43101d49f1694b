import Foundation

/// Notices changed files in a site folder (`sitegen.yml`, `content/`,
/// `templates/`) by comparing snapshots of their sizes and modification
/// times. Polling is portable and, for a few thousand files, cheap.
public struct SourceWatcher: Sendable {
    public struct Stamp: Sendable, Hashable {
        var size: UInt64
        var modified: Double
    }

    public let root: String
    public private(set) var snapshot: [String: Stamp] = [:]

    public init(root: String) {
        self.root = root
        self.snapshot = SourceWatcher.scan(root)
    }

    /// The site-relative paths of files added, removed or changed since the
    /// last call (or since `init`).
    public mutating func changes() -> Set<String> {
        let now = SourceWatcher.scan(root, expectedCount: snapshot.count)
        var changed: Set<String> = []
        for (path, stamp) in now where snapshot[path] != stamp { changed.insert(path) }
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
    static func scan(_ root: String, expectedCount: Int = 0) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        stamps.reserveCapacity(expectedCount)
        // Folders already walked (device, inode): a symbolic link to a folder
        // above it must not loop.
        var walked: Set<[UInt64]> = []
        func stamp(_ relative: String, in folder: OpaquePointer? = nil, name: UnsafePointer<CChar>? = nil) -> Bool? {
            var info = stat()
            if let folder, let name {
                guard fstatat(dirfd(folder), name, &info, 0) == 0 else { return nil }
            } else {
                guard stat(root + "/" + relative, &info) == 0 else { return nil }
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                return walked.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted
            }
            stamps[relative] = Stamp(size: UInt64(info.st_size),
                                     modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
            return false
        }
        _ = stamp(SiteConfig.fileName)
        var pending = ["content", "templates"].filter { stamp($0) == true }
        while let folder = pending.popLast() {
            guard let directory = opendir(root + "/" + folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    // Not "." and "..", the folder itself and its parent.
                    if bytes[0] == UInt8(ascii: "."), bytes[1] == 0 || (bytes[1] == UInt8(ascii: ".") && bytes[2] == 0) { return }
                    let name = bytes.bindMemory(to: CChar.self).baseAddress!
                    let relative = folder + "/" + String(cString: name)
                    if stamp(relative, in: directory, name: name) == true { pending.append(relative) }
                }
            }
        }
        return stamps
    }
}
