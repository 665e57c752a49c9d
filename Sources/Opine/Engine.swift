import Foundation
import OpineIndex
import OpineRanking
import OpineText

/// The engine facade the CLI talks to: index, search, show, stats, check.
///
/// A class because it owns the open index (one SQLite connection); it is used from one
/// thread at a time.
public final class Engine {
    public let store: IndexStore
    let builder = MatchBuilder()

    /// Opens the index at `indexPath`. A writable open of an index built by another version
    /// fails with `IndexError.versionMismatch`; `rebuild` starts over.
    public init(indexPath: String, readOnly: Bool = false, rebuild: Bool = false) throws {
        if !readOnly {
            let folder = (indexPath as NSString).deletingLastPathComponent
            if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        }
        store = try IndexStore(path: indexPath, readOnly: readOnly, rebuild: rebuild)
    }

    /// Brings the index up to date with `roots` (all known roots when empty).
    public func index(roots: [String], clock: () -> Double, progress: ((Int, Int) -> Void)? = nil) throws -> SyncReport {
        let targets = roots.isEmpty ? try store.roots() : roots
        return try store.sync(roots: targets, clock: clock, progress: progress)
    }

    public func stats() throws -> IndexStats { try store.stats() }

    public func check() throws -> CheckReport { try store.check() }

    /// Runs a query: parse, analyze, match, filter, rank, cut snippets.
    public func search(_ request: SearchRequest) throws -> SearchResponse {
        if let s = request.since, let u = request.until, u < s {
            throw EngineError.invalidDateRange(since: s.description, until: u.description)
        }
        let parsed = QueryParser().parse(request.query)
        var clauses = parsed.clauses
        if clauses.isEmpty { clauses = parsed.titleClauses }
        // A prose question ranks by its content words: stop words leave it (never a whole query).
        if !ArticleRanker(parameters: request.parameters).usesWordsRule(clauseCount: clauses.count) {
            var words: [String] = []
            for c in clauses { if case .word(let w, _) = c { words.append(w) } }
            var shouted = Set<String>()
            for (w, flag) in zip(words, Analyzer.shoutedFlags(ofWords: words)) where flag { shouted.insert(w) }
            let content = clauses.filter { clause in
                if case .word(let w, false) = clause {
                    return !StopWords.contains(shouted.contains(w) ? w.lowercased() : w)
                }
                return true
            }
            if !content.isEmpty { clauses = content }
        }
        guard let plan = builder.build(clauses) else {
            throw EngineError.noSearchableWords(query: request.query)
        }
        let filter = try filters(parsed, request)
        let ranker = ArticleRanker(parameters: request.parameters)
        let (ranking, evidence, clauseArticles) = try rank(plan, filter: filter, ranker: ranker, request: request)
        let top = ranking.articles

        // 0 snippets (evaluation) skips cutting them; the best passage is still returned.
        let snippetCount = min(max(request.snippets, 0), 3)
        var passageIDs: [Int64] = []
        for r in top {
            passageIDs += r.passages.prefix(max(snippetCount, 1)).map(\.evidence.passageID)
            if let p = r.explanation.proximityPassageID { passageIDs.append(p) }
        }
        let articles = try store.articles(top.map(\.articleID))
        let passages = try store.passages(passageIDs)
        let snippetBuilder = SnippetBuilder()

        var results: [SearchResult] = []
        for (i, r) in top.enumerated() {
            guard let a = articles[r.articleID], let best = passages[r.passages[0].evidence.passageID] else { continue }
            var snippets: [Snippet] = []
            let sources = r.passages.prefix(snippetCount).compactMap { passages[$0.evidence.passageID] }
            for p in sources where snippets.count < snippetCount {
                snippets += snippetBuilder.snippets(p.text, terms: plan.highlights, count: 1)
            }
            if snippetCount > 0 && snippets.count < snippetCount {
                let more = snippetBuilder.snippets(best.text, terms: plan.highlights, count: snippetCount - snippets.count + 1)
                snippets += more.dropFirst().prefix(snippetCount - snippets.count)
            }
            // Proximity measured again with the sentences of the passage it came from.
            var explanation = r.explanation
            if let id = explanation.proximityPassageID, let p = passages[id],
                let evidence = r.passages.first(where: { $0.evidence.passageID == id })?.evidence
            {
                explanation = ranker.withSentences(explanation, positions: evidence.positions,
                                                   sentenceStarts: Analyzer().sentenceStarts(p.text))
            }
            results.append(SearchResult(
                rank: i + 1, article: Engine.summary(a),
                passage: PassageView(ordinal: best.ordinal, kind: best.kind, text: best.text, range: best.range),
                snippets: snippets, explanation: explanation))
        }
        // The shown articles in the ranking's order again, with their final scores.
        let wordsRule = ranker.usesWordsRule(clauseCount: plan.clauses.count)
        results.sort {
            ArticleRanker.precedes($0.explanation, $0.article.id, $1.explanation, $1.article.id, wordsRule: wordsRule)
        }
        for i in results.indices { results[i].rank = i + 1 }

        // Which words matched nothing, and what the index has instead.
        var matchedMask: UInt64 = 0
        if let clauseArticles {
            for (i, n) in clauseArticles.enumerated() where n > 0 && i < 64 { matchedMask |= 1 << UInt64(i) }
        } else {
            for e in evidence { matchedMask |= e.matchedMask }
        }
        var unmatched: [String] = []
        var suggestions: [(String, String)] = []
        for (i, clause) in plan.clauses.enumerated() where i < 64 && matchedMask & (1 << UInt64(i)) == 0 {
            unmatched.append(clause.description)
            if results.isEmpty, case .word(let word, false) = clause, let s = try suggestion(for: word, terms: plan.clauseTerms[i]) {
                suggestions.append((word, s))
            }
        }
        return SearchResponse(results: results, matchedArticles: ranking.matchedArticles, unmatchedWords: unmatched,
                              suggestions: suggestions, clauses: plan.clauses)
    }

