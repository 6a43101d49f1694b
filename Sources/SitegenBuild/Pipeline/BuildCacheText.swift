import SitegenKit
import SitegenSupport

/// The build cache's file: lines of tab-separated fields (tab, line feed
/// and backslash escaped as `\t`, `\n`, `\\`), a header line, one line per
/// hash, then per page a `P` line followed by lines for what it has. Made
/// and read by hand: Foundation's JSON coders took a fifth of an unchanged
/// 2 x 10,000-page build (encoding and decoding 12 MB of JSON).
///
/// ```
/// sitegen build cache 1
/// sitegen	0.1.0-...          site, output, settings, navigation, search, inputs likewise
/// included	snippets/a.md ...   the files pages include
/// pages	nl	12	en	12       the report: pages per language, the translations line, diagnostics
/// translations	+nl 12 of 12 ...
/// R	severity	file	line	column	message	kind
/// P	nl/page/	<source hash>	<output stamp>
/// I	id	id ...                the page's ids
/// L	nl/other/ ...             the pages it links to
/// A	target	targetSource	fragment	file	line	column	needed	via
/// D	severity	file	line	column	message	kind
/// S	key ...  M	asset ...  F	file	stamp
/// K	content/nl/page.md ...    per page file, its facts (`PageFactsText`)
/// E	<number of pages>	<number of page files>   the last line
/// ```
/// An optional field is `-` when absent and `+value` when present.
enum BuildCacheText {
    static let header = "sitegen build cache \(BuildCache.currentFormat)"

    struct Malformed: Error {}

    static func encode(_ cache: BuildCache) -> [UInt8] {
        var out: [UInt8] = []
        // Room for about 1 KB a page (a link-heavy page takes 840 bytes):
        // growing past the room copies the whole text into one twice the
        // size, which at 2 × 10,000 link-heavy pages was the build's peak
        // (17 MB of cache, 48 MB alive while copying). Room never written is
        // not resident, so more than a page needs costs nothing.
        out.reserveCapacity(cache.pages.count * 1_024)
        func line(_ fields: [String]) {
            for (index, field) in fields.enumerated() {
                if index > 0 { out.append(0x09) }
                for byte in field.utf8 {
                    switch byte {
                    case 0x09: out += [0x5C, 0x74]
                    case 0x0A: out += [0x5C, 0x6E]
                    case 0x5C: out += [0x5C, 0x5C]
                    default: out.append(byte)
                    }
                }
            }
            out.append(0x0A)
        }
        func optional(_ value: String?) -> String { value.map { "+" + $0 } ?? "-" }
        func optional(_ value: Int?) -> String { value.map { "+\($0)" } ?? "-" }
        func diagnostic(_ problem: Diagnostic) -> [String] {
            [problem.severity.rawValue, problem.file, optional(problem.line), optional(problem.column), problem.message, optional(problem.kind)]
        }
        line([header])
        for (name, value) in [("sitegen", cache.sitegen), ("site", cache.site), ("output", cache.output),
                              ("settings", cache.settings), ("navigation", cache.navigation)] {
            line([name, value])
        }
        line(["search", optional(cache.search)])
        line(["inputs", optional(cache.inputs)])
        line(["included"] + cache.included)
        line(["pages"] + cache.report.pagesPerLanguage.flatMap { [$0.language, String($0.pages)] })
        line(["translations", optional(cache.report.translations)])
        for problem in cache.report.diagnostics { line(["R"] + diagnostic(problem)) }
        for page in cache.pages {
            if let lines = page.encoded {
                out += lines
                continue
            }
            line(["P", page.path.value, page.source, page.output])
            if !page.ids.isEmpty { line(["I"] + page.ids) }
            if !page.linkedPages.isEmpty { line(["L"] + page.linkedPages.map(\.value)) }
            for check in page.anchorChecks {
                line(["A", check.targetPath.value, check.targetSource, check.fragment, check.location.file,
                      optional(check.location.line), optional(check.location.column), check.needed ? "1" : "0", optional(check.via)])
            }
            for problem in page.diagnostics { line(["D"] + diagnostic(problem)) }
            if !page.missingStrings.isEmpty { line(["S"] + page.missingStrings) }
            if !page.missingAssets.isEmpty { line(["M"] + page.missingAssets) }
            for (file, stamp) in page.includedFiles.sorted(by: { $0.key < $1.key }) { line(["F", file, stamp]) }
        }
        for facts in cache.facts {
            if let lines = facts.encoded {
                out += lines
                continue
            }
            for fields in PageFactsText.lines(facts, diagnostic: diagnostic) { line(fields) }
        }
        // The end, so that a file cut at a line's end is not taken for whole.
        line(["E", String(cache.pages.count), String(cache.facts.count)])
        return out
    }

