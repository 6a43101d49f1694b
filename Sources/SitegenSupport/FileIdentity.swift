#if canImport(Glibc)
import Glibc
#endif

/// A file as the system knows it, whatever its name: every hard link to
/// one file has the same identity.
package struct FileIdentity: Hashable, Sendable {
    package var device: UInt64
    package var inode: UInt64

    package init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
