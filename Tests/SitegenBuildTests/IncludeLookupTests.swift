import Foundation
import Testing
@testable import SitegenBuild
@testable import SitegenKit
import SitegenTestSupport

/// An include is looked for beside the including file first, then from the
/// site folder: a file made later at the first place is what the next build
/// includes, even where the site's listing does not look (outside `content/`).
@Suite struct IncludeLookupTests {
    @Test func aFileMadeWhereAnIncludeIsLookedForFirstIsIncludedNext() throws {
        let site = try IncrementalBuildTests.site()
        // `snippets/extra.md` (included by `nl/over.md`) includes `more.md`:
        // not beside it yet, so the one at the site root.
        try IncrementalBuildTests.write(site + "/snippets/extra.md", "Een zin.\n\n--8<-- \"more.md\"\n")
        try IncrementalBuildTests.write(site + "/more.md", "Uit de map van de site.\n")
        let output = SiteFixtures.temporaryFolder() + "/out"
        IncrementalBuildTests.settle()
        _ = try IncrementalBuildTests.build(site, into: output)
        SiteFixtures.age(output)
        #expect(IncrementalBuildTests.readNothing(try IncrementalBuildTests.rebuild(site, output, after: "nothing").steps))

        try IncrementalBuildTests.write(site + "/snippets/more.md", "Van ernaast.\n")
        IncrementalBuildTests.settle()
        let (_, steps) = try IncrementalBuildTests.rebuild(site, output, after: "a file made beside the including file")
        #expect(!IncrementalBuildTests.readNothing(steps))
        #expect(try String(contentsOfFile: output + "/nl/over/index.html", encoding: .utf8).contains("Van ernaast."))
    }
}
