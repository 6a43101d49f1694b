import SitegenKit
import Foundation
import Synchronization
import SitegenSupport
import SitegenMarkdown

/// The files pages include (`--8<--`, `{* *}`, `{{< include >}}`,
/// `{{< code >}}`), read when a page being rendered asks for one, once per
/// build, through `read` alone.
///
/// Read on demand rather than by `SiteLoader`: which files a page includes
/// is known only once its Markdown is read (and included files include
/// others), and a site that includes nothing pays nothing.
///
/// A path is looked for beside the including file, then from the site
/// folder (a leading `/` means the site folder). Whatever the spelling, it
/// may not leave the site folder, by `..` or by a symbolic link. The page
/// depends on the places passed over too (`passedOver`): a file made there
/// later is what the next build includes, even outside `content/`.
package final class IncludedFiles: IncludeSource {
    /// The largest file a page may include: a larger one is an error, not
    /// a page that takes minutes to render.
    static let sizeLimit = 8 * 1024 * 1024

    /// The site folder, absolute and with its links resolved.
    let root: String
    private let cache = Mutex<[String: IncludedText]>([:])

    package init(root: String) {
        self.root = FilePaths.resolveLinks(root)
    }

    /// The text of `written`, included from the file `from` (site-relative).
    package func text(_ written: String, from including: String) -> IncludedText {
        let folder = including.split(separator: "/").dropLast().map(String.init)
        let asWritten = written.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var candidates: [[String]] = written.hasPrefix("/") ? [] : [folder + asWritten]
        candidates.append(asWritten)
        var lookedFor: [String] = []
        for candidate in candidates {
            guard let relative = LinkResolver.normalize(candidate), !relative.isEmpty else {
                return .refused("included file '\(written)' is outside the site folder; include files of the site only" + hint(asWritten))
            }
            if lookedFor.contains(relative) { continue }
            lookedFor.append(relative)
            if FileManager.default.fileExists(atPath: root + "/" + relative) {
                let loaded = load(relative, written: written)
                guard case .found(let text, _) = loaded else { return loaded }
                return .found(text, passedOver: Array(lookedFor.dropLast()))
            }
        }
        return .refused("included file '\(written)' does not exist (looked for \(LinkResolver.list(lookedFor)))" + hint(asWritten))
    }

    /// A path written from another tool's folder: FastAPI's docs write
    /// `{* ../../docs_src/app.py *}` from the folder of `mkdocs.yml`, 5,551
    /// times in 13 languages. When the path without its leading `..` is a
    /// file of the site, the error says so (it is never read in its place:
    /// what a page includes is what it wrote).
    private func hint(_ asWritten: [String]) -> String {
        let rest = Array(asWritten.drop { $0 == ".." || $0 == "." })
        guard rest.count < asWritten.count, let relative = LinkResolver.normalize(rest), !relative.isEmpty,
              FileManager.default.fileExists(atPath: root + "/" + relative) else { return "" }
        return "; '/\(relative)' is a file of the site: write that (a path from the site folder starts with '/')"
    }

    private func load(_ relative: String, written: String) -> IncludedText {
        if let known = cache.withLock({ $0[relative] }) { return known }
        let result: IncludedText
        do {
            let bytes = try IncludedFiles.read(root + "/" + relative, inside: root)
            result = .found(try SourceText(decoding: bytes, path: relative))
        } catch let error as IncludeError {
            result = .refused("cannot include '\(written)': \(error.message)")
        } catch let error as DiagnosticError {
            result = .refused("cannot include '\(written)': " + (error.diagnostics.first.map { "\($0.place): \($0.message)" } ?? "not UTF-8 text"))
        } catch {
            result = .refused("cannot include '\(written)': \(error)")
        }
        cache.withLock { $0[relative] = result }
        return result
    }

    struct IncludeError: Error {
        var message: String
    }

    /// The one place an included file is read: only a regular file (a FIFO
    /// would never end), only inside the site folder once links are
    /// resolved, and only up to `sizeLimit` bytes.
    static func read(_ path: String, inside root: String) throws -> [UInt8] {
        let resolved = FilePaths.resolveLinks(path)
        guard resolved.hasPrefix(root + "/") else {
            throw IncludeError(message: "it is a symbolic link that leads out of the site folder")
        }
        var info = stat()
        guard stat(resolved, &info) == 0 else { throw IncludeError(message: "cannot read it") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw IncludeError(message: "it is not a regular file") }
        guard Int(info.st_size) <= sizeLimit else {
            throw IncludeError(message: "it has \(Int(info.st_size) / 1_048_576) MB; an included file may have at most \(sizeLimit / 1_048_576) MB")
        }
        do {
            // Checked again at open time: a link flipped since the checks above cannot lead out.
            return try SiteFileReader.read(path, inside: root)
        } catch {
            throw IncludeError(message: "cannot read it (\(error.reason))")
        }
    }
}
