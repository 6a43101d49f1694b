/// What a page of a decision helper shows, resolved for one language: the
/// start page, a question, or an outcome. Markdown (hints, outcome texts) is
/// rendered later with the page.
public struct DecisionPage: Sendable, Hashable {
    public struct Choice: Sendable, Hashable {
        public var label: String
        public var path: SitePath
    }

    /// An answer given on the way to this page, with the question page to change it.
    public struct Given: Sendable, Hashable {
        public var question: String
        public var answer: String
        public var changePath: SitePath
    }

    public enum Kind: Sendable, Hashable {
        case start(firstQuestion: SitePath, startButton: String, questionCount: Int)
        case question(text: String, hint: DecisionWords.MarkdownFragment?, choices: [Choice])
        case outcome(title: String, text: DecisionWords.MarkdownFragment, recommend: DecisionFlow.PageReference, alternative: DecisionFlow.PageReference?)
    }

    public var kind: Kind
    public var flowID: String
    /// The helper's start page.
    public var startPath: SitePath
    /// The previous page (nil on the start page).
    public var backPath: SitePath?
    public var given: [Given]

    public var isStep: Bool {
        if case .start = kind { return false }
        return true
    }
}
