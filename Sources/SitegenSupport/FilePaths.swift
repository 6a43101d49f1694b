import Foundation

/// Paths on disk.
public enum FilePaths {
    /// The path with symbolic links followed (also a link whose target does
    /// not exist, which `resolvingSymlinksInPath` would leave as it is).
    public static func resolveLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { break }
            let base = (current as NSString).deletingLastPathComponent
            current = destination.hasPrefix("/") ? destination : base + "/" + destination
            current = URL(fileURLWithPath: current).standardizedFileURL.path
        }
        // Links in the folders above are resolved by the system.
        let folder = URL(fileURLWithPath: (current as NSString).deletingLastPathComponent).resolvingSymlinksInPath().path
        return folder + "/" + (current as NSString).lastPathComponent
    }
}
