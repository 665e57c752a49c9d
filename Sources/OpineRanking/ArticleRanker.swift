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
    public func rank(_ passages: [PassageEvidence], clauseCount: Int) -> [RankedArticle] {
        var byArticle: [Int64: [ScoredPassage]] = [:]
        for e in passages { byArticle[e.articleID, default: []].append(score(e)) }
        var ranked: [RankedArticle] = []
        ranked.reserveCapacity(byArticle.count)
        for (id, scored) in byArticle {
            ranked.append(article(id, scored, clauseCount: clauseCount))
        }
        if clauseCount <= parameters.wordsRuleMaximumClauses {
            ranked.sort(by: ArticleRanker.precedes)
        } else {
            ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.articleID < $1.articleID }
        }
        return ranked
    }

    /// The ranking's order: more clauses matched first, then score, then article id.
    public static func precedes(_ a: RankedArticle, _ b: RankedArticle) -> Bool {
        if a.explanation.matchedClauses != b.explanation.matchedClauses {
            return a.explanation.matchedClauses > b.explanation.matchedClauses
        }
        if a.score != b.score { return a.score > b.score }
        return a.articleID < b.articleID
    }

    func article(_ id: Int64, _ scored: [ScoredPassage], clauseCount: Int) -> RankedArticle {
        let sorted = scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.evidence.passageID < $1.evidence.passageID }
        let best = sorted[0]
        var mask: UInt64 = 0
        for s in sorted { mask |= s.evidence.matchedMask }
        var extra = 0.0
        for s in sorted.dropFirst().prefix(parameters.extraPassages) {
            extra += parameters.extraPassageWeight * s.score
        }
        var head = 0.0
        if !best.evidence.isHead, sorted.contains(where: { $0.evidence.isHead }) {
            head = parameters.headMatchBonus * best.score
        }
        let explanation = ScoreExplanation(
            bm25: best.evidence.bm25, proximity: best.proximityPart, proximityDetail: best.proximity,
            extraPassages: extra, headMatch: head,
            matchedClauses: mask.nonzeroBitCount, totalClauses: clauseCount)
        return RankedArticle(articleID: id, explanation: explanation, passages: sorted)
    }
}
