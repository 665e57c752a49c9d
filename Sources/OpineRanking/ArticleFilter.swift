/// The articles a search may return, as the index applies them while it reads: an id set (the
/// authors', outlets' and title filters together), a range of dates, and a plan whose matches
/// are left out (`-word`).
public struct ArticleFilter: Sendable, Hashable {
    /// Nil: every article.
    public var allowed: Set<Int64>?
    /// `yyyymmdd` bounds; an undated article never passes.
    public var dateRange: ClosedRange<Int32>?
    /// Articles matching any clause of this plan are left out.
    public var excluded: MatchPlan?

    public init(allowed: Set<Int64>? = nil, dateRange: ClosedRange<Int32>? = nil, excluded: MatchPlan? = nil) {
        self.allowed = allowed
        self.dateRange = dateRange
        self.excluded = excluded
    }

    public var isEmpty: Bool { allowed == nil && dateRange == nil && excluded == nil }

    /// Whether an article the index found (so not excluded: the index leaves those out) passes
    /// the id set and, given its date (`yyyymmdd`, 0 when undated), the dates.
    public func admits(_ id: Int64, date: Int32) -> Bool {
        if let range = dateRange, date == 0 || !range.contains(date) { return false }
        return allowed.map { $0.contains(id) } ?? true
    }

    /// The query that finds `query`'s articles without the excluded ones.
    public func applied(to query: MatchQuery) -> MatchQuery {
        excluded.map { .without(query, $0) } ?? query
    }
}

/// How many articles match a plan: each clause and each phrase in the whole collection (the
/// IDFs), and after the filter, those matching every clause and any.
public struct MatchCounts: Sendable, Hashable {
    public var clauseArticles: [Int]
    public var phraseArticles: [Int]
    public var completeArticles: Int
    public var matchedArticles: Int

    public init(clauseArticles: [Int], phraseArticles: [Int], completeArticles: Int, matchedArticles: Int) {
        self.clauseArticles = clauseArticles
        self.phraseArticles = phraseArticles
        self.completeArticles = completeArticles
        self.matchedArticles = matchedArticles
    }
}

/// One article's raw hits, as the index reports them: the phase-2 ranking turns them into
/// passage evidence with ``EvidenceBuilder``.
public struct ArticleHits: Sendable, Hashable {
    public var article: Int64
    /// Its length in positions (its layout's passages).
    public var length: Int
    public var layout: [ArticleLayout.Passage]
    public var hits: [EvidenceBuilder.Hit]

    public init(article: Int64, length: Int, layout: [ArticleLayout.Passage], hits: [EvidenceBuilder.Hit]) {
        self.article = article
        self.length = length
        self.layout = layout
        self.hits = hits
    }
}

/// What a first phase is asked: the `window` best articles of `plan` by ``ArticleScore``.
public struct FirstPhaseRequest: Sendable {
    public var plan: MatchPlan
    public var window: Int
    /// Each clause's article-level IDF.
    public var idf: [Double]
    public var wordsRule: Bool
    public var parameters: RankingParameters
    /// The collection's mean article length.
    public var averageLength: Double
    public var filter: ArticleFilter
    /// Only articles matching every clause (`opine search -l`).
    public var completeOnly: Bool
    /// The depth of the page asked for (offset + limit): under the words rule, when at least
    /// this many articles match every clause, no other can reach the page.
    public var depth: Int
    /// Articles the filter admits that match every clause (a known count lets the first phase
    /// read only them when they fill the window); -1 when not known.
    public var completeArticles: Int
    /// Articles the filter admits that match any clause; -1 when not known. When they are no
    /// more than the window, the first phase reads them all in one statement (no bound can
    /// skip any of them).
    public var matchedArticles: Int

    public init(plan: MatchPlan, window: Int, idf: [Double], wordsRule: Bool, parameters: RankingParameters,
                averageLength: Double, filter: ArticleFilter, completeOnly: Bool = false, depth: Int? = nil,
                completeArticles: Int = -1, matchedArticles: Int = -1) {
        self.plan = plan
        self.window = window
        self.idf = idf
        self.wordsRule = wordsRule
        self.parameters = parameters
        self.averageLength = averageLength
        self.filter = filter
        self.completeOnly = completeOnly
        self.depth = depth ?? window
        self.completeArticles = completeArticles
        self.matchedArticles = matchedArticles
    }
}

/// The first phase's window, best first, with what it read.
public struct FirstPhaseResult: Sendable {
    public var candidates: [(key: FirstPhase.Key, hits: ArticleHits)]
    /// Blocks of article ids read, of those where some clause may match.
    public var blocksRead: Int
    public var blocks: Int
    /// Matching articles read.
    public var rowsRead: Int
    /// False when the ranking parameters are not those the bounds were kept for: every match
    /// was read, and the window is still exact.
    public var bounded: Bool

    public init(candidates: [(key: FirstPhase.Key, hits: ArticleHits)], blocksRead: Int, blocks: Int, rowsRead: Int,
                bounded: Bool) {
        self.candidates = candidates
        self.blocksRead = blocksRead
        self.blocks = blocks
        self.rowsRead = rowsRead
        self.bounded = bounded
    }
}
