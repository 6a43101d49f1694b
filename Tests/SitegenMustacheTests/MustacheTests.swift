import Synchronization
import Testing
@testable import SitegenKit  // UIStringLookup, in lookupsCountOnlyWhatTemplatesAskForByName
@testable import SitegenMustache
@testable import SitegenSupport
import SitegenTestSupport

/// sitegen's Mustache engine against the behaviour the Mustache specification
/// (https://github.com/mustache/spec) describes: interpolation, sections,
/// inverted sections, comments, delimiters, partials and inheritance. The
/// cases are written here, one per rule.
@Suite struct MustacheTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var template: String
        let data: LockedData
        var partials: [String: String]
        var expected: String
        var testDescription: String { name }

        init(name: String, template: String, data: sending TemplateData = [:], partials: [String: String] = [:], expected: String) {
            self.name = name
            self.template = template
            self.data = LockedData(data)
            self.partials = partials
            self.expected = expected
        }
    }

    /// A case's data: `TemplateData` may hold closures and lookups, so it
    /// is not Sendable; the case keeps it behind a lock, used while rendering.
    final class LockedData: Sendable {
        private let data: Mutex<TemplateData>

        init(_ data: sending TemplateData) {
            self.data = Mutex(data)
        }

        func read<Result: Sendable>(_ body: (TemplateData) throws -> Result) rethrows -> Result {
            try data.withLock { try body($0) }
        }
    }

    static func render(_ template: String, _ data: TemplateData, partials: [String: String] = [:]) throws -> String {
        try SitegenTestSupport.MustacheTests.render(template, data, partials: partials)
    }

    static let interpolationCases: [Case] = [
        Case(name: "interpolation: text without tags", template: "Hello from {Mustache}!\n", expected: "Hello from {Mustache}!\n"),
        Case(name: "interpolation: variable", template: "Hello, {{subject}}!", data: ["subject": "world"], expected: "Hello, world!"),
        Case(name: "interpolation: escaped", template: "{{x}}", data: ["x": "& \" < > '"], expected: "&amp; &quot; &lt; &gt; &#39;"),
        Case(name: "interpolation: triple mustache", template: "{{{x}}}", data: ["x": "& \" < >"], expected: "& \" < >"),
        Case(name: "interpolation: ampersand", template: "{{&x}}", data: ["x": "& \" < >"], expected: "& \" < >"),
        Case(name: "interpolation: integer", template: "{{n}} miles", data: ["n": 85], expected: "85 miles"),
        Case(name: "interpolation: decimal", template: "{{p}} jiggawatts", data: ["p": .double(1.21)], expected: "1.21 jiggawatts"),
        Case(name: "interpolation: boolean", template: "{{b}}", data: ["b": true], expected: "true"),
        Case(name: "interpolation: missing value", template: "I ({{cannot}}) be seen", expected: "I () be seen"),
        Case(name: "interpolation: dotted name", template: "{{person.name}} == {{#person}}{{name}}{{/person}}",
             data: ["person": ["name": "Joe"]], expected: "Joe == Joe"),
        Case(name: "interpolation: dotted name, any depth", template: "{{a.b.c.d}}", data: ["a": ["b": ["c": ["d": "Phil"]]]], expected: "Phil"),
        Case(name: "interpolation: dotted name, broken chain", template: "[{{a.b.c}}]", data: ["a": [:]], expected: "[]"),
        Case(name: "interpolation: dotted name, later parts resolve only in the first part's value", template: "[{{a.b.c.name}}]",
             data: ["a": ["b": [:]], "c": ["name": "Jim"]], expected: "[]"),
        Case(name: "interpolation: dotted name, first part resolves like any name", template: "{{#a}}{{b.c}}{{/a}}",
             data: ["a": ["b": ["c": "Phil"]], "b": ["c": "Wrong"]], expected: "Phil"),
        Case(name: "interpolation: dotted name, context precedence", template: "[{{#a}}{{b.c}}{{/a}}]",
             data: ["a": ["b": [:]], "b": ["c": "ERROR"]], expected: "[]"),
        Case(name: "interpolation: whitespace around is kept", template: "| {{s}} |", data: ["s": "---"], expected: "| --- |"),
        Case(name: "interpolation: a variable alone on its line is not standalone", template: "  {{s}}\n", data: ["s": "---"], expected: "  ---\n"),
        Case(name: "interpolation: padding inside tags", template: "|{{ s }}|{{{ s }}}|{{& s }}|", data: ["s": "-"], expected: "|-|-|-|"),
        Case(name: "interpolation: implicit iterator", template: "{{.}}", data: "here", expected: "here"),
    ]

    static let sectionsCases: [Case] = [
        Case(name: "section: true", template: "[{{#b}}yes{{/b}}]", data: ["b": true], expected: "[yes]"),
        Case(name: "section: false", template: "[{{#b}}yes{{/b}}]", data: ["b": false], expected: "[]"),
        Case(name: "section: missing", template: "[{{#b}}yes{{/b}}]", expected: "[]"),
        Case(name: "section: object becomes the context", template: "{{#o}}{{name}}{{/o}}", data: ["o": ["name": "Joe"]], expected: "Joe"),
        Case(name: "section: text is truthy", template: "{{#t}}[{{.}}]{{/t}}", data: ["t": "x"], expected: "[x]"),
        Case(name: "section: list repeats", template: "{{#l}}{{n}},{{/l}}", data: ["l": [["n": 1], ["n": 2], ["n": 3]]], expected: "1,2,3,"),
        Case(name: "section: empty list", template: "[{{#l}}x{{/l}}]", data: ["l": []], expected: "[]"),
        Case(name: "section: list of text with the implicit iterator", template: "{{#l}}({{.}}){{/l}}", data: ["l": ["a", "b"]], expected: "(a)(b)"),
        Case(name: "section: names resolve outwards", template: "{{#a}}{{#b}}{{outer}}{{inner}}{{/b}}{{/a}}",
             data: ["outer": "1", "a": ["b": ["inner": "2"]]], expected: "12"),
        Case(name: "section: dotted section name", template: "{{#a.b}}yes{{/a.b}}", data: ["a": ["b": true]], expected: "yes"),
        Case(name: "section: nested lists", template: "{{#l}}{{#m}}{{.}}{{/m}};{{/l}}", data: ["l": [["m": ["a", "b"]], ["m": ["c"]]]], expected: "ab;c;"),
        Case(name: "section: standalone lines are removed", template: "|\n{{#b}}\nyes\n{{/b}}\n|\n", data: ["b": true], expected: "|\nyes\n|\n"),
        Case(name: "section: indented standalone lines are removed", template: "|\n  {{#b}}\n  yes\n  {{/b}}\n|", data: ["b": true], expected: "|\n  yes\n|"),
        Case(name: "section: standalone with CRLF", template: "|\r\n{{#b}}\r\nyes\r\n{{/b}}\r\n|", data: ["b": true], expected: "|\r\nyes\r\n|"),
        Case(name: "section: standalone at the start without a line before", template: "{{#b}}\nyes\n{{/b}}", data: ["b": true], expected: "yes\n"),
        Case(name: "section: standalone at the end without a line break", template: "yes\n{{#b}}\n{{/b}}", data: ["b": true], expected: "yes\n"),
        Case(name: "section: two tags on a line are not standalone", template: " {{#b}}yes{{/b}}\n", data: ["b": true], expected: " yes\n"),
        Case(name: "section: text on the line: not standalone", template: "a {{#b}}\nyes{{/b}} b", data: ["b": true], expected: "a \nyes b"),
        Case(name: "section: section helper gets the section's text", template: "<{{#asset}} site.css {{/asset}}>",
             data: ["asset": .function { "[" + $0 + "]" }], expected: "<[ site.css ]>"),
    ]

    static let invertedCases: [Case] = [
        Case(name: "inverted section: false", template: "[{{^b}}no{{/b}}]", data: ["b": false], expected: "[no]"),
        Case(name: "inverted section: true", template: "[{{^b}}no{{/b}}]", data: ["b": true], expected: "[]"),
        Case(name: "inverted section: missing", template: "[{{^b}}no{{/b}}]", expected: "[no]"),
        Case(name: "inverted section: empty list", template: "[{{^l}}none{{/l}}]", data: ["l": []], expected: "[none]"),
        Case(name: "inverted section: list", template: "[{{^l}}none{{/l}}]", data: ["l": ["x"]], expected: "[]"),
        Case(name: "inverted section: standalone", template: "|\n{{^b}}\nno\n{{/b}}\n|", expected: "|\nno\n|"),
    ]

    static let commentsAndDelimitersCases: [Case] = [
        Case(name: "comments, delimiters: inline comment", template: "12345{{! Comment Block! }}67890", expected: "1234567890"),
        Case(name: "comments, delimiters: standalone comment", template: "Begin.\n  {{! Indented }}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        Case(name: "comments, delimiters: multiline standalone comment", template: "Begin.\n{{!\n  Something\n}}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        Case(name: "comments, delimiters: comment with text around is not standalone", template: "  12 {{! 34 }}\n", expected: "  12 \n"),
        Case(name: "comments, delimiters: set delimiters", template: "{{=<% %>=}}(<%text%>) {{text}}", data: ["text": "Hey!"], expected: "(Hey!) {{text}}"),
        Case(name: "comments, delimiters: delimiters in sections", template: "{{#s}}{{=| |=}}|x|{{/s}}|/s|", data: ["s": true, "x": "1"], expected: "1{{/s}}"),
        Case(name: "comments, delimiters: standalone delimiter tag", template: "Begin.\n{{=| |=}}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        Case(name: "comments, delimiters: partials keep the default delimiters", template: "{{=| |=}}|> p|", data: ["v": "x"],
             partials: ["p": "[{{v}}]"], expected: "[x]"),
    ]

    static let partialsCases: [Case] = [
        Case(name: "partial: partial", template: "\"{{>text}}\"", partials: ["text": "from partial"], expected: "\"from partial\""),
        Case(name: "partial: partial sees the context", template: "{{>p}}", data: ["v": "x"], partials: ["p": "[{{v}}]"], expected: "[x]"),
        Case(name: "partial: missing partial renders nothing", template: "[{{>nothing}}]", expected: "[]"),
        Case(name: "partial: recursive partial", template: "{{>node}}",
             data: ["content": "X", "nodes": [["content": "Y", "nodes": []]]],
             partials: ["node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"], expected: "X<Y<>>"),
        Case(name: "partial: inline partial is not indented", template: "  {{>p}} x\n", partials: ["p": "a\nb\n"], expected: "  a\nb\n x\n"),
        Case(name: "partial: standalone partial gets its indentation on every line", template: "|\n  {{>p}}\n|\n",
             data: ["v": "<\n->"], partials: ["p": "a\n{{{v}}}\nb\n"], expected: "|\n  a\n  <\n->\n  b\n|\n"),
        Case(name: "partial: nested standalone partials add up their indentation", template: "  {{>outer}}\n",
             partials: ["outer": "o\n  {{>inner}}\n", "inner": "i\n"], expected: "  o\n    i\n"),
        Case(name: "partial: standalone partial with CRLF", template: "|\r\n{{>p}}\r\n|", partials: ["p": ">"], expected: "|\r\n>|"),
    ]

    static let inheritanceCases: [Case] = [
        Case(name: "inheritance: a block's default", template: "{{$title}}Default{{/title}}", expected: "Default"),
        Case(name: "inheritance: a child replaces its parent's block", template: "{{<base}}{{$title}}Child{{/title}}{{/base}}",
             partials: ["base": "<h1>{{$title}}Default{{/title}}</h1>"], expected: "<h1>Child</h1>"),
        Case(name: "inheritance: blocks the child leaves alone keep their default", template: "{{<base}}{{$a}}A{{/a}}{{/base}}",
             partials: ["base": "{{$a}}1{{/a}}{{$b}}2{{/b}}"], expected: "A2"),
        Case(name: "inheritance: text in a parent tag outside blocks is ignored", template: "{{<base}}ignored{{$a}}A{{/a}}{{/base}}",
             partials: ["base": "[{{$a}}{{/a}}]"], expected: "[A]"),
        Case(name: "inheritance: the outermost child wins", template: "{{<middle}}{{$a}}child{{/a}}{{/middle}}",
             partials: ["middle": "{{<base}}{{$a}}middle{{/a}}{{/base}}", "base": "[{{$a}}base{{/a}}]"], expected: "[child]"),
        Case(name: "inheritance: blocks see the context", template: "{{<base}}{{$a}}{{v}}{{/a}}{{/base}}", data: ["v": "x"],
             partials: ["base": "{{#s}}{{$a}}{{/a}}{{/s}}"], expected: ""),
        Case(name: "inheritance: blocks inside the parent's sections see the section's value",
             template: "{{<base}}{{$a}}{{v}}{{/a}}{{/base}}", data: ["s": ["v": "inner"], "v": "outer"],
             partials: ["base": "{{#s}}{{$a}}{{/a}}{{/s}}"], expected: "inner"),
        Case(name: "inheritance: standalone parent and block tags leave no lines",
             template: "{{<base}}\n{{$main}}\nbody\n{{/main}}\n{{/base}}\n",
             partials: ["base": "<main>\n{{$main}}\n{{/main}}\n</main>\n"], expected: "<main>\nbody\n</main>\n"),
        Case(name: "inheritance: parent and block tags together on a line leave no line",
             template: "{{< base}}{{$main}}\nbody\n{{/main}}{{/base}}\n",
             partials: ["base": "<main>\n{{$main}}\n{{/main}}\n</main>\n"], expected: "<main>\nbody\n</main>\n"),
        Case(name: "inheritance: a block's content gets the indentation of its place",
             template: "{{<base}}{{$b}}\n    <p>x</p>\n    <p>y</p>\n{{/b}}{{/base}}",
             partials: ["base": "<div>\n  {{$b}}\n  {{/b}}\n</div>\n"], expected: "<div>\n  <p>x</p>\n  <p>y</p>\n</div>\n"),
        Case(name: "inheritance: values in a re-indented block are not re-indented",
             template: "{{<base}}{{$b}}\n{{{v}}}\n{{/b}}{{/base}}", data: ["v": "a\nb"],
             partials: ["base": "[\n  {{$b}}\n  {{/b}}\n]"], expected: "[\n  a\nb\n]"),
    ]

    static let allCases = interpolationCases + sectionsCases + invertedCases + commentsAndDelimitersCases
        + partialsCases + inheritanceCases

    @Test(arguments: allCases) func rendersAsTheSpecificationSays(_ test: Case) throws {
        #expect(try test.data.read { try Self.render(test.template, $0, partials: test.partials) } == test.expected)
    }

    @Test func aPartialIncludingItselfForeverStopsWithAnError() throws {
        #expect(throws: MustacheRenderer.DepthError.self) {
            _ = try Self.render("{{>loop}}", [:], partials: ["loop": "x{{>loop}}"])
        }
    }

    @Test func lookupsCountOnlyWhatTemplatesAskForByName() throws {
        let strings = UIStringLookup(UIStrings(language: "en", file: "s.yml", values: ["present": "P"]))
        let data: TemplateData = ["strings": .lookup(strings), "list": [["title": "T"]]]
        let output = try Self.render("{{strings.present}}{{strings.absent}}{{#strings}}{{title}}{{/strings}}{{#list}}{{title}}{{/list}}", data)
        #expect(output == "PT")
        // `title` was looked for in the strings on the way outwards: not a missing string.
        #expect(strings.missing == ["absent"])
    }

    @Test(arguments: [
        ("{{name", 1, 1, "a tag is not closed with }}"),
        ("a\n  {{{name}}", 2, 3, "a tag is not closed with }}}"),
        ("x\n{{#list}}\n{{item}}\n", 2, 1, "the section {{#list}} is never closed; add {{/list}}"),
        ("{{#a}}{{#b}}{{/a}}{{/b}}", 1, 13, "{{/a}} closes the section {{#b}} opened on line 1; close that one first"),
        ("text {{/a}}", 1, 6, "{{/a}} closes a section that was never opened"),
        ("{{=<% %>}}", 1, 1, "a delimiter tag must look like {{=<% %>=}}: '=', two delimiters separated by a space, '='"),
        ("{{ }}", 1, 1, "a tag has no name"),
        ("{{page..title}}", 1, 1, "'page..title' is not a name: use letters, digits, '-' and '_', with '.' between parts (page.title)"),
        ("{{>*dynamic}}", 1, 1, "dynamic partial names ({{>*name}}) are not supported; name the partial"),
        ("é {{a b}}", 1, 3, "'a b' is not a name: use letters, digits, '-' and '_', with '.' between parts (page.title)"),
    ])
    func syntaxErrorsSayWhereAndWhat(template: String, line: Int, column: Int, message: String) {
        #expect(throws: MustacheSyntaxError(line: line, column: column, message: message)) {
            _ = try MustacheParser.parse(template)
        }
    }
}
