/// A file's bytes as text, and how they were read.
public struct SourceText: Sendable {
    public enum Encoding: String, Sendable {
        case utf8 = "utf-8"
        case windows1252 = "windows-1252"
        case utf16LE = "utf-16le"
        case utf16BE = "utf-16be"
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

    /// Decodes UTF-8 (dropping a BOM), or UTF-16 where its BOM says so; invalid UTF-8 is read as
    /// Windows-1252, the usual encoding of files saved by older Windows tools, and the caller is
    /// told.
    public static func decode(_ bytes: [UInt8]) throws(Failure) -> SourceText {
        let (bom, length) = byteOrderMark(bytes)
        let body = bytes[length...]
        if let bom, bom != .utf8 {
            var decoder = ChunkDecoder(bom)
            var utf8 = decoder.decode(Array(body))
            utf8 += decoder.finish()
            return SourceText(text: String(decoding: utf8, as: UTF8.self), encoding: bom)
        }
        if body.contains(0) { throw .binary }
        if let text = String(validating: body, as: UTF8.self) {
            return SourceText(text: text, encoding: .utf8)
        }
        var scalars = String.UnicodeScalarView()
        for b in body { scalars.append(windows1252(b)) }
        return SourceText(text: String(scalars), encoding: .windows1252)
    }

    /// The encoding a byte-order mark at the start of `bytes` names, and its length (0, nil: none).
    public static func byteOrderMark(_ bytes: some Collection<UInt8>) -> (Encoding?, Int) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
        return (nil, 0)
    }

    /// Windows-1252's character for a byte (its five unassigned bytes as U+FFFD).
    static func windows1252(_ b: UInt8) -> Unicode.Scalar {
        let high: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        guard b >= 0x80 && b < 0xA0 else { return Unicode.Scalar(b) }
        return Unicode.Scalar(high[Int(b - 0x80)]) ?? "\u{FFFD}"
    }

    /// The content hash the index stores for a file (``ContentHash``).
    public static func hash(_ bytes: [UInt8]) -> Int64 { ContentHash.of(bytes) }
}
