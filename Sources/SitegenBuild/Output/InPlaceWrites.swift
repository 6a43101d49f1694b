import SitegenKit
import SitegenSupport
import Foundation

/// The files of a build expected to change few (an incremental build that
/// renders some pages) that differ from the current output, held in memory
/// and written into the current output itself at commit, each a new file
/// renamed into place (`FolderHandle.writeFile`), instead of linking every
/// other file into a staging folder and swapping it in. A build of
/// 2 × 2,000 pages with one page changed spent 60 % of its time making the
/// staging folder's 4,000 folders and links. `StagedOutput` holds one when
/// asked to (`writeInPlace`), and stages the held files after all once they
/// pass `limit`. Not for a build with search (Pagefind indexes a whole folder).
struct InPlaceWrites: Sendable {
    /// How many files, and bytes, a build writes into the current output
    /// at most; past either, it stages (a change that large is a new site,
    /// which readers should see whole, and memory is for rendering).
    static let limit = (files: 500, bytes: 32 << 20)

    /// The held files' bytes, by output file.
    private(set) var files: [String: [UInt8]] = [:]
    private var byteCount = 0

    var isEmpty: Bool { files.isEmpty }

    /// Holds one file; false once the held files pass `limit`.
    mutating func hold(_ file: String, _ bytes: [UInt8]) -> Bool {
        files[file] = bytes
        byteCount += bytes.count
        return files.count <= Self.limit.files && byteCount <= Self.limit.bytes
    }

    /// Changes the current output in `folder` into this build's: the held
    /// files written (each a new file renamed into place), the files it no
    /// longer has removed, then the manifest. Until the manifest is written,
    /// every file written or removed is newer than the old manifest's
    /// marker, which so vouches for none of them: a build killed on the way
    /// leaves an output the next build mends, never one whose manifest lies.
    /// Returns the stamp of the manifest written.
    func commit(stamps: [String: String], into folder: FolderHandle,
                over manifest: OutputManifest) throws(OutputFolder.WriteError) -> String {
        // Checked before this build changes folders' times.
        let onlyItsFiles = manifest.holdsOnlyItsFiles(folder)
        do {
            for (file, bytes) in files.sorted(by: { $0.key < $1.key }) {
                let parent = (file as NSString).deletingLastPathComponent
                if !parent.isEmpty { try folder.makeFolder(parent) }
                try folder.writeFile(file, bytes)
            }
            for file in manifest.stamps.keys where stamps[file] == nil {
                folder.remove(file)
                removeEmptyFolders(above: file, in: folder)
            }
            if !onlyItsFiles { _ = folder.prune(keeping: Set(stamps.keys).union([SiteLayout.outputMarker])) }
            let written = FileVersion.now()
            let text = Array(OutputManifest(stamps: stamps).text.utf8)
            try folder.writeFile(SiteLayout.outputMarker, text)
            OutputManifest.dateMarker(after: written, in: folder)
            return OutputManifest.stamp(text)
        } catch {
            throw OutputFolder.WriteError(description: "cannot write the site into '\(folder.path)': \(error); build again")
        }
    }

    /// Removes the folders above `file` left empty, up to the top.
    private func removeEmptyFolders(above file: String, in folder: FolderHandle) {
        var parent = (file as NSString).deletingLastPathComponent
        while !parent.isEmpty, folder.removeIfEmpty(parent) {
            parent = (parent as NSString).deletingLastPathComponent
        }
    }
}
