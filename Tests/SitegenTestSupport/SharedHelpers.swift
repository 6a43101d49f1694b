import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenBuild
@testable import SitegenSupport

// Helpers of one module's suites that the tests of another use too (the
// suite of the same name forwards to them).

package enum SearchTests {
    package static func site() throws -> String {
        let site = try SiteFixtures.copy("search")
        try FileManager.default.copyItem(atPath: Fixtures.repository.path + "/templates", toPath: site + "/templates")
        return site
    }

    package static func build(_ site: String, output: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> BuildReport {
        var options = BuildOptions(source: site, output: output)
        options.environment = environment
        return try SiteBuilder.build(options)
    }

    /// An executable script in a temporary folder.
    package static func script(_ text: String) throws -> String {
        let path = SiteFixtures.temporaryFolder() + "/pagefind"
        try ("#!/bin/sh\n" + text + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }
}

package enum ForeignLayoutTests {
    /// A site folder with these files (paths relative to it) and, unless
    /// given, a one-language `sitegen.yml` (English) ending with `settings`.
    package static func site(_ files: [String: String], settings: String = "") throws -> String {
        let root = SiteFixtures.temporaryFolder() + "/site"
        var files = files
        if files["sitegen.yml"] == nil {
            files["sitegen.yml"] = "title: Docs\nlanguages:\n  - code: en\n    name: English\n" + settings
        }
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: false, encoding: .utf8)
        }
        return root
    }
}

package enum BuiltInThemeTests {
    package static let templates = Fixtures.repository.appendingPathComponent("templates").path

    /// Every file under `folder` (names starting with `.` skipped), by path.
    package static func files(under folder: String) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder)! {
            var isFolder: ObjCBool = false
            guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                  FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue
            else { continue }
            files[path] = Array(FileManager.default.contents(atPath: folder + "/" + path)!)
        }
        return files
    }
}

package enum PreviewResponderTests {
    package static let plan = OutputPlan(files: [
        SitePath("index.html"): Array("<html><body><p>root</p></body></html>".utf8),
        SitePath("nl/"): Array("<html><body><p>nl</p></body></html>".utf8),
        SitePath("nl/guide/"): Array("<html><body>guide</body></html>".utf8),
        SitePath("404.html"): Array("<html><body>not found</body></html>".utf8),
        SitePath("assets/site.abc.css"): Array("body{}".utf8),
        SitePath("nl/img/logo.png"): [0x89, 0x50],
    ])
}

/// The `sitegen` binary run as a user runs it, for the binary's tests and the
/// link checker's (the suite of the same name in sitegenTests forwards to it).
package enum CommandLineTests {
    package struct Result {
        package var status: Int32
        package var standardOutput: String
        package var standardError: String

        package init(status: Int32, standardOutput: String, standardError: String) {
            self.status = status
            self.standardOutput = standardOutput
            self.standardError = standardError
        }
    }

    /// The built `sitegen` binary, next to the test bundle.
    package static let executable: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("sitegen").path),
              directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("sitegen")
    }()

    package static func run(_ arguments: [String], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), error = Pipe(), inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = inputPipe
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inputPipe.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}

package enum ThemeStringsTests {
    /// The languages the theme speaks (issue 29).
    package static let languages = ["ar", "de", "en", "es", "fr", "he", "hi", "it", "ja", "ko", "nl", "pl", "pt", "ru", "sv", "tr", "uk", "zh"]

    /// A language's UI strings as the built-in theme has them; a problem reading them fails the test.
    package static func themeStrings(_ language: String) -> UIStrings {
        let file = BuiltInTheme.files.first { $0.path == BuiltInTheme.stringsFolder + language + ".yml" }!
        let (strings, problems) = UIStrings.parse(SourceText(String(decoding: file.bytes, as: UTF8.self), path: file.path), language: language)
        #expect(problems.isEmpty, "\(language): \(problems)")
        return strings
    }
}

package enum WorstCaseTests {
    /// A chain of questions: each leads on with "yes" or ends with "no" or
    /// "unsure", with their words in both languages (or none: a flow that is
    /// too big is refused before its words are read).
    package static func chainSite(questions: Int, words withWords: Bool = true) throws -> String {
        let site = try SiteFixtures.copy("good")
        var flow = "start: q1\nunsureAnswer: unsure\nquestions:\n"
        var words = "---\ntitle: Helper\ntranslationKey: helper\nweight: 5\ndecision:\n  flow: helper\n  startButton: Start\n  questions:\n"
        for index in 1...questions {
            let next = index == questions ? "outcome-b" : "q\(index + 1)"
            flow += "  q\(index):\n    answers:\n      yes: \(next)\n      no: outcome-a\n      unsure: outcome-a\n"
            if withWords { words += "    q\(index):\n      text: Question \(index)?\n      answers:\n        yes: \"Yes\"\n        no: \"No\"\n        unsure: Not sure\n" }
        }
        flow += "outcomes:\n  outcome-a:\n    recommend: guide-a#stap-2\n  outcome-b:\n    recommend: over\n"
        words += "  outcomes:\n    outcome-a:\n      title: A\n      text: A.\n    outcome-b:\n      title: B\n      text: B.\n---\n\nA long chain.\n"
        try flow.write(toFile: site + "/content/_decisions/helper.yml", atomically: true, encoding: .utf8)
        try words.write(toFile: site + "/content/en/choose.md", atomically: true, encoding: .utf8)
        try words.write(toFile: site + "/content/nl/keuze.md", atomically: true, encoding: .utf8)
        return site
    }
}

/// The shipped guide's decision flow, for both GuideContentTests suites.
package enum GuideContentTests {
    package static func flow() throws -> DecisionFlow {
        let path = Fixtures.repository.path + "/content/_decisions/which-guide.yml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (flow, diagnostics) = DecisionFlow.parse(SourceText(text, path: "which-guide.yml"), id: "which-guide")
        #expect(diagnostics.map(\.description) == [])
        return try #require(flow)
    }

    /// Every path that ends in an outcome, with the outcome.
    package static func outcomePaths() throws -> [(step: DecisionStep, outcome: DecisionFlow.Outcome)] {
        let flow = try flow()
        let steps = try #require(flow.paths())
        return steps.compactMap { step in flow.outcome(step.node).map { (step, $0) } }
    }

    package static func isUnsure(_ step: DecisionStep, in flow: DecisionFlow) -> Bool {
        step.answers.contains { $0.answer == flow.unsureAnswer }
    }
}
