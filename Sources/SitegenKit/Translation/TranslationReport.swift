import SitegenSupport
/// Which translations of a site are current, outdated or missing, and which
/// pages exist only in a translation; and per language, which UI strings it
/// lacks. Computed from a resolved `Site`, pairing pages exactly as the
/// build does (same path, or the same `translationKey`).
///
/// A translation is current when its `translationOf` is the `TranslationHash`
/// of its original's body now; outdated when it differs or is absent (never
/// marked). Drafts count like other pages (flagged `draft`) when the site
/// was resolved with them; the build resolves without them unless
/// `--drafts`, so there a draft translation counts as missing.
package struct TranslationReport: Sendable, Hashable, Encodable {
    /// The version of the JSON structure (`sitegen translations --format json`).
    package static let schemaVersion = 1

    package var defaultLanguage: Language
    /// How many pages the default language has (its decision helper steps not counted).
    package var originalCount: Int
    /// Every other language, in the order of `sitegen.yml`.
    package var languages: [LanguageTranslations]
    /// One per language other than the default, in the same order.
    package var uiStrings: [UIStringDifference]
    /// `translationOf` on pages of the default language, which have no original.
    package var warnings: [Diagnostic]
    /// Translations that record a hash other than their original's now, by file.
    var knownOutdated: Set<String> = []

    /// - Parameter hashingEveryOriginal: false hashes only the originals
    ///   whose translations record a hash (all the status needs; `expected`
    ///   is nil elsewhere).
    package init(site: Site, hashingEveryOriginal: Bool = true) {
        let defaultLanguage = site.config.defaultLanguage
        self.defaultLanguage = defaultLanguage
        let originals = site.pages(in: defaultLanguage.code).filter(Self.isTranslatable)
        originalCount = originals.count
        let hashes = OriginalHashes()
        languages = site.config.languages.dropFirst().map { language in
            Self.translations(in: language, of: originals, site: site, hashes: hashes, hashingEveryOriginal: hashingEveryOriginal)
        }
        for language in languages {
            for entry in language.pages where entry.status == .outdated && entry.recorded != nil {
                knownOutdated.insert(entry.translation!)
            }
        }
        let defaultStrings = site.strings[defaultLanguage.code]
            ?? UIStrings(language: defaultLanguage.code, file: "", values: [:])
        uiStrings = site.config.languages.dropFirst().map { language in
            UIStringDifference(site.strings[language.code] ?? UIStrings(language: language.code, file: "", values: [:]),
                               defaultStrings: defaultStrings)
        }
        warnings = originals.filter { $0.metadata.translationOf != nil }.map { Self.originalWithMark($0, defaultLanguage: defaultLanguage) }
    }

    /// A page that is an original or a translation: written, not a fallback.
    static func isTranslatable(_ page: Page) -> Bool {
        page.isWritten
    }

    /// Each original's hash, computed once however many languages ask.
    final class OriginalHashes {
        private var hashes: [String: String] = [:]

        func of(_ original: Page) -> String {
            if let known = hashes[original.sourcePath] { return known }
            let value = TranslationHash.of(original.body.text)
            hashes[original.sourcePath] = value
            return value
        }
    }

    /// One language's status: an entry per original, then its pages that
    /// translate nothing.
    static func translations(in language: Language, of originals: [Page], site: Site, hashes: OriginalHashes,
                             hashingEveryOriginal: Bool) -> LanguageTranslations {
        var entries: [PageTranslation] = []
        for original in originals {
            var entry = PageTranslation(
                status: .missing, translationKey: original.translationKey.description, original: original.sourcePath,
                translation: nil, expected: nil, recorded: nil, draft: original.metadata.draft)
            if let translation = site.page(original.translationKey, in: language.code), isTranslatable(translation) {
                let recorded = translation.metadata.translationOf
                let expected = recorded != nil || hashingEveryOriginal ? hashes.of(original) : nil
                entry.status = recorded != nil && recorded == expected ? .current : .outdated
                entry.translation = translation.sourcePath
                entry.recorded = recorded
                entry.expected = expected
                entry.draft = entry.draft || translation.metadata.draft
            } else if hashingEveryOriginal {
                entry.expected = hashes.of(original)
            }
            entries.append(entry)
        }
        for page in site.pages(in: language.code) where isTranslatable(page) && site.original(of: page) == nil {
            entries.append(PageTranslation(
                status: .extra, translationKey: page.translationKey.description, original: nil, translation: page.sourcePath,
                expected: nil, recorded: page.metadata.translationOf, draft: page.metadata.draft))
        }
        return LanguageTranslations(language: language, pages: entries)
    }

    /// The warning for `translationOf` on an original, at its line.
    static func originalWithMark(_ page: Page, defaultLanguage: Language) -> Diagnostic {
        let line = page.frontMatter.flatMap { frontMatter in
            frontMatter.yaml.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { TranslationOfLine.keyEnd(in: ArraySlice($0.utf8)) != nil }
                .map { frontMatter.line + $0 }
        }
        return Diagnostic(.warning, file: page.sourcePath, line: line, column: line.map { _ in 1 },
            "translationOf on a page of the default language ('\(defaultLanguage.code)'), which has no original; remove the line")
    }

    /// The same report for one language only.
    package func restricted(to code: String) -> TranslationReport {
        var report = self
        report.languages = languages.filter { $0.language.code == code }
        report.uiStrings = uiStrings.filter { $0.language == code }
        return report
    }

    /// Nothing outdated or missing, and no UI string missing (pages and UI
    /// strings only a translation has do not count).
    package var isComplete: Bool {
        languages.allSatisfy { $0.counts.outdated == 0 && $0.counts.missing == 0 }
            && uiStrings.allSatisfy { $0.missing.isEmpty }
    }

    /// Whether a page shows readers that its original changed after it was
    /// translated: only a translation that records a hash other than its
    /// original's (a translation never marked may well be current).
    package func isKnownOutdated(_ page: Page) -> Bool {
        !page.isFallback && page.kind.isWritten && knownOutdated.contains(page.sourcePath)
    }

    /// The line `sitegen build` prints: `en 6 current, 1 outdated, 0 missing`
    /// for every language, extras and missing UI strings when there are any.
    package var summaryLine: String {
        var parts = languages.map { language in
            let counts = language.counts
            return "\(language.language.code) \(counts.current) current, \(counts.outdated) outdated, \(counts.missing) missing"
                + (counts.extra > 0 ? ", \(counts.extra) only in \(language.language.code)" : "")
        }
        let missingStrings = uiStrings.filter { !$0.missing.isEmpty }
        if !missingStrings.isEmpty {
            parts.append("UI strings missing: " + missingStrings.map { "\($0.language) \($0.missing.count)" }.joined(separator: ", "))
        }
        return parts.joined(separator: "; ") + (isComplete ? "" : " (sitegen translations lists them)")
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, defaultLanguage, languages, uiStrings
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaVersion, forKey: .schemaVersion)
        try container.encode(defaultLanguage.code, forKey: .defaultLanguage)
        try container.encode(languages, forKey: .languages)
        try container.encode(uiStrings, forKey: .uiStrings)
    }
}
