/// The attributes of HTML start tags, read the way a browser splits them
/// (names, `=`, values in double or single quotes or bare), for the few
/// attributes sitegen checks in raw HTML (`src`, `href`, `id`) and in SVG
/// files (`width`, `height`, `viewBox`). Not a full HTML parser: comments,
/// scripts and character references other than `&amp;` `&quot;` `&#39;`
/// `&lt;` `&gt;` are not its business.
package enum HTMLAttributes {
    package struct Attribute: Sendable, Hashable {
        /// Lowercased.
        package var name: String
        /// With the common character references decoded.
        package var value: String
        /// Where the value is written (inside its quotes).
        package var valueRange: Range<String.Index>?
    }

    /// A start tag: its lowercased name, attributes, and where the tag is.
    package struct Tag: Sendable, Hashable {
        package var name: String
        package var attributes: [Attribute]
        package var range: Range<String.Index>
    }

    /// The attributes in the text after a tag's name, up to its `>`.
    package static func parse(_ text: Substring) -> [Attribute] {
        var attributes: [Attribute] = []
        var index = text.startIndex
        func skipSpace() {
            while index < text.endIndex, text[index].isWhitespace || text[index] == "/" { index = text.index(after: index) }
        }
        while true {
            skipSpace()
            guard index < text.endIndex, text[index] != ">" else { break }
            let nameStart = index
            while index < text.endIndex, !text[index].isWhitespace, !"=>/".contains(text[index]) { index = text.index(after: index) }
            let name = text[nameStart..<index].lowercased()
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
            guard index < text.endIndex, text[index] == "=" else {
                if !name.isEmpty { attributes.append(Attribute(name: name, value: "", valueRange: nil)) }
                if index == nameStart { index = text.index(after: index) }
                continue
            }
            index = text.index(after: index)
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
            guard index < text.endIndex else { break }
            let range: Range<String.Index>
            if text[index] == "\"" || text[index] == "'" {
                let quote = text[index]
                let start = text.index(after: index)
                let end = text[start...].firstIndex(of: quote) ?? text.endIndex
                range = start..<end
                index = end < text.endIndex ? text.index(after: end) : end
            } else {
                let start = index
                while index < text.endIndex, !text[index].isWhitespace, text[index] != ">" { index = text.index(after: index) }
                range = start..<index
            }
            attributes.append(Attribute(name: name, value: decode(text[range]), valueRange: range))
        }
        return attributes
    }

    /// Every start tag named one of `names` (lowercase; nil: every tag) in `html`.
    package static func tags(named names: Set<String>?, in html: String) -> [Tag] {
        var tags: [Tag] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            let afterOpen = rest.index(after: open)
            let name = rest[afterOpen...].prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" })
            guard !name.isEmpty, let close = rest[name.endIndex...].firstIndex(of: ">") else {
                rest = rest[afterOpen...]
                continue
            }
            if names?.contains(name.lowercased()) ?? true {
                tags.append(Tag(name: name.lowercased(), attributes: parse(rest[name.endIndex..<close]), range: open..<rest.index(after: close)))
            }
            rest = rest[rest.index(after: close)...]
        }
        return tags
    }

    static func decode(_ value: Substring) -> String {
        guard value.contains("&") else { return String(value) }
        return String(value)
            .replacing("&quot;", with: "\"").replacing("&#39;", with: "'").replacing("&lt;", with: "<")
            .replacing("&gt;", with: ">").replacing("&amp;", with: "&")
    }
}
