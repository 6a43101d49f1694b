/// One problem found in the user's files, printed compiler-style so editors can
/// jump to it: `content/nl/index.md:12:5: error: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// An error fails the build; a warning does not.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// The file as the user would type it (relative to the site folder where possible).
    public var file: String
    /// 1-based line, when the problem has a place in the file.
    public var line: Int?
    /// 1-based column, counted in Unicode scalars (characters as an editor shows them).
    public var column: Int?
    /// What is wrong and what to do, in a sentence.
    public var message: String
    /// What many diagnostics of one kind are called together ("missing
    /// translations"), so a long run of them can be summarised in one line.
    public var kind: String?

    package init(_ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, _ message: String, kind: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.kind = kind
    }

    /// The same diagnostic, of a kind.
    package func of(kind: String) -> Diagnostic {
        var copy = self
        copy.kind = kind
        return copy
    }

    /// `file:line:column`, as far as known.
    package var place: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return place
    }

    package static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, file: location.file, line: location.line, column: location.column, message)
    }

    package static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, file: location.file, line: location.line, column: location.column, message)
    }

    /// The line to print; control characters from the site's text are
    /// escaped (see `escapingControlCharactersButLineBreaks`).
    public var description: String {
        "\(place): \(severity.rawValue): \(message)".escapingControlCharactersButLineBreaks
    }
}

/// A place in a source file.
public struct SourceLocation: Sendable, Hashable {
    /// The file, relative to the site folder.
    public var file: String
    /// The line (1-based), when known.
    public var line: Int?
    /// The column (1-based, in characters), when known.
    public var column: Int?

    package init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// Thrown when a stage cannot go on; carries every diagnostic found so far.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// The problems, all of them.
    public var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    package init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    /// Every diagnostic on a line of its own.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
