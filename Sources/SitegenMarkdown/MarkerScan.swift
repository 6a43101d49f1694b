extension String.UTF8View {
    /// Whether the text has three of one of "!?:/=" in a row (`!!!`, `:::`...)
    /// or one of the byte pairs: the cheap test, on bytes, of whether a page
    /// may hold other generators' syntax at all (fast on large files).
    package func containsMarkerRun(orPair pairs: [(UInt8, UInt8)]) -> Bool {
        var run = 0
        var previous: UInt8 = 0
        for byte in self {
            if pairs.contains(where: { $0.0 == previous && $0.1 == byte }) { return true }
            switch byte {
            case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "="):
                run = byte == previous ? run + 1 : 1
                if run >= 3 { return true }
            default:
                run = 0
            }
            previous = byte
        }
        return false
    }
}
