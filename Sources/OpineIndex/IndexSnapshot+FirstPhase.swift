import OpineRanking

extension IndexSnapshot {
    /// The first phase (``FirstPhase``): the request's window of best articles by article
    /// score, with their raw hits, reading the blocks of article ids the impact bounds cannot
    /// rule out, best bound first, one FTS5 rowid-range read each.
    ///
    /// Without bounds that apply (ranking parameters other than the ones impacts were kept
    /// for) every match is read, as one block: the window is the same, and memory is still the
    /// window's.
    ///
    /// - Complexity: O(r) rows read for the blocks read, O(window) memory.
    public func firstPhase(_ request: FirstPhaseRequest) throws -> FirstPhaseResult {
        let plan = request.plan
        var phase = FirstPhase<ArticleHits>(window: request.window, wordsRule: request.wordsRule, clauseCount: plan.clauses.count)
        var blocks: [FirstPhase<ArticleHits>.Block]
        let bounded = ImpactBound.bounds(request.parameters)
        if bounded {
            var bounds = try ImpactBounds(snapshot: self, averageNow: request.averageLength)
            blocks = phase.order(try bounds.blocks(plan, idf: request.idf))
        } else {
            blocks = [.init(id: -1, bound: .infinity, present: PassageEvidence.allClauses(plan.clauses.count))]
        }
        let all = PassageEvidence.allClauses(plan.clauses.count)
        if request.completeOnly { blocks.removeAll { $0.present & all != all } }
        let dates = request.filter.dateRange == nil ? [] : try articleDates()
        let bits = Int64(try read { try ImpactRecorder.blockBits($0) })
        var counter = ClauseHitCounter(plan: plan)
        for block in blocks {
            guard phase.mustRead(block) else { break }
            phase.noteBlockRead()
            let complete = request.completeOnly || phase.onlyComplete
            let query = request.filter.applied(to: complete ? .everyClause(plan) : .anyClause(plan))
            try forEachMatch(query, in: block.id < 0 ? nil : IndexSnapshot.articles(inBlock: Int64(block.id), bits: bits)) { article, layout, instances in
                let date = article >= 0 && article < dates.count ? dates[Int(article)] : 0
                guard request.filter.admits(article, date: date) else { return }
                let length = ArticleLayout.length(layout)
                counter.count(article: article, layout: layout, instances: instances)
                let key = counter.withCounts { head, body in
                    FirstPhase<ArticleHits>.key(article: article, head: head, body: body, length: length, idf: request.idf,
                                                averageLength: request.averageLength, parameters: request.parameters)
                }
                if request.completeOnly && key.matched < plan.clauses.count { return }
                phase.offer(key) { ArticleHits(article: article, length: length, layout: layout, hits: EvidenceBuilder.hits(instances)) }
            }
        }
        return FirstPhaseResult(candidates: phase.result().map { ($0.key, $0.payload) }, blocksRead: phase.blocksRead,
                                blocks: blocks.count, rowsRead: phase.rowsRead, bounded: bounded)
    }

    /// The ids of a block of the impact bounds.
    static func articles(inBlock block: Int64, bits: Int64) -> ClosedRange<Int64> {
        return (block << bits)...((block + 1) << bits - 1)
    }
}

/// Each clause's hits in an article's head and body, as article-level BM25 counts them.
///
/// Without NEAR groups, straight from the instance blob; with them, from the article's
/// evidence, which applies the passage rule (``EvidenceBuilder``): the counts the exhaustive
/// ranking's ``ArticleRanker`` sums.
struct ClauseHitCounter {
    let plan: MatchPlan
    var head: [Int32]
    var body: [Int32]
    var builder: EvidenceBuilder?

    init(plan: MatchPlan) {
        self.plan = plan
        head = Array(repeating: 0, count: plan.clauses.count)
        body = head
        builder = plan.hasNear ? EvidenceBuilder(plan.evidenceRules(positions: false)) : nil
    }

    mutating func count(article: Int64, layout: [ArticleLayout.Passage], instances: UnsafeRawBufferPointer) {
        for c in head.indices {
            head[c] = 0
            body[c] = 0
        }
        if builder != nil {
            builder?.add(article: article, articleLength: 0, layout: layout, instances: instances)
            for e in builder?.takeEvidence() ?? [] {
                for (c, n) in e.clauseHits.enumerated() where c < head.count {
                    if e.isHead { head[c] += n } else { body[c] += n }
                }
            }
            return
        }
        var offset = 0
        while offset + 8 <= instances.count {
            let phraseAndColumn = Int32(littleEndian: instances.loadUnaligned(fromByteOffset: offset, as: Int32.self))
            offset += 8
            let phrase = Int(phraseAndColumn & 0xFFFF)
            guard phrase < plan.phraseClause.count else { continue }
            let c = plan.phraseClause[phrase]
            guard c < head.count else { continue }
            if phraseAndColumn >> 16 == 0 { head[c] += 1 } else { body[c] += 1 }
        }
    }

    func withCounts<T>(_ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>) -> T) -> T {
        head.withUnsafeBufferPointer { h in self.body.withUnsafeBufferPointer { b in body(h, b) } }
    }
}
