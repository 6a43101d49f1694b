import SitegenSupport

/// The `url(...)` references of a theme stylesheet, rewritten to the hashed
/// names of the files they name (`url(img/bg.png)` becomes
/// `url(img/bg.3f9a1c07b2.png)`), as links in pages are rewritten: a browser
/// caching the stylesheet for ever must get the file it was made with. A
/// reference to a file that does not exist is an error at its place.
/// `data:`, absolute URLs, `/`-rooted paths and `#fragment`s are left alone.
enum StylesheetURLs {
    struct Reference {
        /// The target as written, without quotes.
        var target: String
        /// Its range in the text.
        var range: Range<String.Index>
        var line: Int
        var column: Int
    }

    /// Every `url(...)` outside comments.
    static func references(in text: String) -> [Reference] {
        var found: [Reference] = []
        var index = text.startIndex
        var line = 1
        var lineStart = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\n" {
                line += 1
                lineStart = text.index(after: index)
                index = lineStart
                continue
            }
            if text[index...].hasPrefix("/*") {
                let end = commentEnd(in: text, from: index)
                line += text[index..<end].filter { $0 == "\n" }.count
                if let lastBreak = text[index..<end].lastIndex(of: "\n") { lineStart = text.index(after: lastBreak) }
                index = end
                continue
            }
            guard character == "u" || character == "U", text[index...].prefix(4).lowercased() == "url(" else {
                index = text.index(after: index)
                continue
            }
            let column = text[lineStart..<index].unicodeScalars.count + 1
            var start = text.index(index, offsetBy: 4)
            while start < text.endIndex, text[start] == " " || text[start] == "\t" { start = text.index(after: start) }
            let quote = start < text.endIndex && (text[start] == "\"" || text[start] == "'") ? text[start] : nil
            if quote != nil { start = text.index(after: start) }
            var end = start
            while end < text.endIndex, quote.map({ text[end] != $0 }) ?? (text[end] != ")" && text[end] != " " && text[end] != "\n") {
                end = text.index(after: end)
            }
            found.append(Reference(target: String(text[start..<end]), range: start..<end, line: line, column: column))
            index = end
        }
        return found
    }

    /// Where the comment whose `/*` is at `open` ends: after its `*/`, or
    /// at the end of the text. By bytes: Foundation's `range(of:)` copied
    /// the rest of the stylesheet for every comment (a fifth of a build of
    /// the shipped site).
    static func commentEnd(in text: String, from open: String.Index) -> String.Index {
        let bytes = text.utf8
        var index = bytes.index(open, offsetBy: 2)
        while index < bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == UInt8(ascii: "*"), next < bytes.endIndex, bytes[next] == UInt8(ascii: "/") {
                return bytes.index(after: next)
            }
            index = next
        }
        return text.endIndex
    }

    /// Whether a target names a file of the theme (relative, no scheme).
    static func isRewritten(_ target: String) -> Bool {
        !target.isEmpty && !target.hasPrefix("/") && !target.hasPrefix("#") && !LinkResolver.isExternal(target)
    }
}
