import SitegenKit
import CAtomicRename
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and waits for it: the one place the site core starts a
/// process (Pagefind, `python3` to find it, and `git log` for
/// `lastUpdated: git`).
///
/// A child never runs in the site folder: its working folder is `/`, so
/// nothing a site holds (a `pagefind.yml`, a `pagefind_bin.py`, a pyenv
/// `.python-version`) can change what it does. It is given by absolute
/// path, and killed (SIGKILL: a hung Pagefind ignores SIGTERM) when it
/// runs longer than its timeout.
package enum ChildProcess {
    /// The working folder of every child: one no site folder can be.
    package static let workingFolder = "/"
    /// How long a child may run: Pagefind indexes 10,000 pages in seconds.
    package static let defaultTimeout = Duration.seconds(600)

    package struct Result: Sendable {
        package var status: Int32
        /// Standard output and standard error, together.
        package var output: String
        /// The child ran past its timeout and was killed.
        package var timedOut = false
    }

    /// A child that could not be started (no such program, or no
    /// descriptors or processes left): an error, never a crash.
    package struct StartFailure: Error, CustomStringConvertible {
        package var reason: String
        package var description: String { reason }
        package var localizedDescription: String { reason }
    }

    /// The children running now, and whether `stopAll` was called (then no
    /// other starts).
    private static let running = Mutex<(stopped: Bool, children: Set<pid_t>)>((false, []))

    /// Kills every child still running and starts none after, for a program
    /// that is about to stop (`sitegen serve` on Ctrl-C): a Pagefind left
    /// running would write into the folder the program removes. Waits up
    /// to a second for them to be gone.
    package static func stopAll() {
        let children = running.withLock { state in
            state.stopped = true
            return state.children
        }
        for child in children { kill(child, SIGKILL) }
        for _ in 0..<100 where !running.withLock({ $0.children.isEmpty }) { usleep(10_000) }
    }

    /// - Parameter environment: the child's environment (`NAME=value`);
    ///   nil: this process's.
    package static func run(_ executable: String, _ arguments: [String], environment: [String]? = nil,
                            timeout: Duration = defaultTimeout) throws(StartFailure) -> Result {
        guard !running.withLock({ $0.stopped }) else { throw StartFailure(reason: "the program is stopping") }
        var ends: [Int32] = [-1, -1]
        guard sitegen_pipe(&ends) == 0 else { throw StartFailure(reason: String(cString: strerror(errno))) }
        let (reading, writing) = (ends[0], ends[1])
        let child = withCStrings([executable] + arguments) { arguments in
            guard let environment else { return sitegen_spawn(executable, arguments, nil, workingFolder, writing) }
            return withCStrings(environment) { sitegen_spawn(executable, arguments, $0, workingFolder, writing) }
        }
        let startError = errno
        close(writing)
        guard child > 0 else {
            close(reading)
            throw StartFailure(reason: String(cString: strerror(startError)))
        }
        // Started while `stopAll` ran: it goes at once.
        if running.withLock({ $0.children.insert(child); return $0.stopped }) { kill(child, SIGKILL) }
        // Read on another thread while this one watches the clock: a child
        // that fills the pipe would never end, one that hangs is killed.
        let collected = Collected()
        let reader = Thread {
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 14)
            while true {
                let count = chunk.withUnsafeMutableBytes { Glibc.read(reading, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                bytes += chunk[0..<count]
            }
            close(reading)
            collected.finish(bytes)
        }
        reader.start()
        let deadline = ContinuousClock.now + timeout
        var timedOut = false
        var status: Int32 = 0
        while true {
            let done = waitpid(child, &status, WNOHANG)
            if done == child || (done < 0 && errno != EINTR) { break }
            if !timedOut && ContinuousClock.now >= deadline {
                timedOut = true
                kill(child, SIGKILL)
            }
            usleep(10_000)
        }
        running.withLock { _ = $0.children.remove(child) }
        // A grandchild may still hold the pipe open: stop waiting for it after a moment.
        let bytes = collected.wait(upTo: timedOut ? .seconds(1) : .seconds(30))
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitStatus, output: String(decoding: bytes, as: UTF8.self), timedOut: timedOut)
    }

    /// `strings` as a NULL-terminated array of C strings, for `body`.
    private static func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> T) -> T {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return body(&pointers)
    }

    /// A child's output, handed from the reading thread.
    private final class Collected: Sendable {
        private let state = Mutex<[UInt8]?>(nil)
        private let done = DispatchSemaphore(value: 0)

        func finish(_ bytes: [UInt8]) {
            state.withLock { $0 = bytes }
            done.signal()
        }

        func wait(upTo limit: Duration) -> [UInt8] {
            _ = done.wait(timeout: .now() + .milliseconds(Int(limit.components.seconds * 1000)))
            return state.withLock { $0 } ?? []
        }
    }
}
