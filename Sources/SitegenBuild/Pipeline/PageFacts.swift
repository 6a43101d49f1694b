import SitegenKit
import SitegenSupport

/// What the build cache keeps of one page file (`KnownPage`), by the
/// file's version (`FileVersion`: device, inode, size, modification and
/// change time): a later build whose listing finds the file at the same
/// version makes its page from these facts without reading or parsing it
/// (reading and parsing every page was most of a one-page build). What a
/// page's facts are depends on its file and its path alone, so no setting,
/// template or included file changes them; those change what the page
/// renders to, which the rest of the cache handles.
///
/// A class: a build copies the facts of 20,000 pages several times (decoded,
/// loaded, kept, written), a retain each rather than one per string.
final class PageFacts: Sendable {
    /// The file, site-relative (`content/nl/a.md`).
    let sourcePath: String
    /// Its path in its language folder as read (`FolderPageName`: `README.md` read as `index.md`).
    let relativePath: String
    /// `FileVersion.description` as listed.
    let version: String
    /// The hash of its text (`BuildFingerprint.pageSources`).
    let sourceHash: String
    let metadata: PageMetadata
    let frontMatterYAML: String?
    let frontMatterLine: Int
    let diagnostics: [Diagnostic]
    /// Its lines in the cache it was read from, written again as they are.
    let encoded: ArraySlice<UInt8>?

    init(sourcePath: String, relativePath: String, version: String, sourceHash: String = "", metadata: PageMetadata,
         frontMatterYAML: String? = nil, frontMatterLine: Int = 1, diagnostics: [Diagnostic] = [], encoded: ArraySlice<UInt8>? = nil) {
        self.encoded = encoded
        self.sourcePath = sourcePath
        self.relativePath = relativePath
        self.version = version
        self.sourceHash = sourceHash
        self.metadata = metadata
        self.frontMatterYAML = frontMatterYAML
        self.frontMatterLine = frontMatterLine
        self.diagnostics = diagnostics
    }

    /// These facts with the hash of the file's text.
    func hashed(_ hash: String) -> PageFacts {
        hash == sourceHash ? self : PageFacts(sourcePath: sourcePath, relativePath: relativePath, version: version, sourceHash: hash,
                                              metadata: metadata, frontMatterYAML: frontMatterYAML, frontMatterLine: frontMatterLine,
                                              diagnostics: diagnostics)
    }

    /// The facts of each page file read and parsed by this build, from
    /// `cache` (which `SiteResolver.resolve` filled), with the facts of
    /// the pages it knew from the build before. Not those of files whose
    /// version proves nothing (`FileVersion.isRecent`) or that had errors.
    static func collect(_ source: SiteSource, listing: SiteLoader.Listing, read cache: SiteResolver.PageCache,
                        known: KnownPages?) -> [PageFacts] {
        // The listed versions of the files read (after one page changed, one file).
        let folder = SiteLayout.content("")
        let read = Set(source.pages.lazy.filter { $0.known == nil }.map { String($0.source.path.dropFirst(folder.count)) })
        var versions: [String: FileVersion] = [:]
        for file in listing.contentFiles where !read.isEmpty && read.contains(file.relativePath) {
            versions[folder + file.relativePath] = file.version
        }
        return source.pages.compactMap { file in
            let path = file.source.path
            if file.known != nil { return known?.facts[path] }
            guard let version = versions[path], !version.isRecent(since: listing.started),
                  let (page, diagnostics) = cache.read(path), let page else { return nil }
            let frontMatter = KnownPage.keepsFrontMatter(page.metadata) ? page.frontMatter : nil
            return PageFacts(sourcePath: path, relativePath: file.relativePath, version: version.description,
                             metadata: page.metadata, frontMatterYAML: frontMatter?.yaml, frontMatterLine: frontMatter?.line ?? 1,
                             diagnostics: diagnostics)
        }
    }
}
