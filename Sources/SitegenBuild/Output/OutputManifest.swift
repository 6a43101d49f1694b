import SitegenKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SitegenSupport

/// What each file of a build holds ("size:hash" by path), kept in the
/// output's marker file so the next build can write only the files whose
/// bytes changed.
///
/// A manifest is a claim, not a fact: a person or a program may have edited,
/// replaced or deleted a file since. A file is trusted only while it is
/// still a regular file of the recorded size, modified before the marker
/// file, which each build writes after all of its files. Editing a file
/// makes it at least as new as the marker, so it is written again. (File
/// times tick in steps of a few milliseconds: a file written in the same
/// step as the marker is written again too, which costs little.) (A tool
/// that sets an old modification time on purpose, or a clock set back, can
/// still hide an edit of the same size; a new `sitegen build` after deleting
/// the output always starts clean.) The marker holds no times itself, so
/// two builds of one site stay byte-identical.
struct OutputManifest {
    static let header = "This folder is written by sitegen and replaced on every build.\n"

    /// "size:hash" by output file.
    var stamps: [String: String] = [:]
    /// When the marker file was written: a trusted file is older.
    var writtenAt = timespec()

    init(stamps: [String: String]) {
        self.stamps = stamps
    }

    /// The manifest of `folder`'s marker file; nil when missing or unreadable
    /// (then nothing in the folder is trusted).
    init?(in folder: String) {
        let path = folder + "/" + SiteLayout.outputMarker
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let bytes = try? FileBytes.read(path) else { return nil }
        writtenAt = info.st_mtim
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasPrefix(Self.header) else { return nil }
        for line in text.dropFirst(Self.header.count).split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            stamps[String(parts[1])] = String(parts[0])
        }
    }

    /// "size:hash" of bytes.
    static func stamp(_ bytes: [UInt8]) -> String {
        "\(bytes.count):\(FNV1a.hex(bytes))"
    }

    /// Whether the file described by `info` (its `lstat`) may be trusted to
    /// hold what `stamp` says.
    func isIntact(_ info: stat?, stamp: String) -> Bool {
        guard let size = Int(stamp.prefix { $0 != ":" }), let info,
              (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == size else { return false }
        let modified = info.st_mtim
        return (modified.tv_sec, modified.tv_nsec) < (writtenAt.tv_sec, writtenAt.tv_nsec)
    }

    /// The marker file's text: the header, then one line per file.
    var text: String {
        Self.header + stamps.keys.sorted().map { "\(stamps[$0]!)\t\($0)\n" }.joined()
    }
}