    /// The ranking's head, the evidence it came from, and (when not every match was read) how
    /// many articles of the collection match each clause. Three ways, one ranking:
    /// - a page of none (`opine search -c`) without filters or NEAR: FTS5 counts, no article is read;
    /// - the words-rule shortcut: when at least `limit` articles match every clause and pass the
    ///   filters, the top is among them (the rule ranks them first), so only they are read, and
    ///   the collection figures BM25 needs are FTS5 counts;
    /// - otherwise (or with `SearchRequest.exhaustive`) every article matching any clause is read.
    func rank(_ plan: MatchPlan, filter: Filter, ranker: ArticleRanker, request: SearchRequest) throws
        -> (Ranking, [PassageEvidence], clauseArticles: [Int]?)
    {
        let collection = try store.collectionStats()
        let limit = max(request.limit, 0)
        // (Not with NEAR: FTS5 counts a group across two passages, which the evidence does not.)
        if !request.exhaustive, limit == 0, filter.isEmpty, !plan.hasNear {
            let counts = try plan.clauseExpressions.map { try store.count(matching: $0) }
            let matched = counts.count == 1 ? counts[0] : try store.count(matching: plan.expression)
            return (Ranking(articles: [], matchedArticles: matched), [], counts)
        }
        if !request.exhaustive, plan.clauses.count >= 2, !plan.hasNear, ranker.usesWordsRule(clauseCount: plan.clauses.count),
            let shortcut = try rankComplete(plan, filter: filter, ranker: ranker, request: request, collection: collection)
        {
            return shortcut
        }
        var evidence = try store.matchPassages(plan, positions: request.parameters.proximityWeight > 0)
        // Before any filter: the matches are every article with a clause, so they give each
        // phrase's and each clause's article count.
        try score(&evidence, phraseArticles: BM25.articleHits(evidence), collection: collection, request: request)
        let counts = ArticleRanker.clauseArticles(evidence, clauseCount: plan.clauses.count)
        filter.apply(&evidence)
        let ranking = ranker.rankTop(evidence, clauseCount: plan.clauses.count, stats: collection, limit: limit,
                                     clauseArticles: counts)
        return (ranking, evidence, nil)
    }

    /// The words-rule shortcut: nil when fewer than `limit` (and at least one) articles match
    /// every clause and pass the filters.
    func rankComplete(_ plan: MatchPlan, filter: Filter, ranker: ArticleRanker, request: SearchRequest,
                      collection: CollectionStats) throws -> (Ranking, [PassageEvidence], clauseArticles: [Int]?)?
    {
        let limit = max(request.limit, 0)
        var restricted = plan
        restricted.expression = plan.allClausesExpression
        var evidence = try store.matchPassages(restricted, positions: request.parameters.proximityWeight > 0)
        let completeArticles = Engine.distinctArticles(evidence)
        filter.apply(&evidence)
        // At least one: with none, which words matched nothing is said of the filtered matches.
        guard Engine.distinctArticles(evidence) >= max(limit, 1) else { return nil }
        // A clause of one phrase is counted once.
        var counted: [String: Int] = [:]
        func count(_ expression: String) throws -> Int {
            if let n = counted[expression] { return n }
            let n = try store.count(matching: expression)
            counted[expression] = n
            return n
        }
        let phraseArticles = try plan.phraseExpressions.map(count)
        let counts = try plan.clauseExpressions.map(count)
        try score(&evidence, phraseArticles: phraseArticles, collection: collection, request: request)
        var ranking = ranker.rankTop(evidence, clauseCount: plan.clauses.count, stats: collection, limit: limit,
                                     clauseArticles: counts)
        if !filter.isEmpty {
            ranking.matchedArticles = filter.admitted(try store.articleIDs(matching: plan.expression)).count
        } else if counts.count == 2 {
            // |A ∪ B| = |A| + |B| − |A ∩ B|, the last being the articles just read. (Each read is
            // its own snapshot: during an indexing run the figures may come from two, so the union
            // is kept at least as large as its parts.)
            ranking.matchedArticles = max(counts[0] + counts[1] - completeArticles, counts.max() ?? 0)
        } else {
            ranking.matchedArticles = try count(plan.expression)
        }
        return (ranking, evidence, counts)
    }

