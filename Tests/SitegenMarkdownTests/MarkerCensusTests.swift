import Testing
@testable import SitegenMarkdown

/// The one pass that tells each Markdown reader whether a page may hold its
/// syntax: every pattern found wherever it stands, and near misses not.
@Suite struct MarkerCensusTests {
    typealias Found = MarkerCensus.Found

    @Test(arguments: [
        ("!!! note", Found.markerRun), ("a ??? b", .markerRun), (":::tip", .markerRun), ("x ///", .markerRun), ("===", .markerRun),
        ("text[^1]", .footnote), ("> [!NOTE]", .calloutMarker),
        ("{{ x }}", .templatePair), ("{% raw %}", .templatePair), ("--8<--", .templatePair),
        ("```", .fence), ("~~~", .fence), ("a | b", .pipe), ("<b>", .lessThan), ("~x~", .tilde),
        ("- [ ] a", .taskBox), ("- [x] a", .taskBox), ("- [X] a", .taskBox),
        ("see www.example.org", .autolink), ("https://x.org", .autolink), ("me@x.org", .autolink),
    ])
    func findsEachPattern(text: String, pattern: Found) {
        #expect(MarkerCensus(text).has(pattern))
        // At the end of a long text too, after multi-byte characters.
        #expect(MarkerCensus(String(repeating: "é words ", count: 500) + text).has(pattern))
    }

    @Test func findsTheReadersDirectives() {
        for text in ["{{< note >}}", "{{% tab %}}", "--8<-- \"a.md\"", "{* ./a.py *}"] {
            #expect(MarkerCensus(text).has(.directive), "\(text)")
        }
        for text in ["{{ x }}", "8<", "{ * }", "{{ <"] {
            #expect(!MarkerCensus(text).has(.directive), "\(text)")
        }
    }

    @Test func missesNearMisses() {
        let census = MarkerCensus("!! ?? :: // == !=! ``x` ~ [ x] [!] ww.x :/ { { 8 < [ ^]")
        #expect(!census.has([.markerRun, .footnote, .fence, .taskBox, .pipe]))
        #expect(!census.has(.templatePair))
        #expect(census.has(.calloutMarker))  // "[!]" holds "[!"
        #expect(census.has(.tilde) && census.has(.lessThan))
        #expect(MarkerCensus("").found.isEmpty)
        #expect(MarkerCensus("Plain prose, nothing else. Ünïcödé.").found.isEmpty)
    }
}
