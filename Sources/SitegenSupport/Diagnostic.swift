/// One problem found in the user's files, printed compiler-style so editors can
/// jump to it: `content/nl/index.md:12:5: error: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// The file as the user would type it (relative to the site folder where possible).
    public var file: String
    /// 1-based line, when the problem has a place in the file.
    public var line: Int?
    /// 1-based column, counted in Unicode scalars (characters as an editor shows them).
    public var column: Int?
    public var message: String
    /// What many diagnostics of one kind are called together ("missing
    /// translations"), so a long run of them can be summarised in one line.
    public var kind: String?

    public init(_ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, _ message: String, kind: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.kind = kind
    }

    /// The same diagnostic, of a kind.
    public func of(kind: String) -> Diagnostic {
        var copy = self
        copy.kind = kind
        return copy
    }

    /// `file:line:column`, as far as known.
    public var place: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return place
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, file: location.file, line: location.line, column: location.column, message)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
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
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// Thrown when a stage cannot go on; carries every diagnostic found so far.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
