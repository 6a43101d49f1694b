import Foundation
import Testing
@testable import SitegenMustache
@testable import SitegenSupport
import SitegenTestSupport

/// Every case of the official Mustache specification
/// (Tests/Fixtures/specs/mustache/, from https://github.com/mustache/spec),
/// run as it is, the way ConformanceTests runs the CommonMark spec. The
/// required modules must pass in full; of the optional ones (`~` files),
/// only the cases listed in `unsupported` may fail, and they must.
@Suite struct MustacheSpecTests {
    static let requiredFiles = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"]
    static let optionalFiles = ["~dynamic-names", "~inheritance", "~lambdas"]

    /// Cases sitegen knowingly does not support, by file. Every other case
    /// of the optional files must pass.
    static let unsupported: [String: (reason: String, cases: Set<String>)] = [
        // `{{>*name}}` picks a partial by a value's name. sitegen's templates
        // name their partials, so a missing one is a build error, never an
        // empty page chosen by page data; the parser rejects `{{>*name}}`
        // with a message saying so. Every case of the file uses it.
        "~dynamic-names": ("dynamic partial names ({{>*name}}) are not supported", [
            "Basic Behavior - Partial",
            "Basic Behavior - Name Resolution",
            "Context Misses - Partial",
            "Failed Lookup - Partial",
            "Context",
            "Dotted Names",
            "Dotted Names - Operator Precedence",
            "Dotted Names - Failed Lookup",
            "Dotted names - Context Stacking",
            "Dotted names - Context Stacking Under Repetition",
            "Dotted names - Context Stacking Failed Lookup",
            "Recursion",
            "Dynamic Names - Double Dereferencing",
            "Dynamic Names - Composed Dereferencing",
            "Surrounding Whitespace",
            "Inline Indentation",
            "Standalone Line Endings",
            "Standalone Without Previous Line",
            "Standalone Without Newline",
            "Standalone Indentation",
            "Padding Whitespace",
        ]),
        // Lambdas are code in the data (the spec gives them in Ruby, Perl,
        // JavaScript...). sitegen's data comes from front matter and the
        // site's files, never code; its only functions are its own section
        // helpers (`asset`), whose result is text, never a template. The
        // file's last case, "Inverted Section", passes: a lambda is truthy,
        // and so is the object the spec's data gives in its place.
        "~lambdas": ("lambdas (code in the data) are not supported", [
            "Interpolation",
            "Interpolation - Expansion",
            "Interpolation - Alternate Delimiters",
            "Interpolation - Multiple Calls",
            "Escaping",
            "Section",
            "Section - Expansion",
            "Section - Alternate Delimiters",
            "Section - Multiple Calls",
        ]),
    ]

    static let requiredCases = requiredFiles.flatMap(loadFile)
    static let optionalCases = optionalFiles.flatMap(loadFile)

    @Test func specHasAllCases() {
        let counts = Dictionary(grouping: Self.requiredCases + Self.optionalCases, by: \.file).mapValues(\.count)
        #expect(counts == [
            "comments": 12, "delimiters": 14, "interpolation": 42, "inverted": 22, "partials": 12, "sections": 34,
            "~dynamic-names": 21, "~inheritance": 27, "~lambdas": 10,
        ])
    }

    @Test func unsupportedCasesAreOptionalAndExist() {
        #expect(Set(Self.unsupported.keys).isDisjoint(with: Self.requiredFiles))
        for (file, unsupported) in Self.unsupported {
            let names = Set(Self.loadFile(file).map(\.name))
            #expect(unsupported.cases.isSubset(of: names), "\(file): \(unsupported.cases.subtracting(names))")
        }
    }

    @Test(arguments: requiredCases)
    func requiredCasePasses(_ spec: SpecCase) {
        #expect(Self.outcome(spec) == spec.expected, "\(spec.description)")
    }

    @Test(arguments: optionalCases)
    func optionalCasePassesUnlessListedAsUnsupported(_ spec: SpecCase) {
        let actual = Self.outcome(spec)
        if let unsupported = Self.unsupported[spec.file], unsupported.cases.contains(spec.name) {
            // Listed cases must still fail: a case that starts passing should
            // leave the list, so the list stays true.
            #expect(actual != spec.expected, "listed as unsupported (\(unsupported.reason)) but passes")
        } else {
            #expect(actual == spec.expected, "\(spec.description)")
        }
    }

    /// The rendered output, or the syntax or depth error as text.
    static func outcome(_ spec: SpecCase) -> String {
        do {
            return try MustacheTests.render(spec.template, spec.data.templateData ?? [:], partials: spec.partials)
        } catch {
            return "error: \(error)"
        }
    }

    static func loadFile(_ file: String) -> [SpecCase] {
        let url = URL(fileURLWithPath: Fixtures.path("specs/mustache/\(file).json"))
        guard let data = try? Data(contentsOf: url),
              let spec = try? JSONDecoder().decode(SpecFile.self, from: data) else { return [] }
        return spec.tests.map { test in
            SpecCase(file: file, name: test.name, description: test.desc, template: test.template,
                     data: test.data, partials: test.partials ?? [:], expected: test.expected)
        }
    }

    struct SpecFile: Decodable {
        struct Test: Decodable {
            var name: String
            var desc: String
            var data: JSONValue
            var template: String
            var partials: [String: String]?
            var expected: String
        }
        var tests: [Test]
    }
}

/// One case of a Mustache spec file, named by file and test name.
struct SpecCase: CustomTestStringConvertible, Sendable {
    var file: String
    var name: String
    var description: String
    var template: String
    var data: JSONValue
    var partials: [String: String]
    var expected: String

    var testDescription: String { "\(file): \(name)" }
}

/// A spec case's data as JSON has it.
indirect enum JSONValue: Decodable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Strings become text, integral numbers `.int`, other numbers
    /// `.double`. TemplateData has no null: the spec's nulls (all of them
    /// object values) interpolate as nothing and are falsy, which is how a
    /// missing key behaves, so a null is left out.
    var templateData: TemplateData? {
        switch self {
        case .null: nil
        case .bool(let value): .bool(value)
        case .number(let value): value.rounded() == value && abs(value) < 1e15 ? .int(Int(value)) : .double(value)
        case .string(let value): .text(value)
        case .array(let values): .list(values.compactMap(\.templateData))
        case .object(let values): .object(values.compactMapValues(\.templateData))
        }
    }
}
