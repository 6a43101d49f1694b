import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenSupport
import SitegenTestSupport

/// Settings whose check needs the site folder's files (the rest are
/// SitegenKitTests' SiteSettingsTests).
@Suite struct SiteSettingsBuildTests {
    @Test func aLogoThatIsNoFileOfStaticIsALocatedError() throws {
        let site = try SiteFixtures.copy("docs")
        let config = site + "/sitegen.yml"
        let text = try String(contentsOfFile: config, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
        try (text + "logo: images/logo.svg\nfavicon: ../secret.ico\n").write(toFile: config, atomically: false, encoding: .utf8)
        let (report, _) = try SiteFixtures.build(site, baseURL: nil)
        #expect(!report.succeeded)
        let messages = report.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("sitegen.yml:\(line + 1):10: error: favicon '../secret.ico' must be the path of a file in static/") }, "\(messages)")
        // Settings errors stop the build before the files are listed; alone, the logo is checked against static/.
        try (text + "logo: images/logo.svg\n").write(toFile: config, atomically: false, encoding: .utf8)
        let (second, _) = try SiteFixtures.build(site, baseURL: nil)
        #expect(second.diagnostics.map(\.description).contains(
            "sitegen.yml:\(line):7: error: logo 'images/logo.svg' is no file in static/; put the file at static/images/logo.svg or correct the path"),
            "\(second.diagnostics)")
    }
}
