import Foundation

/// FTS5's `bm25()` (`fts5_aux.c`), computed in Swift from what `opine_instances` reports, so that
/// a query does not pay for FTS5's bm25() and Opine's instance scan on every row. Parity with
/// FTS5 is tested with `bm25()` itself as the oracle.
public enum BM25 {
    /// `fts5_aux.c`'s constants.
    public static let k1 = 1.2
    public static let b = 0.75
    /// FTS5 floors non-positive IDFs here: a phrase in more than half the rows scores ~nothing.
    public static let idfFloor = 1e-6

    /// Below this many articles, ``rankingIDF(rows:hits:)`` uses Lucene's IDF.
    public static let smallCollection = 20

    /// The IDF Opine ranks with: FTS5's (``idf(rows:hits:)``) on a collection of
    /// ``smallCollection`` articles or more; below, Lucene's `log(1 + (N − n + 0.5) / (n + 0.5))`,
    /// which stays positive. FTS5's floor silences a word found in more than half the articles,
    /// right for stop words in a real collection; in a folder of three op-eds every word is in
    /// "half" of them, and every score (and `--explain`) read 6e-06. The judged collections
    /// (400+ articles) never reach the small rule: their figures are unchanged; Lucene's IDF
    /// everywhere lowered CISI's nDCG@10 by 0.010 (Benchmarks/ranking.md).
    public static func rankingIDF(rows: Int, hits: Int) -> Double {
        guard rows < smallCollection else { return idf(rows: rows, hits: hits) }
        let n = Double(hits)
        return log(1 + (Double(rows) - n + 0.5) / (n + 0.5))
    }

    /// `log((N − n + 0.5) / (n + 0.5))`, floored.
    public static func idf(rows: Int, hits: Int) -> Double {
        let v = log((Double(rows) - Double(hits) + 0.5) / (Double(hits) + 0.5))
        return v <= 0 ? idfFloor : v
    }

    /// Fills `bm25` of every passage: Σ over phrases of IDF × f(k1 + 1) / (f + k1(1 − b + b·len/avg)),
    /// where f is the phrase's hits times its column's weight, len the passage's tokens, and avg
    /// the mean passage length: FTS5's formula, with the IDFs given (see ``articleHits(_:)``).
    ///
    /// - Complexity: O(p × k) for p passages and k phrases.
    public static func score(_ passages: inout [PassageEvidence], idf idfs: [Double], averageLength: Double,
                             headWeight: Double, bodyWeight: Double) {
        let average = max(averageLength, 1e-9)
        for index in passages.indices {
            let weight = passages[index].isHead ? headWeight : bodyWeight
            let norm = k1 * (1 - b + b * Double(passages[index].length) / average)
            var score = 0.0
            for (i, h) in passages[index].phraseHits.enumerated() where h > 0 && i < idfs.count {
                let f = Double(h) * weight
                score += idfs[i] * (f * (k1 + 1)) / (f + norm)
            }
            passages[index].bm25 = score
        }
    }

    /// For each phrase, the passages it occurs in: FTS5's n when every passage is a row.
    public static func passageHits(_ passages: [PassageEvidence]) -> [Int] {
        guard let phrases = passages.first?.phraseHits.count else { return [] }
        var hits = Array(repeating: 0, count: phrases)
        for p in passages {
            for (i, h) in p.phraseHits.enumerated() where h > 0 { hits[i] += 1 }
        }
        return hits
    }

    /// For each phrase, the articles it occurs in (passages grouped by article in any order).
    /// Opine's passage scores use these with N = articles: a word's rarity is a property of the
    /// collection of articles, and it can be counted without reading every match.
    public static func articleHits(_ passages: [PassageEvidence]) -> [Int] {
        guard let phrases = passages.first?.phraseHits.count else { return [] }
        var seen = Array(repeating: Set<Int64>(), count: phrases)
        for p in passages {
            for (i, h) in p.phraseHits.enumerated() where h > 0 { seen[i].insert(p.articleID) }
        }
        return seen.map(\.count)
    }
}

/// What FTS5 reports about the whole table, for BM25.
public struct TableStatistics: Hashable, Sendable {
    public var rows: Int
    public var tokens: Int
    public var averageLength: Double { rows > 0 ? Double(tokens) / Double(rows) : 1 }

    public init(rows: Int, tokens: Int) {
        self.rows = rows
        self.tokens = tokens
    }
}
