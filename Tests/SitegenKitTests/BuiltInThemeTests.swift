import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenSupport
import SitegenTestSupport

/// The built-in theme as embedded (the builds with it are SitegenBuildTests'
/// BuiltInThemeTests).
@Suite struct BuiltInThemeTests {
    // The helpers live in SitegenTestSupport, for the scaffold tests too.
    static let templates = SitegenTestSupport.BuiltInThemeTests.templates

    static func files(under folder: String) -> [String: [UInt8]] { SitegenTestSupport.BuiltInThemeTests.files(under: folder) }

    @Test func embeddedThemeIsTemplatesFolder() {
        let embedded = Dictionary(uniqueKeysWithValues: BuiltInTheme.files.map { ($0.path, $0.bytes) })
        let onDisk = Self.files(under: Self.templates)
        #expect(embedded.keys.sorted() == onDisk.keys.sorted())
        for (path, bytes) in onDisk {
            #expect(embedded[path] == bytes, "templates/\(path) differs from its embedded copy")
        }
        #expect(BuiltInTheme.files.map(\.path) == BuiltInTheme.files.map(\.path).sorted())
        #expect(BuiltInTheme.languages == ThemeStringsTests.languages)
    }

    @Test func hexEncodedFilesDecode() {
        #expect(BuiltInTheme.File(path: "a.png", hex: "00ff10ab").bytes == [0x00, 0xFF, 0x10, 0xAB])
    }
}
