import Foundation
import OpineText

/// The head of a ranking and its size.
public struct Ranking: Sendable {
    public var articles: [RankedArticle]
    public var matchedArticles: Int

    public init(articles: [RankedArticle] = [], matchedArticles: Int = 0) {
        self.articles = articles
        self.matchedArticles = matchedArticles
    }
}

/// One article in a ranking: its score, its explanation and its passages, best first.
public struct RankedArticle: Hashable, Sendable {
    public var articleID: Int64
    public var explanation: ScoreExplanation
    /// Matching passages, best first, with their own scores.
    public var passages: [ScoredPassage]
    public var score: Double { explanation.total }
    public var isComplete: Bool { explanation.isComplete }
}

public struct ScoredPassage: Hashable, Sendable {
    public var evidence: PassageEvidence
    public var proximity: Proximity
    public var proximityPart: Double
    public var score: Double { evidence.bm25 + proximityPart }
}

/// Turns passage evidence into an article ranking.
///
/// Order: articles matching every clause first (Meilisearch's "words" rule), then the others by
/// the number of clauses they match; within each group by score. Queries longer than
/// ``RankingParameters/wordsRuleMaximumClauses`` rank by score alone. The score is the best
/// passage's BM25 plus its proximity part, plus a share of the runner-up passages and a head
/// bonus; see ``RankingParameters`` for each number.
public struct ArticleRanker: Sendable {
    public var parameters: RankingParameters
    /// The query's implicit phrases (adjacent words), with their IDFs.
    public var phrases = PhraseBoost()

    public init(parameters: RankingParameters = RankingParameters()) {
        self.parameters = parameters
    }

    public func score(_ evidence: PassageEvidence) -> ScoredPassage {
        let proximity = Proximity.measure(evidence.positions, parameters: parameters)
        let part = evidence.bm25 * parameters.proximityWeight * proximity.closeness
        return ScoredPassage(evidence: evidence, proximity: proximity, proximityPart: part)
    }

    /// Ranks articles from all matching passages of a query with `clauseCount` clauses.
    public func rank(_ passages: [PassageEvidence], clauseCount: Int, stats: CollectionStats? = nil) -> [RankedArticle] {
        rankTop(passages, clauseCount: clauseCount, stats: stats, limit: .max).articles
    }

