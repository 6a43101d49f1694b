import Foundation

/// How Pagefind is run over a site: once per language, one after another,
/// when each language's pages are in folders of their own (sitegen's
/// layout: `nl/`, `en/`, and a few files at the root); else once over the
/// whole site.
///
/// Pagefind holds every page it has parsed in memory until it writes the
/// index, so one run per language holds one language at a time: on
/// 2 × 10,000 pages, one run over the site peaked at 1,455 MB, the larger
/// of the two runs at 946 MB, for the same CPU (BENCHMARKS.md). Each run
/// writes that language's files byte for byte as one run over the site
/// does; the one file they share, `pagefind-entry.json`, is merged
/// (`SearchIndexer`).
///
/// One run over the site is kept whenever a run per language could index
/// differently: a page without a `lang` (Pagefind adds those to the
/// language with the most pages), a folder holding two languages, a name
/// a glob would read as a pattern, or `data-pagefind-body` in some
/// languages and not others (Pagefind decides per run whether it limits
/// what is indexed).
package enum SearchRuns {
    /// Pagefind's own: every HTML file.
    package static let wholeSite = "**/*.{html}"

    /// An HTML file of the output, as Pagefind sees it.
    package struct Page: Sendable, Equatable {
        /// Relative to the output folder.
        package var path: String
        /// Its `<html lang>`, lowercased as Pagefind does; nil without one.
        package var language: String?
        /// It has a `data-pagefind-body` attribute (or another page of its
        /// language has: `SearchIndexer.pages`).
        package var marked: Bool

        package init(path: String, language: String?, marked: Bool) {
            self.path = path
            self.language = language
            self.marked = marked
        }
    }

    /// The `--glob` of each run, in order: one per language (its folders,
    /// and its files at the root), or `[wholeSite]`.
    package static func globs(_ pages: [Page]) -> [String] {
        var languages: [String: [Page]] = [:]
        for page in pages {
            guard let language = page.language else { return [wholeSite] }
            languages[language, default: []].append(page)
        }
        guard languages.count > 1 else { return [wholeSite] }
        let marked = Set(languages.values.map { $0.contains(where: \.marked) })
        guard marked.count == 1 else { return [wholeSite] }
        // Top folder -> its one language; files at the root -> their own.
        var folders: [String: String] = [:]
        var rootFiles: [String: [String]] = [:]
        for page in pages {
            let parts = page.path.split(separator: "/", maxSplits: 1)
            guard isPlain(parts[0]), let language = page.language else { return [wholeSite] }
            if parts.count == 1 {
                rootFiles[language, default: []].append(page.path)
            } else if folders[String(parts[0]), default: language] != language {
                return [wholeSite]
            } else {
                folders[String(parts[0])] = language
            }
        }
        return languages.keys.sorted().map { language in
            let alternatives = folders.filter { $0.value == language }.keys.sorted().map { $0 + "/**/*.html" }
                + (rootFiles[language] ?? []).sorted()
            return alternatives.count == 1 ? alternatives[0] : "{" + alternatives.joined(separator: ",") + "}"
        }
    }

    /// A top folder's or root file's name with nothing a glob reads as a
    /// pattern (below a top folder, `**/*.html` matches whatever names hold).
    static func isPlain(_ name: Substring) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: ".")
        }
    }
}
