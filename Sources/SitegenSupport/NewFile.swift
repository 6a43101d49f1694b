#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a file that must not exist yet (what `sitegen init` and `sitegen
/// new` write): its folders are made as needed, and an existing file is
/// never replaced, even one that appeared since it was looked for.
package enum NewFile {
    package static func create(_ path: String, with bytes: [UInt8]) throws(FileBytes.WriteError) {
        func failure(_ reason: String = String(cString: strerror(errno))) -> FileBytes.WriteError {
            FileBytes.WriteError(path: path, reason: reason)
        }
        try makeFolders(for: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(errno == EEXIST ? "it already exists" : String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw failure() }
            written += count
        }
    }

    /// Makes every folder above `path` that does not exist.
    static func makeFolders(for path: String) throws(FileBytes.WriteError) {
        var folder = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/").dropLast() {
            folder += "/" + part
            if mkdir(folder, 0o755) != 0 && errno != EEXIST {
                throw FileBytes.WriteError(path: folder, reason: String(cString: strerror(errno)))
            }
        }
    }
}
