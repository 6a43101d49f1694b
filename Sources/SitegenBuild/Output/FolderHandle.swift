import SitegenKit
import CAtomicRename
import SitegenSupport
#if canImport(Glibc)
import Glibc
#endif

/// A folder of the output side (the staging folder, the kept previous
/// output, their parent) opened once, and every write, rename and delete
/// inside it made relative to it, never through a symbolic link: a link
/// anyone put into the output (or in place of a folder of it) is replaced
/// or removed, never followed. A file that exists is replaced by a new
/// one renamed into its place, never rewritten in place, so a hard link to
/// an older file elsewhere (a `cp -al` snapshot) keeps its content.
final class FolderHandle: Sendable {
    let path: String
    let descriptor: Int32

    /// Opens the folder at `path`, which must be a folder, not a link to one.
    init(_ path: String) throws(OutputFolder.WriteError) {
        let descriptor = open(path, SiteFileReader.O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ELOOP || errno == ENOTDIR ? "it is not a folder (a symbolic link or a file stands there)" : String(cString: strerror(errno))
            throw OutputFolder.WriteError(description: "cannot open the folder '\(path)': \(reason)")
        }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    private func failure(_ relative: String, _ code: Int32 = errno) -> OutputFolder.WriteError {
        OutputFolder.WriteError(description: "\(path)/\(relative): \(String(cString: strerror(code)))")
    }

    /// A descriptor of the folder `relative` inside this one (this one's own
    /// for ""), to close unless it is `descriptor`.
    private func folder(_ relative: String) -> Int32 {
        relative.isEmpty ? descriptor : sitegen_open_beneath(descriptor, relative, SiteFileReader.O_PATH | O_DIRECTORY | O_CLOEXEC, 0)
    }

    private func split(_ relative: String) -> (folder: String, name: String) {
        guard let slash = relative.lastIndex(of: "/") else { return ("", relative) }
        return (String(relative[..<slash]), String(relative[relative.index(after: slash)...]))
    }

    /// `mkdir -p` inside the folder; a file or link where a folder belongs
    /// (left by an older build or put there by hand) is removed first.
    func makeFolder(_ relative: String) throws(OutputFolder.WriteError) {
        if makeBelowDeepestFolder(relative) { return }
        try makeFolderStepByStep(relative)
    }

    /// The usual case, in a number of lookups that does not grow with the
    /// depth: the folder, or all but its last few levels, exists. Finds the
    /// deepest folder of the path that exists (from the end) and makes the
    /// rest one level at a time below it. False when something other than
    /// a folder stands in the way (`makeFolderStepByStep` removes it).
    /// Checking every level from the top made a page 1,000 folders deep
    /// cost a million lookups.
    private func makeBelowDeepestFolder(_ relative: String) -> Bool {
        let parts = relative.split(separator: "/").map(String.init)
        var existing = parts.count
        var inside = descriptor
        while existing > 0 {
            let opened = folder(parts[0..<existing].joined(separator: "/"))
            if opened >= 0 { inside = opened; break }
            guard errno == ENOENT else { return false }
            existing -= 1
        }
        for (index, part) in parts[existing...].enumerated() {
            let created = mkdirat(inside, part, 0o755) == 0
            // The last folder, just made here: nothing but it can stand
            // there, so it is not opened to see (two of a cold build's ten
            // calls a page, opening and closing it).
            if created && existing + index == parts.count - 1 { break }
            let made = created || errno == EEXIST
            let next = made ? openat(inside, part, SiteFileReader.O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1
            if inside != descriptor { close(inside) }
            guard next >= 0 else { return false }
            inside = next
        }
        if inside != descriptor { close(inside) }
        return true
    }

    private func makeFolderStepByStep(_ relative: String) throws(OutputFolder.WriteError) {
        var current = ""
        for part in relative.split(separator: "/") {
            let parent = current
            current = current.isEmpty ? String(part) : current + "/" + part
            let existing = folder(current)
            if existing >= 0 {
                close(existing)
                continue
            }
            let missing = errno == ENOENT
            let inside = folder(parent)
            guard inside >= 0 else { throw failure(parent) }
            defer { if inside != descriptor { close(inside) } }
            if !missing { _ = sitegen_remove_tree_at(inside, String(part)) }
            if mkdirat(inside, String(part), 0o755) != 0 && errno != EEXIST { throw failure(current) }
        }
    }

    /// Writes `bytes` to `relative` (whose folder exists): created there
    /// when nothing stands at that name; otherwise written to a new file
    /// renamed into its place, so whatever stood there (a file, a link, a
    /// folder) is replaced, never written through. `durable` (for an
    /// author's own files, not the output): always a new file, which keeps
    /// the old one's mode and is on disk before the rename.
    func writeFile(_ relative: String, _ bytes: [UInt8], durable: Bool = false) throws(OutputFolder.WriteError) {
        let (folderPath, name) = split(relative)
        let inside = folder(folderPath)
        guard inside >= 0 else { throw failure(folderPath) }
        defer { if inside != descriptor { close(inside) } }
        // Nothing there yet (every file of a first build): a new file is
        // created in place, which no link can redirect (`O_EXCL` fails on
        // any name that exists, a dangling link too) and no other name of
        // an older file can see. A cold build's rename per file was a
        // third of its system time.
        let created = durable ? -1 : openat(inside, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if created >= 0 {
            if let error = write(bytes, to: created, relative) {
                close(created)
                unlinkat(inside, name, 0)
                throw error
            }
            close(created)
            return
        }
        guard durable || errno == EEXIST else { throw failure(relative) }
        var temporary = ""
        var file: Int32 = -1
        for _ in 0..<8 where file < 0 {
            temporary = ".\(name).sitegen-new-\(UInt32.random(in: 0...UInt32.max))"
            file = openat(inside, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if file < 0 && errno != EEXIST { break }
        }
        guard file >= 0 else { throw failure(relative) }
        if let error = write(bytes, to: file, relative) {
            close(file)
            unlinkat(inside, temporary, 0)
            throw error
        }
        if durable {
            var old = stat()
            if fstatat(inside, name, &old, AT_SYMLINK_NOFOLLOW) == 0 { _ = fchmod(file, old.st_mode & 0o7777) }
            if fsync(file) != 0 {
                let error = failure(relative)
                close(file)
                unlinkat(inside, temporary, 0)
                throw error
            }
        }
        close(file)
        if renameat(inside, temporary, inside, name) != 0 {
            // A folder in the file's place goes first.
            if errno == EISDIR || errno == ENOTEMPTY || errno == EEXIST, sitegen_remove_tree_at(inside, name) == 0,
               renameat(inside, temporary, inside, name) == 0 {
                return
            }
            let error = failure(relative)
            unlinkat(inside, temporary, 0)
            throw error
        }
    }

    /// Writes all of `bytes` to the open `file`; the error, if any.
    private func write(_ bytes: [UInt8], to file: Int32, _ relative: String) -> OutputFolder.WriteError? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(file, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return failure(relative)
            }
            offset += written
        }
        return nil
    }

    /// Makes `relative` (whose folder exists here) a hard link to the file
    /// at the same path in `other`, replacing whatever stood here; a link
    /// there is linked as a link, never followed (the caller checks what it
    /// got with `status`). False when the system cannot (another file
    /// system, say).
    func link(_ relative: String, from other: FolderHandle) -> Bool {
        let (folderPath, name) = split(relative)
        let source = other.folder(folderPath)
        guard source >= 0 else { return false }
        defer { if source != other.descriptor { close(source) } }
        let inside = folder(folderPath)
        guard inside >= 0 else { return false }
        defer { if inside != descriptor { close(inside) } }
        let temporary = ".\(name).sitegen-new-\(UInt32.random(in: 0...UInt32.max))"
        guard linkat(source, name, inside, temporary, 0) == 0 else { return false }
        if renameat(inside, temporary, inside, name) != 0 {
            unlinkat(inside, temporary, 0)
            return false
        }
        return true
    }

    /// What stands at `relative`, not following a link anywhere on the way;
    /// nil when nothing does (or a link is on the way).
    func status(_ relative: String) -> stat? {
        let (folderPath, name) = split(relative)
        let inside = folder(folderPath)
        guard inside >= 0 else { return nil }
        defer { if inside != descriptor { close(inside) } }
        var info = stat()
        return fstatat(inside, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
    }

    /// Removes `relative` and everything in it, never following a link.
    @discardableResult
    func remove(_ relative: String) -> Bool {
        let (folderPath, name) = split(relative)
        let inside = folder(folderPath)
        guard inside >= 0 else { return errno == ENOENT }
        defer { if inside != descriptor { close(inside) } }
        return sitegen_remove_tree_at(inside, name) == 0
    }

    /// Removes the folder `relative` when it is empty; false otherwise.
    func removeIfEmpty(_ relative: String) -> Bool {
        let (folderPath, name) = split(relative)
        let inside = folder(folderPath)
        guard inside >= 0 else { return false }
        defer { if inside != descriptor { close(inside) } }
        return unlinkat(inside, name, AT_REMOVEDIR) == 0
    }

    /// Removes every entry below `relative` whose path is not in `wanted`
    /// (and anything not a regular file or folder), and folders left empty;
    /// true when the folder is now empty.
    func prune(below relative: String = "", keeping wanted: Set<String>) -> Bool {
        let listing = relative.isEmpty
            ? openat(descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            : sitegen_open_beneath(descriptor, relative, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        guard listing >= 0, let entries = fdopendir(listing) else {
            if listing >= 0 { close(listing) }
            return false
        }
        var names: [String] = []
        while let entry = readdir(entries) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        var kept = 0
        for name in names {
            let path = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard fstatat(listing, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if prune(below: path, keeping: wanted), unlinkat(listing, name, AT_REMOVEDIR) == 0 { continue }
            } else if !wanted.contains(path) || (info.st_mode & S_IFMT) != S_IFREG {
                if unlinkat(listing, name, 0) == 0 { continue }
            }
            kept += 1
        }
        closedir(entries)
        return kept == 0
    }
}
