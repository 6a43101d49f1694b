import Testing
@testable import SitegenMarkdown
@testable import SitegenSupport
import SitegenTestSupport

/// The cmark wrapper: walking, editing and rendering a tree. Run the suite under
/// `valgrind --leak-check=full` (make valgrind) to check that it frees everything.
@Suite struct MarkdownDocumentTests {
    @Test func walksInDocumentOrderWithEnterAndExit() {
        let document = MarkdownDocument(parsing: "# A\n\nb *c*")
        var events: [String] = []
        document.walk { event, node in
            events.append("\(event == .enter ? "+" : "-")\(node.type)")
        }
        #expect(events == [
            "+document", "+heading", "+text", "-heading", "+paragraph", "+text", "+emphasis", "+text",
            "-emphasis", "-paragraph", "-document",
        ])
    }

    @Test func readsNodeProperties() {
        let document = MarkdownDocument(parsing: "## Title\n\n[x](y.md \"T\")")
        let heading = document.nodes(ofType: .heading)[0]
        #expect(heading.headingLevel == 2)
        #expect(heading.plainText == "Title")
        #expect(heading.startLine == 1)
        let link = document.nodes(ofType: .link)[0]
        #expect(link.url == "y.md")
        #expect(link.title == "T")
        #expect(link.startLine == 3 && link.startColumn == 1)
        #expect(link.parent?.type == .paragraph)
        #expect(link.ancestors.map(\.type) == [.paragraph, .document])
    }

    @Test func replacingAndUnlinkingNodes() {
        let document = MarkdownDocument(parsing: "one\n\ntwo\n\nthree")
        let paragraphs = document.nodes(ofType: .paragraph)
        let custom = document.makeCustom(.customBlock, onEnter: "<section>", onExit: "</section>")
        paragraphs[0].moveChildren(to: custom)
        paragraphs[0].replace(with: custom)
        paragraphs[1].unlink()
        #expect(document.renderHTML() == "<section>\none\n</section>\n<p>three</p>\n")
        // An unlinked node stays usable (and owned) until the document is freed.
        #expect(document.renderHTML(paragraphs[1]) == "<p>two</p>\n")
    }

    @Test func movingNodesBetweenDocuments() {
        let target = MarkdownDocument(parsing: "first")
        do {
            let source = MarkdownDocument(parsing: "*moved*")
            let emphasis = source.nodes(ofType: .emphasis)[0]
            emphasis.unlink()
            let adopted = target.adopt(emphasis)
            target.nodes(ofType: .paragraph)[0].append(adopted)
        }
        // The source document is gone; the moved node lives on in the target.
        #expect(target.renderHTML() == "<p>first<em>moved</em></p>\n")
    }

    @Test func newNodesThatAreNeverInsertedAreStillFreed() {
        let document = MarkdownDocument(parsing: "x")
        _ = document.makeNode(.paragraph)
        let orphan = document.makeCustom(.customBlock, onEnter: "<div>", onExit: "</div>")
        orphan.append(document.makeNode(.thematicBreak))
        #expect(document.renderHTML() == "<p>x</p>\n")
    }

    @Test func consolidatesText() {
        let document = MarkdownDocument(parsing: "## a")
        let heading = document.nodes(ofType: .heading)[0]
        let text = document.makeNode(.text)
        text.literal = " b"
        heading.append(text)
        #expect(heading.children.count == 2)
        document.consolidateText(in: heading)
        #expect(heading.children.count == 1)
        #expect(heading.firstChild?.literal == "a b")
    }
}
