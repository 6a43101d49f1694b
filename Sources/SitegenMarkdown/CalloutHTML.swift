import SitegenSupport

/// The markup of a callout, whatever spelling it was written in (`> [!NOTE]`,
/// `!!! note`, `/// note`, `:::note`, a shortcode): one place, so every
/// spelling looks and reads the same.
///
///     <div class="callout callout-note" role="note">
///     <p class="callout-title"><svg class="callout-icon" aria-hidden="true" ...>...</svg>Title</p>
///     ...body...
///     </div>
///
/// A collapsible one is `<details class="callout callout-note">` with the
/// title in its `<summary>` (`open` when it starts open). A `div` with the
/// ARIA role `note`, not an `aside`: inside `<main>` an aside would be a
/// complementary landmark, and a page full of landmarks is harder to navigate
/// with a screen reader. The icon is decoration (the title says the kind in
/// words), so it is hidden from assistive technology; it is there so the
/// kind does not rest on colour alone.
package enum CalloutHTML {
    package enum Collapse: Sendable, Equatable {
        /// Always open: a `div`.
        case none
        /// A `details` element, closed or open at first.
        case closed, open
    }

    /// The element around the callout, without its title; `classes` and
    /// `id` are the author's (`!!! note inline end`, pymdownx's `attrs`).
    package static func containerOpen(kind: CalloutKind, type: String, collapse: Collapse, classes: [String] = [], id: String? = nil) -> String {
        let name = type.lowercased()
        let typeClass = name == kind.rawValue ? "" : " callout-type-" + HTMLEscaping.escape(name)
        let authorClasses = classes.map { " " + HTMLEscaping.escape($0) }.joined()
        let attributes = "class=\"callout callout-\(kind.rawValue)\(typeClass)\(authorClasses)\"" + (id.map { " id=\"\(HTMLEscaping.escape($0))\"" } ?? "")
        switch collapse {
        case .none: return "<div \(attributes) role=\"note\">"
        case .closed: return "<details \(attributes)>"
        case .open: return "<details \(attributes) open=\"open\">"
        }
    }

    package static func containerClose(collapse: Collapse) -> String {
        collapse == .none ? "</div>" : "</details>"
    }

    /// The start of the title element, with the icon; the title's HTML
    /// follows, then `titleClose`.
    package static func titleOpen(kind: CalloutKind, collapse: Collapse) -> String {
        (collapse == .none ? "<p class=\"callout-title\">" : "<summary class=\"callout-title\">") + icon(kind)
    }

    package static func titleClose(collapse: Collapse) -> String {
        collapse == .none ? "</p>" : "</summary>"
    }

    /// A 16 x 16 icon per kind, drawn in the text colour: a circled "i"
    /// (note), a light bulb (tip), a speech bubble with "!" (important), a
    /// triangle with "!" (warning), an octagon with "!" (caution).
    package static func icon(_ kind: CalloutKind) -> String {
        "<svg class=\"callout-icon\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\"><path fill-rule=\"evenodd\" d=\"\(iconPaths[kind]!)\"/></svg>"
    }

    private static let iconPaths: [CalloutKind: String] = [
        .note: "M8 0a8 8 0 1 1 0 16A8 8 0 0 1 8 0Zm0 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM7 7h2v5H7Zm0-3h2v2H7Z",
        .tip: "M8 0a5.5 5.5 0 0 1 3.3 9.9c-.5.4-.8.9-.8 1.4V12h-5v-.7c0-.5-.3-1-.8-1.4A5.5 5.5 0 0 1 8 0Zm0 1.5a4 4 0 0 0-2.4 7.2c.8.6 1.3 1.4 1.4 2.3h2c.1-.9.6-1.7 1.4-2.3A4 4 0 0 0 8 1.5ZM5.5 13h5v1.5h-5Zm1 2h3v1h-3Z",
        .important: "M1 1h14v10H7l-4 4v-4H1Zm1.5 1.5v7H4.5v2l2-2h7v-7ZM7 3.5h2v3.5H7Zm0 4.5h2v1.5H7Z",
        .warning: "M8 .5l8 14.5H0Zm0 3.1L2.5 13.5h11ZM7 6h2v4H7Zm0 5h2v1.5H7Z",
        .caution: "M4.7 0h6.6L16 4.7v6.6L11.3 16H4.7L0 11.3V4.7Zm.6 1.5L1.5 5.3v5.4l3.8 3.8h5.4l3.8-3.8V5.3l-3.8-3.8ZM7 4h2v5H7Zm0 6h2v2H7Z",
    ]
}
