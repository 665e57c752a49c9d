/// A direct-mapped cache of Porter stems, for the FTS5 tokenizer's hot path.
///
/// Words repeat (Zipf): on Reuters most tokens are among a few thousand words, and a lookup
/// (a hash and a compare, ~30 instructions) replaces a stemming run (~250). A class because
/// it is a mutable buffer with identity: each FTS5 tokenizer instance owns one and uses it
/// from one connection at a time; it is released with the tokenizer.
public final class StemCache {
    /// Entries; a power of two. 4,096 × 64 bytes = 256 KiB per tokenizer.
    static let slots = 4096
    /// Words longer than this are stemmed without the cache.
    static let maximumWord = 30
    static let entryBytes = 64

    private let storage: UnsafeMutablePointer<UInt8>

    public init() {
        storage = .allocate(capacity: StemCache.slots * StemCache.entryBytes)
        storage.initialize(repeating: 0, count: StemCache.slots * StemCache.entryBytes)
    }

    deinit { storage.deallocate() }

    /// Stems `word[0..<count]` in place, through the cache; returns the stem's length.
    func stem(_ word: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        guard count <= StemCache.maximumWord, count >= PorterStemmer.minimumLength else {
            return PorterStemmer.stem(word, count: count)
        }
        var h: UInt32 = 2_166_136_261
        for i in 0..<count { h = (h ^ UInt32(word[i])) &* 16_777_619 }
        // Entry layout: [word length][stem length][word bytes (30)][stem bytes (30)][pad]
        let entry = storage + Int(h & UInt32(StemCache.slots - 1)) * StemCache.entryBytes
        if Int(entry[0]) == count {
            var same = true
            for i in 0..<count where entry[2 + i] != word[i] { same = false; break }
            if same {
                let n = Int(entry[1])
                for i in 0..<n { word[i] = entry[32 + i] }
                return n
            }
        }
        entry[0] = UInt8(count)
        for i in 0..<count { entry[2 + i] = word[i] }
        let n = PorterStemmer.stem(word, count: count)
        entry[1] = UInt8(n)
        for i in 0..<n { entry[32 + i] = word[i] }
        return n
    }
}
