import Foundation
import OpineIndex
import OpineRanking
import OpineSources
import OpineText

/// The engine facade every front end shares: index, search, show, stats, check.
///
/// `Sendable`: one engine serves concurrent searches (each reads its own snapshot from the
/// store's pool of connections) while one sync writes. A search is a pipeline of named
/// stages over an ``IndexReader``: ``QueryCompiler`` → ``SearchFilter`` → ``SearchRanking``
/// (counts, the first phase, the article ranking) → ``ResultAssembler`` → ``Suggester``.
public final class Engine: Sendable {
    let store: IndexStore
    let formats: ArticleFormats

    /// This Opine's version, with the index format it reads and writes.
    public static let version = "0.5.0 (index schema \(IndexStore.schemaVersion), tokenizer \(Analyzer.name) v\(Analyzer.version))"

    /// Opens the index at `indexPath`. A writable open of an index built by another version
    /// fails with `IndexError.versionMismatch`; `rebuild` starts over.
    /// - Parameter impactBlockBits: a new index's blocks of first-phase bounds hold 2^bits
    ///   articles (nil: the default; benchmarks and tests try others).
    public init(indexPath: String, readOnly: Bool = false, rebuild: Bool = false, formats: ArticleFormats = .standard,
                impactBlockBits: Int? = nil) throws {
        if !readOnly {
            let folder = (indexPath as NSString).deletingLastPathComponent
            if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        }
        store = try IndexStore(path: indexPath, readOnly: readOnly, rebuild: rebuild, impactBlockBits: impactBlockBits)
        self.formats = formats
    }

    /// The index file.
    public var indexPath: String { store.path }

    /// The folders (or files) the index was built from.
    public func roots() throws -> [String] { try store.roots() }

    /// Threads that read, parse and analyze files while one writes: one per core.
    public static let defaultJobs = IndexStore.defaultJobs

    /// Brings the index up to date with `roots` (all known roots when empty); `jobs` threads
    /// read, parse and analyze files while one writes.
    /// A `stop` request ends the run at the next file's end, keeping what it committed.
    public func index(roots: [String], clock: () -> Double, jobs: Int = Engine.defaultJobs,
                      progress: ((Int, Int) -> Void)? = nil, stop: StopRequest? = nil) throws -> SyncReport {
        let targets = roots.isEmpty ? try store.roots() : roots
        return try store.sync(roots: targets, formats: formats, clock: clock, progress: progress, jobs: jobs, stop: stop)
    }

    /// Builds the index again from its folders and `roots`, beside it, and swaps it in when it is
    /// complete: searches meanwhile read the old one, and a stop or a kill leaves it whole.
    public func rebuild(roots: [String], clock: () -> Double, jobs: Int = Engine.defaultJobs,
                        progress: ((Int, Int) -> Void)? = nil, stop: StopRequest? = nil) throws -> SyncReport {
        try store.rebuild(roots: roots, formats: formats, clock: clock, progress: progress, jobs: jobs, stop: stop)
    }

    public func stats() throws -> IndexStats { try store.stats() }

    /// Articles in the index, from the figures every sync keeps (cheap: a page footer's).
    public func articleCount() throws -> Int { try store.snapshot { try $0.collectionStats().articles } }

    /// Remembers how the dataset files at `paths` are read: which columns hold which field
    /// (`title=headline,text=body`) and the order of their numeric dates, each when given; the
    /// next index run reads them so, and writes again the records the change affects.
    public func setDatasetSettings(fields: String?, dates: DatasetDates?, for paths: [String]) throws {
        // Settings are kept per file: a folder or a page would keep them for nothing.
        for path in paths where !formats.holdsRecords(path) {
            throw EngineError.invalidParameter("--fields and --date-format name dataset files (.csv, .tsv, .jsonl, .ndjson), "
                + "and \(EngineError.quoted(path)) is not one; give each export's path")
        }
        do {
            try store.setDatasetSettings(fields: fields, dates: dates, for: paths)
        } catch let failure as SourceFailure {
            throw EngineError.invalidParameter(failure.message)
        }
    }

    public func check() throws -> CheckReport { try store.check() }

    /// Runs a query: compile, filter, match and rank, assemble results, name what matched nothing.
    public func search(_ request: SearchRequest) throws -> SearchResponse {
        if let s = request.since, let u = request.until, u < s {
            throw EngineError.invalidDateRange(since: s.description, until: u.description)
        }
        let compiler = QueryCompiler(parameters: request.parameters)
        if compiler.isFiltersOnly(request) { return try list(request) }
        let ranker = ArticleRanker(parameters: request.parameters)
        return try store.snapshot { snapshot in try search(request, compiler: compiler, ranker: ranker, in: snapshot) }
    }

