import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenSupport
import SitegenTestSupport

/// Two small sites as Hugo and MkDocs authors write them build unedited,
/// and give the output in `Tests/Fixtures/sites/<name>/golden.txt`: every
/// page with its title and headings (id, class, lang), every redirect with
/// its target, and the warnings. SITEGEN_UPDATE_GOLDEN=1 rewrites the
/// golden files (review them with `git diff`).
@Suite struct ForeignSiteFixtureTests {
    @Test(arguments: ["hugo-style", "mkdocs-style"])
    func buildsUneditedAsTheGoldenOutputSays(name: String) throws {
        let site = try SiteFixtures.copy(name)
        try? FileManager.default.removeItem(atPath: site + "/golden.txt")
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.errors.isEmpty, "\(report.errors)")
        let actual = try Self.summary(report, output)
        let goldenFile = SiteFixtures.path(name + "/golden.txt")
        if ProcessInfo.processInfo.environment["SITEGEN_UPDATE_GOLDEN"] == "1" {
            try actual.write(toFile: goldenFile, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: goldenFile, encoding: .utf8)
        #expect(actual == golden, "SITEGEN_UPDATE_GOLDEN=1 writes this build's summary into \(goldenFile); review it with git diff")
    }

    static func summary(_ report: BuildReport, _ output: String) throws -> String {
        var lines = report.warnings.map { "warning: " + $0.description }
        let files = SiteFixtures.snapshot(output).keys.filter { $0.hasSuffix(".html") }.sorted()
        for file in files {
            let html = try String(contentsOfFile: output + "/" + file, encoding: .utf8)
            if let refresh = html.firstRange(of: "http-equiv=\"refresh\" content=\"0; url=") {
                lines.append("\(file) -> " + html[refresh.upperBound...].prefix { $0 != "\"" })
                continue
            }
            let page = try HTMLPage(output + "/" + file)
            var line = "\(file): \(try page.values("//h1").joined(separator: " | "))"
            for heading in try page.nodes("//main//*[self::h2 or self::h3]") {
                guard let element = heading as? XMLElement else { continue }
                let attributes = ["id", "class", "lang", "data-level"].compactMap { name in
                    element.attribute(forName: name)?.stringValue.map { "\(name)=\($0)" }
                }
                line += "; h: \(element.stringValue ?? "") [\(attributes.joined(separator: " "))]"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
