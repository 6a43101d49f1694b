/// Each language's name in itself, for the language switcher of a site
/// `sitegen init` makes: every language the built-in theme speaks
/// (templates/strings/) and a few more; a code not listed is written as it
/// is, to edit.
enum LanguageNames {
    static let names: [String: String] = [
        "ar": "العربية", "da": "Dansk", "de": "Deutsch", "en": "English", "es": "Español", "fi": "Suomi",
        "fr": "Français", "fy": "Frysk", "he": "עברית", "hi": "हिन्दी", "it": "Italiano", "ja": "日本語",
        "ko": "한국어", "nb": "Norsk bokmål", "nl": "Nederlands", "pl": "Polski", "pt": "Português",
        "ru": "Русский", "sv": "Svenska", "tr": "Türkçe", "uk": "Українська", "zh": "中文",
    ]

    static func name(of code: String) -> String {
        names[code.lowercased()] ?? code
    }

    /// Languages written right to left: `direction: rtl` in sitegen.yml
    /// (its default for them too, written out so the reader of the file sees it).
    static func isRightToLeft(_ code: String) -> Bool {
        Language.Direction.usual(for: code) == .rightToLeft
    }
}
