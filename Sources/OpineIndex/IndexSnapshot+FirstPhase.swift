import OpineRanking

extension IndexSnapshot {
    /// The first phase (``FirstPhase``): the request's window of best articles by article
    /// score, with their raw hits, reading only the blocks of article ids the impact bounds
    /// cannot rule out.
    ///
    /// The best blocks are read first, one FTS5 rowid-range read each, until the window is
    /// full; the blocks that can still reach it are then read in runs of neighbouring ids, one
    /// statement a run, rows of a block that can no longer reach it skipped (a statement costs
    /// its setup and FTS5's seeks; a prefix phrase costs a merge of all its terms' doclists
    /// per statement, so a plan with one is read in one run). Under the words rule, when at
    /// least a page of articles match every clause, only they can reach the page: only they
    /// are read (FTS5's AND), as many of them as the window holds.
    ///
    /// Without bounds that apply (ranking parameters other than the ones impacts were kept
    /// for), or with no more matches than the window, every match is read, as one block: the
    /// window is the same, and memory is still the window's.
    ///
    /// - Complexity: O(r) rows read for the blocks read, O(window) memory.
    public func firstPhase(_ request: FirstPhaseRequest) throws -> FirstPhaseResult {
        let plan = request.plan
        var phase = FirstPhase(window: request.window, wordsRule: request.wordsRule, clauseCount: plan.clauses.count)
        var blocks: [FirstPhase.Block]
        let bounded = ImpactBound.bounds(request.parameters)
        let fewMatches = request.matchedArticles >= 0 && request.matchedArticles <= request.window
        if bounded && !fewMatches {
            var bounds = try ImpactBounds(snapshot: self, averageNow: request.averageLength)
            blocks = phase.order(try bounds.blocks(plan, idf: request.idf))
        } else {
            blocks = [.init(id: -1, bound: .infinity, present: PassageEvidence.allClauses(plan.clauses.count))]
        }
        let all = PassageEvidence.allClauses(plan.clauses.count)
        let completeOnly = request.completeOnly
            || (request.wordsRule && plan.clauses.count > 1 && request.completeArticles >= request.depth)
        if completeOnly { blocks.removeAll { $0.present & all != all } }
        let dates = request.filter.dateRange == nil ? [] : try articleDates()
        let bits = Int64(try read { try ImpactRecorder.blockBits($0) })
        var counter = ClauseHitCounter(plan: plan)
        let byID = Dictionary(blocks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var done = Set<Int>()
        func readRows(_ range: ClosedRange<Int64>?) throws {
            let query = request.filter.applied(to: completeOnly ? .everyClause(plan) : phase.clausesNeeded(plan))
            try forEachMatch(query, in: range) { article, layout, instances in
                // A block read already (a run spans the gaps between its blocks), or one the
                // window has outgrown since its run began.
                if range != nil, let block = byID[Int(article >> bits)], done.contains(block.id) || !phase.mustRead(block) { return }
                let date = article >= 0 && article < dates.count ? dates[Int(article)] : 0
                guard request.filter.admits(article, date: date) else { return }
                let length = ArticleLayout.length(layout)
                counter.count(article: article, layout: layout, instances: instances)
                let key = counter.withCounts { head, body in
                    FirstPhase.key(article: article, head: head, body: body, length: length, idf: request.idf,
                                                averageLength: request.averageLength, parameters: request.parameters)
                }
                if completeOnly && key.matched < plan.clauses.count { return }
                phase.offer(key) { ArticleHits(article: article, length: length, layout: layout, hits: EvidenceBuilder.hits(instances)) }
            }
        }
        let prefixed = plan.phrases.contains(where: \.isPrefix)
        var next = 0
        // The best blocks, one at a time, until the window is full.
        while next < blocks.count, !prefixed, phase.blocksRead < IndexSnapshot.bestFirstBlocks, !phase.isFull {
            guard phase.mustRead(blocks[next]) else { break }
            phase.noteBlockRead()
            try readRows(blocks[next].id < 0 ? nil : IndexSnapshot.articles(inBlock: Int64(blocks[next].id), bits: bits))
            done.insert(blocks[next].id)
            next += 1
        }
        // The rest that can still reach the window, in runs.
        let rest = blocks[next...].filter { phase.mustRead($0) }
        for run in phase.runs(rest, maxGap: prefixed ? .max : IndexSnapshot.runGap) where run.contains(where: { phase.mustRead($0) }) {
            for _ in run { phase.noteBlockRead() }
            guard let first = run.first, let last = run.last, first.id >= 0 else {
                try readRows(nil)
                continue
            }
            try readRows(IndexSnapshot.articles(inBlock: Int64(first.id), bits: bits).lowerBound
                     ... IndexSnapshot.articles(inBlock: Int64(last.id), bits: bits).upperBound)
        }
        return FirstPhaseResult(candidates: phase.result().map { ($0.key, $0.payload) }, blocksRead: phase.blocksRead,
                                blocks: blocks.count, rowsRead: phase.rowsRead, bounded: bounded)
    }

    /// Blocks read one statement each before the rest is read in runs: enough to fill a
    /// window with good articles (a threshold that rules most blocks out), few enough that
    /// statements do not cost more than the rows (measured: Benchmarks/RESULTS.md).
    static let bestFirstBlocks = 16
    /// Blocks this far apart are read in one run: a statement's setup costs about the rows
    /// of a block or two.
    static let runGap = 2

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
