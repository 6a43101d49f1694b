/// Gives every heading an `id`: readable (`stap-2-activeer-het-abonnement`),
/// stable (derived from the text only), and unique in the page. Writing
/// `## Title {#custom-id}` sets the id explicitly and removes the marker from
/// the text, so anchors can stay the same across translations.
package enum HeadingAnchors {
    /// Assigns ids to the headings of `markdown`, in document order.
    package static func assign(in markdown: ParsedMarkdown, reserved: Set<String>) -> [(node: MarkdownNode, heading: Heading)] {
        let nodes = markdown.document.nodes(ofType: .heading)
        var taken = reserved
        var explicit: [String?] = []

        // Explicit ids first, so automatic ones never take them.
        for node in nodes {
            let custom = removeCustomID(from: node, in: markdown)
            if let id = custom {
                if taken.contains(id) {
                    markdown.diagnostics.append(.error(
                        "heading id '\(id)' is used twice in this page; give each heading its own {#id}",
                        at: markdown.location(of: node)))
                }
                taken.insert(id)
            }
            explicit.append(custom)
        }

        var result: [(MarkdownNode, Heading)] = []
        var nextNumber: [String: Int] = [:]
        for (node, custom) in zip(nodes, explicit) {
            let text = String(node.plainText.trimmingSpaces)
            let id: String
            if let custom {
                id = custom
            } else {
                id = unique(slug(text), in: &taken, nextNumber: &nextNumber)
            }
            result.append((node, Heading(level: node.headingLevel, text: text, id: id)))
        }
        return result
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

    /// Removes a trailing `{#id}` from the heading's text and returns the id.
    private static func removeCustomID(from heading: MarkdownNode, in markdown: ParsedMarkdown) -> String? {
        guard heading.lastChild?.type == .text else { return nil }
        // cmark splits text at some characters ("-" with smart punctuation):
        // merge adjacent text nodes so the marker is in one literal.
        markdown.document.consolidateText(in: heading)
        guard let last = heading.lastChild, let literal = last.literal else { return nil }
        let trimmed = literal.trimmingSpaces
        guard trimmed.hasSuffix("}"),
              let open = trimmed.indices.last(where: { trimmed[$0...].hasPrefix("{#") })
        else { return nil }
        let id = String(trimmed[trimmed.index(open, offsetBy: 2)..<trimmed.index(before: trimmed.endIndex)])
        guard isValidID(id) else {
            markdown.diagnostics.append(.error(
                "heading id '\(id)' may only use letters, digits, '-' and '_'; write it like {#stap-2}",
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
        return id
    }

    package static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { scalar in
            scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic
                || scalar.properties.generalCategory == .decimalNumber
        }
    }
}
