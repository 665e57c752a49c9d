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
/// of terms beginning with each prefix, the column holds. Four updates of a ``KeyTable`` a
/// token (sorting every token's keys instead was 6 % of indexing).
struct TermTally: Sendable {
    private var table = KeyTable()

    /// Counts the term's key and its prefixes' (``ImpactKey/append(_:to:)``'s keys, made here
    /// without an array: this runs for every token indexed).
    mutating func add(_ term: UnsafeBufferPointer<UInt8>) {
        var h = ContentHash()
        var p = ContentHash()
        p.add(ImpactKey.prefixMarker)
        for i in 0..<term.count {
            h.add(term[i])
            if i < ImpactKey.prefixLengths.upperBound {
                p.add(term[i])
                table.increment(p.value)
            }
        }
        table.increment(h.value)
    }

    mutating func removeAll() { table.removeAll() }

    /// Each key once, with its count, in no particular order.
    func counts() -> [KeyCount] { table.entries.map { KeyCount(key: $0.key, count: Int32(clamping: $0.value)) } }

    struct KeyCount: Sendable, Hashable {
        var key: UInt64
        var count: Int32
    }
}

/// A map from hashed keys to small values by open addressing: the slot is the key's low bits
/// (the keys are hashes already), found by probing on; emptied by clearing only the slots it
/// used, so one table serves column after column. Key 0 marks an empty slot, and is stored as
/// 1: a collision, which only loosens a bound.
struct KeyTable: Sendable {
    /// Empty until the first key (a query's analysis makes a tally and never adds).
    private var keys: [UInt64] = []
    private var values: [UInt32] = []
    private var used: [Int32] = []

    /// Slots of a new table: an article column of a few hundred distinct terms and prefixes.
    static let initialSlots = 1024

    var isEmpty: Bool { used.isEmpty }

    mutating func increment(_ hashed: UInt64) { update(hashed) { $0 += 1 } }

    @inline(__always)
    mutating func update(_ hashed: UInt64, _ change: (inout UInt32) -> Void) {
        let key = hashed == 0 ? 1 : hashed
        if used.count * 2 >= keys.count { grow() }
        let slot = find(key)
        if keys[slot] == 0 {
            keys[slot] = key
            used.append(Int32(slot))
        }
        change(&values[slot])
    }

    /// The value of `hashed`, when present.
    func value(_ hashed: UInt64) -> UInt32? {
        guard !keys.isEmpty else { return nil }
        let key = hashed == 0 ? 1 : hashed
        let slot = find(key)
        return keys[slot] == key ? values[slot] : nil
    }

    private func find(_ key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func grow() {
        let old = entries
        keys = Array(repeating: 0, count: max(KeyTable.initialSlots, keys.count * 2))
        values = Array(repeating: 0, count: keys.count)
        used.removeAll(keepingCapacity: true)
        for (key, value) in old {
            let slot = find(key)
            keys[slot] = key
            values[slot] = value
            used.append(Int32(slot))
        }
    }

    mutating func removeAll() {
        for slot in used {
            keys[Int(slot)] = 0
            values[Int(slot)] = 0
        }
        used.removeAll(keepingCapacity: true)
    }

    var entries: [(key: UInt64, value: UInt32)] { used.map { (keys[Int($0)], values[Int($0)]) } }
}
