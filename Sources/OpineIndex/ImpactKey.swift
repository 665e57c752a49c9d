import OpineText

/// The key under which the index keeps a term's impact bounds (``ImpactRecorder``), and the
/// token that key is written as in `impact_fts`: one rule for the writer and the reader.
///
/// A term's key is the FNV-1a hash of its bytes (``ContentHash``); a prefix's (the first one,
/// two or three bytes of every term, what `a*`, `ab*`, `abc*` match) is the hash of a 0x02
/// byte and the prefix, a byte no term holds. Two keys that collide share their bounds, which
/// only makes them looser: a bound is never too low.
enum ImpactKey {
    /// The prefix lengths kept: a longer prefix uses its first three bytes' key.
    static let prefixLengths = 1...3
    static let prefixMarker: UInt8 = 0x02

    static func term(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = ContentHash()
        for b in bytes { h.add(b) }
        return h.value
    }

    static func term(_ term: String) -> UInt64 {
        var h = ContentHash()
        h.add(term.utf8)
        return h.value
    }

    /// The key of a prefix query on `prefix` (its first three bytes at most).
    static func prefix(_ prefix: String) -> UInt64? {
        let bytes = Array(prefix.utf8.prefix(prefixLengths.upperBound))
        guard !bytes.isEmpty else { return nil }
        var h = ContentHash()
        h.add(prefixMarker)
        h.add(bytes)
        return h.value
    }

    /// Adds the keys of one indexed term to `keys`: its own and its prefixes'.
    static func append(_ term: UnsafeBufferPointer<UInt8>, to keys: inout [UInt64]) {
        var h = ContentHash()
        var p = ContentHash()
        p.add(prefixMarker)
        for (i, b) in term.enumerated() {
            h.add(b)
            if i < prefixLengths.upperBound {
                p.add(b)
                keys.append(p.value)
            }
        }
        keys.append(h.value)
    }

    /// The token `impact_fts` holds for `key`: 13 letters and digits of base 32, which FTS5's
    /// `ascii` tokenizer keeps whole.
    static func token(_ key: UInt64) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)
        var bytes = [UInt8](repeating: 0, count: 13)
        var v = key
        for i in (0..<13).reversed() {
            bytes[i] = alphabet[Int(v & 31)]
            v >>= 5
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The tokens of one column tallied by key (``ImpactKey``): how many tokens of each term, and
/// of terms beginning with each prefix, the column holds. Keys are appended token by token and
/// counted once, sorted, at the end of the column.
struct TermTally: Sendable {
    private var keys: [UInt64] = []

    mutating func add(_ term: UnsafeBufferPointer<UInt8>) { ImpactKey.append(term, to: &keys) }

    mutating func removeAll() { keys.removeAll(keepingCapacity: true) }

    /// Each key once, ascending, with its count.
    func counts() -> [KeyCount] {
        var sorted = keys
        sorted.sort()
        var out: [KeyCount] = []
        for k in sorted {
            if let last = out.last, last.key == k { out[out.count - 1].count += 1 } else { out.append(KeyCount(key: k, count: 1)) }
        }
        return out
    }

    struct KeyCount: Sendable, Hashable {
        var key: UInt64
        var count: Int32
    }
}
