import SitegenKit
import SitegenSupport

/// The first steps of every command that needs a site: read the site
/// folder and its settings. `SiteBuilder` goes on to resolve and render;
/// `sitegen translations` resolves and reports; `--mark-current` edits
/// pages in between.
package enum SitePipeline {
    /// The site folder read, and its settings; nil settings when they are
    /// unusable (reported in the diagnostics). `listing`: the site folder
    /// as already listed; `known`: pages not to read when unchanged.
    /// - Throws: `SiteLoader.NotASiteFolder`.
    package static func load(_ root: String, loaded: (SiteSource, [Diagnostic])? = nil, listing: SiteLoader.Listing? = nil) throws
        -> (source: SiteSource, loadDiagnostics: [Diagnostic], config: SiteConfig?, configDiagnostics: [Diagnostic]) {
        try load(root, loaded: loaded, listing: listing, known: nil)
    }

    static func load(_ root: String, loaded: (SiteSource, [Diagnostic])?, listing: SiteLoader.Listing?, known: KnownPages?) throws
        -> (source: SiteSource, loadDiagnostics: [Diagnostic], config: SiteConfig?, configDiagnostics: [Diagnostic]) {
        let (source, loadProblems) = try loaded ?? SiteLoader.load(listing ?? SiteLoader.list(root), known: known)
        let (config, configProblems) = SiteConfig.parse(source.config.text, file: source.config.path)
        return (source, loadProblems, config, configProblems)
    }
}
