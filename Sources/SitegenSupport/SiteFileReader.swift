#if canImport(Glibc)
import Glibc
#endif

/// Reads a file of a site folder, which may come from anyone: the file is
/// read only when the file really opened lies inside the site folder, and
/// is a regular file. Every read of `content/`, `templates/`, `static/`
/// and `sitegen.yml` goes through `read(_:inside:)`, and so should any
/// new reader of site files (Markdown includes, say).
///
/// The check is made on the open file, not on its path: the path is
/// opened once (`O_PATH`, which opens no device and waits on no FIFO),
/// the kernel says which file that is (`/proc/self/fd`), and that very
/// file is then opened for reading. A link flipped between a check and a
/// read, `static -> ~/.ssh` or `static -> /proc/self`, can never lead a
/// read out of the site.
///
/// A hard link has no real path to check: `static/key` may be another
/// name of `~/.ssh/id_ed25519`. A file with more than one name is read
/// only when the caller found all of them in the site (`namesInside`);
/// otherwise it cannot be told from a file outside the site.
package enum SiteFileReader {
    /// The bytes of the file at `path`, when its real path is inside `folder`
    /// (a real path: `FilePaths.realPath`), it is a regular file, and it has
    /// no more names (hard links) than `namesInside` counted in the site
    /// (one when it has no entry).
    package static func read(_ path: String, inside folder: String,
                            namesInside: [FileIdentity: Int] = [:]) throws(FileBytes.ReadError) -> [UInt8] {
        func failure(_ reason: String = String(cString: strerror(errno))) -> FileBytes.ReadError {
            FileBytes.ReadError(path: path, reason: reason)
        }
        let handle = open(path, O_PATH | O_CLOEXEC)
        guard handle >= 0 else { throw failure() }
        defer { close(handle) }
        let handlePath = "/proc/self/fd/\(handle)"
        guard let real = linkTarget(handlePath) else { throw failure("cannot tell where it leads (is /proc mounted?)") }
        guard FilePaths.isInside(real, folder) else {
            throw failure("it leads out of the site folder (to '\(real)'); sitegen reads only files inside the site folder")
        }
        if let data = FilePaths.repositoryData(real, inside: folder) {
            throw failure("it is in \(data)/, version control's own data, which may hold credentials (a CI checkout's token is in .git/config); sitegen never reads it")
        }
        var info = stat()
        guard fstat(handle, &info) == 0 else { throw failure() }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw failure("it is \(FileBytes.kind(of: info.st_mode)), not a regular file; sitegen reads only regular files")
        }
        let found = namesInside[FileIdentity(info), default: 1]
        guard Int(info.st_nlink) <= found else {
            throw failure("it is a hard link: the file has \(info.st_nlink) names and only \(found) of them are in the site's folders, "
                + "so it may be a file from outside the site; sitegen reads it only as a file of its own (cp FILE FILE.new && mv FILE.new FILE)")
        }
        // The same file, now for reading.
        let descriptor = open(handlePath, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw failure() }
        defer { close(descriptor) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0, opened.st_dev == info.st_dev, opened.st_ino == info.st_ino else {
            throw failure("the file changed while it was opened")
        }
        return try FileBytes.readAll(descriptor, path: path)
    }

    /// Linux's `O_PATH` (the same on x86-64 and ARM64), which Swift's Glibc
    /// module leaves out.
    package static let O_PATH: Int32 = 0o10_000_000

    /// Where a symbolic link (here one of /proc/self/fd) points.
    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
