/// The state `sitegen serve` shares between its rebuilds and its requests:
/// the last good site, a version that grows with every build, what each
/// build changed, and the error of the last build if it failed.
public actor LiveReload {
    public private(set) var plan: OutputPlan
    public private(set) var version = 0
    public private(set) var error: String?
    /// What each version changed, for the most recent versions.
    private var history: [(version: Int, changed: Set<SitePath>)] = []

    public init(plan: OutputPlan) {
        self.plan = plan
    }

    /// A good build: its output is served from now on.
    public func publish(_ plan: OutputPlan, changed: Set<SitePath>) {
        self.plan = plan
        error = nil
        advance(changed)
    }

    /// A failed build: the last good output stays; pages show the error.
    public func fail(_ message: String) {
        error = message
        advance([])
    }

    private func advance(_ changed: Set<SitePath>) {
        version += 1
        history.append((version, changed))
        if history.count > 100 { history.removeFirst(history.count - 100) }
    }

    public struct Event: Sendable, Equatable {
        public var version: Int
        /// The page should load again: its file, a theme file, or a file it
        /// may show changed since the reader's version, or an error went away.
        public var reload: Bool
        public var error: String?
    }

    /// Waits (up to `timeout`) for a version newer than `since`, and says
    /// whether the page at `page` (a URL path) needs to load again.
    public func wait(since: Int, page: String, timeout: Duration = .seconds(20)) async -> Event {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while version <= since && clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        return event(since: since, page: page)
    }

    func event(since: Int, page: String) -> Event {
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
        let reload = forgotten || changed.contains(SitePath(file)) || changed.contains { $0.value.hasPrefix("assets/") }
        return Event(version: version, reload: reload && error == nil, error: error)
    }
}
