/// 64-bit FNV-1a: a fast hash to tell versions of bytes apart (asset
/// names, the output manifest, translation versions); not for security.
package enum FNV1a {
    /// The hash as 16 hex digits.
    package static func hex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension FNV1a {
    /// The hash of many pieces of bytes in turn (each led by its length,
    /// so that "ab" + "c" and "a" + "bc" differ), without copying them into
    /// one array first.
    package struct Running: Sendable {
        private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

        package init() {}

        package mutating func add(_ bytes: some Collection<UInt8>) {
            var count = UInt64(bytes.count)
            for _ in 0..<8 {
                mix(UInt8(truncatingIfNeeded: count))
                count >>= 8
            }
            let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
                for byte in buffer { mix(byte) }
            }
            if done == nil {
                for byte in bytes { mix(byte) }
            }
        }

        package mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { add($0) }
        }

        private mutating func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }

        /// The hash as 16 hex digits.
        package var hex: String {
            let hex = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
    }
}
