/// How one page of the default language stands in another language.
package enum TranslationState: String, Sendable, Hashable, CaseIterable, Encodable {
    /// Translated, and its `translationOf` is the original's hash now.
    case current
    /// Translated, but the original changed since (or the translation was
    /// never marked current).
    case outdated
    /// The original has no translation in this language.
    case missing
    /// The page exists only in this language: no original in the default language.
    case extra

    /// Lists show what needs work first: outdated, missing, extra, current.
    var rank: Int {
        switch self {
        case .outdated: 0
        case .missing: 1
        case .extra: 2
        case .current: 3
        }
    }
}
