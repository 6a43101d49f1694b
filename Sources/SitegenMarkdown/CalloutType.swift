/// The admonition types authors write in other generators' syntax (MkDocs
/// Material, pymdownx, Docusaurus, VitePress, Obsidian, GitHub), each shown
/// as one of the five `CalloutKind`s with its own default title
/// (`callout.TYPE` in the UI strings, else its kind's).
package enum CalloutType {
    /// The types with a title of their own in the UI strings.
    package static let titled: [String] = [
        "note", "tip", "hint", "important", "info", "abstract", "summary", "success", "question",
        "warning", "caution", "attention", "danger", "error", "failure", "bug", "example", "quote",
    ]

    /// Other names for them (MkDocs Material's aliases).
    private static let aliases: [String: String] = [
        "tldr": "abstract", "check": "success", "done": "success", "help": "question", "faq": "question",
        "fail": "failure", "missing": "failure", "cite": "quote", "todo": "info", "seealso": "note",
    ]

    private static let titledSet = Set(titled)

    /// The type a name stands for, lowercased, or nil when no generator
    /// defines it: then `> [!FOO]` stays a quote, and `!!! foo` is reported
    /// as a line sitegen did not understand.
    package static func canonical(_ name: some StringProtocol) -> String? {
        let lowered = name.lowercased()
        if titledSet.contains(lowered) { return lowered }
        return aliases[lowered]
    }
}
