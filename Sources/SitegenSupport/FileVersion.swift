#if canImport(Glibc)
import Glibc
#endif

/// One version of a file, as the system tells it without reading it: its
/// identity (device, inode), size, and modification and change times in
/// nanoseconds. Writing, replacing (another inode), renaming into place,
/// linking and dating back all change at least one of them; the change
/// time cannot be set back by anyone. Two equal versions are the same
/// bytes, unless the file changed within one tick of the system's clock
/// after it was looked at (`isRecent`), as for git's "racily clean" files.
package struct FileVersion: Hashable, Sendable, CustomStringConvertible {
    package var device: UInt64
    package var inode: UInt64
    package var size: Int64
    /// Modification time, nanoseconds since 1970.
    package var modified: Int64
    /// Change time (of the inode: written, renamed, linked, dated), nanoseconds since 1970.
    package var changed: Int64

    package init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Self.nanoseconds(info.st_mtim)
        changed = Self.nanoseconds(info.st_ctim)
    }

    /// The version of the file at `path` (links followed); nil when there is none.
    package static func of(_ path: String) -> FileVersion? {
        var info = stat()
        return stat(path, &info) == 0 ? FileVersion(info) : nil
    }

    /// The wall clock now, nanoseconds since 1970.
    package static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return nanoseconds(time)
    }

    /// File times come from a coarse clock (a tick of up to 10 ms behind
    /// the precise one): a file written in the tick a build looked at it
    /// may have the same times before and after the write. Such a file
    /// is "recent" for a build that started at `start`, and its version
    /// proves nothing (the next build reads it).
    package func isRecent(since start: Int64) -> Bool {
        max(modified, changed) >= start - Self.clockTick
    }

    /// More than the coarse clock's tick (4 ms at 250 Hz, 10 ms at 100 Hz).
    static let clockTick: Int64 = 50_000_000

    package var description: String {
        "\(device) \(inode) \(size) \(modified) \(changed)"
    }

    private static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

extension FNV1a.Running {
    /// Adds a version's numbers ("-" for none).
    package mutating func add(_ version: FileVersion?) {
        guard let version else { return add("-") }
        withUnsafeBytes(of: (version.device, version.inode, version.size, version.modified, version.changed)) { add($0) }
    }
}
