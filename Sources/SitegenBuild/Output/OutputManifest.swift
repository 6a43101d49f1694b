import SitegenKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
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
    /// The stamp of the marker file as read; "" for a manifest not read.
    private(set) var fileStamp = ""

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
        fileStamp = Self.stamp(bytes)
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

    /// `isIntact`, and also not renamed into place, linked, or dated back
    /// since the marker was written: each of those sets the file's change
    /// time, which no one can set back. For the current output, whose files
    /// a build keeps without writing or linking them (`StagedOutput`).
    func isUntouched(_ info: stat?, stamp: String) -> Bool {
        guard isIntact(info, stamp: stamp), let changed = info?.st_ctim else { return false }
        return (changed.tv_sec, changed.tv_nsec) < (writtenAt.tv_sec, writtenAt.tv_nsec)
    }

    /// Whether `folder`, the folder this manifest was read from, holds
    /// nothing but the manifest's files: its top level lists only their
    /// first names and the marker, and no folder below has changed since
    /// the marker was written (adding, removing or renaming an entry changes
    /// a folder's time). A stat per folder, against a listing of each.
    func holdsOnlyItsFiles(_ folder: FolderHandle) -> Bool {
        var top: Set<Substring> = [Substring(SiteLayout.outputMarker)]
        var folders: Set<Substring> = []
        for file in stamps.keys {
            top.insert(file.prefix { $0 != "/" })
            var slash = file.lastIndex(of: "/")
            while let end = slash, folders.insert(file[..<end]).inserted {
                slash = file[..<end].lastIndex(of: "/")
            }
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path),
              Set(names.map { Substring($0) }) == top else { return false }
        return !Cores.map(Array(folders)) { below in
            guard let info = folder.status(String(below)), (info.st_mode & S_IFMT) == S_IFDIR else { return false }
            return (info.st_mtim.tv_sec, info.st_mtim.tv_nsec) < (writtenAt.tv_sec, writtenAt.tv_nsec)
        }.contains(false)
    }

    /// Sets the time of `folder`'s marker file again until it is after
    /// `time` (nanoseconds): file times come from a clock that ticks every
    /// few milliseconds, and a file as new as the marker is not trusted
    /// (`isIntact`); the files and folders the build wrote were all written
    /// by `time`.
    static func dateMarker(after time: Int64, in folder: FolderHandle) {
        for _ in 0..<50 {
            guard let info = folder.status(SiteLayout.outputMarker), FileVersion(info).modified <= time else { return }
            usleep(1_000)
            _ = utimensat(folder.descriptor, SiteLayout.outputMarker, nil, AT_SYMLINK_NOFOLLOW)
        }
    }

    /// The marker file's text: the header, then one line per file.
    var text: String {
        Self.header + stamps.keys.sorted().map { "\(stamps[$0]!)\t\($0)\n" }.joined()
    }
}
