import OpineIndex
import OpineRanking
import OpineText

/// The ranking stage of a search: counts, the two phases, the article ranking.
///
/// - Counts (`-c`, "N articles match", `-l`'s set) are exact: the index's counts, after the
///   filters (``IndexReader/matchCounts(_:filter:)``), never read off the articles ranked.
/// - **Phase 1** (``FirstPhase``, in the index): the ``rescoreWindow`` best articles by
///   article-level BM25 (complete articles first under the words rule), exact for that score,
///   reading only the blocks of articles whose bounds reach the window.
/// - **Phase 2**: Opine's whole score (passage BM25, proximity, the phrase and runner-up parts)
///   over the window's articles alone, from the raw hits phase 1 returned.
/// - `SearchRequest.exhaustive` reads and scores every matching article instead: today's
///   ranking, the tests' oracle.
struct SearchRanking {
    /// The ranking's head, the evidence it came from, and how many articles match each clause
    /// of the collection.
    struct Outcome {
        var ranking: Ranking
        var evidence: [PassageEvidence]
        var clauseArticles: [Int]?
        /// Articles (after filters) that satisfy the whole query: every clause.
        var completeArticles = 0
        /// What the first phase read (nil for the exhaustive path and counts alone).
        var firstPhase: FirstPhaseResult?
    }

    let reader: any IndexReader
    var ranker: ArticleRanker
    let request: SearchRequest
    var limit: Int { max(request.limit, 0) + max(request.offset, 0) }

    /// Articles phase 2 rescores, at least (and twice a deep page's depth, `window(for:)`).
    /// Chosen on the 320-query mix of `opine-bench mix` at 10× Reuters (Benchmarks/RESULTS.md):
    /// the top 10 equalled `--exhaustive`'s on 93.8 % of it with 200, 96.6 % with 500, 98.4 %
    /// with 1,000, at about the same median cost (the first phase reads the same blocks).
    static let rescoreWindow = 1000

    /// The window for a page ending at `depth`.
    static func window(for depth: Int) -> Int { max(rescoreWindow, 2 * depth) }

    mutating func rank(_ plan: MatchPlan, filter: SearchFilter) throws -> Outcome {
        ranker.phrases = try phraseBoost(plan)
        if request.exhaustive { return try rankAll(plan, filter: filter) }
        let counts = try reader.matchCounts(plan, filter: filter.articleFilter)
        guard limit > 0 else {
            return Outcome(ranking: Ranking(articles: [], matchedArticles: counts.matchedArticles), evidence: [],
                           clauseArticles: counts.clauseArticles, completeArticles: counts.completeArticles)
        }
        return try rankInTwoPhases(plan, filter: filter, counts: counts)
    }

    /// The query's adjacent single-word clauses as implicit phrases, each with its IDF (the
    /// articles holding the two words one after the other, an index count).
    func phraseBoost(_ plan: MatchPlan) throws -> PhraseBoost {
        guard ranker.parameters.phraseWeight > 0, plan.clauses.count >= 2 else { return PhraseBoost() }
        var pairs: [(Int, MatchPlan.Phrase)] = []
        for i in 0..<(plan.clauses.count - 1) {
            guard case .word(_, false) = plan.clauses[i], case .word(_, false) = plan.clauses[i + 1],
                plan.clauseTerms[i].count == 1, plan.clauseTerms[i + 1].count == 1 else { continue }
            pairs.append((i, MatchPlan.Phrase(plan.clauseTerms[i] + plan.clauseTerms[i + 1])))
        }
        guard !pairs.isEmpty else { return PhraseBoost() }
        let articles = try reader.collectionStats().articles
        let counts = try reader.counts(pairs.map { .phrase($0.1) })
        return PhraseBoost(pairs: zip(pairs, counts).filter { $0.1 > 0 }.map {
            .init(first: $0.0.0, second: $0.0.0 + 1, idf: BM25.rankingIDF(rows: articles, hits: $0.1))
        })
    }

