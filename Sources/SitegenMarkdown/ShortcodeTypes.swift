import SitegenSupport

/// One shortcode found in a page, as the Markdown reader hands it to the
/// partial that renders it.
package struct ShortcodeCall: Sendable, Hashable {
    package var name: String
    package var positional: [String]
    /// Named arguments in the order written.
    package var named: [String: String]
    /// The inner text of a `{{< name >}}...{{< /name >}}` shortcode read as
    /// text (nil for Markdown inner text, which is in the tree, and for a
    /// shortcode without inner text).
    package var innerText: String?
    /// Whether the shortcode has inner text (as text or as Markdown).
    package var isPaired: Bool
    /// Where the tag starts.
    package var location: SourceLocation
    /// Its number in the page, from 1 (for ids unique in the page).
    package var number = 0
    /// Hugo's `{{</* name */>}}`: not a shortcode but this text, shown as
    /// it is (escaped, and never taken for markup left unread).
    package var literalText: String?
}

/// What a site answers when the reader asks for an included file.
package enum IncludedText: Sendable, Hashable {
    /// The file's text; its `path` is the name diagnostics use (site-relative).
    /// `passedOver`: the places looked at first, where no file was: one
    /// made there later is included instead, so the page depends on them.
    case found(SourceText, passedOver: [String] = [])
    /// The file cannot be included; the message says why and what to do.
    case refused(String)
}

/// What the Markdown reader needs from the site around a page: the names
/// of the shortcodes its theme has, `params:`, included files, and the
/// partials that render shortcodes. The default knows no shortcodes and
/// reads no files (`sitegen markdown` on one file).
package struct ShortcodeSettings: Sendable {
    /// Names of the theme's shortcode partials (`templates/shortcodes/NAME.mustache`).
    package var partials: Set<String>
    /// The partials among them that show inner text: without a closing tag
    /// one of them is an error, not a shortcode with nothing inside.
    package var partialsWithInner: Set<String>
    /// `params:` of sitegen.yml, flattened: `{{< param "a.b" >}}`.
    package var params: [String: String]
    /// Reads a file a page includes: the path as written and the
    /// site-relative path of the including file.
    package var include: @Sendable (_ path: String, _ from: String) -> IncludedText
    /// Renders a shortcode partial, given its inner HTML and the callout
    /// titles of the page's language (for `alert` and `callout`).
    package var render: @Sendable (_ call: ShortcodeCall, _ inner: String, _ labels: CalloutLabels) -> Result<String, ShortcodeFailure>

    package init(partials: Set<String> = [], partialsWithInner: Set<String> = [], params: [String: String] = [:],
                include: @escaping @Sendable (String, String) -> IncludedText = { _, _ in .refused("includes need a site folder") },
                render: @escaping @Sendable (ShortcodeCall, String, CalloutLabels) -> Result<String, ShortcodeFailure> = { call, _, _ in
                    .failure(ShortcodeFailure("no partial for shortcode '\(call.name)'"))
                }) {
        self.partials = partials
        self.partialsWithInner = partialsWithInner
        self.params = params
        self.include = include
        self.render = render
    }

    /// Shortcodes the Markdown reader handles itself: they read files,
    /// resolve links or are Markdown's own images, which a template cannot do.
    package static let readerShortcodes: Set<String> = ["include", "code", "param", "ref", "relref", "figure"]

    /// Every shortcode a page may use, sorted, for the message about an unknown one.
    package var knownNames: [String] {
        ShortcodeSettings.readerShortcodes.union(partials).sorted()
    }
}

/// Why a shortcode partial could not be rendered.
package struct ShortcodeFailure: Error, Sendable, Hashable {
    package var message: String
    package init(_ message: String) { self.message = message }
}