    /// The first `limit` articles of the ranking, and how many articles matched in all.
    ///
    /// Every article is scored (the parts are cheap sums), but only the top `limit` are built
    /// into ``RankedArticle`` values with their sorted passages.
    ///
    /// - Complexity: O(p + a log a) for p passages over a articles.
    /// - Parameter clauseArticles: how many articles of the whole collection match each clause,
    ///   when `passages` are not every match (they are counted from `passages` otherwise).
    public func rankTop(_ passages: [PassageEvidence], clauseCount: Int, stats: CollectionStats?, limit: Int,
                        clauseArticles: [Int]? = nil) -> Ranking {
        // Passages grouped by article: sort an index permutation, then walk contiguous runs.
        // Passages are scored a run at a time (and again for the articles shown), never all
        // at once: a query matching every article held a second copy of all its evidence.
        let order = passages.indices.sorted {
            passages[$0].articleID != passages[$1].articleID ? passages[$0].articleID < passages[$1].articleID : $0 < $1
        }
        var runs: [Range<Int>] = []
        var runStart = 0
        for i in order.indices.dropFirst() where passages[order[i]].articleID != passages[order[runStart]].articleID {
            runs.append(runStart..<i)
            runStart = i
        }
        if !order.isEmpty { runs.append(runStart..<order.count) }
        func scored(_ run: Range<Int>, into buffer: inout [ScoredPassage]) {
            buffer.removeAll(keepingCapacity: true)
            for i in run { buffer.append(score(passages[order[i]])) }
        }
        // Article-level document frequency of each clause, from the matches themselves.
        var masks = [UInt64](repeating: 0, count: runs.count)
        var df = [Int](repeating: 0, count: clauseCount)
        for (g, run) in runs.enumerated() {
            var mask: UInt64 = 0
            for i in run { mask |= passages[order[i]].matchedMask }
            masks[g] = mask
            var m = mask
            while m != 0 {
                let c = m.trailingZeroBitCount
                if c < clauseCount { df[c] += 1 }
                m &= m - 1
            }
        }
        if let clauseArticles, clauseArticles.count == clauseCount { df = clauseArticles }
        let articles = Double(max(stats?.articles ?? runs.count, 1))
        // FTS5's IDF (fts5_aux.c): log((N − n + 0.5) / (n + 0.5)), floored at 1e-6, so a word in
        // more than half the articles counts for (almost) nothing: stop words stay indexed for
        // phrases but do not rank. In a collection of a few articles, Lucene's (BM25.rankingIDF).
        let idf = df.map { d in BM25.rankingIDF(rows: Int(articles), hits: d) }
        var explanations: [ScoreExplanation] = []
        explanations.reserveCapacity(runs.count)
        var buffer: [ScoredPassage] = []
        for run in runs {
            scored(run, into: &buffer)
            explanations.append(explain(buffer[...], clauseCount: clauseCount, idf: idf, averageLength: stats?.averageArticleLength))
        }
        let wordsRule = usesWordsRule(clauseCount: clauseCount)
        func precedes(_ a: Int, _ b: Int) -> Bool {
            ArticleRanker.precedes(explanations[a], passages[order[runs[a].lowerBound]].articleID,
                                   explanations[b], passages[order[runs[b].lowerBound]].articleID, wordsRule: wordsRule)
        }
        let ranking = TopSelection.first(limit, of: runs.count, by: precedes)
        var top: [RankedArticle] = []
        for g in ranking.prefix(limit) {
            scored(runs[g], into: &buffer)
            let sortedPassages = buffer.sorted(by: ArticleRanker.passageOrder)
            top.append(RankedArticle(articleID: sortedPassages[0].evidence.articleID, explanation: explanations[g], passages: sortedPassages))
        }
        return Ranking(articles: top, matchedArticles: runs.count)
    }

    /// How many articles each clause matches in `passages` (grouped by article in any order).
    public static func clauseArticles(_ passages: [PassageEvidence], clauseCount: Int) -> [Int] {
        var masks: [Int64: UInt64] = [:]
        for p in passages { masks[p.articleID, default: 0] |= p.matchedMask }
        var df = [Int](repeating: 0, count: clauseCount)
        for mask in masks.values {
            for c in 0..<min(clauseCount, 64) where mask & (1 << UInt64(c)) != 0 { df[c] += 1 }
        }
        return df
    }

    static func passageOrder(_ a: ScoredPassage, _ b: ScoredPassage) -> Bool {
        a.score != b.score ? a.score > b.score : a.evidence.passageID < b.evidence.passageID
    }

