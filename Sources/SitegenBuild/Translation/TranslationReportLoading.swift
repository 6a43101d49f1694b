import SitegenSupport
import SitegenKit

// The loading half of `TranslationReport`: the core reports on a resolved site, the shell reads it.

extension TranslationReport {
    /// Loads the site folder `root` and reports on it, drafts included.
    /// - Returns: the report, or nil when the site has errors; and the
    ///   problems to show: every error, and the report's warnings.
    /// - Throws: `SiteLoader.NotASiteFolder`.
    package static func load(site root: String) throws -> (TranslationReport?, [Diagnostic]) {
        let (source, loadProblems, config, configProblems) = try SitePipeline.load(root)
        var errors = (loadProblems + configProblems).filter { $0.severity == .error }
        guard let config else { return (nil, errors) }
        let (site, resolveProblems) = SiteResolver.resolve(source, config: config, includeDrafts: true)
        errors += resolveProblems.filter { $0.severity == .error }
        guard errors.isEmpty else { return (nil, errors) }
        let report = TranslationReport(site: site)
        return (report, report.warnings)
    }
}
