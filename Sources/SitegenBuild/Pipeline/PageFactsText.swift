import SitegenKit
import SitegenSupport

/// A page file's facts (`PageFacts`) as lines of the build cache's file
/// (`BuildCacheText`, which escapes the fields):
///
/// ```
/// K	file	relativePath	version	hash	title	linkTitle	description	slug	translationKey	weight	draft
///  	layout	translationOf	redirect	layout's place (3)	decision	decision's place (3)	front matter line	front matter
/// Q	name	value...           a front matter value for templates (`page.params`)
/// W	path	fromSiteRoot	file	line	column   an alias
/// X	severity	file	line	column	message	kind   a warning reading the file gave
/// ```
/// A value is a run of fields: `s text`, `i 12`, `d 1.5`, `b 1`, `l count
/// values...`, `m count name value...` (names sorted).
enum PageFactsText {
    typealias Malformed = BuildCacheText.Malformed

    /// The facts' lines, each its fields.
    static func lines(_ facts: PageFacts, diagnostic: (Diagnostic) -> [String]) -> [[String]] {
        let metadata = facts.metadata
        var head = ["K", facts.sourcePath, facts.relativePath, facts.version, facts.sourceHash, metadata.title,
                    optional(metadata.linkTitle), optional(metadata.description), optional(metadata.slug),
                    optional(metadata.translationKey), optional(metadata.weight.map(String.init)), flag(metadata.draft),
                    optional(metadata.layout), optional(metadata.translationOf), optional(metadata.linkTarget)]
        head += place(metadata.layoutLocation) + [flag(metadata.hasDecision)] + place(metadata.decisionLocation)
        head += [String(facts.frontMatterLine), optional(facts.frontMatterYAML)]
        var lines = [head]
        for name in metadata.params.keys.sorted() {
            var fields = ["Q", name]
            value(metadata.params[name]!, into: &fields)
            lines.append(fields)
        }
        for alias in metadata.aliases {
            lines.append(["W", alias.path, flag(alias.fromSiteRoot)] + place(alias.location))
        }
        for problem in facts.diagnostics { lines.append(["X"] + diagnostic(problem)) }
        return lines
    }

    /// The facts of a `K` line and the lines after it.
    static func facts(_ lines: [[String]], encoded: ArraySlice<UInt8>? = nil) throws(Malformed) -> PageFacts {
        let fields = lines[0]
        guard fields.count == 24, fields[0] == "K" else { throw Malformed() }
        var metadata = PageMetadata(title: fields[5])
        metadata.linkTitle = try optional(fields[6])
        metadata.description = try optional(fields[7])
        metadata.slug = try optional(fields[8])
        metadata.translationKey = try optional(fields[9])
        metadata.weight = try optional(fields[10]).map(number)
        metadata.draft = try flag(fields[11])
        metadata.layout = try optional(fields[12])
        metadata.translationOf = try optional(fields[13])
        metadata.linkTarget = try optional(fields[14])
        metadata.layoutLocation = try place(fields[15...17])
        metadata.hasDecision = try flag(fields[18])
        metadata.decisionLocation = try place(fields[19...21])
        var diagnostics: [Diagnostic] = []
        for line in lines.dropFirst() {
            switch line[0] {
            case "Q":
                guard line.count >= 4 else { throw Malformed() }
                var next = 2
                metadata.params[line[1]] = try value(line, at: &next)
                guard next == line.count else { throw Malformed() }
            case "W":
                guard line.count == 6, let location = try place(line[3...5]) else { throw Malformed() }
                metadata.aliases.append(PageAlias(path: line[1], fromSiteRoot: try flag(line[2]), location: location))
            case "X":
                diagnostics.append(try BuildCacheText.diagnostic(line.dropFirst()))
            default:
                throw Malformed()
            }
        }
        return PageFacts(sourcePath: fields[1], relativePath: fields[2], version: fields[3], sourceHash: fields[4], metadata: metadata,
                         frontMatterYAML: try optional(fields[23]), frontMatterLine: try number(fields[22]), diagnostics: diagnostics,
                         encoded: encoded)
    }

    private static func value(_ value: TemplateValue, into fields: inout [String]) {
        switch value {
        case .string(let text): fields += ["s", text]
        case .int(let number): fields += ["i", String(number)]
        case .double(let number): fields += ["d", "\(number)"]
        case .bool(let truth): fields += ["b", flag(truth)]
        case .list(let values):
            fields += ["l", String(values.count)]
            for item in values { self.value(item, into: &fields) }
        case .map(let values):
            fields += ["m", String(values.count)]
            for name in values.keys.sorted() {
                fields.append(name)
                self.value(values[name]!, into: &fields)
            }
        }
    }

    private static func value(_ fields: [String], at next: inout Int) throws(Malformed) -> TemplateValue {
        guard next + 1 < fields.count else { throw Malformed() }
        let (kind, text) = (fields[next], fields[next + 1])
        next += 2
        switch kind {
        case "s": return .string(text)
        case "i": return .int(try number(text))
        case "d":
            guard let number = Double(text) else { throw Malformed() }
            return .double(number)
        case "b": return .bool(try flag(text))
        case "l":
            var values: [TemplateValue] = []
            for _ in 0..<(try count(text)) { values.append(try value(fields, at: &next)) }
            return .list(values)
        case "m":
            var values: [String: TemplateValue] = [:]
            for _ in 0..<(try count(text)) {
                guard next < fields.count else { throw Malformed() }
                let name = fields[next]
                next += 1
                values[name] = try value(fields, at: &next)
            }
            return .map(values)
        default: throw Malformed()
        }
    }

    private static func place(_ location: SourceLocation?) -> [String] {
        guard let location else { return ["-", "-", "-"] }
        return ["+" + location.file, optional(location.line.map(String.init)), optional(location.column.map(String.init))]
    }

    private static func place(_ fields: ArraySlice<String>) throws(Malformed) -> SourceLocation? {
        let fields = Array(fields)
        guard let file = try optional(fields[0]) else { return nil }
        return SourceLocation(file: file, line: try optional(fields[1]).map(number), column: try optional(fields[2]).map(number))
    }

    private static func optional(_ value: String?) -> String { value.map { "+" + $0 } ?? "-" }
    private static func flag(_ value: Bool) -> String { value ? "1" : "0" }

    private static func optional(_ field: String) throws(Malformed) -> String? {
        if field == "-" { return nil }
        guard field.hasPrefix("+") else { throw Malformed() }
        return String(field.dropFirst())
    }

    private static func flag(_ field: String) throws(Malformed) -> Bool {
        guard field == "0" || field == "1" else { throw Malformed() }
        return field == "1"
    }

    private static func number(_ field: String) throws(Malformed) -> Int {
        guard let value = Int(field) else { throw Malformed() }
        return value
    }

    private static func count(_ field: String) throws(Malformed) -> Int {
        let value = try number(field)
        guard value >= 0 else { throw Malformed() }
        return value
    }
}
