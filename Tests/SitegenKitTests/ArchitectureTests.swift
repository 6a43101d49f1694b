import Foundation
import Testing
import SitegenTestSupport

/// Rules of the code itself (ARCHITECTURE.md), checked on Sources/.
@Suite struct ArchitectureTests {
    /// Every Swift file under Sources/, by path relative to the repository.
    static func sources() throws -> [String: String] {
        let root = Fixtures.repository.path + "/Sources"
        var files: [String: String] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: root)! where path.hasSuffix(".swift") {
            files["Sources/" + path] = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        }
        return files
    }

    @Test func noUncheckedSendable() throws {
        let files = try Self.sources()
        #expect(files.count > 100)
        let unchecked = files.filter { $0.value.contains("@unchecked Sendable") }.keys.sorted()
        #expect(unchecked.isEmpty, "state shared between threads goes in a Synchronization.Mutex")
    }

    @Test func workRunsOnTheCoresOneWay() throws {
        let others = try Self.sources().filter { $0.value.contains("concurrentPerform(") }.keys.sorted()
        #expect(others == ["Sources/SitegenSupport/Cores.swift"], "use Cores.run, .split or .map")
    }

    /// `public` is the library's surface (ARCHITECTURE.md): building a
    /// site, rendering Markdown and templates, diagnostics; every public
    /// declaration documented; serve has none.
    @Test func thePublicSurfaceIsSmallAndDocumented() throws {
        var perModule: [String: Int] = [:]
        var undocumented: [String] = []
        for (path, text) in try Self.sources() {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() where line.trimmingCharacters(in: .whitespaces).hasPrefix("public ") {
                perModule[String(path.split(separator: "/")[1]), default: 0] += 1
                if number == 0 || !lines[number - 1].trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                    undocumented.append("\(path):\(number + 1)")
                }
            }
        }
        #expect(Set(perModule.keys) == ["SitegenBuild", "SitegenKit", "SitegenMarkdown", "SitegenMustache", "SitegenSupport"])
        #expect(perModule.values.reduce(0, +) < 100, "\(perModule)")
        #expect(undocumented.isEmpty, "\(undocumented)")
    }
}
