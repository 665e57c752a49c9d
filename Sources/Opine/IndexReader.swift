import OpineIndex
import OpineRanking

/// What the search stages read from an index, and all they read: the seam between Opine's
/// ranking and a store. Queries are ``MatchPlan``s and ``MatchQuery``s, values the store renders
/// in its own language; answers are plain values; calls take and return batches (no callback
/// per row), so that a store on another machine, or a first phase of its own, can stand behind
/// the same stages. ``IndexSnapshot`` (SQLite and FTS5) is one; every call of a search happens
/// in one snapshot of it.
protocol IndexReader {
    // Collection figures.

    /// Articles and their mean length, for article-level BM25.
    func collectionStats() throws -> CollectionStats
    /// Passages and their mean length, for passage BM25.
    func passageStatistics() throws -> TableStatistics

    // Vocabulary.

    /// Articles holding each term exactly.
    func documentFrequencies(_ terms: [String]) throws -> [Int]
    /// For each prefix, the stems of the written words it begins (the lexicon).
    func stems(ofWordsStartingWith prefixes: [String], limit: Int) throws -> [String: [String]]
    /// The words some article writes out, of those whose term is a stem; nil without a lexicon.
    func writtenWords(among words: [String]) throws -> Set<String>?
    /// Index terms beginning with one of `letters`, `lengths` bytes long, with their article counts.
    func terms(beginningWith letters: [Unicode.Scalar], lengths: ClosedRange<Int>) throws -> [(term: String, documents: Int)]
    /// For each term, a passage that holds it (a body passage before a title).
    func passagesHolding(_ terms: [String]) throws -> [String: PassageRecord]

    // Counts and sets of article ids.

    /// Articles the index matches for each query.
    func counts(_ queries: [MatchQuery]) throws -> [Int]
    /// A plan's counts: per clause and phrase in the collection, complete and any after `filter`.
    func matchCounts(_ plan: MatchPlan, filter: ArticleFilter) throws -> MatchCounts
    /// Articles matching `query` that `filter` admits.
    func count(_ query: MatchQuery, admittedBy filter: ArticleFilter) throws -> Int
    func articleIDs(_ query: MatchQuery) throws -> Set<Int64>
    func articleIDs(titleMatching plan: MatchPlan) throws -> Set<Int64>
    func articleIDs(author name: String) throws -> Set<Int64>
    func articleIDs(outlet name: String) throws -> Set<Int64>
    /// Every article id, newest first (a listing by filters alone).
    func articleIDsNewestFirst() throws -> [Int64]
    /// Each article's date as `yyyymmdd` (0 when undated), by id: a trend's denominator.
    func articleDates() throws -> [Int32]

    // Raw hits.

    /// Every article matching `query`, as passage evidence (the exhaustive ranking's input).
    func evidence(_ query: MatchQuery, positions: Bool) throws -> [PassageEvidence]
    /// The first phase's window, each candidate with its raw hits (``FirstPhase``).
    func firstPhase(_ request: FirstPhaseRequest) throws -> FirstPhaseResult

    // Records.

    func articles(_ ids: [Int64]) throws -> [Int64: ArticleRecord]
    func passages(_ ids: [Int64]) throws -> [Int64: PassageRecord]
    /// Each article's first body paragraph.
    func leadPassages(articles: [Int64]) throws -> [Int64: PassageRecord]
}

extension IndexSnapshot: IndexReader {}
