/// One page of the translation status of a language: an original and its
/// translation, either of which may be absent.
public struct PageTranslation: Sendable, Hashable, Encodable {
    public var status: TranslationState
    public var translationKey: String
    /// The default-language file (`content/nl/handleiding-a.md`); nil for an extra page.
    public var original: String?
    /// The translation's file (`content/en/guide-a.md`); nil when missing.
    public var translation: String?
    /// The original's `TranslationHash` now: what `--mark-current` writes.
    /// Nil for an extra page, and in a report made without hashing every
    /// original (the build's) where no translation records a hash.
    public var expected: String?
    /// The translation's `translationOf`; nil when missing or never marked.
    public var recorded: String?
    /// The original or the translation has `draft: true`.
    public var draft: Bool

    /// Outdated because the translation records no `translationOf` at all.
    public var neverMarked: Bool { status == .outdated && recorded == nil }
}

extension PageTranslation {
    enum CodingKeys: String, CodingKey {
        case status, translationKey, original, translation, expected, recorded, draft
    }

    /// Every key is always there; a value that is absent is `null`.
    public func encode(to encoder: Encoder) throws {
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
