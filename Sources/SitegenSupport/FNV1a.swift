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
