import Testing
@testable import SitegenMarkdown
@testable import SitegenSupport
import SitegenTestSupport

@Suite struct SourceTextTests {
    @Test func byteOrderMarkIsIgnored() throws {
        let source = try SourceText(decoding: [0xEF, 0xBB, 0xBF] + Array("# Hoi".utf8), path: "a.md")
        #expect(source.text == "# Hoi")
        #expect(MarkdownRenderer.render(source).html == "<h1 id=\"hoi\">Hoi</h1>\n")
    }

    @Test func crlfAndCRGiveTheSameOutputAsLF() throws {
        let lf = "# Titel\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> [!NOTE]\n> Tekst\n\n```\ncode\n```\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let cr = lf.replacingOccurrences(of: "\n", with: "\r")
        let expected = MarkdownRenderer.render(try SourceText(decoding: Array(lf.utf8), path: "a.md")).html
        #expect(MarkdownRenderer.render(try SourceText(decoding: Array(crlf.utf8), path: "a.md")).html == expected)
        #expect(MarkdownRenderer.render(try SourceText(decoding: Array(cr.utf8), path: "a.md")).html == expected)
        #expect(expected.contains("<table tabindex=\"0\">") && expected.contains("callout-note"))
    }

    @Test func invalidUTF8IsAnErrorWithLineColumnAndOffset() {
        let bytes = Array("# Titel\nÉén\u{20}".utf8) + [0xC3, 0x28] + Array(" rest".utf8)
        #expect {
            _ = try SourceText(decoding: bytes, path: "content/nl/index.md")
        } throws: { error in
            (error as? DiagnosticError)?.description
                == "content/nl/index.md:2:5: error: invalid UTF-8 (byte offset 14); save the file with UTF-8 encoding"
        }
    }

    @Test func byteOffsetCountsTheByteOrderMark() {
        #expect {
            _ = try SourceText(decoding: [0xEF, 0xBB, 0xBF] + Array("ab".utf8) + [0xFF], path: "a.md")
        } throws: { error in
            (error as? DiagnosticError)?.description == "a.md:1:3: error: invalid UTF-8 (byte offset 5); save the file with UTF-8 encoding"
        }
    }

    @Test func truncatedSequenceAtTheEndIsInvalid() {
        #expect(throws: DiagnosticError.self) {
            _ = try SourceText(decoding: Array("abc".utf8) + [0xE2, 0x82], path: "a.md")
        }
    }

    @Test func emptyFileRendersToNothing() throws {
        let rendered = MarkdownRenderer.render(try SourceText(decoding: [], path: "a.md"))
        #expect(rendered.html == "")
        #expect(rendered.headings.isEmpty && rendered.diagnostics.isEmpty)
    }

    @Test func nulBytesBecomeReplacementCharacters() throws {
        let source = try SourceText(decoding: Array("a\u{0}b".utf8), path: "a.md")
        #expect(MarkdownRenderer.render(source).html == "<p>a\u{FFFD}b</p>\n")
    }

    @Test func locationsOfByteOffsets() {
        let lines = SourceLines("ab\nÉén\n\nx")
        #expect(lines.location(ofByteOffset: 0) == (1, 1))
        #expect(lines.location(ofByteOffset: 3) == (2, 1))
        #expect(lines.location(ofByteOffset: 5) == (2, 2))
        #expect(lines.location(ofByteOffset: 10) == (4, 1))
    }

    /// Columns count scalars on lines with non-ASCII text, bytes on ASCII
    /// lines (the fast path), and lines split at every `\n`.
    @Test func linesAndColumnsOnMixedText() {
        let text = "plain ascii line\nmet é en ü: x\n\n" + String(repeating: "a", count: 17) + "ë\ntail"
        let lines = SourceLines(text)
        #expect(lines.lines == text.split(separator: "\n", omittingEmptySubsequences: false))
        #expect(lines.lineStarts == [0, 17, 33, 34, 54])
        #expect(lines.location(ofByteOffset: 6) == (1, 7))
        #expect(lines.location(ofByteOffset: 17 + 12) == (2, 11))  // after "met é en ü" (two 2-byte letters)
        #expect(lines.location(ofByteOffset: 34 + 19) == (4, 19))
        #expect(lines.location(ofByteOffset: 55) == (5, 2))
        #expect(lines.isASCII(line: 0) && !lines.isASCII(line: 1) && lines.isASCII(line: 2) && !lines.isASCII(line: 3))
        #expect(SourceLines("").lines == [""])
    }

    /// The shared ASCII test (eight bytes at a time, then the tail) finds a
    /// non-ASCII byte wherever it stands, in a word of eight or after them.
    @Test func asciiFindsANonASCIIByteAtEveryPosition() {
        let plain = String(repeating: "x", count: 19)
        #expect(ASCII.only(plain) && ASCII.only(""))
        for position in 0..<plain.utf8.count {
            var bytes = Array(plain.utf8)
            bytes[position] = 0xC3
            bytes.insert(0xA9, at: position + 1)  // é
            #expect(!ASCII.only(String(decoding: bytes, as: UTF8.self)), "é at byte \(position)")
        }
    }

    /// Trimming by bytes gives what trimming Characters gives, also where a
    /// space and a combining mark after it are one Character.
    @Test(arguments: ["  a b\t", "\t\t", "", "x", " \u{301}x ", "x \u{301} ", " é ", "é", "  日本 ", "\u{600} ", " a\u{200D} "])
    func trimmingSpacesAsCharacters(text: String) {
        let characters = text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
        #expect(String(text.trimmingSpaces) == String(characters), "'\(text)'")
        #expect(String(text[...].trimmingSpaces) == String(characters))
    }
}
