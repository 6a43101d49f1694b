/// `lastUpdated:` in `sitegen.yml`: where a page's "Last updated" date
/// comes from.
package enum LastUpdatedSource: String, Sendable, Hashable {
    /// The date of the last commit that changed the page's file, from one
    /// `git log` for the whole site (`GitCommitDates`).
    case git
    /// The file's modification time.
    case file
}
