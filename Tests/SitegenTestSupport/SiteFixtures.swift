import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenMarkdown
@testable import SitegenMustache
@testable import SitegenSupport

/// Fixture sites for whole-site builds, built into temporary folders.
package enum SiteFixtures {
    package static func path(_ name: String) -> String {
        Fixtures.path("sites/" + name)
    }

    /// A new empty temporary folder, inside one folder per test run that is
    /// removed when the run ends.
    package static func temporaryFolder() -> String {
        let path = temporaryRoot + "/" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    package static let temporaryRoot: String = {
        let root = NSTemporaryDirectory() + "sitegen-tests-\(getpid())"
        atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "sitegen-tests-\(getpid())") }
        return root
    }()

    /// A copy of a fixture site in a temporary folder, with the files of
    /// `overlay` (a folder under `sites/broken/`) copied on top, and
    /// `settings` (lines of `sitegen.yml`) added at the end of its settings.
    package static func copy(_ name: String, overlay: String? = nil, settings: String = "") throws -> String {
        let destination = temporaryFolder() + "/site"
        try FileManager.default.copyItem(atPath: path(name), toPath: destination)
        if !settings.isEmpty {
            let config = destination + "/" + SiteLayout.configFile
            try (String(contentsOfFile: config, encoding: .utf8) + settings).write(toFile: config, atomically: false, encoding: .utf8)
        }
        if let overlay {
            let source = path(overlay)
            let files = FileManager.default.enumerator(atPath: source)!.compactMap { $0 as? String }
            for file in files.sorted() {
                let from = source + "/" + file
                let to = destination + "/" + file
                var isDirectory: ObjCBool = false
                let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: from)) != nil
                if !isLink, FileManager.default.fileExists(atPath: from, isDirectory: &isDirectory), isDirectory.boolValue {
                    try FileManager.default.createDirectory(atPath: to, withIntermediateDirectories: true)
                    continue
                }
                try? FileManager.default.removeItem(atPath: to)
                try FileManager.default.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                if isLink {
                    try FileManager.default.createSymbolicLink(atPath: to, withDestinationPath: FileManager.default.destinationOfSymbolicLink(atPath: from))
                } else {
                    try FileManager.default.copyItem(atPath: from, toPath: to)
                }
            }
        }
        return destination
    }

    /// Builds a site folder into a new temporary output folder.
    package static func build(_ source: String, output: String? = nil, baseURL: String? = nil, fileLinks: Bool = false, drafts: Bool = false) throws -> (BuildReport, String) {
        let output = output ?? temporaryFolder() + "/out"
        let report = try SiteBuilder.build(BuildOptions(source: source, output: output, baseURL: baseURL, includeDrafts: drafts, fileLinks: fileLinks))
        return (report, output)
    }

    /// Dates the marker of an output a clock tick after every file and
    /// folder in it: files written in the marker's tick are not trusted
    /// (`OutputManifest.isIntact`), and a small site is written within one
    /// tick; so an incremental build's reuse is seen. (Dating the files
    /// back would change their change time, which `isUntouched` checks; the
    /// build kept beside the output is left as it is, since what was done to
    /// its files after its marker must still show.)
    package static func age(_ output: String) {
        usleep(20_000)
        _ = utimensat(AT_FDCWD, output + "/" + SiteLayout.outputMarker, nil, AT_SYMLINK_NOFOLLOW)
        usleep(20_000)
    }

    /// Every file below a folder with its bytes, by relative path.
    package static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
        for case let file as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + file, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[file] = FileManager.default.contents(atPath: folder + "/" + file)
            }
        }
        return files
    }
}

/// A built HTML page parsed as XML, queried with XPath.
package struct HTMLPage {
    package let document: XMLDocument
    package let path: String

    package init(_ path: String) throws {
        self.path = path
        document = try XMLDocument(data: Data(Self.asXML(try String(contentsOfFile: path, encoding: .utf8)).utf8), options: [])
    }

    /// HTML that XML does not allow, made XML: attributes without a value
    /// (`hidden`, `data-pagefind-body`) and void elements written without
    /// `/>` (raw HTML of an author: `<br>`). The parser recovers from both,
    /// but prints an error for each: noise in a passing run.
    static func asXML(_ html: String) -> String {
        let valueless = #"(<[a-zA-Z][^<>]*?\s)(hidden|data-pagefind-body)(?=[\s/>])"#
        // Twice: a tag may have both.
        return html.replacingOccurrences(of: valueless, with: "$1$2=\"\"", options: .regularExpression)
            .replacingOccurrences(of: valueless, with: "$1$2=\"\"", options: .regularExpression)
            .replacingOccurrences(of: #"<(br|hr|img|input|wbr|source|area|col|embed|track)(\s[^<>]*?)?(?<!/)>"#, with: "<$1$2/>", options: .regularExpression)
    }

    /// The nodes matching an XPath query (the XHTML namespace is not used).
    package func nodes(_ xpath: String) throws -> [XMLNode] {
        try document.nodes(forXPath: xpath)
    }

    /// The string values of the nodes matching a query.
    package func values(_ xpath: String) throws -> [String] {
        try nodes(xpath).map { $0.stringValue ?? "" }
    }

    package func value(_ xpath: String) throws -> String? {
        try values(xpath).first
    }
}
