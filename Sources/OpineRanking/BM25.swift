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

    /// `log((N − n + 0.5) / (n + 0.5))`, floored.
    public static func idf(rows: Int, hits: Int) -> Double {
        let v = log((Double(rows) - Double(hits) + 0.5) / (Double(hits) + 0.5))
        return v <= 0 ? idfFloor : v
    }

    /// Fills `bm25` of every passage: Σ over phrases of IDF × f(k1 + 1) / (f + k1(1 − b + b·len/avg)),
    /// where f is the phrase's hits times its column's weight, len the row's tokens, and avg
    /// the table's mean row length. Phrase hit counts (n) come from the rows themselves: the
    /// query's rows are every row that contains any phrase.
    ///
    /// - Complexity: O(p × k) for p passages and k phrases.
    public static func score(_ passages: inout [PassageEvidence], table: TableStatistics, headWeight: Double, bodyWeight: Double) {
        guard let phrases = passages.first?.phraseHits.count, phrases > 0 else { return }
        var hits = Array(repeating: 0, count: phrases)
        for p in passages {
            for (i, h) in p.phraseHits.enumerated() where h > 0 { hits[i] += 1 }
        }
        let idfs = hits.map { idf(rows: table.rows, hits: $0) }
        let average = table.rows > 0 ? Double(table.tokens) / Double(table.rows) : 1
        for index in passages.indices {
            let weight = passages[index].isHead ? headWeight : bodyWeight
            let norm = k1 * (1 - b + b * Double(passages[index].length) / max(average, 1e-9))
            var score = 0.0
            for (i, h) in passages[index].phraseHits.enumerated() where h > 0 {
                let f = Double(h) * weight
                score += idfs[i] * (f * (k1 + 1)) / (f + norm)
            }
            passages[index].bm25 = score
        }
    }
}

/// What FTS5 reports about the whole table, for BM25.
public struct TableStatistics: Hashable, Sendable {
    public var rows: Int
    public var tokens: Int

    public init(rows: Int, tokens: Int) {
        self.rows = rows
        self.tokens = tokens
    }
}
