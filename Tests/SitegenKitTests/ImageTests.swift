import Foundation
import Testing
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenSupport
import SitegenTestSupport

/// Images: sizes read from files, lazy loading, figures, and links in kept
/// raw HTML (issue 28).
@Suite struct ImageTests {
    // MARK: Sizes from headers

    static func bytes(_ hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var characters = hex.filter { !$0.isWhitespace }[...]
        while characters.count >= 2 {
            result.append(UInt8(characters.prefix(2), radix: 16)!)
            characters = characters.dropFirst(2)
        }
        return result
    }

    @Test func png() {
        let header = ImageTests.bytes("89504E470D0A1A0A 0000000D 49484452 00000640 00000190 08020000")
        #expect(ImageSize(header) == ImageSize(width: 1600, height: 400))
    }

    @Test func gif() {
        #expect(ImageSize(Array("GIF89a".utf8) + [0x2C, 0x01, 0x96, 0x00, 0, 0]) == ImageSize(width: 300, height: 150))
    }

    @Test func jpegSkipsSegmentsBeforeItsFrame() {
        // SOI, an APP0 segment of 16 bytes, then SOF0 with height 480 and width 640.
        let jpeg = ImageTests.bytes("FFD8 FFE0 0010") + Array(repeating: 0, count: 14) + ImageTests.bytes("FFC0 0011 08 01E0 0280 03 0000")
        #expect(ImageSize(jpeg) == ImageSize(width: 640, height: 480))
    }

    /// A phone's portrait photo: stored 640 x 480 with EXIF orientation 6
    /// (turn a quarter), shown 480 x 640; orientation 3 (upside down) keeps
    /// its size. Both byte orders of the TIFF data.
    @Test func jpegTurnedByItsExifOrientationSwapsWidthAndHeight() {
        func photo(_ exif: String) -> [UInt8] {
            ImageTests.bytes("FFD8 FFE1 0022") + Array("Exif".utf8) + [0, 0] + ImageTests.bytes(exif)
                + ImageTests.bytes("FFC0 0011 08 01E0 0280 03 0000")
        }
        let bigEndian6 = photo("4D4D 002A 00000008 0001 0112 0003 00000001 0006 0000 00000000")
        let littleEndian8 = photo("4949 2A00 08000000 0100 1201 0300 01000000 0800 0000 00000000")
        let upsideDown = photo("4D4D 002A 00000008 0001 0112 0003 00000001 0003 0000 00000000")
        #expect(ImageSize(bigEndian6) == ImageSize(width: 480, height: 640))
        #expect(ImageSize(littleEndian8) == ImageSize(width: 480, height: 640))
        #expect(ImageSize(upsideDown) == ImageSize(width: 640, height: 480))
        // A cut-off EXIF segment is no orientation, never a crash.
        let cut = ImageTests.bytes("FFD8 FFE1 0010") + Array("Exif".utf8) + [0, 0] + ImageTests.bytes("4D4D 002A 0000 FFFF")
            + ImageTests.bytes("FFC0 0011 08 01E0 0280 03 0000")
        #expect(ImageSize(cut) == ImageSize(width: 640, height: 480))
    }

