import OpineIndex
import OpineRanking
import OpineText

/// The ranking stage of a search: matching (the index's evidence), BM25, filters and the
/// article ranking, on one snapshot.
///
/// Three ways, one ranking:
/// - a page of none (`opine search -c`) without filters or NEAR: FTS5 counts, no article is read;
/// - the words-rule shortcut: when at least `limit` articles match every clause and pass the
///   filters, the top is among them (the rule ranks them first), so only they are read, and
///   the collection figures BM25 needs are FTS5 counts;
/// - otherwise (or with `SearchRequest.exhaustive`) every article matching any clause is read.
struct SearchRanking {
    /// The ranking's head, the evidence it came from, and how many articles match each clause
    /// (of the collection; of those read when only complete articles were asked for).
    struct Outcome {
        var ranking: Ranking
        var evidence: [PassageEvidence]
        var clauseArticles: [Int]?
        /// Articles (after filters) that satisfy the whole query: every clause.
        var completeArticles = 0
    }

    let snapshot: IndexSnapshot
    var ranker: ArticleRanker
    let request: SearchRequest
    var limit: Int { max(request.limit, 0) + max(request.offset, 0) }

    mutating func rank(_ plan: MatchPlan, filter: SearchFilter) throws -> Outcome {
        ranker.phrases = try phraseBoost(plan)
        return try rankMatching(plan, filter: filter)
    }

    /// The query's adjacent single-word clauses as implicit phrases, each with its IDF (the
    /// articles holding the two words one after the other, an FTS5 count).
    func phraseBoost(_ plan: MatchPlan) throws -> PhraseBoost {
        guard ranker.parameters.phraseWeight > 0, plan.clauses.count >= 2 else { return PhraseBoost() }
        let articles = try snapshot.collectionStats().articles
        var pairs: [PhraseBoost.Pair] = []
        for i in 0..<(plan.clauses.count - 1) {
            guard case .word(_, false) = plan.clauses[i], case .word(_, false) = plan.clauses[i + 1],
                plan.clauseTerms[i].count == 1, plan.clauseTerms[i + 1].count == 1 else { continue }
            let n = try snapshot.count(matching: MatchBuilder.quote(plan.clauseTerms[i] + plan.clauseTerms[i + 1]))
            if n > 0 { pairs.append(.init(first: i, second: i + 1, idf: BM25.rankingIDF(rows: articles, hits: n))) }
        }
        return PhraseBoost(pairs: pairs)
    }

    func rankMatching(_ plan: MatchPlan, filter: SearchFilter) throws -> Outcome {
        // (Not with NEAR: FTS5 counts a group across two passages, which the evidence does not.)
        if !request.exhaustive, limit == 0, filter.isEmpty, !plan.hasNear {
            return try countsOnly(plan)
        }
        if request.completeOnly {
            var restricted = plan
            restricted.expression = plan.allClausesExpression
            return try rankAll(restricted, filter: filter)
        }
        if !request.exhaustive, plan.clauses.count >= 2, !plan.hasNear,
            ranker.usesWordsRule(clauseCount: plan.clauses.count),
            let shortcut = try rankComplete(plan, filter: filter)
        {
            return shortcut
        }
        return try rankAll(plan, filter: filter)
    }

    func countsOnly(_ plan: MatchPlan) throws -> Outcome {
        let counts = try plan.clauseExpressions.map { try snapshot.count(matching: $0) }
        let matched = counts.count == 1 ? counts[0] : try snapshot.count(matching: plan.expression)
        let complete = counts.count == 1 ? counts[0] : try snapshot.count(matching: plan.allClausesExpression)
        return Outcome(ranking: Ranking(articles: [], matchedArticles: matched), evidence: [], clauseArticles: counts,
                       completeArticles: complete)
    }

