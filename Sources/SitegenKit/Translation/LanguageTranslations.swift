/// The translation status of one language other than the default: every
/// page of the default language, and every page only this language has.
package struct LanguageTranslations: Sendable, Hashable, Encodable {
    package var language: Language
    /// What needs work first (outdated, missing, extra, current), then by file.
    package var pages: [PageTranslation]
    package var counts: TranslationCounts

    init(language: Language, pages: [PageTranslation]) {
        self.language = language
        self.pages = pages.sorted { a, b in
            (a.status.rank, a.original ?? a.translation ?? "", a.translation ?? "")
                < (b.status.rank, b.original ?? b.translation ?? "", b.translation ?? "")
        }
        var counts = TranslationCounts()
        for page in pages { counts[page.status] += 1 }
        self.counts = counts
    }

    /// The pages with one status.
    package func pages(_ status: TranslationState) -> [PageTranslation] {
        pages.filter { $0.status == status }
    }

    enum CodingKeys: String, CodingKey {
        case code, name, counts, pages
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(language.code, forKey: .code)
        try container.encode(language.name, forKey: .name)
        try container.encode(counts, forKey: .counts)
        try container.encode(pages, forKey: .pages)
    }
}
