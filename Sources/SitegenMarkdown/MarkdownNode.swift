import CCmark

/// The kinds of node in a cmark tree.
package enum MarkdownNodeType: Sendable, Equatable {
    case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock
    case paragraph, heading, thematicBreak
    case text, softBreak, lineBreak, code, htmlInline, customInline
    case emphasis, strong, link, image
    case unknown

    package init(_ type: cmark_node_type) {
        switch type {
        case CMARK_NODE_DOCUMENT: self = .document
        case CMARK_NODE_BLOCK_QUOTE: self = .blockQuote
        case CMARK_NODE_LIST: self = .list
        case CMARK_NODE_ITEM: self = .item
        case CMARK_NODE_CODE_BLOCK: self = .codeBlock
        case CMARK_NODE_HTML_BLOCK: self = .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: self = .customBlock
        case CMARK_NODE_PARAGRAPH: self = .paragraph
        case CMARK_NODE_HEADING: self = .heading
        case CMARK_NODE_THEMATIC_BREAK: self = .thematicBreak
        case CMARK_NODE_TEXT: self = .text
        case CMARK_NODE_SOFTBREAK: self = .softBreak
        case CMARK_NODE_LINEBREAK: self = .lineBreak
        case CMARK_NODE_CODE: self = .code
        case CMARK_NODE_HTML_INLINE: self = .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: self = .customInline
        case CMARK_NODE_EMPH: self = .emphasis
        case CMARK_NODE_STRONG: self = .strong
        case CMARK_NODE_LINK: self = .link
        case CMARK_NODE_IMAGE: self = .image
        default: self = .unknown
        }
    }

    package var cmarkType: cmark_node_type {
        switch self {
        case .document: CMARK_NODE_DOCUMENT
        case .blockQuote: CMARK_NODE_BLOCK_QUOTE
        case .list: CMARK_NODE_LIST
        case .item: CMARK_NODE_ITEM
        case .codeBlock: CMARK_NODE_CODE_BLOCK
        case .htmlBlock: CMARK_NODE_HTML_BLOCK
        case .customBlock: CMARK_NODE_CUSTOM_BLOCK
        case .paragraph: CMARK_NODE_PARAGRAPH
        case .heading: CMARK_NODE_HEADING
        case .thematicBreak: CMARK_NODE_THEMATIC_BREAK
        case .text: CMARK_NODE_TEXT
        case .softBreak: CMARK_NODE_SOFTBREAK
        case .lineBreak: CMARK_NODE_LINEBREAK
        case .code: CMARK_NODE_CODE
        case .htmlInline: CMARK_NODE_HTML_INLINE
        case .customInline: CMARK_NODE_CUSTOM_INLINE
        case .emphasis: CMARK_NODE_EMPH
        case .strong: CMARK_NODE_STRONG
        case .link: CMARK_NODE_LINK
        case .image: CMARK_NODE_IMAGE
        case .unknown: CMARK_NODE_NONE
        }
    }
}

/// A node of a `MarkdownDocument`.
///
/// It holds its document strongly, so the cmark memory it points into lives at
/// least as long as the node value. The document, not the node, frees memory:
/// structural edits go through methods here that keep the document's record of
/// detached subtrees up to date.
package struct MarkdownNode {
    package let pointer: OpaquePointer
    package let document: MarkdownDocument

    package var type: MarkdownNodeType { MarkdownNodeType(cmark_node_get_type(pointer)) }

    // MARK: Navigation

    package var parent: MarkdownNode? { wrap(cmark_node_parent(pointer)) }
    package var firstChild: MarkdownNode? { wrap(cmark_node_first_child(pointer)) }
    package var lastChild: MarkdownNode? { wrap(cmark_node_last_child(pointer)) }
    package var next: MarkdownNode? { wrap(cmark_node_next(pointer)) }
    package var previous: MarkdownNode? { wrap(cmark_node_previous(pointer)) }

    package var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// Ancestors from the parent up to the document.
    package var ancestors: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var node = parent
        while let current = node {
            result.append(current)
            node = current.parent
        }
        return result
    }

    private func wrap(_ pointer: OpaquePointer?) -> MarkdownNode? {
        pointer.map { MarkdownNode(pointer: $0, document: document) }
    }

    // MARK: Properties (strings are copied out at once: cmark owns its buffers)

    package var literal: String? {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_literal(pointer, newValue) }
    }

    package var url: String? {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_url(pointer, newValue) }
    }

    package var title: String? {
        get { cmark_node_get_title(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_title(pointer, newValue) }
    }

    /// The info string of a fenced code block (after the fence), as cmark read
    /// it; empty for an indented block.
    package var fenceInfo: String? { cmark_node_get_fence_info(pointer).map { String(cString: $0) } }

    package var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// Text emitted verbatim by the HTML renderer (custom nodes only). Only ever
    /// set generated, escaped HTML here.
    package var onEnter: String? {
        get { cmark_node_get_on_enter(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_on_enter(pointer, newValue) }
    }

    package var onExit: String? {
        get { cmark_node_get_on_exit(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_on_exit(pointer, newValue) }
    }

    package var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    /// 1-based byte column.
    package var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    package var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    /// The concatenated literal text of this node's inline content, as a table of
    /// contents or a slug wants it (breaks become spaces).
    package var plainText: String {
        var text = ""
        document.walk(from: self) { event, node in
            guard event == .enter else { return }
            switch node.type {
            case .text, .code: text += node.literal ?? ""
            case .softBreak, .lineBreak: text += " "
            default: break
            }
        }
        return text
    }

    // MARK: Structural edits

    /// Detaches this node (with its subtree) from the tree. The document keeps
    /// owning it until it is inserted again or the document is freed.
    package func unlink() {
        cmark_node_unlink(pointer)
        document.markDetached(pointer)
    }

    @discardableResult
    package func append(_ child: MarkdownNode) -> Bool {
        insert(child, "as a child of") { cmark_node_append_child(pointer, child.pointer) }
    }

    @discardableResult
    package func insertBefore(_ sibling: MarkdownNode) -> Bool {
        insert(sibling, "before") { cmark_node_insert_before(pointer, sibling.pointer) }
    }

    @discardableResult
    package func insertAfter(_ sibling: MarkdownNode) -> Bool {
        insert(sibling, "after") { cmark_node_insert_after(pointer, sibling.pointer) }
    }

    /// Puts `replacement` where this node is; this node becomes detached.
    @discardableResult
    package func replace(with replacement: MarkdownNode) -> Bool {
        let ok = insert(replacement, "in place of") { cmark_node_replace(pointer, replacement.pointer) }
        if ok { document.markDetached(pointer) }
        return ok
    }

    /// Runs a cmark call that puts `node` into the tree, and records that the
    /// document no longer needs to free it separately. cmark refuses what its
    /// tree cannot hold (a list item in a paragraph): that is a bug of ours.
    private func insert(_ node: MarkdownNode, _ relation: String, _ operation: () -> Int32) -> Bool {
        precondition(node.document === document, "adopt nodes from another document first")
        let ok = operation() == 1
        if ok { document.markAttached(node.pointer) }
        assert(ok, "cmark refused \(node.type) \(relation) \(type)")
        return ok
    }

    /// Moves every child of this node to the end of `newParent`'s children.
    package func moveChildren(to newParent: MarkdownNode) {
        for child in children {
            child.unlink()
            newParent.append(child)
        }
    }
}
