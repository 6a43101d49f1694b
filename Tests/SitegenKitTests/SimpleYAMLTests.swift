import Testing
import SitegenSupport
import SitegenTestSupport
import Yams
@testable import SitegenKit

/// Front matter in the common subset is read without Yams' parser
/// (`SimpleYAML`); everything else goes to Yams. Differential: whatever the
/// fast path accepts, Yams reads to the same nodes (strings, tags, styles,
/// marks), and whatever Yams rejects or limits, the fast path declines, so
/// errors keep Yams' words, lines and columns.
@Suite struct SimpleYAMLTests {
    /// A node written out whole: kind, tag, style, line:column and text.
    static func dump(_ node: Node?) -> String {
        guard let node else { return "nil" }
        let place = node.mark.map { "\($0.line):\($0.column)" } ?? "?"
        switch node {
        case .scalar(let scalar):
            return "scalar(\(scalar.string.debugDescription) tag=\(scalar.tag.description)/\(YAMLText.tag(of: node).rawValue) style=\(scalar.style) at \(place))"
        case .sequence(let sequence):
            return "seq(style=\(sequence.style) tag=\(sequence.tag.description) at \(place): \(sequence.map(dump).joined(separator: ", ")))"
        case .mapping(let mapping):
            return "map(style=\(mapping.style) tag=\(mapping.tag.description) at \(place): \(mapping.map { dump($0.key) + " => " + dump($0.value) }.joined(separator: "; ")))"
        case .alias:
            return "alias"
        }
    }

    static func yams(_ text: String) -> Result<Node?, Error> {
        Result { try Parser(yaml: text, resolver: YAMLText.resolver, encoding: .utf8).singleRoot() }
    }

