import SitegenKit
import Foundation

/// A site folder: a folder that holds sitegen.yml. Every command that reads
/// a site opens it here first, and loading does too, so a folder without
/// settings is the same usage error (`SiteLoader.NotASiteFolder`, exit
/// status 2) in every command.
package struct SiteFolder: Sendable {
    /// The folder, absolute, with links resolved.
    package let path: String

    /// - Throws: `SiteLoader.NotASiteFolder` when `path` holds no sitegen.yml.
    package static func open(_ path: String) throws(SiteLoader.NotASiteFolder) -> SiteFolder {
        let root = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        guard FileManager.default.fileExists(atPath: root + "/" + SiteLayout.configFile) else {
            throw SiteLoader.NotASiteFolder(path: root)
        }
        return SiteFolder(path: root)
    }
}
