/// The surface words the tokenizer saw whose indexed term is a stem (`immigration` → `immigr`),
/// so that a prefix typed by a user (`immigra*`) can be expanded to the stems of the words it
/// begins, which FTS5's own prefix query on stems cannot find.
///
/// Only plain ASCII words are kept (letters, a possessive dropped), and only when the stem
/// differs from the word: an unstemmed word is found by FTS5's prefix query as it is. Each
/// (word, stem) pair is reported once per recorder; the writer stores the new ones.
struct LexiconRecorder {
    /// Hashes of the pairs already reported.
    private var seen = Set<UInt64>()
    /// Pairs not yet stored.
    var pending: [(word: String, term: String)] = []

    /// Notes `raw` (the token's text in the document) indexed as `term`.
    mutating func note(raw: UnsafeBufferPointer<UInt8>, term: UnsafeBufferPointer<UInt8>) {
        var length = raw.count
        // `Pakistan's` → pakistan: the possessive is inside the token's range.
        if length > 2 && raw[length - 1] | 0x20 == UInt8(ascii: "s") && (raw[length - 2] == 0x27) { length -= 2 }
        guard length >= 3, length <= 40, length > term.count || !LexiconRecorder.sameLowercased(raw, term, length) else { return }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in 0..<length {
            let b = raw[i] | 0x20
            guard b >= 0x61 && b <= 0x7A else { return }
            hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3
        }
        hash = (hash ^ 0xFF) &* 0x100_0000_01B3
        for b in term { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
        guard seen.insert(hash).inserted else { return }
        let word = String(decoding: raw[0..<length].map { $0 | 0x20 }, as: UTF8.self)
        pending.append((word, String(decoding: term, as: UTF8.self)))
    }

    static func sameLowercased(_ raw: UnsafeBufferPointer<UInt8>, _ term: UnsafeBufferPointer<UInt8>, _ length: Int) -> Bool {
        guard length == term.count else { return false }
        for i in 0..<length where raw[i] | 0x20 != term[i] { return false }
        return true
    }
}
