import Foundation

/// The character set a page declares, found as browsers look for it: a byte-order mark, then
/// `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">` (or an XML
/// declaration's `encoding=`) in the first bytes.
enum HTMLCharset {
    /// Browsers look this far for the declaration.
    static let prescanBytes = 2048

    /// The declared name, lowercased (`utf-8`, `windows-1252`, `iso-8859-1`), or nil.
    static func declared(in bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "utf-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "utf-16le" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "utf-16be" }
        let head = String(decoding: bytes.prefix(prescanBytes), as: UTF8.self).lowercased()
        for key in ["charset=", "encoding="] {
            var searchStart = head.startIndex
            while let found = head.range(of: key, range: searchStart..<head.endIndex) {
                searchStart = found.upperBound
                let name = value(in: head[found.upperBound...])
                if !name.isEmpty { return name }
            }
        }
        return nil
    }

    /// The name after `charset=`: quotes and spaces skipped, up to the first delimiter.
    static func value(in rest: Substring) -> String {
        let trimmed = rest.drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let name = trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
        return String(name)
    }

    /// True when `bytes` are valid UTF-8 (ASCII skipped eight bytes at a time).
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var i = 0
            while i < raw.count {
                if i + 8 <= raw.count && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                if raw[i] < 0x80 {
                    i += 1
                    continue
                }
                var iterator = raw[i..<min(raw.count, i + 4)].makeIterator()
                var decoder = UTF8()
                guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
                i += UTF8.width(scalar)
            }
            return true
        }
    }
}
