import Foundation

/// Writing to standard output and standard error.
enum FileHandleOutput {
    static func standardOutput(_ text: String, newline: Bool = true) {
        FileHandle.standardOutput.write(Data((newline ? text + "\n" : text).utf8))
    }

    static func standardError(_ text: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((newline ? text + "\n" : text).utf8))
    }
}

/// Thrown after content errors were printed as diagnostics: exit status 1.
struct ContentErrorExit: Error {}

/// Thrown after a usage error was printed as a diagnostic: exit status 2.
struct UsageErrorExit: Error {}

/// A mistake in how sitegen was called (a missing file, a bad option): exit status 2.
struct UsageError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
