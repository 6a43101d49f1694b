import SitegenSupport

/// Turns the block quotes `BlockReader` made of other generators' admonitions
/// and tabs into callouts (`CalloutHTML`) and tab groups (`TabsHTML`).
///
/// A quote made by the reader starts with a level-1 heading on the line of a
/// marker. Blocks written one right after another at the same depth end up in
/// one quote, so a quote is split at each heading that is a marker. Tabs next
/// to each other (no other block between them) form one group; `===!` starts
/// a new one. A VitePress code group becomes a group of its own, a tab per
/// code block, labelled by the fence's `[name]` (else its language). It runs
/// before `CodeBlockTransform`, so the code blocks are still cmark's.
package enum BlockContainerTransform {
    package struct Result {
        /// The types of callout that show their label, with the place of the first.
        package var labelsUsed: [String: SourceLocation] = [:]
        /// The ids given to tab panels and their labels.
        package var ids: Set<String> = []
        /// The ids authors gave blocks (pymdownx's `attrs: {id: ...}`): anchors.
        package var authorIDs: [String] = []
        /// Footnote definitions in document order: each a detached block
        /// holding the note's content, for `FootnoteTransform`.
        package var footnotes: [(label: String, content: MarkdownNode, place: SourceLocation)] = []
        /// Whether it made a group of tabs.
        package var madeTabs = false
        /// Groups of tabs numbered so far in the page (the pieces before, then these).
        package var tabGroups = 0
        /// The code blocks made tabs of a code group: their fence's `[name]`
        /// is the tab's label, not the block's title (`CodeBlockTransform`).
        package var groupedCode: Set<OpaquePointer> = []
    }

    /// `tabGroupsBefore`: groups the page's pieces before this one numbered.
    package static func apply(to markdown: ParsedMarkdown, labels: CalloutLabels, tabGroupsBefore: Int = 0) -> Result {
        var result = Result(tabGroups: tabGroupsBefore)
        guard !markdown.blockContainers.isEmpty else { return result }
        var tabs: [OpaquePointer: Tab] = [:]
        var tabOrder: [MarkdownNode] = []
        for quote in markdown.document.nodes(ofType: .blockQuote) {
            guard let first = quote.firstChild, container(first, in: markdown) != nil else { continue }
            var current: MarkdownNode?
            // A footnote's first paragraph, while its next lines may continue it.
            var openParagraph: (node: MarkdownNode, line: Int)?
            var codeGroups: [MarkdownNode] = []
            for child in quote.children {
                if let block = container(child, in: markdown) {
                    let title = child.children
                    let node: MarkdownNode
                    switch block.opener.role {
                    case let .callout(type, collapse):
                        if block.title == nil && result.labelsUsed[type] == nil {
                            result.labelsUsed[type] = markdown.locationInSource(line: block.line, byteColumn: block.column)
                        }
                        node = CalloutTransform.makeCallout(type: type, collapse: collapse, title: title,
                                                            untitled: block.title == "" && collapse == .none,
                                                            classes: block.opener.classes, id: block.opener.id,
                                                            labels: labels, in: markdown.document)
                        if let id = block.opener.id {
                            result.ids.insert(id)
                            result.authorIDs.append(id)
                        }
                    case let .tab(newGroup, selected):
                        let label: MarkdownNode
                        (node, label) = makePanel(title: title, in: markdown.document)
                        tabs[node.pointer] = Tab(label: label, newGroup: newGroup, selected: selected, classes: block.opener.classes)
                        tabOrder.append(node)
                    case .codeGroup:
                        // A holder for the group's blocks, split into tabs below.
                        node = markdown.document.makeCustom(.customBlock, onEnter: "", onExit: "")
                        codeGroups.append(node)
                    case let .footnote(label):
                        node = markdown.document.makeCustom(.customBlock, onEnter: "", onExit: "")
                        let paragraph = markdown.document.makeNode(.paragraph)
                        for inline in title {
                            inline.unlink()
                            paragraph.append(inline)
                        }
                        node.append(paragraph)
                        openParagraph = (paragraph, child.startLine)
                        result.footnotes.append((label, node, markdown.locationInSource(line: block.line, byteColumn: block.column)))
                    }
                    child.unlink()
                    if case .footnote = block.opener.role {} else { quote.insertBefore(node) }
                    current = node
                } else if let (paragraph, line) = openParagraph, child.type == .paragraph, child.startLine == line + 1 {
                    // The lines after `[^1]: text` continue its paragraph.
                    openParagraph = nil
                    paragraph.append(markdown.document.makeNode(.softBreak))
                    for inline in child.children {
                        inline.unlink()
                        paragraph.append(inline)
                    }
                    child.unlink()
                } else if let current {
                    openParagraph = nil
                    child.unlink()
                    current.append(child)
                }
            }
            for holder in codeGroups {
                splitCodeGroup(holder, in: markdown.document, tabs: &tabs, tabOrder: &tabOrder, grouped: &result.groupedCode)
            }
            quote.unlink()
        }
        groupTabs(tabOrder, tabs, markdown: markdown, ids: &result.ids, groupNumber: &result.tabGroups)
        result.madeTabs = !tabOrder.isEmpty
        return result
    }

    private struct Tab {
        var label: MarkdownNode
        var newGroup: Bool
        var selected: Bool
        var classes: [String]
    }

    /// A detached tab panel holding its label (the title's inline nodes, moved).
    private static func makePanel(title: [MarkdownNode], in document: MarkdownDocument) -> (panel: MarkdownNode, label: MarkdownNode) {
        let panel = document.makeCustom(.customBlock, onEnter: "", onExit: TabsHTML.panelClose)
        let label = document.makeCustom(.customInline, onEnter: "", onExit: TabsHTML.labelClose)
        for inline in title {
            inline.unlink()
            label.append(inline)
        }
        panel.append(label)
        return (panel, label)
    }

    /// Puts each code block of a code group in a tab of a new group; other
    /// blocks go with the code before them.
    private static func splitCodeGroup(_ holder: MarkdownNode, in document: MarkdownDocument,
                                       tabs: inout [OpaquePointer: Tab], tabOrder: inout [MarkdownNode],
                                       grouped: inout Set<OpaquePointer>) {
        var panel: MarkdownNode?
        var number = 0
        for child in holder.children {
            child.unlink()
            if child.type == .codeBlock {
                number += 1
                grouped.insert(child.pointer)
                let info = FenceInfo(child.fenceInfo ?? "")
                let text = document.makeNode(.text)
                text.literal = info.label ?? (info.language.isEmpty ? String(number) : info.language)
                let (newPanel, label) = makePanel(title: [text], in: document)
                tabs[newPanel.pointer] = Tab(label: label, newGroup: number == 1, selected: false, classes: [])
                tabOrder.append(newPanel)
                holder.insertBefore(newPanel)
                panel = newPanel
            }
            if let panel { panel.append(child) } else { holder.insertBefore(child) }
        }
        holder.unlink()
    }

    /// The container a node starts, when it is a heading the reader wrote.
    private static func container(_ node: MarkdownNode, in markdown: ParsedMarkdown) -> BlockContainer? {
        guard node.type == .heading, node.headingLevel == 1 else { return nil }
        return markdown.blockContainers[node.startLine]
    }

    /// Wraps each run of adjacent tabs in a group and numbers them.
    private static func groupTabs(_ order: [MarkdownNode], _ tabs: [OpaquePointer: Tab],
                                  markdown: ParsedMarkdown, ids: inout Set<String>, groupNumber: inout Int) {
        var grouped: Set<OpaquePointer> = []
        for tab in order where !grouped.contains(tab.pointer) {
            groupNumber += 1
            let group = markdown.document.makeCustom(.customBlock, onEnter: TabsHTML.groupOpen, onExit: TabsHTML.groupClose)
            tab.insertBefore(group)
            var member: MarkdownNode? = tab
            var number = 0
            while let panel = member, let info = tabs[panel.pointer], number == 0 || !info.newGroup {
                member = panel.next
                number += 1
                let id = TabsHTML.panelID(group: groupNumber, tab: number)
                ids.insert(id)
                ids.insert(id + "-label")
                panel.onEnter = TabsHTML.panelOpen(id: id, selected: info.selected, classes: info.classes)
                info.label.onEnter = TabsHTML.labelOpen(id: id)
                panel.unlink()
                group.append(panel)
                grouped.insert(panel.pointer)
            }
        }
    }
}
