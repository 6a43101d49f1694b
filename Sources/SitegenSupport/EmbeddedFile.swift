/// A file built into the binary at build time by a plugin (the built-in
/// theme, the highlighting engine's language definitions): its path and
/// bytes, written in the generated source as text, or as hex digits when
/// it is not UTF-8.
package struct EmbeddedFile: Sendable, Hashable {
    package var path: String
    package var bytes: [UInt8]

    package init(path: String, text: String) {
        self.path = path
        self.bytes = Array(text.utf8)
    }

    package init(path: String, hex: String) {
        self.path = path
        let digits = Array(hex.utf8)
        func value(_ digit: UInt8) -> UInt8 { digit >= UInt8(ascii: "a") ? digit - UInt8(ascii: "a") + 10 : digit - UInt8(ascii: "0") }
        self.bytes = stride(from: 0, to: digits.count, by: 2).map { value(digits[$0]) << 4 | value(digits[$0 + 1]) }
    }
}
