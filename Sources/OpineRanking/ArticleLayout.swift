import Foundation
import OpineText

/// Which token positions of an article's FTS5 row belong to which passage.
///
/// An article is one FTS5 row: the head column holds its title and standfirst, the body column
/// everything else, each column's passages in order with one boundary position between two
/// (see OpineIndex's tokenizer). Stored per article as one byte of kind and a LEB128 token count per
/// passage, in ordinal order (about three bytes a passage); positions are derived.
public struct ArticleLayout {
    public struct Passage: Hashable, Sendable {
        public var kind: PassageKind
        /// Column 0 (head) or 1 (body).
        public var column: Int32
        /// First position in its column.
        public var start: Int32
        /// Positions it takes (its tokens, colocated alternatives not counted).
        public var length: Int32

        public init(kind: PassageKind, column: Int32, start: Int32, length: Int32) {
            self.kind = kind
            self.column = column
            self.start = start
            self.length = length
        }
    }

    /// An article's length in positions: its passages' (what article-level BM25 normalizes by).
    public static func length(_ passages: [Passage]) -> Int {
        var n = 0
        for p in passages { n += Int(p.length) }
        return n
    }

    public static func encode(kinds: [PassageKind], lengths: [Int32]) -> Data {
        var out = Data()
        out.reserveCapacity(kinds.count * 3)
        for (kind, length) in zip(kinds, lengths) {
            out.append(UInt8(kind.rawValue))
            var v = UInt32(max(length, 0))
            repeat {
                let low = UInt8(v & 0x7F)
                v >>= 7
                out.append(v == 0 ? low : low | 0x80)
            } while v != 0
        }
        return out
    }

    /// Decodes `raw` into `passages` (cleared first; its storage is reused between rows).
    public static func decode(_ raw: UnsafeRawBufferPointer, into passages: inout [Passage]) {
        passages.removeAll(keepingCapacity: true)
        var next: (Int32, Int32) = (0, 0)
        var i = 0
        while i < raw.count {
            let kind = PassageKind(rawValue: Int(raw[i])) ?? .body
            i += 1
            var length: UInt32 = 0
            var shift: UInt32 = 0
            while i < raw.count {
                let byte = raw[i]
                i += 1
                if shift < 32 { length |= UInt32(byte & 0x7F) << shift }
                shift += 7
                if byte & 0x80 == 0 { break }
            }
            let column: Int32 = kind.isHead ? 0 : 1
            let start = column == 0 ? next.0 : next.1
            let n = Int32(clamping: length)
            passages.append(Passage(kind: kind, column: column, start: start, length: n))
            // One boundary position follows every passage but the column's last.
            if column == 0 { next.0 = start &+ n &+ 1 } else { next.1 = start &+ n &+ 1 }
        }
    }
}
