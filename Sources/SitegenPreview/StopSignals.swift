import CAtomicRename
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C and SIGTERM for `sitegen serve`: caught by a plain signal
/// handler (see `sitegen_catch_stop_signals`) and acted on by a thread of
/// their own, so the busy main thread or a full concurrency pool never
/// delays them, and none is lost.
public enum StopSignals {
    /// From now on, SIGINT or SIGTERM runs `stop` (once, on its own thread).
    /// - Returns: false when the signals could not be caught (they then end
    ///   the program as usual, without `stop`).
    @discardableResult
    public static func onStop(_ stop: @escaping @Sendable () -> Void) -> Bool {
        let pipe = sitegen_catch_stop_signals()
        guard pipe >= 0 else { return false }
        let thread = Thread {
            var number: UInt8 = 0
            while read(pipe, &number, 1) < 0 && errno == EINTR {}
            stop()
        }
        thread.name = "sitegen serve: signals"
        thread.start()
        return true
    }
}