    /// The cache; with `headerOnly`, without its pages (for a build that
    /// needs only the hashes and the report), the file's end still checked.
    static func decode(_ bytes: [UInt8], headerOnly: Bool = false) throws(Malformed) -> BuildCache {
        var lines: [ArraySlice<UInt8>]
        if headerOnly, bytes.last == 0x0A, let pages = firstPageLine(bytes) {
            // The lines before the pages', and the last: an unchanged build
            // of 20,000 pages need not split 10 MB into lines.
            let last = (bytes[..<(bytes.count - 1)].lastIndex(of: 0x0A) ?? -1) + 1
            lines = bytes[..<pages].split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
                + [bytes[last..<(bytes.count - 1)], []]
        } else {
            lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        }
        guard lines.last?.isEmpty == true else { throw Malformed() }
        lines.removeLast()
        guard let end = lines.popLast(), end.first == UInt8(ascii: "E") else { throw Malformed() }
        guard let first = lines.first, String(decoding: first, as: UTF8.self) == header else { throw Malformed() }
        var named: [String: [String]] = [:]
        var next = 1
        var diagnostics: [Diagnostic] = []
        while next < lines.count {
            let fields = try self.fields(lines[next])
            if fields[0] == "P" { break }
            next += 1
            if fields[0] == "R" {
                diagnostics.append(try diagnostic(fields.dropFirst()))
            } else if named.updateValue(Array(fields.dropFirst()), forKey: fields[0]) != nil {
                throw Malformed()
            }
        }
        func single(_ name: String) throws(Malformed) -> String {
            guard let values = named[name], values.count == 1 else { throw Malformed() }
            return values[0]
        }
        guard let perLanguage = named["pages"], perLanguage.count % 2 == 0, let included = named["included"] else { throw Malformed() }
        var report = BuildCache.Report(diagnostics: diagnostics, translations: try optional(single("translations")))
        for index in stride(from: 0, to: perLanguage.count, by: 2) {
            report.pagesPerLanguage.append((perLanguage[index], try number(perLanguage[index + 1])))
        }
        var cache = BuildCache(sitegen: try single("sitegen"), site: try single("site"), output: try single("output"),
                               settings: try single("settings"), navigation: try single("navigation"),
                               search: try optional(single("search")), pages: [],
                               inputs: try optional(single("inputs")), included: included, report: report)
        guard named.count == 10 else { throw Malformed() }
        if headerOnly { return cache }
        cache.pages.reserveCapacity(lines.count / 4)
        var facts: [[String]] = []
        // Where the entry or facts being read start in `bytes` (`Entry.encoded`).
        var start = 0
        func ended(at end: Int) throws(Malformed) {
            if !facts.isEmpty {
                cache.facts.append(try PageFactsText.facts(facts, encoded: bytes[start..<end]))
            } else if !cache.pages.isEmpty {
                cache.pages[cache.pages.count - 1].encoded = bytes[start..<end]
            }
        }
        for line in lines[next...] {
            let fields = try self.fields(line)
            let values = fields.dropFirst()
            // A page file's facts: a `K` line and the lines up to the next.
            if fields[0] == "K" {
                try ended(at: line.startIndex)
                facts = [fields]
                start = line.startIndex
                continue
            }
            if !facts.isEmpty {
                facts.append(fields)
                continue
            }
            if fields[0] == "P" {
                guard values.count == 3 else { throw Malformed() }
                try ended(at: line.startIndex)
                start = line.startIndex
                cache.pages.append(BuildCache.Entry(path: SitePath(fields[1]), source: fields[2], output: fields[3]))
                continue
            }
            guard !cache.pages.isEmpty else { throw Malformed() }
            let last = cache.pages.count - 1
            switch fields[0] {
            case "I": cache.pages[last].ids += values
            case "L": cache.pages[last].linkedPages += values.map(SitePath.init)
            case "S": cache.pages[last].missingStrings += values
            case "M": cache.pages[last].missingAssets += values
            case "F":
                guard values.count == 2 else { throw Malformed() }
                cache.pages[last].includedFiles[fields[1]] = fields[2]
            case "A":
                guard values.count == 8 else { throw Malformed() }
                let location = SourceLocation(file: fields[4], line: try optional(fields[5]).map(number), column: try optional(fields[6]).map(number))
                cache.pages[last].anchorChecks.append(LinkResolver.AnchorCheck(
                    targetPath: SitePath(fields[1]), targetSource: fields[2], fragment: fields[3], location: location,
                    needed: fields[7] == "1", via: try optional(fields[8])))
            case "D":
                cache.pages[last].diagnostics.append(try diagnostic(values))
            default:
                throw Malformed()
            }
        }
        try ended(at: end.startIndex)
        guard try fields(end) == ["E", String(cache.pages.count), String(cache.facts.count)] else { throw Malformed() }
        return cache
    }

