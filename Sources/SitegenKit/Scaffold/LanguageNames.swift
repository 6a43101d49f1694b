/// Each language's name in itself, for the language switcher of a site
/// `sitegen init` makes; a code not listed is written as it is, to edit.
enum LanguageNames {
    static let names: [String: String] = [
        "da": "Dansk", "de": "Deutsch", "en": "English", "es": "Español", "fi": "Suomi", "fr": "Français",
        "fy": "Frysk", "it": "Italiano", "nb": "Norsk bokmål", "nl": "Nederlands", "pl": "Polski",
        "pt": "Português", "sv": "Svenska",
    ]

    static func name(of code: String) -> String {
        names[code.lowercased()] ?? code
    }
}
