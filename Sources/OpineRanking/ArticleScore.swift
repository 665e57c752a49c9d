/// Article-level BM25, defined once: the ranking's article part (``ArticleRanker``) and the
/// first phase's whole score (``FirstPhase``) are this function of the same counts, so the
/// first phase ranks exactly as an exhaustive article-level ranking does.
///
/// `Σ idf × tf (k1 + 1) / (tf + k1 (1 − b + b · length / average))` over the clauses, with
/// `tf = headWeight × head hits + bodyWeight × body hits` of the clause in the whole article.
public enum ArticleScore {
    /// The score of one article from its clauses' hit counts in the head and the body.
    ///
    /// - Complexity: O(c) for c clauses.
    public static func bm25(head: UnsafeBufferPointer<Int32>, body: UnsafeBufferPointer<Int32>, length: Int,
                            idf: [Double], averageLength: Double, parameters: RankingParameters) -> Double {
        guard averageLength > 0 else { return 0 }
        let norm = parameters.k1 * (1 - parameters.b + parameters.b * (Double(length) / averageLength))
        var sum = 0.0
        for c in 0..<min(idf.count, head.count, body.count) {
            let tf = parameters.headWeight * Double(head[c]) + parameters.bodyWeight * Double(body[c])
            guard tf > 0 else { continue }
            sum += idf[c] * tf * (parameters.k1 + 1) / (tf + norm)
        }
        return sum
    }
}
