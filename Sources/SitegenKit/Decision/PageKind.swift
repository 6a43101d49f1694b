/// What a page is for the rest of the site: a page written in Markdown, a
/// page the decision helper made from its flow (a question or an outcome),
/// or one sitegen made for the navigation (the section page of a folder
/// without `index.md`, or a further page of a long section list).
/// Navigation, translation status and the home page count only written
/// pages; each decision-helper page has its own layout.
package enum PageKind: Sendable, Hashable {
    /// A page of a Markdown file (a decision helper's start page is one).
    case written
    case decisionQuestion
    case decisionOutcome
    case generated

    /// Whether the page comes from a Markdown file of its own.
    package var isWritten: Bool { self == .written }

    /// The layout the kind needs, when it is not the page's own choice.
    var fixedLayout: String? {
        switch self {
        case .written, .generated: nil
        case .decisionQuestion: TemplateSet.decisionQuestion
        case .decisionOutcome: TemplateSet.decisionOutcome
        }
    }
}

extension Page {
    package var kind: PageKind {
        if generated != nil { return .generated }
        return switch decision?.kind {
        case .question: .decisionQuestion
        case .outcome: .decisionOutcome
        case .start, nil: .written
        }
    }
}