    @Test func webpInItsThreeKinds() {
        let riff = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8)
        // VP8: chunk size, frame tag, start code, then 14-bit width and height.
        let lossy = riff + Array("VP8 ".utf8) + Array(repeating: 0, count: 7) + [0x9D, 0x01, 0x2A, 0x2C, 0x01, 0x96, 0x00]
        #expect(ImageSize(lossy) == ImageSize(width: 300, height: 150))
        // VP8L: signature 0x2F, then width - 1 and height - 1 in 14 bits each.
        let bits = (299) | (149 << 14)
        let lossless = riff + Array("VP8L".utf8) + [0, 0, 0, 0, 0x2F] + [UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 24 & 0xFF)] + [0, 0, 0, 0, 0]
        #expect(ImageSize(lossless) == ImageSize(width: 300, height: 150))
        // VP8X: flags, then width - 1 and height - 1 in 24 bits each.
        let extended = riff + Array("VP8X".utf8) + [0, 0, 0, 0] + [0, 0, 0, 0] + [0x2B, 0x01, 0x00, 0x95, 0x00, 0x00]
        #expect(ImageSize(extended) == ImageSize(width: 300, height: 150))
    }

    @Test func svgFromItsSizeOrViewBox() {
        #expect(ImageSize(Array(#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="120px" height="80">"#.utf8))
                == ImageSize(width: 120, height: 80))
        #expect(ImageSize(Array(#"<svg viewBox="0 0 300 150.4"><rect/></svg>"#.utf8)) == ImageSize(width: 300, height: 150))
        // A relative size says nothing about the drawing's proportions.
        #expect(ImageSize(Array(#"<svg width="100%" height="100%">"#.utf8)) == nil)
    }

    @Test func truncatedOrUnknownFilesHaveNoSize() {
        #expect(ImageSize(ImageTests.bytes("89504E470D0A1A0A 0000000D 4948")) == nil)
        #expect(ImageSize(ImageTests.bytes("FFD8 FFE0 0010")) == nil)
        #expect(ImageSize(Array("just text".utf8)) == nil)
        #expect(ImageSize([]) == nil)
    }

    // MARK: In Markdown

    func rendered(_ markdown: String) -> String {
        MarkdownRenderer.render(SourceText(markdown, path: "a.md"), options: MarkdownOptions(images: true), imageSize: { link in
            link.destination.hasPrefix("known") ? ImageSize(width: 40, height: 30) : nil
        }).html
    }

    @Test func allButTheFirstImageLoadLazily() {
        let html = rendered("![one](known.png) ![two](other.png)\n\n![three](known.svg)\n")
        #expect(html == """
            <p><img src="known.png" alt="one" width="40" height="30" /> <img src="other.png" alt="two" loading="lazy" decoding="async" /></p>
            <p><img src="known.svg" alt="three" width="40" height="30" loading="lazy" decoding="async" /></p>

            """)
    }

    /// Raw `img`s (`rawHTML: allow`) load lazily like Markdown images: all
    /// but the page's first image, whichever kind it is; an author's own
    /// `loading` or `decoding` stays.
    @Test func rawImagesLoadLazilyLikeMarkdownOnes() {
        func rendered(_ markdown: String) -> String {
            MarkdownRenderer.render(SourceText(markdown, path: "a.md"), options: MarkdownOptions(rawHTML: .allow, images: true), imageSize: { link in
                link.destination.hasPrefix("known") ? ImageSize(width: 40, height: 30) : nil
            }).html
        }
        let rawFirst = rendered("<img src=\"known.png\" alt=\"a\">\n\n![b](known.png)\n\n<p><img src=\"x.png\" alt=\"c\"><img loading=\"eager\" src=\"y.png\" alt=\"d\"></p>\n")
        #expect(rawFirst == """
            <img width="40" height="30" src="known.png" alt="a">
            <p><img src="known.png" alt="b" width="40" height="30" loading="lazy" decoding="async" /></p>
            <p><img loading="lazy" decoding="async" src="x.png" alt="c"><img decoding="async" loading="eager" src="y.png" alt="d"></p>

            """)
        let markdownFirst = rendered("![b](known.png)\n\n<img src=\"known.png\" alt=\"a\">\n")
        #expect(markdownFirst == """
            <p><img src="known.png" alt="b" width="40" height="30" /></p>
            <img width="40" height="30" loading="lazy" decoding="async" src="known.png" alt="a">

            """)
    }

    @Test func anImageWithATitleAloneIsAFigure() {
        #expect(rendered("![A map](known.png \"Where the \\\"office\\\" is\")\n") == """
            <figure>
            <img src="known.png" alt="A map" width="40" height="30" />
            <figcaption>Where the &quot;office&quot; is</figcaption>
            </figure>

            """)
        // In running text it stays an image, with its title.
        #expect(rendered("See ![map](known.png \"Map\") here.\n").contains("<img src=\"known.png\" alt=\"map\" title=\"Map\" width=\"40\" height=\"30\" />"))
    }

    @Test func safeModeStillEmptiesDangerousSources() {
        #expect(rendered("![x](javascript:alert(1))\n") == "<p><img src=\"\" alt=\"x\" /></p>\n")
    }

    // MARK: In a site
}
