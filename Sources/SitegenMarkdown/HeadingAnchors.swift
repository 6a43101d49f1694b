import SitegenSupport
/// Gives every heading an `id`: readable (`stap-2-activeer-het-abonnement`),
/// stable (derived from the text only), and unique in the page; by default by
/// GitHub's rules, so anchors written against GitHub (or Hugo) keep working.
/// Writing `## Title {#custom-id}` (or `{ #custom-id }`, `{#custom-id .class}`)
/// sets the id explicitly and removes the marker from the text, so anchors
/// can stay the same across translations. As in Hugo and Pandoc, the marker
/// may hold classes and `key=value` in any order, with or without an id:
/// `lang`, `dir` and `data-*` become attributes, anything else is a warning
/// at its column.
package enum HeadingAnchors {
    /// Assigns ids to the headings of `markdown`, in document order.
    package static func assign(in markdown: ParsedMarkdown, reserved: Set<String>,
                               style: HeadingIDStyle = .github) -> [(node: MarkdownNode, heading: Heading)] {
        var taken = reserved
        var nextNumber: [String: Int] = [:]
        return assign(in: markdown, taken: &taken, nextNumber: &nextNumber, style: style)
    }

    /// Assigns ids after those in `taken` (a page's earlier pieces,
    /// `MarkdownChunks`), and adds them there. Automatic ids also avoid
    /// `pageExplicitIDs`: the `{#id}`s of the whole page (all its pieces),
    /// which the whole page takes first.
    package static func assign(in markdown: ParsedMarkdown, taken: inout Set<String>, nextNumber: inout [String: Int],
                               pageExplicitIDs: Set<String> = [],
                               style: HeadingIDStyle = .github) -> [(node: MarkdownNode, heading: Heading)] {
        let nodes = markdown.document.nodes(ofType: .heading)
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
        for (node, attributes) in zip(nodes, explicit) {
            let text = String(node.plainText.trimmingSpaces)
            let id: String
            if let custom = attributes?.id {
                id = custom
            } else {
                id = unique(style == .github ? githubSlug(text) : slug(text), in: &taken, avoiding: pageExplicitIDs,
                            nextNumber: &nextNumber)
            }
            let location = markdown.location(of: node)
            var heading = Heading(level: node.headingLevel, text: text, id: id, classes: attributes?.classes ?? [])
            heading.attributes = attributes?.attributes ?? [:]
            heading.line = location.line
            heading.column = location.column
            if location.file != markdown.source.path { heading.file = location.file }
            result.append((node, heading))
        }
        return result
    }

    /// The automatic id of a heading of `text` after those in `taken` (a
    /// large page's notes' headings, given theirs after every piece's).
    static func automaticID(_ text: String, taken: inout Set<String>, nextNumber: inout [String: Int],
                            pageExplicitIDs: Set<String>, style: HeadingIDStyle) -> String {
        unique(style == .github ? githubSlug(text) : slug(text), in: &taken, avoiding: pageExplicitIDs, nextNumber: &nextNumber)
    }

    /// The ids the headings of `markdown` set themselves (`{#id}`), in
    /// order; it takes the markers out, as `assign` does.
    package static func explicitIDs(in markdown: ParsedMarkdown) -> [String] {
        markdown.document.nodes(ofType: .heading).compactMap { removeAttributes(from: $0, in: markdown)?.id }
    }

    /// GitHub's id for heading text (github-slugger, which Hugo follows too):
    /// lower case; letters, marks, digits, `_` and `-` kept (in any script);
    /// every space becomes `-` (so ` -- ` gives `----`); everything else is
    /// dropped.
    package static func githubSlug(_ text: String) -> String {
        if let slug = asciiGitHubSlug(text) { return slug }
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

    /// `githubSlug` of ASCII text, by bytes (Unicode's categories for each
    /// scalar were 2 % of a link-heavy build); nil for other text. In ASCII
    /// the letters, digits and `_` are what GitHub keeps.
    private static func asciiGitHubSlug(_ text: String) -> String? {
        guard ASCII.only(text) else { return nil }
        let utf8 = text.utf8
        let slug = String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var count = 0
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): buffer[count] = byte | 0x20
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): buffer[count] = byte
                case UInt8(ascii: "-"), UInt8(ascii: " "): buffer[count] = UInt8(ascii: "-")
                default: continue
                }
                count += 1
            }
            return count
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
    private static func unique(_ base: String, in taken: inout Set<String>, avoiding: Set<String>,
                               nextNumber: inout [String: Int]) -> String {
        var candidate = base
        if taken.contains(candidate) || avoiding.contains(candidate) {
            var number = nextNumber[base] ?? 1
            repeat {
                candidate = "\(base)-\(number)"
                number += 1
            } while taken.contains(candidate) || avoiding.contains(candidate)
            nextNumber[base] = number
        }
        taken.insert(candidate)
        return candidate
    }

    /// Removes a trailing `{#id}`, `{ #id }`, `{#id .class key=value}` or
    /// `{.class}` from the heading's text and returns what it sets. The
    /// marker is read from the source line, not from the text: smart
    /// punctuation has already made `--` in the text a dash.
    private static func removeAttributes(from heading: MarkdownNode, in markdown: ParsedMarkdown) -> HeadingAttributes? {
        guard heading.lastChild?.type == .text, let (marker, place) = attributeMarker(of: heading, in: markdown) else { return nil }
        // cmark splits text at some characters ("-" with smart punctuation):
        // merge adjacent text nodes so the marker is in one literal.
        markdown.document.consolidateText(in: heading)
        guard let last = heading.lastChild, let literal = last.literal else { return nil }
        let trimmed = literal.trimmingSpaces
        guard trimmed.hasSuffix("}"), let open = trimmed.lastIndex(of: "{") else { return nil }
        let attributes = HeadingAttributes(marker)
        if let invalid = attributes.invalidID {
            markdown.diagnostics.append(.error(
                "heading id '\(invalid)' may only use letters, digits, '-' and '_' (then classes, like {#step-2 .note}); write it like {#step-2}",
                at: markdown.location(of: heading)))
            return nil
        }
        for (message, offset) in attributes.leftOut {
            var location = place
            location.column = place.column.map { $0 + offset }
            markdown.diagnostics.append(Diagnostic(.warning, file: location.file, line: location.line, column: location.column,
                                                   message, kind: "heading attributes left out"))
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

    /// The `{...}` at the end of a heading's last source line, as written,
    /// and where its `{` is; nil when it is not a marker (`{name}` is text).
    private static func attributeMarker(of heading: MarkdownNode, in markdown: ParsedMarkdown) -> (Substring, SourceLocation)? {
        // Most headings have no `}` on their lines, so no marker to read.
        let numbers = heading.startLine...max(heading.startLine, heading.endLine)
        guard numbers.contains(where: { markdown.lines.line($0).utf8.contains(UInt8(ascii: "}")) }) else { return nil }
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
        guard HeadingAttributes.isMarker(marker) else { return nil }
        let start = markdown.location(of: heading)
        let lineNumber = heading.startLine + lines.count - 1
        let sourceLine = markdown.lines.line(lineNumber)
        var column = start.column
        if sourceLine.startIndex <= open, open <= sourceLine.endIndex {
            column = sourceLine.unicodeScalars.distance(from: sourceLine.startIndex, to: open) + 1
        }
        return (marker, SourceLocation(file: start.file, line: lineNumber, column: column))
    }

    package static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { scalar in
            scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic
                || scalar.properties.generalCategory == .decimalNumber
        }
    }
}

