import Testing
@testable import SitegenKit
@testable import SitegenSupport

/// `--mark-current`: the one line of the front matter changes, every other
/// byte of the file stays as it was.
@Suite struct TranslationMarkTests {
    static let hash = "3f9a0c12be47"

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func marked(_ text: String) throws -> TranslationOfLine.Edit {
        try TranslationOfLine.setting(hash, in: bytes(text))
    }

    @Test func addsALineBeforeTheClosingDelimiter() throws {
        let edit = try Self.marked("---\ntitle: Welcome\n---\n\nWelcome.\n")
        #expect(edit.bytes == Self.bytes("---\ntitle: Welcome\ntranslationOf: 3f9a0c12be47\n---\n\nWelcome.\n"))
        #expect(edit.previous == nil)
    }

    @Test func keepsCRLFCommentsTrailingSpacesAndOrder() throws {
        let edit = try Self.marked("---\r\n# Vertaald door Anna  \r\ntitle: Welcome   \r\nweight: 1 # eerst\r\n---\r\n\r\nWelcome.\r\n")
        #expect(edit.bytes == Self.bytes("---\r\n# Vertaald door Anna  \r\ntitle: Welcome   \r\nweight: 1 # eerst\r\ntranslationOf: 3f9a0c12be47\r\n---\r\n\r\nWelcome.\r\n"))
    }

    @Test func keepsCROnlyLineEndingsAndTheDotsDelimiter() throws {
        #expect(try Self.marked("---\rtitle: Welcome\r---\r\rWelcome.\r").bytes
                == Self.bytes("---\rtitle: Welcome\rtranslationOf: 3f9a0c12be47\r---\r\rWelcome.\r"))
        #expect(try Self.marked("---\ntitle: Welcome\n...\nWelcome.").bytes
                == Self.bytes("---\ntitle: Welcome\ntranslationOf: 3f9a0c12be47\n...\nWelcome."))
    }

    @Test func keepsTheByteOrderMark() throws {
        let edit = try Self.marked("\u{FEFF}---\ntitle: Welcome\n---\nWelcome.")
        #expect(edit.bytes == [0xEF, 0xBB, 0xBF] + Self.bytes("---\ntitle: Welcome\ntranslationOf: 3f9a0c12be47\n---\nWelcome."))
    }

    @Test func replacesOnlyTheValueOfAnExistingLine() throws {
        let edit = try Self.marked("\u{FEFF}---\r\ntitle: Welcome\r\ntranslationOf: 0123456789ab\r\nweight: 1\r\n---\r\nWelcome.\r\n")
        #expect(edit.bytes == Self.bytes("\u{FEFF}---\r\ntitle: Welcome\r\ntranslationOf: 3f9a0c12be47\r\nweight: 1\r\n---\r\nWelcome.\r\n"))
        #expect(edit.previous == "0123456789ab")
    }

    @Test func keepsQuotesCommentAndSpacingAroundTheValue() throws {
        #expect(try Self.marked("---\ntitle: W\ntranslationOf  :  \"0123456789ab\"   # checked by Anna\n---\n").bytes
                == Self.bytes("---\ntitle: W\ntranslationOf  :  \"3f9a0c12be47\"   # checked by Anna\n---\n"))
        #expect(try Self.marked("---\ntitle: W\ntranslationOf: 'old' \n---\n").bytes
                == Self.bytes("---\ntitle: W\ntranslationOf: '3f9a0c12be47' \n---\n"))
        // An empty value, with or without a comment after it.
        #expect(try Self.marked("---\ntitle: W\ntranslationOf:\n---\n").bytes == Self.bytes("---\ntitle: W\ntranslationOf: 3f9a0c12be47\n---\n"))
        #expect(try Self.marked("---\ntitle: W\ntranslationOf: # todo\n---\n").bytes
                == Self.bytes("---\ntitle: W\ntranslationOf: 3f9a0c12be47 # todo\n---\n"))
    }

    @Test func onlyATopLevelKeyCounts() throws {
        // Indented (nested) and longer keys are other keys: a line is added.
        let text = "---\ntitle: W\nnotes:\n  translationOf: x\ntranslationOfOld: y\n---\n"
        #expect(try Self.marked(text).bytes
                == Self.bytes("---\ntitle: W\nnotes:\n  translationOf: x\ntranslationOfOld: y\ntranslationOf: 3f9a0c12be47\n---\n"))
    }

    @Test func aFileWithoutFrontMatterIsAProblem() {
        #expect(throws: TranslationOfLine.Problem.noFrontMatter) { try Self.marked("Welcome.\n") }
        #expect(throws: TranslationOfLine.Problem.noFrontMatter) { try Self.marked("") }
        #expect(throws: TranslationOfLine.Problem.noFrontMatter) { try Self.marked("--- \ntitle: W\n---\n") }
        #expect(throws: TranslationOfLine.Problem.notClosed) { try Self.marked("---\ntitle: W\n") }
        #expect(throws: TranslationOfLine.Problem.notClosed) { try Self.marked("---") }
    }
}
