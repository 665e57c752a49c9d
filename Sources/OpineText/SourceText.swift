/// A file's bytes as text, and how they were read.
public struct SourceText: Sendable {
    public enum Encoding: String, Sendable {
        case utf8 = "utf-8"
        case windows1252 = "windows-1252"
    }

    public enum Failure: OpineError, Equatable {
        case binary

        public var description: String {
            switch self {
            case .binary: "binary file (NUL bytes), skipped"
            }
        }
    }

    public var text: String
    public var encoding: Encoding

    /// True when the file holds nothing but whitespace.
    public var isBlank: Bool { !text.utf8.contains { $0 > 0x20 } }

    /// Decodes UTF-8 (dropping a BOM); invalid UTF-8 is read as Windows-1252, the usual
    /// encoding of pages saved by older Windows tools, and the caller is told.
    public static func decode(_ bytes: [UInt8]) throws(Failure) -> SourceText {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.contains(0) { throw .binary }
        if let text = String(validating: body, as: UTF8.self) {
            return SourceText(text: text, encoding: .utf8)
        }
        var scalars = String.UnicodeScalarView()
        for b in body { scalars.append(windows1252(b)) }
        return SourceText(text: String(scalars), encoding: .windows1252)
    }

    static func windows1252(_ b: UInt8) -> Unicode.Scalar {
        let high: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        // The table's values are all scalars; U+FFFD stands in should one not be.
        if b >= 0x80 && b < 0xA0 { return Unicode.Scalar(high[Int(b - 0x80)]) ?? "\u{FFFD}" }
        return Unicode.Scalar(b)
    }

    /// FNV-1a, 64 bits: identifies content for change and rename detection (not security).
    public static func hash(_ bytes: [UInt8]) -> Int64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return Int64(bitPattern: h)
    }
}
