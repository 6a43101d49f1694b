import SitegenKit
import SitegenSupport
import Synchronization

/// The pages a build before read, by file (`PageFacts` from its cache):
/// loading takes a page from here instead of reading its file when the
/// file is listed at the same version and path. Its body is read only if
/// the page renders; a file that changed or went away since it was
/// listed is then an error of the build, never a page rendered from a
/// text its facts do not describe.
final class KnownPages: Sendable {
    let facts: [String: PageFacts]
    private let problems = Mutex<[Diagnostic]>([])

    init(_ facts: [PageFacts]) {
        self.facts = Dictionary(facts.map { ($0.sourcePath, $0) }) { first, _ in first }
    }

    /// The known page of a listed file, read as `relativePath`; nil when
    /// it must be read (unknown, another version, read as another path, or
    /// changed too recently for its version to prove anything).
    func page(_ file: SiteLoader.ListedFile, display: String, relativePath: String, reader: SiteLoader.Reader,
              started: Int64) -> KnownPage? {
        guard let facts = facts[display], facts.relativePath == relativePath,
              let version = file.version, version.description == facts.version, !version.isRecent(since: started) else { return nil }
        let title = facts.metadata.title
        let body = DeferredText(path: display) { [self] in
            var problems: [Diagnostic] = []
            if let text = reader.text(file.absolutePath, display: display, into: &problems),
               FileVersion.of(file.absolutePath)?.description == facts.version,
               let body = SiteResolver.body(of: text, title: title) {
                return body
            }
            self.problems.withLock {
                $0 += problems
                $0.append(Diagnostic(.error, file: display, "the file changed while sitegen was building the site; build again"))
            }
            return SourceText("", path: display)
        }
        return KnownPage(metadata: facts.metadata, frontMatterYAML: facts.frontMatterYAML, frontMatterLine: facts.frontMatterLine,
                         diagnostics: facts.diagnostics, body: MarkdownBody(body))
    }

    /// The errors of bodies read so far.
    var diagnostics: [Diagnostic] { problems.withLock { $0 } }
}
