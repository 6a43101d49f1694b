import SitegenSupport

/// GNU Source-highlight's own language definitions (`sh.lang`, `json.lang`,
/// and the files they include), embedded at build time by the
/// EmbedLanguageDefinitions plugin: the binary reads no data folder, so it
/// highlights alike on every machine, also one without the engine's package.
enum SourceHighlightFiles {
    typealias File = EmbeddedFile

    /// Each definition's text by file name. Files that are not UTF-8 (a few
    /// have Latin-1 comments) are read as Latin-1, byte for character.
    static let byName: [String: String] = Dictionary(uniqueKeysWithValues: embedded.map { file in
        let text = String(validating: file.bytes, as: UTF8.self)
            ?? String(String.UnicodeScalarView(file.bytes.map { Unicode.Scalar($0) }))
        return (file.path, text)
    })

    /// The definition `file` with every `include "other.lang"` replaced by
    /// that file's text, recursively: the engine then builds it from memory.
    /// Nil when `file` is not embedded.
    static func definition(_ file: String) -> String? {
        byName[file].map { inliningIncludes($0, including: [file]) }
    }

    /// `text` with its includes replaced by the embedded files' texts. A file
    /// already being included is left out (the engine would loop on it too).
    static func inliningIncludes(_ text: String, including chain: Set<String> = []) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard let name = includedName(line), !chain.contains(name), let included = byName[name] else {
                return String(line)
            }
            return inliningIncludes(included, including: chain.union([name]))
        }.joined(separator: "\n")
    }

    /// `other.lang` for a line `include "other.lang"` (spaces allowed around).
    static func includedName(_ line: Substring) -> String? {
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        guard trimmed.hasPrefix("include") else { return nil }
        let rest = trimmed.dropFirst("include".count).drop(while: { $0 == " " || $0 == "\t" })
        guard rest.first == "\"", let end = rest.dropFirst().firstIndex(of: "\"") else { return nil }
        return String(rest[rest.index(after: rest.startIndex)..<end])
    }
}
