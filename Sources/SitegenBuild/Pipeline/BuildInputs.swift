import SitegenKit
import SitegenSupport

/// Everything a build is made from, as one hash a later build makes
/// without reading a file (`UnchangedBuild`): the version (`FileVersion`)
/// of every file listed in the site folder and of `sitegen.yml`, the names
/// of the language folders, the files the pages include, the options,
/// sitegen itself and the Pagefind that indexed the output. The same hash,
/// the same output: a site whose files are all as they were builds what
/// it built before.
///
/// What cannot be seen this way has no hash, and the next build is a full
/// one: `lastUpdated: git` (a commit changes no file of the site), a file
/// that could not be looked at, and a file changed within a clock tick of
/// the build's start (`FileVersion.isRecent`).
enum BuildInputs {
    /// The hash; nil when the inputs prove nothing. `settled` (for a build
    /// about to leave its cache): also nil when a file changed so recently
    /// that its version may not show a change made as it was read.
    static func hash(_ listing: SiteLoader.Listing, options: BuildOptions, lastUpdated: LastUpdatedSource?,
                     included: [String], search: String?, settled: Bool) -> String? {
        guard lastUpdated != .git else { return nil }
        var hash = FNV1a.Running()
        var versions: [FileVersion?] = [listing.configVersion]
        for part in [BuildFingerprint.sitegenIdentity, listing.root, options.baseURL ?? "-", "\(options.includeDrafts)",
                     "\(options.fileLinks)", search ?? "-", listing.languageFolders.joined(separator: "/")] {
            hash.add(part)
        }
        for (folder, file) in listing.files {
            hash.add(folder)
            hash.add(file.relativePath)
            versions.append(file.version)
        }
        hash.add("included")
        for file in included.sorted() {
            hash.add(file)
            // A file not there (yet) has no version: "-".
            let version = FileVersion.of(listing.root + "/" + file)
            hash.add(version)
            if let version, settled && version.isRecent(since: listing.started) { return nil }
        }
        for version in versions {
            guard let version, !settled || !version.isRecent(since: listing.started) else { return nil }
            hash.add(version)
        }
        return hash.hex
    }
}