    /// Where the first `P` line starts.
    private static func firstPageLine(_ bytes: [UInt8]) -> Int? {
        var index = 1
        while index + 1 < bytes.count {
            if bytes[index - 1] == 0x0A && bytes[index] == UInt8(ascii: "P") && bytes[index + 1] == 0x09 { return index }
            index += 1
        }
        return nil
    }

    /// A diagnostic's six fields (`D` and `R` lines).
    static func diagnostic(_ values: ArraySlice<String>) throws(Malformed) -> Diagnostic {
        let values = Array(values)
        guard values.count == 6, let severity = Diagnostic.Severity(rawValue: values[0]) else { throw Malformed() }
        return Diagnostic(severity, file: values[1], line: try optional(values[2]).map(number),
                          column: try optional(values[3]).map(number), values[4], kind: try optional(values[5]))
    }

    /// A line's fields, unescaped.
    private static func fields(_ line: ArraySlice<UInt8>) throws(Malformed) -> [String] {
        var fields: [String] = []
        for raw in line.split(separator: 0x09, omittingEmptySubsequences: false) {
            guard raw.contains(0x5C) else {
                fields.append(String(decoding: raw, as: UTF8.self))
                continue
            }
            var bytes: [UInt8] = []
            var escaped = false
            for byte in raw {
                if escaped {
                    switch byte {
                    case 0x74: bytes.append(0x09)
                    case 0x6E: bytes.append(0x0A)
                    case 0x5C: bytes.append(0x5C)
                    default: throw Malformed()
                    }
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else {
                    bytes.append(byte)
                }
            }
            guard !escaped else { throw Malformed() }
            fields.append(String(decoding: bytes, as: UTF8.self))
        }
        guard !fields.isEmpty, !fields[0].isEmpty else { throw Malformed() }
        return fields
    }

    private static func optional(_ field: String) throws(Malformed) -> String? {
        if field == "-" { return nil }
        guard field.hasPrefix("+") else { throw Malformed() }
        return String(field.dropFirst())
    }

    private static func number(_ field: String) throws(Malformed) -> Int {
        guard let value = Int(field) else { throw Malformed() }
        return value
    }
}
