import CSourceHighlight
import Glibc

/// GNU Source-highlight, in process. Each language's definition is prepared
/// on its first use and kept for the rest of the process (`PreparedLanguages`),
/// so a build pays for every language it uses once.
package enum SourceHighlight {
    /// A failure of the engine: a definition that does not build, or a
    /// block it could not highlight (then the block is shown plain).
    package struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        package var description: String
    }

    /// `code` highlighted: HTML-escaped, tokens in
    /// `<span class="k|t|s|c|n|f|v|m|ins|del">`, every line of `code` ended
    /// by a line break (a final line break ends the last line, it does not
    /// add one).
    package static func highlight(_ code: String, as language: CodeLanguage) throws(Failure) -> String {
        let definition = try load(language)
        var error: UnsafeMutablePointer<CChar>?
        let length = code.utf8.count
        let result = code.withCString { sg_highlight(definition, $0, length, &error) }
        guard let result else { throw failure(error, otherwise: "highlighting failed") }
        defer { free(result) }
        return String(cString: result)
    }

    /// The definition of `language`; a console block's commands are shell.
    private static func load(_ language: CodeLanguage) throws(Failure) -> OpaquePointer {
        switch language {
        case .console: try PreparedLanguages.definition(of: .system("sh.lang"))
        case .plain: throw Failure(description: "plain text has no definition")
        default: try PreparedLanguages.definition(of: language)
        }
    }

    static func failure(_ error: UnsafeMutablePointer<CChar>?, otherwise: String) -> Failure {
        guard let error else { return Failure(description: otherwise) }
        defer { free(error) }
        return Failure(description: String(cString: error))
    }
}
