import SitegenSupport
/// A page's Markdown body: the file's text from where its front matter
/// ends, with the front matter's lines left as empty lines so line numbers
/// stay the file's.
///
/// Kept as the whole file and the place the body starts, and made into text
/// only when asked for (once per page, when it renders): the loaded file and
/// its page then share one string. A copy per page held every site's
/// Markdown twice, 0.6 GB of a 2 GB peak on 2 × 100,000 pages.
package struct MarkdownBody: Sendable, Hashable {
    /// The whole file.
    let file: SourceText
    /// Where the body starts in `file.text`.
    let start: String.Index
    /// How many empty lines stand for the front matter.
    let blankLines: Int
    /// A body whose file was not read (`KnownPage`): read when asked for.
    let deferred: DeferredText?

    /// A body that is all of `text` (a file without front matter, or a
    /// generated page).
    package init(_ text: SourceText) {
        file = text
        start = text.text.startIndex
        blankLines = 0
        deferred = nil
    }

    init(file: SourceText, start: String.Index, blankLines: Int) {
        self.file = file
        self.start = start
        self.blankLines = blankLines
        deferred = nil
    }

    /// A body made by `deferred` each time it is asked for (a page that
    /// renders asks once); `file` stands empty for it until then.
    package init(_ deferred: DeferredText) {
        file = SourceText("", path: deferred.path)
        start = file.text.startIndex
        blankLines = 0
        self.deferred = deferred
    }

    package var source: SourceText {
        if let deferred { return deferred.read() }
        if blankLines == 0 && start == file.text.startIndex { return file }
        return SourceText(normalized: String(repeating: "\n", count: blankLines) + file.text[start...], path: file.path)
    }
}

/// A text made only when it is needed, by reading a file: the body of a
/// page whose facts a build before kept (`KnownPage`). Equal only to itself.
package final class DeferredText: Sendable, Hashable {
    /// The file's site-relative path (for diagnostics).
    package let path: String
    package let read: @Sendable () -> SourceText

    package init(path: String, read: @escaping @Sendable () -> SourceText) {
        self.path = path
        self.read = read
    }

    package static func == (lhs: DeferredText, rhs: DeferredText) -> Bool { lhs === rhs }
    package func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
