import Foundation
import OpineText

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

    public init(parameters: RankingParameters = RankingParameters()) {
        self.parameters = parameters
    }

    public func score(_ evidence: PassageEvidence) -> ScoredPassage {
        let proximity = Proximity.measure(evidence.positions, parameters: parameters)
        let part = evidence.bm25 * parameters.proximityWeight * proximity.closeness
        return ScoredPassage(evidence: evidence, proximity: proximity, proximityPart: part)
    }

    /// Ranks articles from all matching passages of a query with `clauseCount` clauses.
    ///
    /// - Complexity: O(p log p) for p passages.
    public func rank(_ passages: [PassageEvidence], clauseCount: Int, stats: CollectionStats? = nil) -> [RankedArticle] {
        var byArticle: [Int64: [ScoredPassage]] = [:]
        for e in passages { byArticle[e.articleID, default: []].append(score(e)) }
        // Article-level document frequency of each clause, from the matches themselves.
        var df = Array(repeating: 0, count: clauseCount)
        for (_, scored) in byArticle {
            var mask: UInt64 = 0
            for s in scored { mask |= s.evidence.matchedMask }
            for c in 0..<min(clauseCount, 64) where mask & (1 << UInt64(c)) != 0 { df[c] += 1 }
        }
        let articles = Double(max(stats?.articles ?? byArticle.count, 1))
        // FTS5's IDF (fts5_aux.c): log((N − n + 0.5) / (n + 0.5)), floored at 1e-6, so a word in
        // more than half the articles counts for (almost) nothing: stop words stay indexed for
        // phrases but do not rank.
        let idf = df.map { d in max(1e-6, log((articles - Double(d) + 0.5) / (Double(d) + 0.5))) }
        var ranked: [RankedArticle] = []
        ranked.reserveCapacity(byArticle.count)
        for (id, scored) in byArticle {
            ranked.append(article(id, scored, clauseCount: clauseCount, idf: idf, averageBytes: stats?.averageArticleBytes))
        }
        if clauseCount <= parameters.wordsRuleMaximumClauses {
            ranked.sort(by: ArticleRanker.precedes)
        } else {
            ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.articleID < $1.articleID }
        }
        return ranked
    }

    /// Article-level BM25 with FTS5's IDF:
    /// head matches count `headWeight` times, body matches `bodyWeight` times.
    func articleBM25(_ scored: [ScoredPassage], idf: [Double], averageBytes: Double?) -> Double {
        guard let average = averageBytes, average > 0 else { return 0 }
        var tf = Array(repeating: 0.0, count: idf.count)
        for s in scored {
            let w = s.evidence.isHead ? parameters.headWeight : parameters.bodyWeight
            for (c, p) in s.evidence.positions.enumerated() where c < tf.count { tf[c] += w * Double(p.count) }
        }
        let length = Double(scored.first?.evidence.articleBytes ?? 0) / average
        let norm = parameters.k1 * (1 - parameters.b + parameters.b * length)
        var sum = 0.0
        for c in tf.indices where tf[c] > 0 {
            sum += idf[c] * tf[c] * (parameters.k1 + 1) / (tf[c] + norm)
        }
        return sum
    }

    /// The ranking's order: more clauses matched first, then score, then article id.
    public static func precedes(_ a: RankedArticle, _ b: RankedArticle) -> Bool {
        if a.explanation.matchedClauses != b.explanation.matchedClauses {
            return a.explanation.matchedClauses > b.explanation.matchedClauses
        }
        if a.score != b.score { return a.score > b.score }
        return a.articleID < b.articleID
    }

    func article(_ id: Int64, _ scored: [ScoredPassage], clauseCount: Int, idf: [Double], averageBytes: Double?) -> RankedArticle {
        let sorted = scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.evidence.passageID < $1.evidence.passageID }
        let best = sorted[0]
        let passageShare = averageBytes == nil ? 1 : 1 - parameters.articleWeight
        var mask: UInt64 = 0
        for s in sorted { mask |= s.evidence.matchedMask }
        var extra = 0.0
        for s in sorted.dropFirst().prefix(parameters.extraPassages) {
            extra += parameters.extraPassageWeight * s.score * passageShare
        }
        let articlePart = parameters.articleWeight * articleBM25(sorted, idf: idf, averageBytes: averageBytes)
        let closest = sorted.max { $0.proximity.closeness < $1.proximity.closeness } ?? best
        let keyword = articlePart + best.evidence.bm25 * passageShare
        let proximityPart = keyword * parameters.proximityWeight * closest.proximity.closeness
        var head = 0.0
        if !best.evidence.isHead, sorted.contains(where: { $0.evidence.isHead }) {
            head = parameters.headMatchBonus * best.evidence.bm25 * passageShare
        }
        let explanation = ScoreExplanation(
            articleBM25: articlePart, bm25: best.evidence.bm25 * passageShare, proximity: proximityPart,
            proximityDetail: closest.proximity, extraPassages: extra, headMatch: head,
            matchedClauses: mask.nonzeroBitCount, totalClauses: clauseCount)
        return RankedArticle(articleID: id, explanation: explanation, passages: sorted)
    }
}
