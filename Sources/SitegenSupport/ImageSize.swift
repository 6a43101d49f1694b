/// The width and height of an image, read from its file's header (PNG,
/// JPEG, GIF, WebP) or its root element (SVG), so a page can reserve the
/// image's place before it loads. Only the first bytes a format needs are
/// looked at; a file that is none of these, or is cut short, has no size.
public struct ImageSize: Sendable, Hashable {
    /// In pixels.
    public var width: Int
    /// In pixels.
    public var height: Int

    /// A size in pixels.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    package init?(_ bytes: [UInt8]) {
        guard let size = ImageSize.png(bytes) ?? ImageSize.gif(bytes) ?? ImageSize.jpeg(bytes)
                ?? ImageSize.webp(bytes) ?? ImageSize.svg(bytes),
              size.width > 0, size.height > 0
        else { return nil }
        self = size
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        (0..<count).reduce(0) { $0 << 8 | Int(bytes[at + $1]) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        (0..<count).reversed().reduce(0) { $0 << 8 | Int(bytes[at + $1]) }
    }

    /// The IHDR chunk, first after the signature.
    static func png(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
              bytes[12..<16].elementsEqual("IHDR".utf8) else { return nil }
        return ImageSize(width: bigEndian(bytes, 16, 4), height: bigEndian(bytes, 20, 4))
    }

    /// The logical screen size after `GIF87a` or `GIF89a`.
    static func gif(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.count >= 10, bytes.starts(with: Array("GIF8".utf8)) else { return nil }
        return ImageSize(width: littleEndian(bytes, 6, 2), height: littleEndian(bytes, 8, 2))
    }

    /// The first start-of-frame segment (SOF0 to SOF15, not DHT, JPG or DAC),
    /// turned as the EXIF orientation before it says: a phone's portrait
    /// photo is stored landscape with orientation 6, and browsers show it
    /// upright (`image-orientation: from-image`), so its width is the height.
    static func jpeg(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var at = 2
        var turned = false
        while at + 9 < bytes.count {
            guard bytes[at] == 0xFF else { return nil }
            let marker = bytes[at + 1]
            if marker == 0xFF { at += 1; continue }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { at += 2; continue }
            let length = bigEndian(bytes, at + 2, 2)
            if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                let width = bigEndian(bytes, at + 7, 2), height = bigEndian(bytes, at + 5, 2)
                return turned ? ImageSize(width: height, height: width) : ImageSize(width: width, height: height)
            }
            if marker == 0xE1, let orientation = exifOrientation(bytes, segment: at + 4, end: min(bytes.count, at + 2 + length)) {
                // 5 to 8: turned a quarter (and perhaps mirrored).
                turned = (5...8).contains(orientation)
            }
            guard length >= 2 else { return nil }
            at += 2 + length
        }
        return nil
    }

    /// The Orientation tag (0x0112) of IFD0 in an APP1 segment's `Exif\0\0`
    /// TIFF data, from `segment` (after the length) to `end`.
    private static func exifOrientation(_ bytes: [UInt8], segment: Int, end: Int) -> Int? {
        let tiff = segment + 6
        guard tiff + 8 <= end, bytes[segment..<tiff].elementsEqual(Array("Exif".utf8) + [0, 0]) else { return nil }
        let little: Bool
        switch (bytes[tiff], bytes[tiff + 1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        func number(_ at: Int, _ count: Int) -> Int? {
            guard at >= tiff, at + count <= end else { return nil }
            return little ? littleEndian(bytes, at, count) : bigEndian(bytes, at, count)
        }
        guard number(tiff + 2, 2) == 42, let offset = number(tiff + 4, 4), let count = number(tiff + offset, 2) else { return nil }
        for entry in 0..<min(count, 512) {
            let at = tiff + offset + 2 + entry * 12
            guard let tag = number(at, 2) else { return nil }
            if tag == 0x0112 { return number(at + 8, 2) }
        }
        return nil
    }

    /// `RIFF....WEBP` with a lossy (VP8), lossless (VP8L) or extended (VP8X) first chunk.
    static func webp(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.count >= 30, bytes.starts(with: Array("RIFF".utf8)), bytes[8..<12].elementsEqual("WEBP".utf8) else { return nil }
        switch String(decoding: bytes[12..<16], as: UTF8.self) {
        case "VP8 ":
            return ImageSize(width: littleEndian(bytes, 26, 2) & 0x3FFF, height: littleEndian(bytes, 28, 2) & 0x3FFF)
        case "VP8L":
            let bits = littleEndian(bytes, 21, 4)
            return ImageSize(width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            return ImageSize(width: littleEndian(bytes, 24, 3) + 1, height: littleEndian(bytes, 27, 3) + 1)
        default:
            return nil
        }
    }

    /// The `svg` element's `width` and `height` (in pixels, or plain
    /// numbers), else its `viewBox`. Relative sizes (`100%`, `em`) give none.
    static func svg(_ bytes: [UInt8]) -> ImageSize? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        guard let open = head.range(of: "<svg"), let close = head[open.upperBound...].firstIndex(of: ">") else { return nil }
        let attributes = HTMLAttributes.parse(head[open.upperBound..<close])
        func pixels(_ name: String) -> Int? {
            guard var value = attributes.first(where: { $0.name == name })?.value else { return nil }
            if value.hasSuffix("px") { value = String(value.dropLast(2)) }
            return Double(value).map { Int($0.rounded()) }
        }
        if let width = pixels("width"), let height = pixels("height") {
            return ImageSize(width: width, height: height)
        }
        guard let viewBox = attributes.first(where: { $0.name == "viewbox" })?.value else { return nil }
        let numbers = viewBox.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        guard numbers.count == 4 else { return nil }
        return ImageSize(width: Int(numbers[2].rounded()), height: Int(numbers[3].rounded()))
    }
}
