import CSourceHighlight
import Glibc
import Synchronization

/// Each language definition, prepared once per process and shared by every
/// thread: its includes inlined (`SourceHighlightFiles`) and handed to the
/// engine, which builds its regular expressions. Preparing sh.lang costs
/// about 6 ms; a block then pays one locked dictionary look-up. (Before this
/// cache, every block rebuilt the definition's text in Swift before the
/// engine's own cache was reached: 90 % of the highlighting time, issue 26.)
/// A definition that fails to build fails once, and every block after it
/// gets the same failure without trying again.
enum PreparedLanguages {
    /// The engine's language (`sg_language *`, kept for the life of the
    /// process) as its address, so that the table is Sendable.
    private static let table = Mutex<[CodeLanguage: Result<UInt, SourceHighlight.Failure>]>([:])
    private static let counts = Mutex<[CodeLanguage: Int]>([:])

    /// The engine's definition of `language`, prepared on first use. The
    /// lock is held while preparing, so two threads never prepare the same
    /// language (or the engine's parser, which is not thread-safe, twice at once).
    static func definition(of language: CodeLanguage) throws(SourceHighlight.Failure) -> OpaquePointer {
        let address = table.withLock { table in
            if let known = table[language] { return known }
            let prepared = prepare(language)
            table[language] = prepared
            counts.withLock { $0[language, default: 0] += 1 }
            return prepared
        }
        return try OpaquePointer(bitPattern: address.get())!
    }

    /// How many times `language` has been prepared in this process (the
    /// test that it is once, whatever the number of blocks).
    static func preparations(of language: CodeLanguage) -> Int {
        counts.withLock { $0[language, default: 0] }
    }

    private static func prepare(_ language: CodeLanguage) -> Result<UInt, SourceHighlight.Failure> {
        let name: String
        let text: String?
        switch language {
        case .system(let file):
            name = file
            text = SourceHighlightFiles.definition(file)
            guard text != nil else {
                return .failure(.init(description: "\(file) is not among the embedded language definitions"))
            }
        case .bundled(let bundled):
            name = bundled + ".sitegen"
            text = SourceHighlightFiles.inliningIncludes(BundledLanguageDefinitions.all[bundled] ?? "")
        case .console, .plain:
            return .failure(.init(description: "\(language) has no definition of its own"))
        }
        var error: UnsafeMutablePointer<CChar>?
        guard let loaded = sg_language_load(name, nil, text, &error) else {
            return .failure(SourceHighlight.failure(error, otherwise: "the language definition does not build"))
        }
        return .success(UInt(bitPattern: loaded))
    }
}
