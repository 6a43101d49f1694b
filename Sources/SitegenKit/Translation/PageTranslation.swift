/// One page of the translation status of a language: an original and its
/// translation, either of which may be absent.
package struct PageTranslation: Sendable, Hashable, Encodable {
    package var status: TranslationState
    package var translationKey: String
    /// The default-language file (`content/nl/handleiding-a.md`); nil for an extra page.
    package var original: String?
    /// The translation's file (`content/en/guide-a.md`); nil when missing.
    package var translation: String?
    /// The original's `TranslationHash` now: what `--mark-current` writes.
    /// Nil for an extra page, and in a report made without hashing every
    /// original (the build's) where no translation records a hash.
    package var expected: String?
    /// The translation's `translationOf`; nil when missing or never marked.
    package var recorded: String?
    /// The original or the translation has `draft: true`.
    package var draft: Bool

    /// Outdated because the translation records no `translationOf` at all.
    package var neverMarked: Bool { status == .outdated && recorded == nil }
}

extension PageTranslation {
    enum CodingKeys: String, CodingKey {
        case status, translationKey, original, translation, expected, recorded, draft
    }

    /// Every key is always there; a value that is absent is `null`.
    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(translationKey, forKey: .translationKey)
        try container.encode(original, forKey: .original)
        try container.encode(translation, forKey: .translation)
        try container.encode(expected, forKey: .expected)
        try container.encode(recorded, forKey: .recorded)
        try container.encode(draft, forKey: .draft)
    }
}
