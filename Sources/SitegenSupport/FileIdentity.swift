#if canImport(Glibc)
import Glibc
#endif

/// A file as the system knows it, whatever its name: every hard link to
/// one file has the same identity.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    public init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
