import CZlib
import Foundation

/// A palette PNG of one byte per pixel, for heat maps on uniform axes: a cell per pixel,
/// stretched by the SVG with nearest-neighbour sampling, costs a few kilobytes where a
/// vector path per colour costs tens.
enum IndexedPNG {
    /// `pixels` holds `width * height` palette indices, top row first; an index outside
    /// `palette` is transparent. Nil when zlib cannot compress (it then has no memory).
    static func encode(width: Int, height: Int, pixels: [UInt8], palette: [(UInt8, UInt8, UInt8)]) -> [UInt8]? {
        guard width > 0, height > 0, pixels.count == width * height, palette.count < 256 else { return nil }
        var raw = [UInt8](repeating: 0, count: (width + 1) * height)  // Each row: filter byte 0 ("none"), then indices.
        for row in 0..<height {
            let start = row * (width + 1) + 1
            raw.replaceSubrange(start..<(start + width), with: pixels[(row * width)..<((row + 1) * width)])
        }
        var compressedLength = compressBound(uLong(raw.count))
        var compressed = [UInt8](repeating: 0, count: Int(compressedLength))
        let status = compressed.withUnsafeMutableBufferPointer { out in
            raw.withUnsafeBufferPointer { compress2(out.baseAddress, &compressedLength, $0.baseAddress, uLong($0.count), 6) }
        }
        guard status == Z_OK else { return nil }

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header = bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, 3, 0, 0, 0]  // 8 bits per index, palette colour, deflate, no filter choice, no interlace.
        chunk(&png, "IHDR", header)
        chunk(&png, "PLTE", palette.flatMap { [$0.0, $0.1, $0.2] } + [0, 0, 0])
        chunk(&png, "tRNS", [UInt8](repeating: 255, count: palette.count) + [0])  // The entry after the palette is blank.
        chunk(&png, "IDAT", Array(compressed[0..<Int(compressedLength)]))
        chunk(&png, "IEND", [])
        return png
    }

    private static func chunk(_ png: inout [UInt8], _ type: StaticString, _ data: [UInt8]) {
        png += bigEndian(UInt32(data.count))
        let typed = Array(UnsafeBufferPointer(start: type.utf8Start, count: 4)) + data
        png += typed
        let crc = typed.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        png += bigEndian(UInt32(truncatingIfNeeded: crc))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
