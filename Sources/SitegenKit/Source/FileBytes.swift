#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading user files as raw bytes (decoding happens in `SourceText`), and
/// replacing one at once.
public enum FileBytes {
    /// A file that could not be read, with the system's reason.
    public struct ReadError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot read '\(path)': \(reason)" }
    }

    /// A file that could not be replaced, with the system's reason.
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write '\(path)': \(reason)" }
    }

    /// The bytes of the file at `path`, or of standard input when `path` is nil.
    public static func read(_ path: String?) throws(ReadError) -> [UInt8] {
        let descriptor = path.map { open($0, O_RDONLY) } ?? STDIN_FILENO
        guard descriptor >= 0 else {
            throw ReadError(path: path ?? "<stdin>", reason: String(cString: strerror(errno)))
        }
        defer { if path != nil { close(descriptor) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path ?? "<stdin>", reason: String(cString: strerror(errno)))
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Replaces the file at `path` with `bytes` at once: they are written to
    /// a hidden file beside it, which takes the old file's permissions and
    /// then its place, so a reader never sees half a file. A symbolic link
    /// is followed (its target is replaced, the link stays).
    public static func replace(_ path: String, with bytes: [UInt8]) throws(WriteError) {
        let target = SiteLoader.resolveLinks(path)
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
