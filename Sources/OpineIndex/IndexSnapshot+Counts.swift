import OpineRanking

extension IndexSnapshot {
    /// How many articles match `plan`: each clause and phrase in the collection (FTS5 counts),
    /// and after `filter`, those matching every clause and any. A plan with a NEAR group is
    /// counted under the passage rule the evidence applies (a group counts only in a passage
    /// holding all its phrases), by one pass over its matches that keeps none of them.
    public func matchCounts(_ plan: MatchPlan, filter: ArticleFilter) throws -> MatchCounts {
        if plan.hasNear { return try countsUnderPassageRule(plan, filter: filter) }
        let c = plan.clauses.count
        let n = try counts((0..<c).map { MatchQuery.clause(plan, $0) } + plan.phrases.map { MatchQuery.phrase($0) })
        let clauses = Array(n.prefix(c))
        var out = MatchCounts(clauseArticles: clauses, phraseArticles: Array(n.dropFirst(c)), completeArticles: 0, matchedArticles: 0)
        if filter.isEmpty {
            out.completeArticles = c == 1 ? clauses.first ?? 0 : try counts([.everyClause(plan)]).first ?? 0
            if c == 1 {
                out.matchedArticles = out.completeArticles
            } else if c == 2, let a = clauses.first, let b = clauses.last {
                // |A ∪ B| = |A| + |B| − |A ∩ B|.
                out.matchedArticles = a + b - out.completeArticles
            } else {
                out.matchedArticles = try counts([.anyClause(plan)]).first ?? 0
            }
        } else {
            out.completeArticles = try count(.everyClause(plan), admittedBy: filter)
            out.matchedArticles = c == 1 ? out.completeArticles : try count(.anyClause(plan), admittedBy: filter)
        }
        return out
    }

    /// The counts of a plan with a NEAR group, from its evidence article by article.
    func countsUnderPassageRule(_ plan: MatchPlan, filter: ArticleFilter) throws -> MatchCounts {
        let dates = filter.dateRange == nil ? [] : try articleDates()
        let excluded = try filter.excluded.map { try articleIDs(.anyClause($0)) } ?? []
        var builder = EvidenceBuilder(plan.evidenceRules(positions: false))
        let all = PassageEvidence.allClauses(plan.clauses.count)
        var out = MatchCounts(clauseArticles: Array(repeating: 0, count: plan.clauses.count),
                              phraseArticles: Array(repeating: 0, count: plan.phrases.count), completeArticles: 0, matchedArticles: 0)
        try forEachMatch(.anyClause(plan)) { article, layout, instances in
            builder.add(article: article, articleLength: 0, layout: layout, instances: instances)
            let evidence = builder.takeEvidence()
            var mask: UInt64 = 0
            var phrases = Set<Int>()
            for e in evidence {
                mask |= e.matchedMask
                for (i, h) in e.phraseHits.enumerated() where h > 0 { phrases.insert(i) }
            }
            for c in 0..<min(plan.clauses.count, 64) where mask & (1 << UInt64(c)) != 0 { out.clauseArticles[c] += 1 }
            for p in phrases where p < out.phraseArticles.count { out.phraseArticles[p] += 1 }
            let date = article >= 0 && article < dates.count ? dates[Int(article)] : 0
            guard mask != 0, !excluded.contains(article), filter.admits(article, date: date) else { return }
            out.matchedArticles += 1
            if mask & all == all { out.completeArticles += 1 }
        }
        return out
    }
}
