/// Every number the ranking decides, named here with its reason.
///
/// Defaults were chosen on the five judged collections in `../shared/corpora` (method and
/// table in `Benchmarks/ranking.md`); none was tuned to one collection alone.
public struct RankingParameters: Hashable, Sendable {
    /// BM25 column weight of the head (title and standfirst). Head text is written to be
    /// searched for; BM25F-style weights of 2–5 for titles are the usual range.
    public var headWeight: Double = 2.0
    /// BM25 column weight of everything else (body, caption, bio).
    public var bodyWeight: Double = 1.0
    /// How much a perfectly close passage gains over its BM25 score: the proximity part is
    /// `bm25 × proximityWeight × closeness`, so single-term queries keep plain BM25 order and
    /// proximity reorders passages of similar keyword relevance rather than overriding it.
    public var proximityWeight: Double = 0.25
    /// Meilisearch's proximity rule counts any distance of 8 or more as "far": beyond it a
    /// pair of terms earns nothing.
    public var proximityHorizon: Int = 8
    /// A pair seen out of query order counts as this many extra tokens apart (Meilisearch
    /// adds 1 for reversed pairs).
    public var outOfOrderPenalty: Int = 1
    /// Weight of an article's next best passages (Kaszkiel & Zobel's passage ranking uses the
    /// best passage; a small share of the runners-up rewards articles that keep returning
    /// to the subject without letting length win).
    public var extraPassageWeight: Double = 0.1
    /// How many runner-up passages count.
    public var extraPassages: Int = 2
    /// Bonus, as a share of the best passage score, when the title or standfirst matches a
    /// query clause that the best passage does not already make the article about.
    public var headMatchBonus: Double = 0.1

    /// Meilisearch's "words" rule (articles matching more clauses first) applies to queries of
    /// at most this many clauses. Longer queries are questions in prose ("what similarity laws
    /// must be obeyed…"): ordering them by matched words first fell far below plain BM25 on
    /// the judged collections (cranfield nDCG@10 0.25 against 0.36), so they rank by score.
    public var wordsRuleMaximumClauses: Int = 4

    public init() {}
}