    /// The search's stages, on one reader.
    func search(_ request: SearchRequest, compiler: QueryCompiler, ranker: ArticleRanker, in reader: some IndexReader) throws -> SearchResponse {
        let query = try compiler.compile(request.query, reading: reader)
        let filter = try SearchFilter(query, request, in: reader)
        var ranking = SearchRanking(reader: reader, ranker: ranker, request: request)
        let outcome = try ranking.rank(query.plan, filter: filter)
        var results = try ResultAssembler(reader: reader, ranker: ranker, plan: query.plan, request: request)
            .results(Array(outcome.ranking.articles.dropFirst(max(request.offset, 0))),
                     wordsRule: ranker.usesWordsRule(clauseCount: query.plan.clauses.count), firstRank: max(request.offset, 0) + 1)
        if request.completeOnly { results.removeAll { !$0.isComplete } }
        let suggester = Suggester(reader: reader)
        let unmatched = try suggester.unmatched(query.plan, outcome, suggest: request.suggests)
        var response = SearchResponse(results: results, matchedArticles: outcome.ranking.matchedArticles,
                                      unmatchedWords: unmatched.words, suggestions: unmatched.suggestions,
                                      clauses: query.plan.clauses)
        response.completeArticles = outcome.completeArticles
        response.throughStem = unmatched.throughStem
        response.firstPhase = outcome.firstPhase.map { FirstPhaseFigures(blocksRead: $0.blocksRead, blocks: $0.blocks, articlesRead: $0.rowsRead) }
        if request.suggests {
            response.commonerSpellings = try suggester.commonerSpellings(query.plan, clauseArticles: outcome.clauseArticles,
                                                                         unmatched: unmatched.words)
        }
        if outcome.completeArticles == 0, !filter.isEmpty {
            response.filteredOut = try filteredOut(query, request, in: reader)
        }
        return response
    }

    /// With filters that leave nothing: how many articles match every clause without them, and
    /// which filter leaves none ("no article is by 'Trump'").
    func filteredOut(_ query: CompiledQuery, _ request: SearchRequest, in reader: some IndexReader) throws -> (Int, [String])? {
        let matching = Array(try reader.articleIDs(.everyClause(query.plan)))
        guard !matching.isEmpty else { return nil }
        let parts = try SearchFilter.parts(query.parsed, titlePlan: query.titlePlan, exclusionPlan: query.exclusionPlan, request, in: reader)
        return (matching.count, SearchFilter.leavingNothing(parts, of: matching))
    }

    /// A query of filters alone (`--author X`, `author:X`, `--outlet`, `--since`): the articles
    /// they admit, newest first, each with its lead paragraph.
    func list(_ request: SearchRequest) throws -> SearchResponse {
        let parsed = QueryParser().parse(request.query)
        return try store.snapshot { snapshot in
            var filter = try SearchFilter(parsed, titlePlan: nil, exclusionPlan: nil, request, in: snapshot)
            try filter.resolve(in: snapshot)
            let ids = try snapshot.articleIDsNewestFirst().filter(filter.admits)
            let top = Array(ids.dropFirst(max(request.offset, 0)).prefix(max(request.limit, 0)))
            let articles = try snapshot.articles(top)
            let leads = request.snippets > 0 ? try snapshot.leadPassages(articles: top) : [:]
            var results: [SearchResult] = []
            for id in top {
                guard let a = articles[id] else { continue }
                let lead = leads[id]
                results.append(SearchResult(
                    rank: max(request.offset, 0) + results.count + 1, article: Engine.summary(a),
                    passage: PassageView(ordinal: lead?.ordinal ?? 0, kind: lead?.kind ?? .title, text: lead?.text ?? a.title,
                                         range: lead?.range ?? 0..<0),
                    snippets: lead.map { SnippetBuilder().snippets($0.text, terms: HighlightTerms(), count: 1) } ?? [],
                    explanation: ScoreExplanation.listed))
            }
            var response = SearchResponse(results: results, matchedArticles: ids.count, unmatchedWords: [], suggestions: [],
                                          clauses: [])
            response.completeArticles = ids.count
            if ids.isEmpty {
                // Say which filter leaves nothing ("no article is by 'Trump'").
                let all = try snapshot.articleIDsNewestFirst()
                let parts = try SearchFilter.parts(parsed, titlePlan: nil, exclusionPlan: nil, request, in: snapshot)
                if !all.isEmpty, !parts.isEmpty { response.filteredOut = (all.count, SearchFilter.leavingNothing(parts, of: all)) }
            }
            return response
        }
    }

    /// The reference for Opine's cost in benchmarks: the same MATCH ranked by FTS5's `bm25()`
    /// alone; the top `limit` article ids (nil when the query has no searchable words).
    public func bm25Only(_ query: String, limit: Int) throws -> [Int64]? {
        guard let plan = MatchBuilder().build(QueryParser().parse(query).clauses) else { return nil }
        return try store.snapshot { try $0.bm25Only(plan, limit: limit) }
    }

    /// One article with all its parsed fields: by id, path or file name.
    public func article(_ reference: String) throws -> ArticleDetail {
        guard let (record, passages) = try store.snapshot({ try $0.article(reference) }) else {
            throw EngineError.articleNotFound(reference)
        }
        return Engine.detail(record, passages)
    }

    static func detail(_ record: ArticleRecord, _ passages: [PassageRecord]) -> ArticleDetail {
        func joined(_ kind: PassageKind) -> String {
            passages.filter { $0.kind == kind }.map(\.text).joined(separator: "\n\n")
        }
        return ArticleDetail(
            summary: Engine.summary(record), standfirst: joined(.standfirst), caption: joined(.caption),
            body: passages.filter { $0.kind == .body }.map(\.text), bio: joined(.bio), encoding: record.encoding,
            passages: passages.map { PassageView(ordinal: $0.ordinal, kind: $0.kind, text: $0.text, range: $0.range) })
    }

    static func summary(_ r: ArticleRecord) -> ArticleSummary {
        ArticleSummary(id: r.id, path: r.path, title: r.title, authors: r.authors, date: r.date, outlet: r.outlet, url: r.url,
                       recordFile: IndexStore.recordFile(of: r.path, formats: .standard))
    }
}
