/// What a page of a decision helper shows, resolved for one language: the
/// start page, a question, or an outcome. Markdown (hints, outcome texts) is
/// rendered later with the page.
package struct DecisionPage: Sendable, Hashable {
    package struct Choice: Sendable, Hashable {
        package var label: String
        package var path: SitePath
    }

    /// An answer given on the way to this page, with the question page to change it.
    package struct Given: Sendable, Hashable {
        package var question: String
        package var answer: String
        package var changePath: SitePath
    }

    package enum Kind: Sendable, Hashable {
        case start(firstQuestion: SitePath, startButton: String, questionCount: Int)
        case question(text: String, hint: DecisionWords.MarkdownFragment?, choices: [Choice])
        case outcome(title: String, text: DecisionWords.MarkdownFragment, recommend: DecisionFlow.PageReference, alternative: DecisionFlow.PageReference?)
    }

    package var kind: Kind
    package var flowID: String
    /// The helper's start page.
    package var startPath: SitePath
    /// The previous page (nil on the start page).
    package var backPath: SitePath?
    package var given: [Given]

    package var isStep: Bool {
        if case .start = kind { return false }
        return true
    }
}
