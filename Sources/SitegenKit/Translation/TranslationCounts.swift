/// How many pages of one language have each `TranslationState`.
package struct TranslationCounts: Sendable, Hashable, Encodable {
    package var current = 0
    package var outdated = 0
    package var missing = 0
    package var extra = 0

    package init(current: Int = 0, outdated: Int = 0, missing: Int = 0, extra: Int = 0) {
        self.current = current
        self.outdated = outdated
        self.missing = missing
        self.extra = extra
    }

    package subscript(state: TranslationState) -> Int {
        get {
            switch state {
            case .current: current
            case .outdated: outdated
            case .missing: missing
            case .extra: extra
            }
        }
        set {
            switch state {
            case .current: current = newValue
            case .outdated: outdated = newValue
            case .missing: missing = newValue
            case .extra: extra = newValue
            }
        }
    }
}