    /// Phase 1 in the index, phase 2 here.
    func rankInTwoPhases(_ plan: MatchPlan, filter: SearchFilter, counts: MatchCounts) throws -> Outcome {
        let stats = try reader.collectionStats()
        let first = try reader.firstPhase(FirstPhaseRequest(
            plan: plan, window: request.rescoreWindow.map { max($0, limit) } ?? SearchRanking.window(for: limit),
            idf: counts.clauseArticles.map { BM25.rankingIDF(rows: max(stats.articles, 1), hits: $0) },
            wordsRule: ranker.usesWordsRule(clauseCount: plan.clauses.count), parameters: request.parameters,
            averageLength: stats.averageArticleLength, filter: filter.articleFilter, completeOnly: request.completeOnly,
            depth: limit, completeArticles: counts.completeArticles, matchedArticles: counts.matchedArticles))
        var builder = EvidenceBuilder(plan.evidenceRules(positions: collectsPositions(plan)))
        for c in first.candidates {
            builder.add(article: c.hits.article, articleLength: c.hits.length, layout: c.hits.layout, hits: c.hits.hits)
        }
        var evidence = builder.takeEvidence()
        try score(&evidence, phraseArticles: counts.phraseArticles)
        var ranking = ranker.rankTop(evidence, clauseCount: plan.clauses.count, stats: stats, limit: limit,
                                     clauseArticles: counts.clauseArticles)
        ranking.matchedArticles = request.completeOnly ? counts.completeArticles : counts.matchedArticles
        return Outcome(ranking: ranking, evidence: evidence, clauseArticles: counts.clauseArticles,
                       completeArticles: counts.completeArticles, firstPhase: first)
    }

    /// Every article matching any clause is read (every complete one, for `-l`): the
    /// exhaustive ranking.
    func rankAll(_ plan: MatchPlan, filter: SearchFilter) throws -> Outcome {
        var resolved = filter
        try resolved.resolve(in: reader)
        var evidence = try reader.evidence(request.completeOnly ? .everyClause(plan) : .anyClause(plan),
                                           positions: collectsPositions(plan))
        // Before any filter: the matches are every article with a clause, so they give each
        // phrase's and each clause's article count (for `-l`, the index counts them).
        var counts = ArticleRanker.clauseArticles(evidence, clauseCount: plan.clauses.count)
        var phraseArticles = BM25.articleHits(evidence)
        if request.completeOnly {
            let all = try reader.matchCounts(plan, filter: ArticleFilter())
            (counts, phraseArticles) = (all.clauseArticles, all.phraseArticles)
        }
        try score(&evidence, phraseArticles: phraseArticles)
        resolved.apply(&evidence)
        let ranking = ranker.rankTop(evidence, clauseCount: plan.clauses.count, stats: try reader.collectionStats(),
                                     limit: limit, clauseArticles: counts)
        return Outcome(ranking: ranking, evidence: evidence, clauseArticles: counts,
                       completeArticles: SearchRanking.completeArticles(evidence, clauseCount: plan.clauses.count))
    }

    /// Whether the evidence needs token positions: for proximity between two clauses or more,
    /// and for NEAR's rule. A query of one word has no proximity to measure, and its positions
    /// were most of its memory (`a*` at 190k articles: 550 MB).
    func collectsPositions(_ plan: MatchPlan) -> Bool {
        request.parameters.proximityWeight > 0 && (plan.clauses.count >= 2 || plan.hasNear)
    }

    /// Articles among `evidence` (grouped by article) whose passages together match every clause.
    static func completeArticles(_ evidence: [PassageEvidence], clauseCount: Int) -> Int {
        let all = PassageEvidence.allClauses(clauseCount)
        var n = 0
        var i = 0
        while i < evidence.count {
            var mask: UInt64 = 0
            let article = evidence[i].articleID
            while i < evidence.count && evidence[i].articleID == article {
                mask |= evidence[i].matchedMask
                i += 1
            }
            if mask & all == all { n += 1 }
        }
        return n
    }

    /// BM25 of each passage, with IDFs from the number of articles holding each phrase.
    func score(_ evidence: inout [PassageEvidence], phraseArticles: [Int]) throws {
        let collection = try reader.collectionStats()
        let idf = phraseArticles.map { BM25.rankingIDF(rows: collection.articles, hits: $0) }
        BM25.score(&evidence, idf: idf, averageLength: try reader.passageStatistics().averageLength,
                   headWeight: request.parameters.headWeight, bodyWeight: request.parameters.bodyWeight)
    }
}
