/// GitHub's task lists: a list item that starts with `[ ]` or `[x]` shows a
/// checkbox, ticked or not. The box is disabled (a page cannot save it), and
/// it sits in a `label` with the item's first paragraph, which is its
/// accessible name:
///
///     <li><label class="task"><input type="checkbox" disabled="disabled" checked="checked" /> Done</label></li>
package enum TaskListTransform {
    package static func apply(to markdown: ParsedMarkdown) {
        let document = markdown.document
        for item in document.nodes(ofType: .item) {
            guard let paragraph = item.firstChild, paragraph.type == .paragraph,
                  let first = paragraph.firstChild, first.type == .text, let literal = first.literal,
                  literal.hasPrefix("["), literal.count >= 3
            else { continue }
            let marker = literal.prefix(3)
            let checked: Bool
            switch marker {
            case "[ ]": checked = false
            case "[x]", "[X]": checked = true
            default: continue
            }
            let rest = literal.dropFirst(3)
            // The marker must be followed by white space (or end the paragraph's first line).
            guard rest.isEmpty ? (first.next == nil || first.next?.type == .softBreak) : rest.first == " " || rest.first == "\t" else { continue }
            first.literal = String(rest)
            let label = document.makeCustom(
                .customInline,
                onEnter: "<label class=\"task\"><input type=\"checkbox\" disabled=\"disabled\"\(checked ? " checked=\"checked\"" : "") />",
                onExit: "</label>")
            for child in paragraph.children {
                child.unlink()
                label.append(child)
            }
            paragraph.append(label)
        }
    }
}
