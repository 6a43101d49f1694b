/// A file `sitegen init` or `sitegen new` writes: its path (relative to the
/// site folder) and its bytes. Making them is pure; the commands write them.
package struct ScaffoldFile: Sendable, Hashable {
    package var path: String
    package var bytes: [UInt8]

    package init(path: String, text: String) {
        self.path = path
        self.bytes = Array(text.utf8)
    }

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
