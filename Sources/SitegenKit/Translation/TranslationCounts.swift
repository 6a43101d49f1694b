/// How many pages of one language have each `TranslationState`.
public struct TranslationCounts: Sendable, Hashable, Encodable {
    public var current = 0
    public var outdated = 0
    public var missing = 0
    public var extra = 0

    public init(current: Int = 0, outdated: Int = 0, missing: Int = 0, extra: Int = 0) {
        self.current = current
        self.outdated = outdated
        self.missing = missing
        self.extra = extra
    }

    public subscript(state: TranslationState) -> Int {
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