/// How headings without an explicit id get one.
package enum HeadingIDStyle: String, Sendable, Hashable, CaseIterable {
    /// GitHub's rules (github-slugger): `Über uns — Co.` gives `über-uns--co`.
    case github
    /// sitegen's rules before GitHub's: runs of spaces, `-` and `_` joined
    /// into one `-` (`über-uns-co`).
    case compact
}

/// What a heading's `{#id .class key=value}` marker sets.
struct HeadingAttributes {
    var id: String?
    var classes: [String] = []
    /// The attributes HTML allows on a heading and sitegen writes.
    var attributes: [String: String] = [:]
    /// An id that is not letters, digits, `-` and `_` (with the words
    /// after it, `{#not valid}`): an error, the marker is left as text.
    var invalidID: String?
    /// What was left out, and how far into the marker it was written.
    var leftOut: [(message: String, offset: Int)] = []

    /// Whether `{...}` is meant as a marker: its first token is `#id`,
    /// `.class` or `key=value`.
    static func isMarker(_ marker: Substring) -> Bool {
        guard let first = tokens(marker).first?.text else { return false }
        return first.hasPrefix("#") || first.hasPrefix(".") && first.count > 1 || first.contains("=") && !first.hasPrefix("=")
    }

    init(_ marker: Substring) {
        let tokens = Self.tokens(marker)
        for (index, (token, offset)) in tokens.enumerated() {
            if token.hasPrefix("#") {
                let id = String(token.dropFirst())
                // Words after an id read as part of it: `{#not valid}`.
                let words = tokens[(index + 1)...].prefix { !$0.text.hasPrefix(".") && !$0.text.hasPrefix("#") && !$0.text.contains("=") }
                if !HeadingAnchors.isValidID(id) || !words.isEmpty {
                    invalidID = ([id] + words.map { String($0.text) }).joined(separator: " ")
                    return
                }
                self.id = id
            } else if token.hasPrefix("."), HeadingAnchors.isValidID(String(token.dropFirst())) {
                classes.append(String(token.dropFirst()))
            } else if let equals = token.firstIndex(of: "="), equals != token.startIndex {
                let name = token[..<equals].lowercased()
                var value = token[token.index(after: equals)...]
                if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                    value = value.dropFirst().dropLast()
                }
                switch name {
                case "id" where HeadingAnchors.isValidID(String(value)): id = String(value)
                case "class": classes += value.split(separator: " ").map(String.init)
                case "lang", "dir": attributes[name] = String(value)
                case _ where name.hasPrefix("data-") && name.count > 5
                    && name.dropFirst(5).allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }):
                    attributes[name] = String(value)
                default:
                    leftOut.append(("heading attribute '\(token)' is left out: sitegen writes only lang, dir and data-* on a heading (and #id, .class)", offset))
                }
            } else {
                leftOut.append(("'\(token)' in a heading's {...} is left out: write #id, .class or key=value", offset))
            }
        }
    }

    /// The marker's tokens (split at spaces outside quotes) and their
    /// offsets in it, in characters.
    static func tokens(_ marker: Substring) -> [(text: Substring, offset: Int)] {
        let inner = marker.dropFirst().dropLast()
        var tokens: [(Substring, Int)] = []
        var start: Substring.Index?
        var quote: Character?
        var offset = 1
        var startOffset = 0
        for index in inner.indices {
            let character = inner[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == " " || character == "\t" {
                if let begun = start { tokens.append((inner[begun..<index], startOffset)) }
                start = nil
            } else {
                if start == nil { (start, startOffset) = (index, offset) }
                if character == "\"" || character == "'" { quote = character }
            }
            offset += 1
        }
        if let begun = start { tokens.append((inner[begun...], startOffset)) }
        return tokens
    }
}
