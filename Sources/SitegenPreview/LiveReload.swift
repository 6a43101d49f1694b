import Foundation
import SitegenKit
import Synchronization

/// The state `sitegen serve` shares between its rebuilds and its requests:
/// the last good site, a version that grows with every build, what each
/// build changed, and the error of the last build if it failed.
///
/// The state itself sits behind a lock (`Shared`), so the server's
/// connection threads read it and wait on it without the concurrency pool,
/// which a rebuild may keep busy.
package actor LiveReload {
    package var plan: OutputPlan { shared.read { $0.plan } }
    package var version: Int { shared.read { $0.version } }
    package var error: String? { shared.read { $0.error } }

    struct State {
        var plan: OutputPlan
        var version = 0
        var error: String?
        /// What each version changed, for the most recent versions.
        var history: [(version: Int, changed: Set<SitePath>)] = []
    }

    /// The state in a `Mutex`; changes are also announced on `condition`
    /// (Mutex has no way to wait), and are made while it is locked, so a
    /// waiter checks and sleeps without missing one.
    final class Shared: Sendable {
        private let condition = NSCondition()
        private let state: Mutex<State>

        init(_ state: sending State) { self.state = Mutex(state) }

        func read<T>(_ body: (State) -> T) -> T {
            state.withLock { body($0) }
        }

        func update(_ body: (inout State) -> Void) {
            condition.lock()
            state.withLock { body(&$0) }
            condition.broadcast()
            condition.unlock()
        }

        /// Blocks until `ready` holds or the deadline passes.
        func wait(until deadline: Date, for ready: (State) -> Bool) -> State {
            condition.lock()
            defer { condition.unlock() }
            while !read(ready) && condition.wait(until: deadline) {}
            return read { $0 }
        }
    }

    nonisolated let shared: Shared

    package init(plan: OutputPlan) {
        shared = Shared(State(plan: plan))
    }

    /// The site served now, read from any thread.
    nonisolated var currentPlan: OutputPlan { shared.read { $0.plan } }

    /// A good build: its output is served from now on.
    package func publish(_ plan: OutputPlan, changed: Set<SitePath>) {
        shared.update {
            $0.plan = plan
            $0.error = nil
            Self.advance(&$0, changed)
        }
    }

    /// A failed build: the last good output stays; pages show the error.
    package func fail(_ message: String) {
        shared.update {
            $0.error = message
            Self.advance(&$0, [])
        }
    }

    private static func advance(_ state: inout State, _ changed: Set<SitePath>) {
        state.version += 1
        state.history.append((state.version, changed))
        if state.history.count > 100 { state.history.removeFirst(state.history.count - 100) }
    }

    package struct Event: Sendable, Equatable {
        package var version: Int
        /// The page should load again: its file, a theme file, or a file it
        /// may show changed since the reader's version, or an error went away.
        package var reload: Bool
        package var error: String?
    }

    /// Waits (up to `timeout`) for a version newer than `since`, and says
    /// whether the page at `page` (a URL path) needs to load again.
    package func wait(since: Int, page: String, timeout: Duration = .seconds(20)) async -> Event {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while version <= since && clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        return event(since: since, page: page)
    }

    /// `wait`, blocking the calling thread (a connection's, never one of the pool).
    nonisolated func waitBlocking(since: Int, page: String, timeout: Double = 20) -> Event {
        let state = shared.wait(until: Date(timeIntervalSinceNow: timeout)) { $0.version > since }
        return Self.event(state, since: since, page: page)
    }

    func event(since: Int, page: String) -> Event {
        shared.read { Self.event($0, since: since, page: page) }
    }

    static func event(_ state: State, since: Int, page: String) -> Event {
        let (version, error, history) = (state.version, state.error, state.history)
        guard version > since else { return Event(version: version, reload: false, error: error) }
        // The page's key in the plan: pages are folders (`nl/guide/`), the
        // root page and 404.html are files.
        var relative = String(page.drop(while: { $0 == "/" }))
        if relative.hasSuffix("/index.html") { relative.removeLast("index.html".count) }
        let file = relative.isEmpty ? "index.html" : relative
        let changed = history.filter { $0.version > since }.reduce(into: Set<SitePath>()) { $0.formUnion($1.changed) }
        // A theme file changed, or the page itself: load again. (Since the
        // oldest remembered version, everything may have changed.)
        let forgotten = history.first.map { $0.version > since + 1 } ?? true
        let reload = forgotten || changed.contains(SitePath(file)) || changed.contains { $0.value.hasPrefix(SiteLayout.assetsFolder + "/") }
        return Event(version: version, reload: reload && error == nil, error: error)
    }
}
