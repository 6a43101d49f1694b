/// The site's absolute URL (`baseURL` in sitegen.yml, or `--base-url`),
/// checked in one place (`parse`) and always ending in `/`: canonical links,
/// hreflang alternates, the sitemap and robots.txt are made from it.
package struct BaseURL: Sendable, Hashable, CustomStringConvertible {
    /// The URL: `https://example.org/docs/`.
    package let description: String

    private init(checked: String) {
        description = checked.hasSuffix("/") ? checked : checked + "/"
    }

    /// The URL of `value`, or what is wrong with it, in words.
    package static func parse(_ value: String) -> Result<BaseURL, Problem> {
        if let problem = SiteConfig.baseURLProblem(value) { return .failure(Problem(description: problem)) }
        return .success(BaseURL(checked: value))
    }

    package struct Problem: Error, CustomStringConvertible {
        package var description: String
    }

    /// The site root's path on its host: `/docs/` of `https://example.org/docs/`.
    package var path: String {
        let afterScheme = description.components(separatedBy: "://").dropFirst().joined(separator: "://")
        guard let slash = afterScheme.firstIndex(of: "/") else { return "/" }
        return String(afterScheme[slash...])
    }

    /// The absolute URL of a place in the site.
    func absolute(_ path: SitePath) -> String {
        description + path.urlPath
    }
}
