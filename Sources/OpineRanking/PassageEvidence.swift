import OpineText

/// What the index reports about one matching passage.
public struct PassageEvidence: Hashable, Sendable {
    public var passageID: Int64
    public var articleID: Int64
    /// True when the match is in the head column (title or standfirst).
    public var isHead: Bool
    /// BM25 as a positive number (FTS5's `bm25()` is negated so that smaller sorts first).
    public var bm25: Double
    /// Token positions of each query clause's matches, sorted; empty when the clause is absent.
    /// Left empty (`[]`) when fewer than two clauses match: proximity needs two.
    public var positions: [[Int32]]
    /// Bit i is set when clause i matches in this passage.
    public var matchedMask: UInt64
    /// Matches of each clause (all its phrases), for article-level term frequencies.
    public var clauseHits: [Int32]
    /// The whole article's length in indexed tokens (what BM25 normalizes by at article level).
    public var articleLength: Int
    /// Matches of each FTS5 phrase in this passage (for ``BM25``).
    public var phraseHits: [Int32]
    /// The passage's length in tokens.
    public var length: Int
    /// The passage's role (title, body, …), from the article's layout.
    public var kind: PassageKind = .body

    public init(passageID: Int64, articleID: Int64, isHead: Bool, bm25: Double, positions: [[Int32]], articleLength: Int = 0,
                phraseHits: [Int32] = [], length: Int = 0, clauseHits: [Int32]? = nil, matchedMask: UInt64? = nil) {
        self.passageID = passageID
        self.articleID = articleID
        self.isHead = isHead
        self.bm25 = bm25
        self.positions = positions
        self.articleLength = articleLength
        self.clauseHits = clauseHits ?? positions.map { Int32($0.count) }
        var mask: UInt64 = 0
        for (i, p) in positions.enumerated() where !p.isEmpty && i < 64 { mask |= 1 << UInt64(i) }
        self.matchedMask = matchedMask ?? mask
        self.phraseHits = phraseHits
        self.length = length
    }

    /// The mask of an article matching all of `clauseCount` clauses (bit i: clause i; at most 64).
    public static func allClauses(_ clauseCount: Int) -> UInt64 {
        clauseCount >= 64 ? .max : (1 << UInt64(max(clauseCount, 0))) - 1
    }
}

/// Collection figures for article-level BM25.
public struct CollectionStats: Hashable, Sendable {
    public var articles: Int
    public var averageArticleLength: Double

    public init(articles: Int, averageArticleLength: Double) {
        self.articles = articles
        self.averageArticleLength = averageArticleLength
    }
}
