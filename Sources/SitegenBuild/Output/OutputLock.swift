import SitegenKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on an output folder, held for the whole staging, write
/// and swap, so two builds into one output take turns instead of mixing
/// their files. It is `flock` on a file beside the output
/// (`.<output>.sitegen-lock`), which the system releases when the process
/// ends however it ends: a killed build never leaves a stale lock.
final class OutputLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock, waiting up to `timeout` while another build holds it;
    /// `waiting` is told once when the wait begins.
    init(path: String, timeout: Duration, waiting: (String) -> Void) throws(OutputFolder.WriteError) {
        // Never through a link: a dangling one would create its target.
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            if errno == ELOOP {
                throw OutputFolder.WriteError(description: "refusing to use the lock file '\(path)': it is a symbolic link; remove it")
            }
            throw OutputFolder.WriteError(description: "cannot create the lock file '\(path)': \(String(cString: strerror(errno)))")
        }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var told = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno
            guard reason == EWOULDBLOCK || reason == EINTR else {
                close(descriptor)
                throw OutputFolder.WriteError(description: "cannot lock '\(path)': \(String(cString: strerror(reason)))")
            }
            if clock.now >= deadline {
                close(descriptor)
                throw OutputFolder.WriteError(description: "another sitegen build has been writing into this output for over \(timeout.components.seconds) s (it holds '\(path)'); nothing was written. Wait for it to finish, or choose another --output")
            }
            if !told {
                waiting("another sitegen build is writing into this output; waiting for it to finish")
                told = true
            }
            usleep(50_000)
        }
        self.descriptor = descriptor
    }

    deinit {
        // Closing the file releases the lock.
        close(descriptor)
    }
}
