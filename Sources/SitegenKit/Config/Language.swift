/// One language of the site, as `sitegen.yml` declares it.
package struct Language: Sendable, Hashable {
    package enum Direction: String, Sendable, Hashable {
        case leftToRight = "ltr"
        case rightToLeft = "rtl"

        /// The direction of a language written without `direction:`: right
        /// to left for the languages whose usual script is (the primary
        /// subtag: `ar`, `ar-EG`), as Starlight and Docusaurus default it;
        /// else left to right. `direction: ltr` overrides it (Uyghur in
        /// Latin script, say).
        package static func usual(for code: String) -> Direction {
            rightToLeftLanguages.contains(code.lowercased().prefix { $0 != "-" && $0 != "_" }.description) ? .rightToLeft : .leftToRight
        }

        /// Arabic, Central Kurdish, Dhivehi, Persian and Dari, Hebrew, Pashto,
        /// Syriac, Uyghur, Urdu, Yiddish.
        static let rightToLeftLanguages: Set<String> = ["ar", "ckb", "dv", "fa", "prs", "he", "ps", "syc", "ug", "ur", "yi"]
    }

    /// BCP 47 code, also the language's folder under `content/` and in the output.
    package var code: String
    /// The language's name in that language ("Nederlands").
    package var name: String
    package var direction: Direction
    /// The site title in this language.
    package var siteTitle: String
    package var missingPages: MissingPagePolicy

    package init(code: String, name: String, direction: Direction = .leftToRight, siteTitle: String, missingPages: MissingPagePolicy = .fallback) {
        self.code = code
        self.name = name
        self.direction = direction
        self.siteTitle = siteTitle
        self.missingPages = missingPages
    }
}

/// What the build does with a page of the default language that has no
/// translation in another language.
package enum MissingPagePolicy: String, Sendable, Hashable, CaseIterable {
    /// Build it from the default language, with a visible notice and the
    /// default language's `lang` on its text.
    case fallback
    /// Leave it out; links to it go to the language's home page.
    case omit
}