    /// Article-level BM25 (``ArticleScore``) from the article's passages: each clause's hits
    /// counted in the head and in the body.
    func articleBM25(_ scored: ArraySlice<ScoredPassage>, idf: [Double], averageLength: Double?) -> Double {
        guard let average = averageLength, average > 0 else { return 0 }
        // Stack buffers: this runs once per matching article.
        let clauses = max(idf.count, 1)
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * clauses) { counts in
            counts.initialize(repeating: 0)
            for s in scored {
                let offset = s.evidence.isHead ? 0 : clauses
                for (c, n) in s.evidence.clauseHits.enumerated() where c < idf.count && n > 0 { counts[offset + c] += n }
            }
            return ArticleScore.bm25(head: UnsafeBufferPointer(rebasing: counts[0..<clauses]),
                                     body: UnsafeBufferPointer(rebasing: counts[clauses...]),
                                     length: scored.first?.evidence.articleLength ?? 0, idf: idf, averageLength: average,
                                     parameters: parameters)
        }
    }

    /// Measures the proximity part again in the passage's own sentences (a term in the next
    /// sentence is `sentenceGap` tokens further), for the articles shown: FTS5 positions carry no
    /// sentence boundaries, the passage text does. Returns the explanation with the new part.
    public func withSentences(_ explanation: ScoreExplanation, positions: [[Int32]], sentenceStarts: [Int32]) -> ScoreExplanation {
        guard parameters.sentenceGap > 0, !sentenceStarts.isEmpty else { return explanation }
        let spread = Proximity.spread(positions, sentenceStarts: sentenceStarts, gap: Int32(parameters.sentenceGap))
        let proximity = Proximity.measure(spread, parameters: parameters)
        var e = explanation
        e.proximityDetail = proximity
        e.proximity = (e.articleBM25 + e.bm25) * parameters.proximityWeight * proximity.closeness
        return e
    }

    /// Whether a query of `clauseCount` clauses is ordered by the "words" rule first.
    public func usesWordsRule(clauseCount: Int) -> Bool {
        clauseCount <= parameters.wordsRuleMaximumClauses
    }

    /// The ranking's order, in one place: with the words rule, more clauses matched first;
    /// then score; then article id.
    public static func precedes(_ a: ScoreExplanation, _ aID: Int64, _ b: ScoreExplanation, _ bID: Int64,
                                wordsRule: Bool) -> Bool {
        if wordsRule && a.matchedClauses != b.matchedClauses { return a.matchedClauses > b.matchedClauses }
        if a.total != b.total { return a.total > b.total }
        return aID < bID
    }

    func explain(_ scored: ArraySlice<ScoredPassage>, clauseCount: Int, idf: [Double], averageLength: Double?) -> ScoreExplanation {
        // The best passage, and the runners-up, without sorting them all.
        var bestIndex = scored.startIndex
        for i in scored.indices.dropFirst() where ArticleRanker.passageOrder(scored[i], scored[bestIndex]) { bestIndex = i }
        let best = scored[bestIndex]
        let passageShare = averageLength == nil ? 1 : 1 - parameters.articleWeight
        var mask: UInt64 = 0
        var closest = best
        var hasHead = false
        // The best `extraPassages` runner-up scores, kept in a stack buffer (once per article).
        let extra = withUnsafeTemporaryAllocation(of: Double.self, capacity: max(parameters.extraPassages, 1)) { top in
            var kept = 0
            for i in scored.indices {
                let s = scored[i]
                mask |= s.evidence.matchedMask
                if s.evidence.isHead { hasHead = true }
                if s.proximity.closeness > closest.proximity.closeness { closest = s }
                guard i != bestIndex, parameters.extraPassages > 0 else { continue }
                // Insertion into the descending top list.
                let score = s.score
                if kept < parameters.extraPassages {
                    kept += 1
                } else if score <= top[kept - 1] {
                    continue
                }
                var j = kept - 1
                while j > 0 && top[j - 1] < score {
                    top[j] = top[j - 1]
                    j -= 1
                }
                top[j] = score
            }
            var sum = 0.0
            for k in 0..<kept { sum += parameters.extraPassageWeight * top[k] * passageShare }
            return sum
        }
        let articlePart = parameters.articleWeight * articleBM25(scored, idf: idf, averageLength: averageLength)
        let keyword = articlePart + best.evidence.bm25 * passageShare
        let proximityPart = keyword * parameters.proximityWeight * closest.proximity.closeness
        var head = 0.0
        if !best.evidence.isHead, hasHead {
            head = parameters.headMatchBonus * best.evidence.bm25 * passageShare
        }
        return ScoreExplanation(
            articleBM25: articlePart, bm25: best.evidence.bm25 * passageShare, proximity: proximityPart,
            proximityDetail: closest.proximity,
            proximityPassageID: closest.proximity.closeness > 0 ? closest.evidence.passageID : nil,
            extraPassages: extra, headMatch: head,
            matchedClauses: mask.nonzeroBitCount, totalClauses: clauseCount,
            phrase: phrases.part(scored, parameters: parameters))
    }
}
