/// A score as the sum of its parts; `total` is computed from the parts, so what is printed
/// adds up exactly.
public struct ScoreExplanation: Hashable, Sendable {
    /// Article-level BM25 (head matches weighted), times `articleWeight`.
    public var articleBM25: Double
    /// Column-weighted BM25 of the best passage (FTS5's `bm25()`, negated), times
    /// `1 − articleWeight`.
    public var bm25: Double
    /// `(articleBM25 + bm25) × proximityWeight × closeness` of the closest passage.
    public var proximity: Double
    public var proximityDetail: Proximity
    /// The passage the proximity part was measured in (the closest one), when there is one.
    public var proximityPassageID: Int64?
    /// Share of the next best passages' scores.
    public var extraPassages: Double
    /// Bonus for a title or standfirst match.
    public var headMatch: Double
    /// Clauses the article matches, and how many the query has.
    public var matchedClauses: Int
    public var totalClauses: Int
    /// The implicit phrases' part: query words standing together in the text (``PhraseBoost``).
    public var phrase: Double = 0

    /// An article listed by filters alone: no score, nothing to match.
    public static let listed = ScoreExplanation(
        articleBM25: 0, bm25: 0, proximity: 0, proximityDetail: .none, proximityPassageID: nil, extraPassages: 0,
        headMatch: 0, matchedClauses: 0, totalClauses: 0)

    public var total: Double { articleBM25 + bm25 + proximity + extraPassages + headMatch + phrase }
    public var isComplete: Bool { matchedClauses == totalClauses }
}