    /// The fast path's nodes are Yams' nodes, or it declined.
    static func expectAgreement(_ text: String, accepted: Bool? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fast = SimpleYAML.root(text)
        if let accepted {
            #expect((fast != nil) == accepted, "\(accepted ? "declined" : "accepted"): \(text.debugDescription)", sourceLocation: sourceLocation)
        }
        guard let fast else { return }
        switch yams(text) {
        case .success(let node):
            #expect(dump(fast) == dump(node), "\(text.debugDescription)", sourceLocation: sourceLocation)
        case .failure(let error):
            Issue.record("fast path accepted what Yams rejects (\(error)): \(text.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [
        "title: Handleiding A\n",
        "title: Handleiding A\nweight: 10\ndraft: true\nslug: handleiding-a\n",
        "title: \"Quoted: with colon\"\ndescription: 'It''s single'\n",
        "title: \"Escapes \\\" \\\\ \\/ \\n \\t\"\n",
        "date: 2024-01-05\nlastmod: 2024-01-05T10:00:00Z\n",
        "weight: -3\nratio: 1.5\nhex: 0x1F\nnothing: ~\nempty: ''\nnull1: null\n",
        "aliases: [old/path/, \"/other/\", 'third']\n",
        "aliases: []\ntags: [a,b , c ]\n",
        "aliases:\n  - old/path/\n  - \"/quoted/\"\ntitle: After\n",
        "aliases:\n- one\n- two\n",
        "# a comment\ntitle: Page   # trailing comment\n\n\nweight: 3\n",
        "title: Café «ñ» 日本語\ndescription: émoji 🎉 here\ntags: [é, 日本, \"ü\"]\n",
        "title: https://example.org/a#b\nurl: a:b\n",
        "title: It's a \"title\"\nlink_title: x-y_z\n",
        "Title: Upper\nlinkTitle: yes\nno: off\n",
        "translationOf: 3f9a0c12be47\nnumbers: 1234567890123456789012345\n",
        "title: a  b   c\n",
        "title: last line without a break",
        "title: x\n\n",
        "k: \"\"\n",
    ])
    func commonShapesAreReadAsYamsReadsThem(text: String) {
        Self.expectAgreement(text, accepted: true)
    }

    /// Valid YAML beyond the subset, and invalid YAML: declined, so Yams
    /// reads it (or says what is wrong, where).
    @Test(arguments: [
        "", "# only a comment\n", "title: x\n---\n", "---\ntitle: x\n", "...\n",
        "title: x\ntitle: y\n", "a: 1\nb:\n  c: 2\n", "a:\n", "a:\nb: 1\n", "a: [1, [2]]\n", "a: {b: 1}\n",
        "a: &x 1\nb: *x\n", "a: !!str 1\n", "? a\n: b\n", "a: |\n  text\n", "a: >\n  text\n",
        "a: multi\n  line\n", "a: \"multi\n  line\"\n", "a: 'multi\n  line'\n", "a: [1,\n 2]\n",
        "a: b: c\n", "a: b:\n", "a: \"unclosed\n", "a: 'unclosed\n", "a: [1, 2\n", "a: [1, ]\n", "a: [,]\n",
        "a:\tb\n", "a: b\tc\n", "a: b\r\n", "\"a\": 1\n", "'a': 1\n", "1a: 1\n", "-a: 1\n", " a: 1\n",
        "a: @b\n", "a: `b`\n", "a: %b\n", "a: - b\n", "a: -\n", "a:b\n", "a : b\n",
        "a:\n  - x\n   - y\n", "a:\n  - x\n  -\n", "a:\n  - x\n    y\n", "a:\n  - [x]\n", "a:\n  - b: c\n",
        "a: \"\\x41\"\n", "a: \"\\u00e9\"\n", "a: \"bad \\q\"\n", "a: 'x' y\n", "a: \"x\"y\n", "a: [x] y\n",
        "a: x #c\n  b\n", "a: x\n  # indented comment\n", "a: b\u{85}c\n", "a: b\u{2028}c\n", "a: \u{feff}b\n", "a: b\u{7f}\n",
        "%YAML 1.1\n---\na: 1\n", "a: [a: b]\n", "a: [x #c]\n", "a: {}\n", "a: ?x\n", "a: :x\n",
    ])
    func otherShapesAreDeclined(text: String) {
        Self.expectAgreement(text, accepted: false)
    }

    /// Errors keep Yams' words and place: `YAMLText` reads a declined text
    /// with Yams (here a repeated key, a tab and a nested value out of place).
    @Test func errorsAreYamsOwn() {
        for text in ["title: x\ntitle: y\n", "a: b\tc: d\n", "a: 1\n  b: 2\n", "a: \"x\n"] {
            #expect(SimpleYAML.root(text) == nil)
            let expected: String
            do {
                _ = try Parser(yaml: text, resolver: YAMLText.resolver, encoding: .utf8).singleRoot()
                expected = "no error"
            } catch let error as YamlError {
                expected = YAMLText.diagnostic(for: error, file: "p.md", firstLine: 2).description
            } catch {
                expected = "\(error)"
            }
            var got = "no error"
            do { _ = try YAMLText(text, file: "p.md", firstLine: 2) } catch { got = error.diagnostics.map(\.description).joined() }
            #expect(got == expected, "\(text.debugDescription)")
        }
    }

    /// The size limits are Yams' path's: a text the fast path may read
    /// (lines and columns within its bounds, lists of one level) holds
    /// fewer values than the limit, and one past its bounds is declined.
    @Test func limitsAreLeftToYams() {
        #expect(SimpleYAML.maximumLine * SimpleYAML.maximumColumn / 2 < YAMLText.maximumValues)
        let list = "[" + Array(repeating: "x", count: 84).joined(separator: ",") + "]"
        let fits = (1...SimpleYAML.maximumLine).map { "k\($0): \(list)\n" }.joined()
        #expect(SimpleYAML.root(fits) != nil)
        #expect(SimpleYAML.root(fits + "k0: x\n") == nil)
        #expect(SimpleYAML.root("k: [" + Array(repeating: "x", count: 200).joined(separator: ", ") + "]\n") == nil)
        #expect(SimpleYAML.root("k: " + String(repeating: "x", count: SimpleYAML.maximumColumn) + "\n") != nil)
    }

    /// A whole number read as a plain decimal (`weight: 10`) is what Yams'
    /// own reading gives, and every other spelling is still Yams'.
    @Test(arguments: ["10", "-3", "0", "-0", "007", "+7", "0x1F", "0o17", "1_000", "1:30", "123456789012345678",
                      "1234567890123456789012", "--1", "-", "1e3", "ten", "٣"])
    func wholeNumbersReadAsYamsReadsThem(text: String) throws {
        let node = Node.scalar(.init(text))
        let reader = YAMLReader(try YAMLText("a: 1\n", file: "p.md"))
        #expect(reader.int(node, "not a whole number") == (YAMLText.tag(of: node) == .int ? node.int : nil), "\(text)")
    }

    /// Thousands of documents put together from pieces (keys, every kind of
    /// value, comments, lists, and pieces that break the subset or YAML):
    /// the fast path agrees with Yams on each it accepts, declines each
    /// Yams rejects, and accepts most of those in the subset.
    @Test func generatedDocumentsAgree() {
        let keys = ["title", "weight", "draft", "tags", "yes", "a-b", "c_d", "X1", "date", "aliases", "title"]
        let values = [
            "plain", "two words", "10", "-7", "3.5", "0x1F", "1_000", "1:30", "yes", "Off", "~", "null", "2024-01-05",
            "\"quoted\"", "'single'", "\"a: b\"", "'it''s'", "\"\\\"x\\\"\"", "\"\"", "''", "[]", "[a, b]", "[\"a\", 'b', 3]",
            "http://x.org/a?b=c#d", "é ü 日本", "x # comment", "a  b", "\"tab\\tnew\\nline\"",
            // breaking pieces
            "a: b", "[a", "\"open", "'open", "&anchor x", "*alias", "!!str x", "|", ">", "{a: b}", "[a, [b]]", "x\ty", "@at",
            "x\r", "- y", ": z", "[a, ]", "\"\\q\"", "'x' y",
        ]
        let separators = ["\n", "\n\n", "\n# comment\n", "\n  indented: x\n", "\n---\n", "\n"]
        var generator = SeededGenerator(seed: 30)
        var accepted = 0
        var yamsAccepted = 0
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let key = keys.randomElement(using: &generator)!
                if Int.random(in: 0..<8, using: &generator) == 0 {
                    let indent = ["", "  ", "    "].randomElement(using: &generator)!
                    text += key + ":\n" + (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                        indent + "- " + values.randomElement(using: &generator)! + "\n"
                    }.joined()
                } else {
                    text += key + ": " + values.randomElement(using: &generator)!
                    text += Int.random(in: 0..<6, using: &generator) == 0 ? separators.randomElement(using: &generator)! : "\n"
                }
            }
            let fast = SimpleYAML.root(text)
            if fast != nil { accepted += 1 }
            if case .success = Self.yams(text) { yamsAccepted += 1 }
            Self.expectAgreement(text)
        }
        // The subset is most of what Yams reads here (the rest: repeated keys,
        // nested values, anchors...): a fast path that declined all would fail.
        #expect(accepted * 3 > yamsAccepted, "fast path accepted \(accepted) of \(yamsAccepted)")
    }
}
