#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading user files as raw bytes (decoding happens in `SourceText`), and
/// replacing one at once.
package enum FileBytes {
    /// A file that could not be read, with the system's reason.
    package struct ReadError: Error, CustomStringConvertible {
        package var path: String
        package var reason: String
        package var description: String { "cannot read '\(path)': \(reason)" }
    }

    /// A file that could not be replaced, with the system's reason.
    package struct WriteError: Error, CustomStringConvertible {
        package var path: String
        package var reason: String
        package var description: String { "cannot write '\(path)': \(reason)" }
    }

    /// The bytes of the file at `path`, or of standard input when `path` is nil.
    ///
    /// Only a regular file is read: a FIFO, socket or device in a site
    /// folder would block a build for ever, or never end. It is opened
    /// without blocking (which opening a FIFO otherwise does), and its type
    /// checked before any read.
    package static func read(_ path: String?) throws(ReadError) -> [UInt8] {
        let descriptor = path.map { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) } ?? STDIN_FILENO
        guard descriptor >= 0 else {
            throw ReadError(path: path ?? "<stdin>", reason: String(cString: strerror(errno)))
        }
        defer { if path != nil { close(descriptor) } }
        if let path {
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw ReadError(path: path, reason: "it is \(kind(of: info.st_mode)), not a regular file; sitegen reads only regular files")
            }
        }
        return try readAll(descriptor, path: path ?? "<stdin>")
    }

    /// Everything left to read from an open file.
    package static func readAll(_ descriptor: Int32, path: String) throws(ReadError) -> [UInt8] {
        var bytes: [UInt8] = []
        // Not zeroed: clearing 64 KB for each 3 KB page was 3 % of a link-heavy build.
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count = Glibc.read(descriptor, chunk.baseAddress, chunk.count)
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: String(cString: strerror(errno)))
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
    }

    /// What a file that is not a regular file is, in words.
    package static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFDIR: "a folder"
        default: "a special file"
        }
    }

    /// Replaces the file at `path` with `bytes` at once: they are written to
    /// a hidden file beside it, which takes the old file's permissions and
    /// then its place, so a reader never sees half a file. A symbolic link
    /// is followed (its target is replaced, the link stays).
    package static func replace(_ path: String, with bytes: [UInt8]) throws(WriteError) {
        let target = FilePaths.resolveLinks(path)
        func failure(_ reason: String = String(cString: strerror(errno))) -> WriteError {
            WriteError(path: path, reason: reason)
        }
        var info = stat()
        guard stat(target, &info) == 0 else { throw failure() }
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var template = Array("\(folder)/.\(name).sitegen-XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw failure() }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let error = failure()
                close(descriptor)
                unlink(temporary)
                throw error
            }
            written += count
        }
        _ = fchown(descriptor, info.st_uid, info.st_gid)
        guard fchmod(descriptor, info.st_mode & 0o7777) == 0, fsync(descriptor) == 0 else {
            let error = failure()
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, target) == 0 else {
            let error = failure()
            unlink(temporary)
            throw error
        }
    }
}
