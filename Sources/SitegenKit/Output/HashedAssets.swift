import SitegenSupport
/// The theme's files from `templates/assets/`, each published under a name
/// that contains a hash of its bytes (`assets/site.3f9a1c07b2.css`), so a
/// browser can cache it for ever and still gets a changed file at once.
public struct HashedAssets: Sendable {
    /// Output path by the asset's path under `templates/assets/`.
    public private(set) var paths: [String: SitePath] = [:]
    public private(set) var files: [SitePath: [UInt8]] = [:]

    public init(_ assets: [SiteSource.StaticFile]) {
        for asset in assets {
            let name = asset.relativePath
            let hash = HashedAssets.hash(asset.bytes)
            let hashed: String
            if let dot = name.lastIndex(of: "."), !name[..<dot].hasSuffix("/"), dot != name.startIndex {
                hashed = name[..<dot] + "." + hash + name[dot...]
            } else {
                hashed = name + "." + hash
            }
            let path = SitePath("assets/" + hashed)
            paths[name] = path
            files[path] = asset.bytes
        }
    }

    /// 64-bit FNV-1a as 10 hex digits: not for security, only to tell versions apart.
    static func hash(_ bytes: [UInt8]) -> String {
        String(FNV1a.hex(bytes).prefix(10))
    }
}
