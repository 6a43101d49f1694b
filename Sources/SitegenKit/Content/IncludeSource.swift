import SitegenMarkdown

/// Where the files pages include come from, asked while a page renders:
/// the core renders without reading files, the shell's `IncludedFiles`
/// reads them from the site folder.
package protocol IncludeSource: Sendable {
    /// The text of `written`, included from the file `including` (site-relative).
    func text(_ written: String, from including: String) -> IncludedText
}
