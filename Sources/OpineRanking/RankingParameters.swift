/// Every number the ranking decides, named here with its reason.
///
/// Defaults were chosen on the five judged collections in `../shared/corpora` (method and
/// table in `Benchmarks/ranking.md`); none was tuned to one collection alone.
public struct RankingParameters: Hashable, Sendable {
    /// BM25 weight of the head (title and standfirst), in FTS5's column weights and in the
    /// article-level term counts. Heads are written to be searched for, but on the judged
    /// collections 2 and above lost to 1–1.5 (their "titles" include "TIME magazine, text 017"):
    /// 1.5 keeps titles ahead at no measured cost.
    public var headWeight: Double = 1.5
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
    /// A sentence boundary between two terms counts as this many extra tokens (issue: "a
    /// sentence boundary between two terms should count as a larger distance"): half of
    /// Meilisearch's 8-token horizon, so neighbours across a full stop keep some closeness.
    /// Applied to the articles shown (their passage text is read for snippets anyway).
    public var sentenceGap: Int = 4
    /// Weight of an article's next best passages (Kaszkiel & Zobel's passage ranking uses the
    /// best passage; a share of the runners-up rewards articles that keep returning to the
    /// subject; capped by `extraPassages` so that length alone does not win). 0.1 → 0.5 gained
    /// on all five collections.
    public var extraPassageWeight: Double = 0.5
    /// How many runner-up passages count.
    public var extraPassages: Int = 4
    /// Bonus, as a share of the best passage score, when the title or standfirst matches but
    /// the best passage is in the body. Measured at 0.05 and 0.1 it lowered the mean nDCG@10
    /// (0.4907 → 0.4893 → 0.4892): titles already count `headWeight` times in article-level
    /// BM25, which is the head bonus that helped. Kept, at 0, for explanation and sweeps.
    public var headMatchBonus: Double = 0

    /// Weight of the implicit phrases (adjacent query words found adjacent, ``PhraseBoost``),
    /// as Lucene's `pf` boost: a name typed without quotes ranks as a name.
    public var phraseWeight: Double = 0.1

    /// Meilisearch's "words" rule (articles matching more clauses first) applies to queries of
    /// at most this many clauses. Longer queries are questions in prose ("what similarity laws
    /// must be obeyed…"): ordering them by matched words first fell far below plain BM25 on
    /// the judged collections (cranfield nDCG@10 0.25 against 0.36), so they rank by score.
    public var wordsRuleMaximumClauses: Int = 4

    /// Share of the article-level BM25 in an article's keyword score; the rest is the best
    /// passage's FTS5 `bm25()`. Passages alone lose to whole-article BM25 on short abstracts
    /// and on long multi-paragraph articles (Benchmarks/ranking.md); the mix keeps both.
    public var articleWeight: Double = 0.5
    /// BM25 saturation at article level: FTS5's and Lucene's 1.2 (2.0 measured no better).
    public var k1: Double = 1.2
    /// Length normalization at article level: 0.4 is Anserini's default; 0.75 over-penalized
    /// long articles on all five collections (mean nDCG@10 0.4858 → 0.4899).
    public var b: Double = 0.4

    public init() {}

    /// The parameters a sweep may set by name (`opine eval --set name=value`).
    static var doubleParameters: [String: WritableKeyPath<RankingParameters, Double>] {
        ["headWeight": \.headWeight, "bodyWeight": \.bodyWeight, "proximityWeight": \.proximityWeight,
         "extraPassageWeight": \.extraPassageWeight, "headMatchBonus": \.headMatchBonus,
         "articleWeight": \.articleWeight, "k1": \.k1, "b": \.b, "phraseWeight": \.phraseWeight]
    }

    static var intParameters: [String: WritableKeyPath<RankingParameters, Int>] {
        ["proximityHorizon": \.proximityHorizon, "outOfOrderPenalty": \.outOfOrderPenalty,
         "extraPassages": \.extraPassages, "wordsRuleMaximumClauses": \.wordsRuleMaximumClauses,
         "sentenceGap": \.sentenceGap]
    }

    /// Names accepted by ``set(_:_:)``.
    public static var adjustable: Set<String> { Set(doubleParameters.keys).union(intParameters.keys) }

    /// Why `value` cannot be given to the parameter `name`, or nil when it can: a sweep's
    /// values are finite and non-negative, at most 10⁶ (a count at most 10,000).
    public static func problem(setting name: String, to value: Double) -> String? {
        guard adjustable.contains(name) else {
            return "no ranking parameter is named '\(name)'; the names are \(adjustable.sorted().joined(separator: ", "))"
        }
        let limit = intParameters[name] != nil ? 10_000.0 : 1_000_000.0
        guard value.isFinite, value >= 0, value <= limit else {
            return "\(name) must be a number from 0 to \(Int(limit)), not \(value)"
        }
        return nil
    }

    /// Sets a parameter by name; unknown names are ignored (check ``problem(setting:to:)`` first).
    public mutating func set(_ name: String, _ value: Double) {
        if let path = RankingParameters.doubleParameters[name] {
            self[keyPath: path] = value
        } else if let path = RankingParameters.intParameters[name] {
            self[keyPath: path] = Int(value)
        }
    }
}
