#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        // Hash: the first and last 8 bytes (overlapping for short words) and the length.
        var head: UInt64 = 0
        var tail: UInt64 = 0
        let n8 = min(count, 8)
        for i in 0..<n8 {
            head |= UInt64(word[i]) << (8 * UInt64(i))
            tail |= UInt64(word[count - n8 + i]) << (8 * UInt64(i))
        }
        let h = (head &* 0x9E37_79B9_7F4A_7C15 ^ tail &* 0xC2B2_AE3D_27D4_EB4F ^ UInt64(count)) >> 40
        // Entry layout: [word length][stem length][word bytes (30)][stem bytes (30)][pad]
        let entry = storage + Int(h & UInt64(StemCache.slots - 1)) * StemCache.entryBytes
        if Int(entry[0]) == count && memcmp(entry + 2, word, count) == 0 {
            let n = Int(entry[1])
            word.update(from: entry + 32, count: n)
            return n
        }
        entry[0] = UInt8(count)
        (entry + 2).update(from: word, count: count)
        let n = PorterStemmer.stem(word, count: count)
        entry[1] = UInt8(n)
        (entry + 32).update(from: word, count: n)
        return n
    }
}
