import Foundation
import Testing
import SitegenTestSupport

/// Rules of the code itself (ARCHITECTURE.md), checked on Sources/.
@Suite struct ArchitectureTests {
    /// Every Swift file under Sources/ (or another folder), by path relative to the repository.
    static func sources(in folder: String = "Sources") throws -> [String: String] {
        let root = Fixtures.repository.path + "/" + folder
        var files: [String: String] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: root)! where path.hasSuffix(".swift") {
            files[folder + "/" + path] = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        }
        return files
    }

    /// In the tests too (this file names it).
    @Test func noUncheckedSendable() throws {
        let files = try Self.sources().merging(Self.sources(in: "Tests")) { $1 }
        #expect(files.count > 150)
        let unchecked = files.filter { $0.value.contains("@unchecked Sendable") && !$0.key.hasSuffix("/ArchitectureTests.swift") }.keys.sorted()
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

    /// sitegen's modules from the bottom up: a module imports only modules
    /// of a lower layer (ARCHITECTURE.md). A new module gets its place here.
    static let layers: [[String]] = [
        ["CCmark", "CSourceHighlight", "CAtomicRename"],
        ["SitegenSupport"],
        ["SitegenHighlight"],
        ["SitegenMarkdown", "SitegenMustache"],
        ["SitegenKit"],
        ["SitegenLinkCheck"],
        ["SitegenBuild"],
        ["SitegenPreview"],
        ["sitegen"],
    ]

    /// The modules that do no I/O: values in, values out.
    static let pureModules: Set = ["SitegenKit", "SitegenMarkdown", "SitegenMustache", "SitegenHighlight"]

    /// Each import of one of sitegen's modules that does not point down, as
    /// `file: import Module`.
    static func importsNotPointingDown(_ files: [String: String]) -> [String] {
        let layer = Dictionary(uniqueKeysWithValues: layers.enumerated().flatMap { index, modules in modules.map { ($0, index) } })
        var wrong: [String] = []
        for (path, text) in files {
            let module = String(path.split(separator: "/")[1])
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ").filter { $0 != "@testable" }
                guard words.count == 2, words[0] == "import", let imported = layer[String(words[1])] else { continue }
                if layer[module].map({ imported >= $0 }) ?? true { wrong.append("\(path): import \(words[1])") }
            }
        }
        return wrong.sorted()
    }

    @Test func importsPointDown() throws {
        let files = try Self.sources()
        let modules = Set(files.keys.map { String($0.split(separator: "/")[1]) }).subtracting(["ThemeEmbedder"])
        let placed = Set(Self.layers.joined())
        #expect(modules.subtracting(placed).isEmpty, "give each module its layer in ArchitectureTests.layers")
        #expect(Self.importsNotPointingDown(files).isEmpty)
        // The check itself: an upward import is seen.
        #expect(Self.importsNotPointingDown(["Sources/SitegenKit/A.swift": "import SitegenBuild\n"])
            == ["Sources/SitegenKit/A.swift: import SitegenBuild"])
    }

    /// File system, process and network calls in `text` (comments left
    /// out): Foundation's types for them, sitegen's own file helpers, and
    /// the C calls, unless the module declares a function or closure of
    /// that name itself (`declared`).
    static func ioCalls(in text: String, declared: Set<String> = []) -> [String] {
        let patterns = [
            #"\b(FileManager|FileHandle|Process|URLSession|InputStream|OutputStream|SiteFileReader|FileBytes|NewFile|FolderHandle)\b"#,
            #"\b(Data|String)\s*\(\s*contentsOf"#, #"\bcontentsOfFile\b"#, #"\.write\s*\(\s*to"#,
            #"(?<![\w.])(posix_spawnp?|fork|execv\w*|system|popen|socket|connect|getaddrinfo|fopen|opendir|readdir|open|openat|creat|read|pread|write|pwrite|close|stat|lstat|fstat|unlink|unlinkat|rename|renameat2?|mkdir|rmdir|readlink|realpath|getenv|flock)\s*\("#,
        ].map { try! NSRegularExpression(pattern: $0) }
        var found: [String] = []
        for line in text.split(separator: "\n") {
            let code = String(line).components(separatedBy: "//")[0]
            let range = NSRange(code.startIndex..., in: code)
            for pattern in patterns {
                for match in pattern.matches(in: code, range: range) {
                    let name = String(code[Range(match.range(at: match.numberOfRanges > 1 ? 1 : 0), in: code)!])
                    if !declared.contains(name) { found.append(name) }
                }
            }
        }
        return found
    }

    /// Names a module declares as functions, values or closure parameters.
    static func declaredNames(in texts: [String]) -> Set<String> {
        let declaration = try! NSRegularExpression(pattern: #"(?:func|let|var|case)\s+(\w+)|(\w+)\s*:\s*(?:@\w+\s+)*\("#)
        var names: Set<String> = []
        for text in texts {
            for match in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                for group in 1...2 {
                    if let range = Range(match.range(at: group), in: text) { names.insert(String(text[range])) }
                }
            }
        }
        return names
    }

    /// The core is pure (ARCHITECTURE.md): reading the site folder, writing
    /// the output, Pagefind, git and HTTP live in SitegenBuild and
    /// SitegenLinkCheck.
    @Test func theCoreDoesNoIO() throws {
        let files = try Self.sources()
        var calls: [String] = []
        for module in Self.pureModules {
            let texts = files.filter { $0.key.hasPrefix("Sources/\(module)/") }
            #expect(!texts.isEmpty)
            let declared = Self.declaredNames(in: Array(texts.values))
            for (path, text) in texts {
                calls += Self.ioCalls(in: text, declared: declared).map { "\(path): \($0)" }
            }
        }
        #expect(calls.sorted().isEmpty, "move I/O to SitegenBuild; the core takes and gives values")
        // The check itself sees each kind of call.
        #expect(Self.ioCalls(in: "let names = try FileManager.default.contentsOfDirectory(atPath: root)") == ["FileManager"])
        #expect(Self.ioCalls(in: "let bytes = try Data(contentsOf: url)") == ["Data"])
        #expect(Self.ioCalls(in: "guard stat(path, &info) == 0 else { return }") == ["stat"])
        #expect(Self.ioCalls(in: "let fd = socket(AF_INET, SOCK_STREAM, 0) // a comment: open(x)") == ["socket"])
        #expect(Self.ioCalls(in: "reader.read(x); read(text, value)", declared: ["read"]).isEmpty)
    }
}
