/// Which of the byte patterns the Markdown readers and transforms look for
/// occur in a text, found in one pass over its bytes: each reader skips a
/// page that cannot hold its syntax (most pages hold none). Ten separate
/// scans of every page, one of them testing a list of byte pairs at every
/// byte, were 12 % of a warm build's samples on the flat bench shape.
package struct MarkerCensus: Sendable {
    package struct Found: OptionSet, Sendable {
        package let rawValue: UInt32
        package init(rawValue: UInt32) { self.rawValue = rawValue }

        /// Three of one of `!?:/=` in a row (`!!!`, `:::`, `///`...).
        package static let markerRun = Found(rawValue: 1 << 0)
        /// `[^`: a footnote.
        package static let footnote = Found(rawValue: 1 << 1)
        /// `[!`: GitHub's callout marker.
        package static let calloutMarker = Found(rawValue: 1 << 2)
        /// `{{`, `{%`, `{*` or `8<`: other generators' template syntax.
        package static let templatePair = Found(rawValue: 1 << 3)
        /// `{{<`, `{{%`, `8<-` or `{*`: what `MarkdownExpander` reads.
        package static let directive = Found(rawValue: 1 << 4)
        /// Three backticks or tildes in a row: a fence.
        package static let fence = Found(rawValue: 1 << 5)
        package static let pipe = Found(rawValue: 1 << 6)
        package static let lessThan = Found(rawValue: 1 << 7)
        package static let tilde = Found(rawValue: 1 << 8)
        /// `[ ]`, `[x]` or `[X]`: a task list item's box.
        package static let taskBox = Found(rawValue: 1 << 9)
        /// `www.`, `://` or `@`: what GitHub's autolinks start from.
        package static let autolink = Found(rawValue: 1 << 10)
    }

    package let found: Found

    package func has(_ pattern: Found) -> Bool { !found.isDisjoint(with: pattern) }

    /// The bytes that end a pattern (all ASCII), as bits of two words: most
    /// bytes of a page are none of them and cost a shift and a test.
    private static let endBytes: (low: UInt64, high: UInt64) = {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for byte in "!?:/=^{%*<-].`~|@".utf8 {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
        return (low, high)
    }()

    package init(_ text: String) {
        var text = text
        let (low, high) = Self.endBytes
        found = text.withUTF8 { bytes in
            var found: Found = []
            // The last four bytes, the newest lowest.
            var window: UInt32 = 0
            for byte in bytes {
                window = window << 8 | UInt32(byte)
                let isEnd = byte < 64 ? (low >> UInt64(byte)) & 1 != 0 : byte < 128 && (high >> UInt64(byte - 64)) & 1 != 0
                if isEnd { found.formUnion(Self.patterns(endingIn: window)) }
            }
            return found
        }
    }

    private static func ascii(_ text: StaticString) -> UInt32 {
        var value: UInt32 = 0
        for index in 0..<text.utf8CodeUnitCount { value = value << 8 | UInt32(text.utf8Start[index]) }
        return value
    }

    /// The patterns that end with the newest byte of `window`.
    private static func patterns(endingIn window: UInt32) -> Found {
        let byte = window & 0xFF
        let two = window & 0xFFFF
        let three = window & 0xFF_FFFF
        let tripled = three == byte * 0x01_0101
        var found: Found = []
        switch UInt8(byte) {
        case UInt8(ascii: "!"):
            if tripled { found.insert(.markerRun) }
            if two == ascii("[!") { found.insert(.calloutMarker) }
        case UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: ":"):
            if tripled { found.insert(.markerRun) }
        case UInt8(ascii: "/"):
            if tripled { found.insert(.markerRun) }
            if three == ascii("://") { found.insert(.autolink) }
        case UInt8(ascii: "^"):
            if two == ascii("[^") { found.insert(.footnote) }
        case UInt8(ascii: "{"):
            if two == ascii("{{") { found.insert(.templatePair) }
        case UInt8(ascii: "%"):
            if two == ascii("{%") { found.insert(.templatePair) }
            if three == ascii("{{%") { found.insert(.directive) }
        case UInt8(ascii: "*"):
            if two == ascii("{*") { found.formUnion([.templatePair, .directive]) }
        case UInt8(ascii: "<"):
            found.insert(.lessThan)
            if two == ascii("8<") { found.insert(.templatePair) }
            if three == ascii("{{<") { found.insert(.directive) }
        case UInt8(ascii: "-"):
            if three == ascii("8<-") { found.insert(.directive) }
        case UInt8(ascii: "]"):
            if three == ascii("[ ]") || three == ascii("[x]") || three == ascii("[X]") { found.insert(.taskBox) }
        case UInt8(ascii: "."):
            if window == ascii("www.") { found.insert(.autolink) }
        case UInt8(ascii: "`"):
            if tripled { found.insert(.fence) }
        case UInt8(ascii: "~"):
            found.insert(.tilde)
            if tripled { found.insert(.fence) }
        case UInt8(ascii: "|"):
            found.insert(.pipe)
        case UInt8(ascii: "@"):
            found.insert(.autolink)
        default:
            break
        }
        return found
    }
}
