import CZlib
import Foundation

/// A PNG read back to pixels (8-bit RGB or RGBA, not interlaced: what Chromium writes), to
/// tell a screenshot of a page from a blank one.
struct PNGImage {
    var width = 0, height = 0
    /// Bytes per pixel.
    var channels = 0
    var pixels: [UInt8] = []

    init?(_ data: [UInt8]) {
        guard data.count > 8, data[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        var at = 8, compressed: [UInt8] = []
        while at + 8 <= data.count {
            let length = Int(PNGImage.be32(data, at)), type = String(decoding: data[(at + 4)..<(at + 8)], as: UTF8.self)
            guard at + 12 + length <= data.count else { return nil }
            let body = Array(data[(at + 8)..<(at + 8 + length)])
            if type == "IHDR" {
                width = Int(PNGImage.be32(body, 0)); height = Int(PNGImage.be32(body, 4))
                guard body[8] == 8, body[12] == 0, body[9] == 2 || body[9] == 6 else { return nil }
                channels = body[9] == 6 ? 4 : 3
            } else if type == "IDAT" {
                compressed += body
            }
            at += 12 + length
        }
        let stride = width * channels
        var raw = [UInt8](repeating: 0, count: height * (stride + 1))
        var size = uLongf(raw.count)
        guard width > 0, uncompress(&raw, &size, compressed, uLong(compressed.count)) == Z_OK, Int(size) == raw.count else { return nil }
        pixels = PNGImage.unfilter(raw, height: height, stride: stride, bpp: channels)
    }

    static func be32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }

    /// The five PNG row filters undone (None, Sub, Up, Average, Paeth).
    static func unfilter(_ raw: [UInt8], height: Int, stride: Int, bpp: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: height * stride)
        for y in 0..<height {
            let filter = raw[y * (stride + 1)]
            for x in 0..<stride {
                let v = raw[y * (stride + 1) + 1 + x]
                let a = x >= bpp ? Int(out[y * stride + x - bpp]) : 0
                let b = y > 0 ? Int(out[(y - 1) * stride + x]) : 0
                let c = x >= bpp && y > 0 ? Int(out[(y - 1) * stride + x - bpp]) : 0
                let predicted: Int
                switch filter {
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: predicted = 0
                }
                out[y * stride + x] = UInt8(truncatingIfNeeded: Int(v) + predicted)
            }
        }
        return out
    }

    /// The share of pixels that differ from the top-left one (the page's background).
    var inkedShare: Double {
        guard pixels.count >= channels else { return 0 }
        let background = Array(pixels[0..<3])
        var inked = 0
        for i in stride(from: 0, to: pixels.count, by: channels) where Array(pixels[i..<(i + 3)]) != background { inked += 1 }
        return Double(inked) / Double(width * height)
    }

    /// Distinct colours, counted up to `limit`.
    func colours(limit: Int = 10_000) -> Int {
        var seen = Set<UInt32>()
        for i in stride(from: 0, to: pixels.count, by: channels) {
            seen.insert(UInt32(pixels[i]) << 16 | UInt32(pixels[i + 1]) << 8 | UInt32(pixels[i + 2]))
            if seen.count >= limit { break }
        }
        return seen.count
    }
}
