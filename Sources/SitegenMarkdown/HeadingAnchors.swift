/// Gives every heading an `id`: readable (`stap-2-activeer-het-abonnement`),
/// stable (derived from the text only), and unique in the page; by default by
/// GitHub's rules, so anchors written against GitHub (or Hugo) keep working.
/// Writing `## Title {#custom-id}` (or `{ #custom-id }`, `{#custom-id .class}`)
/// sets the id explicitly and removes the marker from the text, so anchors
/// can stay the same across translations.
package enum HeadingAnchors {
    /// Assigns ids to the headings of `markdown`, in document order.
    package static func assign(in markdown: ParsedMarkdown, reserved: Set<String>,
                               style: HeadingIDStyle = .github) -> [(node: MarkdownNode, heading: Heading)] {
        let nodes = markdown.document.nodes(ofType: .heading)
        var taken = reserved
        var explicit: [HeadingAttributes?] = []

        // Explicit ids first, so automatic ones never take them.
        for node in nodes {
            let attributes = removeAttributes(from: node, in: markdown)
            if let id = attributes?.id {
                if taken.contains(id) {
                    markdown.diagnostics.append(.error(
                        "heading id '\(id)' is used twice in this page; give each heading its own {#id}",
                        at: markdown.location(of: node)))
                }
                taken.insert(id)
            }
            explicit.append(attributes)
        }

        var result: [(MarkdownNode, Heading)] = []
        var nextNumber: [String: Int] = [:]
        for (node, attributes) in zip(nodes, explicit) {
            let text = String(node.plainText.trimmingSpaces)
            let id: String
            if let custom = attributes?.id {
                id = custom
            } else {
                id = unique(style == .github ? githubSlug(text) : slug(text), in: &taken, nextNumber: &nextNumber)
            }
            let location = markdown.location(of: node)
            var heading = Heading(level: node.headingLevel, text: text, id: id, classes: attributes?.classes ?? [])
            heading.line = location.line
            heading.column = location.column
            if location.file != markdown.source.path { heading.file = location.file }
            result.append((node, heading))
        }
        return result
    }

    /// GitHub's id for heading text (github-slugger, which Hugo follows too):
    /// lower case; letters, marks, digits, `_` and `-` kept (in any script);
    /// every space becomes `-` (so ` -- ` gives `----`); everything else is
    /// dropped.
    package static func githubSlug(_ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark,
                 .connectorPunctuation:
                slug.unicodeScalars.append(scalar)
            case _ where scalar == "-":
                slug += "-"
            case _ where scalar == " ":
                slug += "-"
            default:
                break
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// A readable id from heading text: lower case; letters, digits and marks
    /// kept (in any script); spaces, `-` and `_` become one `-`; other
    /// punctuation dropped.
    package static func slug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            switch properties.generalCategory {
            case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark:
                if pendingDash && !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            case .spaceSeparator, .dashPunctuation, .connectorPunctuation, .control:
                pendingDash = true
            default:
                break
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// `base` if it is free, else `base-1`, `base-2`... the lowest number
    /// whose id is free. `taken` only grows, so the lowest free number for a
    /// base never goes down: `nextNumber` remembers where the last search for
    /// the base stopped, and the next one starts there. Without it, n equal
    /// headings tried 1 + 2 + ... + n candidates.
    private static func unique(_ base: String, in taken: inout Set<String>, nextNumber: inout [String: Int]) -> String {
        var candidate = base
        if taken.contains(candidate) {
            var number = nextNumber[base] ?? 1
            repeat {
                candidate = "\(base)-\(number)"
                number += 1
            } while taken.contains(candidate)
            nextNumber[base] = number
        }
        taken.insert(candidate)
        return candidate
    }

    /// Removes a trailing `{#id}`, `{ #id }` or `{#id .class ...}` from the
    /// heading's text and returns what it sets. The marker is read from the
    /// source line, not from the text: smart punctuation has already made
    /// `--` in the text a dash.
    private static func removeAttributes(from heading: MarkdownNode, in markdown: ParsedMarkdown) -> HeadingAttributes? {
        guard heading.lastChild?.type == .text, let marker = attributeMarker(of: heading, in: markdown) else { return nil }
        // cmark splits text at some characters ("-" with smart punctuation):
        // merge adjacent text nodes so the marker is in one literal.
        markdown.document.consolidateText(in: heading)
        guard let last = heading.lastChild, let literal = last.literal else { return nil }
        let trimmed = literal.trimmingSpaces
        guard trimmed.hasSuffix("}"), let open = trimmed.lastIndex(of: "{") else { return nil }
        guard let attributes = HeadingAttributes(marker) else {
            let id = marker.dropFirst().drop(while: { $0 == " " }).dropFirst().prefix(while: { $0 != "}" })
            let written = id.hasSuffix(" ") ? id.trimmingSpaces : Substring(id)
            markdown.diagnostics.append(.error(
                "heading id '\(written)' may only use letters, digits, '-' and '_' (then classes, like {#step-2 .note}); write it like {#step-2}",
                at: markdown.location(of: heading)))
            return nil
        }
        let remaining = trimmed[..<open].trimmingSpaces
        let leading = literal[..<trimmed.startIndex]
        if remaining.isEmpty && leading.isEmpty {
            last.unlink()
        } else {
            last.literal = String(leading + remaining)
        }
        return attributes
    }

    /// The `{#...}` at the end of a heading's last source line, as written.
    private static func attributeMarker(of heading: MarkdownNode, in markdown: ParsedMarkdown) -> Substring? {
        var lines = markdown.sourceLines(of: heading)
        while lines.count > 1, lines.last?.trimmingWhitespace.isEmpty == true { lines.removeLast() }
        // A setext heading's last line is its underline.
        if lines.count > 1, let underline = lines.last?.trimmingSpaces, !underline.isEmpty,
           underline.allSatisfy({ $0 == "=" || $0 == "-" }) {
            lines.removeLast()
        }
        guard var line = lines.last?.trimmingSpaces else { return nil }
        // An ATX heading's optional closing sequence (` ##`).
        if lines.count == 1, line.hasPrefix("#"), let closing = line.lastIndex(where: { $0 != "#" }), line[closing] == " " || line[closing] == "\t",
           line.index(after: closing) < line.endIndex {
            line = line[..<closing].trimmingSpaces
        }
        guard line.hasSuffix("}"), let open = line.lastIndex(of: "{") else { return nil }
        let marker = line[open...]
        guard marker.dropFirst().drop(while: { $0 == " " }).first == "#" else { return nil }
        return marker
    }

    package static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { scalar in
            scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic
                || scalar.properties.generalCategory == .decimalNumber
        }
    }
}

/// How headings without an explicit id get one.
public enum HeadingIDStyle: String, Sendable, Hashable, CaseIterable {
    /// GitHub's rules (github-slugger): `Über uns — Co.` gives `über-uns--co`.
    case github
    /// sitegen's rules before GitHub's: runs of spaces, `-` and `_` joined
    /// into one `-` (`über-uns-co`).
    case compact
}

/// What a heading's `{#id .class}` marker sets.
struct HeadingAttributes {
    var id: String
    var classes: [String]

    /// Parses `{#id}`, `{ #id }`, `{#id .a .b}`; nil when the id or a class
    /// is not letters, digits, `-` and `_`.
    init?(_ marker: Substring) {
        let inner = marker.dropFirst().dropLast()
        let tokens = inner.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = tokens.first, first.hasPrefix("#") else { return nil }
        let id = String(first.dropFirst())
        let classes = tokens.dropFirst().map { String($0.dropFirst()) }
        guard HeadingAnchors.isValidID(id),
              tokens.dropFirst().allSatisfy({ $0.hasPrefix(".") && HeadingAnchors.isValidID(String($0.dropFirst())) })
        else { return nil }
        self.id = id
        self.classes = classes
    }
}