    /// The number of articles among `evidence`, which ``IndexStore/matchPassages(_:positions:)``
    /// groups by article.
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
    func score(_ evidence: inout [PassageEvidence], phraseArticles: [Int], collection: CollectionStats,
               request: SearchRequest) throws {
        let idf = phraseArticles.map { BM25.idf(rows: collection.articles, hits: $0) }
        BM25.score(&evidence, idf: idf, averageLength: try store.passageStatistics().averageLength,
                   headWeight: request.parameters.headWeight, bodyWeight: request.parameters.bodyWeight)
    }

    /// The articles a request's filters allow (dates, authors, title words) and exclude (`-word`).
    struct Filter {
        var allowed: Set<Int64>?
        var excluded = Set<Int64>()
        /// `yyyymmdd` bounds, checked against each article's date (undated articles never pass).
        var dateRange: ClosedRange<Int32>?
        var dates: [Int32] = []
        var isEmpty: Bool { allowed == nil && excluded.isEmpty && dateRange == nil }

        func admits(_ id: Int64) -> Bool {
            if let range = dateRange {
                guard id >= 0, id < dates.count, dates[Int(id)] != 0, range.contains(dates[Int(id)]) else { return false }
            }
            return (allowed.map { $0.contains(id) } ?? true) && !excluded.contains(id)
        }

        func apply(_ evidence: inout [PassageEvidence]) {
            if !isEmpty { evidence.removeAll { !admits($0.articleID) } }
        }

        func admitted(_ ids: Set<Int64>) -> Set<Int64> { isEmpty ? ids : ids.filter(admits) }
    }

    /// Each filter yields a set of allowed (or excluded) articles from an indexed lookup.
    func filters(_ parsed: ParsedQuery, _ request: SearchRequest) throws -> Filter {
        var filter = Filter()
        func restrict(_ ids: Set<Int64>) { filter.allowed = filter.allowed.map { $0.intersection(ids) } ?? ids }
        if request.since != nil || request.until != nil {
            let low = request.since.map(IndexStore.dateKey) ?? 0
            let high = request.until.map(IndexStore.dateKey) ?? .max
            filter.dateRange = low...max(low, high)
            filter.dates = try store.articleDates()
        }
        for author in parsed.authors + request.authors {
            restrict(try store.articleIDs(author: author))
        }
        if !parsed.titleClauses.isEmpty, let titlePlan = builder.build(parsed.titleClauses) {
            restrict(try store.articleIDs(titleMatching: titlePlan))
        }
        if let exclusionPlan = builder.build(parsed.exclusions) {
            filter.excluded = try store.articleIDs(matching: exclusionPlan.expression)
        }
        return filter
    }

    /// "Did you mean": the closest index term to a word that matched nothing, as written in
    /// the text, preferring the most frequent at equal distance.
    func suggestion(for word: String, terms: [String]) throws -> String? {
        guard terms.count == 1, let term = terms.first, try store.documentFrequency(term) == 0 else { return nil }
        let isAcronym = term.uppercased() == term && term.lowercased() != term
        var candidates = try store.similarTerms(to: term)
        if isAcronym {
            candidates = candidates.filter { $0.term.uppercased() == $0.term }
        } else {
            // A lowercase word may also be a mistyped acronym (`cepc` → CPEC).
            candidates += try store.similarTerms(to: term.uppercased()).filter { $0.term.uppercased() == $0.term }
            candidates = candidates.filter { $0.term.lowercased() != term }
        }
        guard let best = candidates.first else { return nil }
        return try store.surfaceForm(of: best.term) ?? best.term
    }

    /// One article with all its parsed fields.
    public func article(_ reference: String) throws -> ArticleDetail {
        guard let (record, passages) = try store.article(reference) else {
            throw EngineError.articleNotFound(reference)
        }
        func joined(_ kind: PassageKind) -> String {
            passages.filter { $0.kind == kind }.map(\.text).joined(separator: "\n\n")
        }
        return ArticleDetail(
            summary: Engine.summary(record), standfirst: joined(.standfirst), caption: joined(.caption),
            body: passages.filter { $0.kind == .body }.map(\.text), bio: joined(.bio), encoding: record.encoding,
            passages: passages.map { PassageView(ordinal: $0.ordinal, kind: $0.kind, text: $0.text, range: $0.range) })
    }

    static func summary(_ r: ArticleRecord) -> ArticleSummary {
        ArticleSummary(id: r.id, path: r.path, title: r.title, authors: r.authors, date: r.date)
    }
}
