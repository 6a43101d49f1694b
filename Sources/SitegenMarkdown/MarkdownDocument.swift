import CCmark

/// A parsed cmark tree and the owner of all of its memory.
///
/// cmark nodes are not Sendable: create, transform, render and free a document
/// inside one task, and pass only the Sendable results (`RenderedMarkdown`) on.
package final class MarkdownDocument {
    /// cmark options used for parsing and rendering. Safe mode is cmark's
    /// default (raw HTML dropped, dangerous URLs emptied); we never set UNSAFE.
    package static let options = CMARK_OPT_SMART

    private(set) var rootPointer: OpaquePointer
    /// Roots of subtrees this document owns that are not in its tree (unlinked or
    /// newly made nodes). They are freed with the document.
    private var detached: Set<OpaquePointer> = []

    package var root: MarkdownNode { MarkdownNode(pointer: rootPointer, document: self) }

    package init(parsing text: String) {
        var text = text
        text.makeContiguousUTF8()
        let pointer = text.withCString { chars in
            cmark_parse_document(chars, text.utf8.count, MarkdownDocument.options)
        }
        // cmark only returns NULL when malloc fails, and then its allocator aborts first.
        self.rootPointer = pointer!
    }

    deinit {
        for pointer in detached {
            cmark_node_free(pointer)
        }
        cmark_node_free(rootPointer)
    }

    // MARK: Ownership bookkeeping

    package func markDetached(_ pointer: OpaquePointer) {
        detached.insert(pointer)
    }

    package func markAttached(_ pointer: OpaquePointer) {
        detached.remove(pointer)
    }

    /// A new, detached node owned by this document.
    package func makeNode(_ type: MarkdownNodeType) -> MarkdownNode {
        let pointer = cmark_node_new(type.cmarkType)!
        detached.insert(pointer)
        return MarkdownNode(pointer: pointer, document: self)
    }

    /// A custom node whose HTML is `onEnter`, its children, then `onExit`.
    /// Both strings are emitted verbatim: pass only generated, escaped HTML.
    package func makeCustom(_ type: MarkdownNodeType, onEnter: String, onExit: String) -> MarkdownNode {
        precondition(type == .customBlock || type == .customInline)
        let node = makeNode(type)
        node.onEnter = onEnter
        node.onExit = onExit
        return node
    }

    /// Takes a detached node of another document into this one, so that it can be
    /// inserted here. The other document no longer frees it.
    package func adopt(_ node: MarkdownNode) -> MarkdownNode {
        if node.document === self { return node }
        precondition(node.parent == nil, "unlink a node before moving it to another document")
        node.document.markAttached(node.pointer)
        detached.insert(node.pointer)
        return MarkdownNode(pointer: node.pointer, document: self)
    }

    // MARK: Walking

    package enum WalkEvent { case enter, exit }

    /// Visits `start` and its descendants in document order. Leaf nodes get one
    /// `.enter`; containers get `.enter` and `.exit`. Do not change the tree from
    /// the closure: collect nodes, then edit.
    package func walk(from start: MarkdownNode? = nil, _ visit: (WalkEvent, MarkdownNode) -> Void) {
        let walker = MarkdownTreeWalker(start ?? root)
        while let (event, node) = walker.next() {
            visit(event, node)
        }
    }

    /// Every node of the given types, in document order.
    package func nodes(ofType types: MarkdownNodeType...) -> [MarkdownNode] {
        var found: [MarkdownNode] = []
        walk { event, node in
            if event == .enter && types.contains(node.type) { found.append(node) }
        }
        return found
    }

    /// Every node of the given types in the subtree of `start` (which may be detached), in document order.
    package func nodesBelow(_ start: MarkdownNode, ofType types: MarkdownNodeType...) -> [MarkdownNode] {
        var found: [MarkdownNode] = []
        walk(from: start) { event, node in
            if event == .enter && types.contains(node.type) { found.append(node) }
        }
        return found
    }

    /// Merges adjacent text nodes below `node`. cmark frees the merged nodes:
    /// hold no `MarkdownNode` of text below `node` across this call.
    package func consolidateText(in node: MarkdownNode) {
        cmark_consolidate_text_nodes(node.pointer)
    }

    // MARK: Rendering

    /// HTML for `node` and its subtree (the whole document by default).
    package func renderHTML(_ node: MarkdownNode? = nil) -> String {
        guard let bytes = cmark_render_html((node ?? root).pointer, MarkdownDocument.options) else {
            return ""
        }
        defer { free(bytes) }
        return String(cString: bytes)
    }
}

/// cmark's iterator, which walks deep trees without recursion.
package final class MarkdownTreeWalker {
    private let iterator: OpaquePointer
    private let document: MarkdownDocument

    package init(_ start: MarkdownNode) {
        self.iterator = cmark_iter_new(start.pointer)!
        self.document = start.document
    }

    deinit {
        cmark_iter_free(iterator)
    }

    package func next() -> (MarkdownDocument.WalkEvent, MarkdownNode)? {
        switch cmark_iter_next(iterator) {
        case CMARK_EVENT_ENTER:
            return (.enter, MarkdownNode(pointer: cmark_iter_get_node(iterator)!, document: document))
        case CMARK_EVENT_EXIT:
            return (.exit, MarkdownNode(pointer: cmark_iter_get_node(iterator)!, document: document))
        default:
            return nil
        }
    }
}
