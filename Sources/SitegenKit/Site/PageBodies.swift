import Synchronization

/// Every page's Markdown body by its index in `Site.pages`, taken out of
/// the site (`Site.takeBodies`) for a build that renders each page once.
/// The renderer takes a page's body as it renders it, so a file's text is
/// freed once the pages made from it have rendered, not at the end of the
/// build: the sources were a fifth of the link-heavy 2 × 10,000 build's
/// peak (about 2.2 KB a page).
package final class PageBodies: Sendable {
    private let bodies: Mutex<[MarkdownBody?]>

    init(_ bodies: [MarkdownBody]) {
        self.bodies = Mutex(bodies)
    }

    /// The body of the page at `index` the first time; nil after.
    func take(_ index: Int) -> MarkdownBody? {
        bodies.withLock { bodies in
            let body = bodies[index]
            bodies[index] = nil
            return body
        }
    }
}
