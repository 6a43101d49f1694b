import Foundation

/// Runs a program and waits for it: the one place the site core starts a
/// process (Pagefind, and `python3` to find it).
package enum ChildProcess {
    package struct Result: Sendable {
        package var status: Int32
        /// Standard output and standard error, together.
        package var output: String
    }

    package static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting: a child that fills the pipe would never end.
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
