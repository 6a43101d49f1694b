import SitegenKit
import Foundation
import SitegenSupport

/// The loading step of `lastUpdated`: each page file's date, in seconds
/// since 1970 by site-relative path, read once for the whole site.
enum PageDates {
    /// With `memo` (`sitegen serve`), git runs only when the repository changed.
    static func load(_ setting: LastUpdatedSource, source: SiteSource, environment: [String: String],
                     memo: GitDatesMemo? = nil) -> (dates: [String: Int64], problems: [Diagnostic]) {
        switch setting {
        case .git:
            guard let memo else { return GitCommitDates.load(root: source.root, environment: environment) }
            return memo.dates(root: source.root) { GitCommitDates.load(root: source.root, environment: environment) }
        case .file:
            var dates: [String: Int64] = [:]
            for page in source.pages {
                var info = stat()
                if stat(source.root + "/" + page.source.path, &info) == 0 { dates[page.source.path] = Int64(info.st_mtim.tv_sec) }
            }
            return (dates, [])
        }
    }
}
