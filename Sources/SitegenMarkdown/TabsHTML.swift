import SitegenSupport

/// The markup of a group of content tabs, whatever spelling it was written
/// in (`=== "Label"`, `//// tab | Label`, the `tabpane` shortcode): one place,
/// so that `tabs.js` enhances every group the same way.
///
///     <div class="tabs">
///     <div class="tab-panel" id="tab-1-1" role="group" aria-labelledby="tab-1-1-label">
///     <p class="tab-label" id="tab-1-1-label">Python</p>
///     ...content...
///     </div>
///     <div class="tab-panel" id="tab-1-2" ...>...</div>
///     </div>
///
/// Without JavaScript every tab is a labelled group, one after another, and
/// all content is there to read, print and search. `tabs.js` turns each
/// group into the WAI-ARIA tabs pattern (a `tablist` of buttons made from
/// the labels, panels with `role="tabpanel"`), and keeps the reader's choice
/// of label across groups and pages. Ids are `tab-GROUP-TAB`, numbered from 1
/// per page; give each group of a page its own number.
package enum TabsHTML {
    package static let groupOpen = "<div class=\"tabs\">"
    package static let groupClose = "</div>"
    package static let panelClose = "</div>"
    package static let labelClose = "</p>"

    /// The id of tab `tab` (from 1) of group `group` (from 1) of a page.
    package static func panelID(group: Int, tab: Int) -> String {
        "tab-\(group)-\(tab)"
    }

    /// A panel; `selected` marks the one `tabs.js` shows first (`===+`)
    /// when the reader has chosen no label of the group; `classes` are the
    /// author's.
    package static func panelOpen(id: String, selected: Bool = false, classes: [String] = []) -> String {
        let classList = (["tab-panel"] + classes.map { HTMLEscaping.escape($0) }).joined(separator: " ")
        return "<div class=\"\(classList)\" id=\"\(id)\" role=\"group\" aria-labelledby=\"\(id)-label\"\(selected ? " data-selected=\"\"" : "")>"
    }

    /// The start of the label; its HTML (phrasing content) follows, then `labelClose`.
    package static func labelOpen(id: String) -> String {
        "<p class=\"tab-label\" id=\"\(id)-label\">"
    }
}
