import SitegenSupport
import SitegenKit
import SitegenLinkCheck

// The link checker asks the links of a site; the shell loads and resolves the site first.

extension ExternalLinkCheck {
    /// Loads and resolves the site of `options` (as the build did) and checks its links.
    package static func run(_ options: BuildOptions, timeout: Double, concurrency: Int = 8) throws -> Result {
        var report = BuildReport(diagnostics: [])
        guard let resolved = try SiteBuilder.resolve(options, report: &report) else {
            return Result(diagnostics: [], checked: 0, skippedHTTPS: 0)
        }
        let (links, outsideWithoutBase) = links(in: resolved.site)
        var result = check(links, timeout: timeout, concurrency: concurrency)
        result.skippedOutside = outsideWithoutBase
        return result
    }
}
