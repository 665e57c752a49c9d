import OpineText

/// What a query asks of the index, as values: its clauses, each a tree of phrases of analyzed
/// terms. The index renders it into its own query language (OpineIndex writes FTS5 MATCH
/// expressions); nothing outside the index sees that language.
///
/// Phrases are numbered left to right across the clauses (the numbering raw hits report), and
/// each belongs to one clause (``phraseClause``).
public struct MatchPlan: Sendable, Hashable {
    /// Terms that must stand one after another; the last one a prefix when `isPrefix`.
    public struct Phrase: Sendable, Hashable {
        public var terms: [String]
        public var isPrefix: Bool

        public init(_ terms: [String], isPrefix: Bool = false) {
            self.terms = terms
            self.isPrefix = isPrefix
        }
    }

    /// How a clause's phrases combine.
    public indirect enum Node: Sendable, Hashable {
        /// One phrase, by number.
        case phrase(Int)
        /// Any of the alternatives.
        case anyOf([Node])
        /// Every phrase within `distance` tokens of the others (a NEAR group).
        case near([Int], distance: Int)

        /// The phrases of the node, in order.
        public var phrases: [Int] {
            switch self {
            case .phrase(let p): [p]
            case .anyOf(let nodes): nodes.flatMap(\.phrases)
            case .near(let ps, _): ps
            }
        }
    }

    /// Every phrase of the plan, in the index's numbering.
    public var phrases: [Phrase]
    /// For each phrase, its clause.
    public var phraseClause: [Int]
    /// Each clause's tree of phrases.
    public var clauseNodes: [Node]
    /// The clauses that survived analysis (a clause with no terms, like `*` or `—`, is dropped).
    public var clauses: [QueryClause]
    /// What snippets highlight.
    public var highlights: HighlightTerms
    /// The terms of each clause, for "did you mean" and for saying which word matched nothing.
    public var clauseTerms: [[String]]
    /// True when a clause is or holds a NEAR group (whose phrases the index reports only within the group).
    public var hasNear = false
    /// Top-level NEAR clauses of two phrases or more: all their phrases must be in one passage.
    public var nearClauses: Set<Int> = []

    public init(phrases: [Phrase], phraseClause: [Int], clauseNodes: [Node], clauses: [QueryClause],
                highlights: HighlightTerms, clauseTerms: [[String]], hasNear: Bool = false, nearClauses: Set<Int> = []) {
        self.phrases = phrases
        self.phraseClause = phraseClause
        self.clauseNodes = clauseNodes
        self.clauses = clauses
        self.highlights = highlights
        self.clauseTerms = clauseTerms
        self.hasNear = hasNear
        self.nearClauses = nearClauses
    }

    /// A plan of one exact term (a lookup of the word as written, the vocabulary's own).
    public static func term(_ term: String) -> MatchPlan {
        MatchPlan(phrases: [Phrase([term])], phraseClause: [0], clauseNodes: [.phrase(0)], clauses: [.word(term, prefix: false)],
                  highlights: HighlightTerms(exact: [term]), clauseTerms: [[term]])
    }

    /// The rules raw hits of this plan are turned into passage evidence by.
    public func evidenceRules(positions: Bool) -> EvidenceBuilder.Rules {
        EvidenceBuilder.Rules(phraseClause: phraseClause, clauseCount: clauses.count, nearClauses: nearClauses, positions: positions)
    }
}

/// Which articles of a plan an index is asked about: the seam's one way of naming a match,
/// so that a store renders it in its own language.
public indirect enum MatchQuery: Sendable, Hashable {
    /// Articles matching any clause.
    case anyClause(MatchPlan)
    /// Articles matching every clause.
    case everyClause(MatchPlan)
    /// Articles matching clause `i`.
    case clause(MatchPlan, Int)
    /// Articles matching at least `n` of the plan's clauses.
    case atLeast(MatchPlan, Int)
    /// Articles holding a phrase.
    case phrase(MatchPlan.Phrase)
    /// The query, matched in the head (title and standfirst) alone.
    case inHead(MatchQuery)
    /// The query's articles but those matching any clause of the plan.
    case without(MatchQuery, MatchPlan)

    /// The plan whose phrases the query's raw hits are numbered by (nil for a lone phrase).
    public var plan: MatchPlan? {
        switch self {
        case .anyClause(let p), .everyClause(let p), .clause(let p, _), .atLeast(let p, _): p
        case .phrase: nil
        case .inHead(let q), .without(let q, _): q.plan
        }
    }
}
