import Testing
@testable import SitegenKit
@testable import SitegenSupport
import SitegenTestSupport

/// The shipped guide's decision flow (content/_decisions/): every reader
/// who is not sure is sent to guide A, every reader without the activation
/// e-mail to the troubleshooting section (the built pages are
/// SitegenBuildTests' GuideContentTests).
@Suite struct GuideContentTests {
    // The flow's helpers live in SitegenTestSupport, for SitegenKitTests' suite too.
    static func flow() throws -> DecisionFlow { try SitegenTestSupport.GuideContentTests.flow() }

    static func outcomePaths() throws -> [(step: DecisionStep, outcome: DecisionFlow.Outcome)] {
        try SitegenTestSupport.GuideContentTests.outcomePaths()
    }

    static func isUnsure(_ step: DecisionStep, in flow: DecisionFlow) -> Bool {
        SitegenTestSupport.GuideContentTests.isUnsure(step, in: flow)
    }

    @Test func everyNotSurePathOfTheFlowEndsAtGuideA() throws {
        let flow = try Self.flow()
        let paths = try Self.outcomePaths()
        let unsure = paths.filter { Self.isUnsure($0.step, in: flow) }
        #expect(unsure.count >= 3, "the flow should have several 'not sure' paths")
        for (step, outcome) in unsure {
            #expect(outcome.recommend.translationKey == "guide-a", "\(step.relativeFolder) recommends \(outcome.recommend.translationKey)")
        }
    }

    /// Guide A needs the activation e-mail, so the helper asks about it
    /// first: only readers who have it (or are not sure) reach guide A, and
    /// every reader who does not have it is sent to the section on the
    /// missing e-mail, never to guide A.
    @Test func theHelperAsksAboutTheEmailAndSendsReadersWithoutItToTroubleshooting() throws {
        let flow = try Self.flow()
        #expect(flow.start == "email")
        for (step, outcome) in try Self.outcomePaths() {
            let email = step.answers.first { $0.question == "email" }?.answer
            #expect(email != nil, "\(step.relativeFolder) never asks about the e-mail")
            if email == "no" {
                #expect(outcome.recommend.translationKey == "problems" && outcome.recommend.anchor == "no-email", "\(step.relativeFolder) recommends \(outcome.recommend.translationKey)")
            } else if outcome.recommend.translationKey == "guide-a" {
                #expect(email == "yes" || email == flow.unsureAnswer, "\(step.relativeFolder)")
            }
        }
    }
}
