import CZlib
import Foundation
@testable import Render
import Testing

/// The heat maps' palette PNG: chunks well formed, and the pixels come back out of IDAT.
@Suite struct IndexedPNGTests {
    /// The chunks of a PNG as (type, data), with every CRC checked.
    func chunks(_ png: [UInt8]) throws -> [(String, [UInt8])] {
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var found: [(String, [UInt8])] = []
        var offset = 8
        func word(_ at: Int) -> Int { png[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        while offset + 12 <= png.count {
            let length = word(offset)
            let typed = Array(png[(offset + 4)..<(offset + 8 + length)])
            let crc = typed.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
            #expect(Int(crc) == word(offset + 8 + length))
            found.append((String(decoding: typed.prefix(4), as: UTF8.self), Array(typed.dropFirst(4))))
            offset += 12 + length
        }
        #expect(offset == png.count)
        return found
    }

    @Test func pixelsRoundTripThroughTheChunks() throws {
        let pixels: [UInt8] = [0, 1, 2, 1, 0, 2]
        let png = try #require(IndexedPNG.encode(width: 3, height: 2, pixels: pixels, palette: [(255, 0, 0), (0, 255, 0)]))
        let parts = try chunks(png)
        #expect(parts.map(\.0) == ["IHDR", "PLTE", "tRNS", "IDAT", "IEND"])
        #expect(parts[0].1 == [0, 0, 0, 3, 0, 0, 0, 2, 8, 3, 0, 0, 0])
        #expect(parts[1].1 == [255, 0, 0, 0, 255, 0, 0, 0, 0])
        #expect(parts[2].1 == [255, 255, 0])  // Index 2, past the palette, is transparent.
        var raw = [UInt8](repeating: 0, count: 64)
        var length = uLongf(raw.count)
        let status = raw.withUnsafeMutableBufferPointer { out in
            parts[3].1.withUnsafeBufferPointer { uncompress(out.baseAddress, &length, $0.baseAddress, uLong($0.count)) }
        }
        #expect(status == Z_OK)
        #expect(Array(raw.prefix(Int(length))) == [0, 0, 1, 2, 0, 1, 0, 2])
    }

    @Test func mismatchedInputIsRefused() {
        #expect(IndexedPNG.encode(width: 2, height: 2, pixels: [0, 0, 0], palette: [(0, 0, 0)]) == nil)
        #expect(IndexedPNG.encode(width: 0, height: 1, pixels: [], palette: [(0, 0, 0)]) == nil)
    }

    @Test func uniformMapsEmbedTheirCellsAsOneImage() throws {
        let plot = Renderer.svg(for: try #require(try Samples.all().first { $0.0 == "dt-etaphi-hot" }?.1))
        #expect(plot.components(separatedBy: "<image ").count == 2)
        #expect(plot.contains("href=\"data:image/png;base64,iVBORw0KGgo"))
    }
}
