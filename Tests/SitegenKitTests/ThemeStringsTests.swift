import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenSupport
import SitegenTestSupport

/// The built-in theme's UI strings: every language has every text and the
/// plural forms its grammar needs (the pages that show them are
/// SitegenBuildTests' ThemeStringsTests).
@Suite struct ThemeStringsTests {
    // The helpers live in SitegenTestSupport, for SitegenBuildTests' suite too.
    static let languages = SitegenTestSupport.ThemeStringsTests.languages

    static func themeStrings(_ language: String) -> UIStrings { SitegenTestSupport.ThemeStringsTests.themeStrings(language) }

    /// The CLDR plural categories a language uses for whole numbers from 2
    /// up, besides `other`: each needs its form of a text with a number.
    static let pluralCategories: [String: Set<String>] = [
        "ar": ["two", "few", "many"],
        "pl": ["few", "many"],
        "ru": ["one", "few", "many"],
        "uk": ["one", "few", "many"],
    ]

    @Test func everyLanguageHasEveryTextOfTheTheme() {
        let english = Set(Self.themeStrings("en").values.keys)
        for language in Self.languages {
            let strings = Self.themeStrings(language)
            let keys = Set(strings.values.keys)
            #expect(english.subtracting(keys).isEmpty, "\(language) lacks \(english.subtracting(keys).sorted())")
            let plurals = Set(keys.subtracting(english).compactMap { $0.hasPrefix("searchResults.") ? String($0.dropFirst("searchResults.".count)) : nil })
            #expect(keys.subtracting(english).allSatisfy { $0.hasPrefix("searchResults.") }, "\(language): \(keys.subtracting(english).sorted())")
            #expect(plurals == Self.pluralCategories[language] ?? [], "\(language)")
            #expect(strings["searchResults"]?.contains("[COUNT]") == true, "\(language)")
            #expect(strings.values.values.allSatisfy { !$0.trimmingSpaces.isEmpty }, "\(language)")
        }
    }

    /// `sitegen init` names each language the theme speaks in itself, not
    /// by its code.
    @Test func initNamesEveryLanguageOfTheThemeInItself() {
        let theme = BuiltInTheme.files.map(\.path).filter { $0.hasPrefix(BuiltInTheme.stringsFolder) }
            .map { String($0.dropFirst(BuiltInTheme.stringsFolder.count).dropLast(".yml".count)) }
        #expect(theme.sorted() == Self.languages)
        let settings = SiteScaffold.settings(languages: theme, title: nil)
        for language in theme {
            let name = LanguageNames.name(of: language)
            #expect(name != language, "\(language) has no name")
            #expect(settings.contains("  - code: \(language)\n    name: \"\(name)\"\n"), "\(language)")
        }
        #expect(LanguageNames.name(of: "ja") == "日本語" && LanguageNames.name(of: "ar") == "العربية")
        // Arabic and Hebrew are written right to left.
        #expect(settings.contains("  - code: ar\n    name: \"العربية\"\n    direction: rtl\n"))
        #expect(settings.contains("  - code: he\n    name: \"עברית\"\n    direction: rtl\n"))
        #expect(!settings.contains("  - code: en\n    name: \"English\"\n    direction"))
    }
}
