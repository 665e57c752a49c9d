/// Query words typed next to each other, rewarded where the text has them next to each other
/// too: a name typed without quotes (`Islamic State`) ranks as a name. Lucene's `pf` phrase
/// boost and Meilisearch's proximity do the same.
///
/// Each pair of adjacent word clauses is an implicit phrase; an article's phrase part is
/// `phraseWeight × Σ idf × tf × (k1 + 1) / (tf + k1)` over the pairs, with `tf` the times the
/// two words stand in query order, one after the other, in any of its passages.
public struct PhraseBoost: Sendable, Equatable {
    public struct Pair: Sendable, Equatable {
        /// Clause indices: `second` must follow `first` at the next position.
        public var first: Int
        public var second: Int
        /// FTS5's IDF of the phrase (articles holding it).
        public var idf: Double

        public init(first: Int, second: Int, idf: Double) {
            self.first = first
            self.second = second
            self.idf = idf
        }
    }

    public var pairs: [Pair]

    public init(pairs: [Pair] = []) { self.pairs = pairs }

    /// The phrase part of an article from its passages' positions.
    ///
    /// - Complexity: O(h) over the article's hit positions of the paired clauses.
    public func part(_ passages: ArraySlice<ScoredPassage>, parameters: RankingParameters) -> Double {
        guard parameters.phraseWeight > 0, !pairs.isEmpty else { return 0 }
        var sum = 0.0
        for pair in pairs {
            var tf = 0
            for p in passages where pair.second < p.evidence.positions.count {
                tf += PhraseBoost.adjacent(p.evidence.positions[pair.first], p.evidence.positions[pair.second])
            }
            guard tf > 0 else { continue }
            let t = Double(tf)
            sum += pair.idf * t * (parameters.k1 + 1) / (t + parameters.k1)
        }
        return parameters.phraseWeight * sum
    }

    /// How often a position of `b` directly follows one of `a` (both sorted).
    static func adjacent(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0
        var j = 0
        var n = 0
        while i < a.count && j < b.count {
            let want = a[i] + 1
            if b[j] < want {
                j += 1
            } else if b[j] == want {
                n += 1
                i += 1
                j += 1
            } else {
                i += 1
            }
        }
        return n
    }
}