    /// Every article matching any clause is read.
    func rankAll(_ plan: MatchPlan, filter: SearchFilter) throws -> Outcome {
        var evidence = try snapshot.matchPassages(plan, positions: collectsPositions(plan))
        // Before any filter: the matches are every article with a clause, so they give each
        // phrase's and each clause's article count.
        try score(&evidence, phraseArticles: BM25.articleHits(evidence))
        let counts = ArticleRanker.clauseArticles(evidence, clauseCount: plan.clauses.count)
        filter.apply(&evidence)
        let ranking = ranker.rankTop(evidence, clauseCount: plan.clauses.count, stats: try snapshot.collectionStats(),
                                     limit: limit, clauseArticles: counts)
        return Outcome(ranking: ranking, evidence: evidence, clauseArticles: counts,
                       completeArticles: SearchRanking.completeArticles(evidence, clauseCount: plan.clauses.count))
    }

    /// The words-rule shortcut: nil when fewer than `limit` (and at least one) articles match
    /// every clause and pass the filters.
    func rankComplete(_ plan: MatchPlan, filter: SearchFilter) throws -> Outcome? {
        var restricted = plan
        restricted.expression = plan.allClausesExpression
        var evidence = try snapshot.matchPassages(restricted, positions: collectsPositions(plan))
        let completeArticles = SearchRanking.distinctArticles(evidence)
        filter.apply(&evidence)
        // At least one: with none, which words matched nothing is said of the filtered matches.
        guard SearchRanking.distinctArticles(evidence) >= max(limit, 1) else { return nil }
        var counter = ExpressionCounter(snapshot: snapshot)
        let phraseArticles = try plan.phraseExpressions.map { try counter.count($0) }
        let counts = try plan.clauseExpressions.map { try counter.count($0) }
        try score(&evidence, phraseArticles: phraseArticles)
        var ranking = ranker.rankTop(evidence, clauseCount: plan.clauses.count, stats: try snapshot.collectionStats(),
                                     limit: limit, clauseArticles: counts)
        if !filter.isEmpty {
            ranking.matchedArticles = filter.admitted(try snapshot.articleIDs(matching: plan.expression)).count
        } else if counts.count == 2 {
            // |A ∪ B| = |A| + |B| − |A ∩ B|, the last being the articles just read.
            ranking.matchedArticles = counts[0] + counts[1] - completeArticles
        } else {
            ranking.matchedArticles = try counter.count(plan.expression)
        }
        return Outcome(ranking: ranking, evidence: evidence, clauseArticles: counts,
                       completeArticles: SearchRanking.distinctArticles(evidence))
    }

    /// Whether the evidence needs token positions: for proximity between two clauses or more,
    /// and for NEAR's rule. A query of one word has no proximity to measure, and its positions
    /// were most of its memory (`a*` at 190k articles: 550 MB).
    func collectsPositions(_ plan: MatchPlan) -> Bool {
        request.parameters.proximityWeight > 0 && (plan.clauses.count >= 2 || plan.hasNear)
    }

    /// Articles among `evidence` (grouped by article) whose passages together match every clause.
    static func completeArticles(_ evidence: [PassageEvidence], clauseCount: Int) -> Int {
        let all: UInt64 = clauseCount >= 64 ? .max : (1 << UInt64(clauseCount)) - 1
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

    /// FTS5 counts of articles matching an expression, each distinct expression counted once
    /// (a clause of one phrase is also that phrase).
    struct ExpressionCounter {
        let snapshot: IndexSnapshot
        var counted: [String: Int] = [:]

        mutating func count(_ expression: String) throws -> Int {
            if let n = counted[expression] { return n }
            let n = try snapshot.count(matching: expression)
            counted[expression] = n
            return n
        }
    }

    /// The number of articles among `evidence`, which the index groups by article.
    static func distinctArticles(_ evidence: [PassageEvidence]) -> Int {
        var n = 0
        var previous: Int64?
        for e in evidence where e.articleID != previous {
            n += 1
            previous = e.articleID
        }
        return n
    }

    /// BM25 of each passage, with IDFs from the number of articles holding each phrase.
    func score(_ evidence: inout [PassageEvidence], phraseArticles: [Int]) throws {
        let collection = try snapshot.collectionStats()
        let idf = phraseArticles.map { BM25.rankingIDF(rows: collection.articles, hits: $0) }
        BM25.score(&evidence, idf: idf, averageLength: try snapshot.passageStatistics().averageLength,
                   headWeight: request.parameters.headWeight, bodyWeight: request.parameters.bodyWeight)
    }
}
