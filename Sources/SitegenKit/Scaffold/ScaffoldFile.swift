/// A file `sitegen init` or `sitegen new` writes: its path (relative to the
/// site folder) and its bytes. Making them is pure; the commands write them.
public struct ScaffoldFile: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, text: String) {
        self.path = path
        self.bytes = Array(text.utf8)
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
