import OpineRanking
import OpineText

/// An FTS5 MATCH expression built from analyzed query terms, never from user text.
public struct MatchPlan: Sendable, Equatable {
    /// The expression: every string in it is a `"\u{1}…"` list of terms we produced.
    public var expression: String
    /// For each FTS5 phrase (numbered as FTS5 numbers them, left to right), its clause.
    public var phraseClause: [Int]
    /// The clauses that survived analysis (a clause with no terms, like `*` or `—`, is dropped).
    public var clauses: [QueryClause]
    /// What snippets highlight.
    public var highlights: HighlightTerms
    /// The terms of each clause, for "did you mean" and for saying which word matched nothing.
    public var clauseTerms: [[String]]
    /// Each clause's own expression (`expression` joins them with OR).
    public var clauseExpressions: [String] = []
    /// Each FTS5 phrase's own expression, in FTS5's numbering.
    public var phraseExpressions: [String] = []
    /// True when a clause is a NEAR group (whose phrases FTS5 reports only within the group).
    public var hasNear = false
    /// Top-level NEAR clauses of two phrases or more: all their phrases must be in one passage.
    public var nearClauses: Set<Int> = []

    /// Articles matching every clause (the "words" rule's first group).
    public var allClausesExpression: String { clauseExpressions.joined(separator: " AND ") }
}

/// Builds ``MatchPlan``s. The analyzer decides every term in query mode (acronyms, stems,
/// compounds); the expression marks them verbatim so that FTS5's pass through the tokenizer
/// keeps them as they are.
public struct MatchBuilder: Sendable {
    let analyzer = Analyzer()

    public init() {}

    /// - Parameter expansions: for a prefix (as analyzed in prefix mode), the stems of the
    ///   written words it begins (``IndexSnapshot/stems(ofWordsStartingWith:limit:)``).
    public func build(_ clauses: [QueryClause], expansions: [String: [String]] = [:]) -> MatchPlan? {
        let shouted = shoutedWords(clauses)
        var pieces: [String] = []
        var phraseClause: [Int] = []
        var kept: [QueryClause] = []
        var highlights = HighlightTerms()
        var clauseTerms: [[String]] = []
        var phraseExpressions: [String] = []
        var hasNear = false
        var nearClauses = Set<Int>()
        for clause in clauses {
            var phrases: [String] = []
            var terms: [String] = []
            guard let piece = expression(clause, shouted: shouted, expansions: expansions, phrases: &phrases, terms: &terms,
                                         highlights: &highlights)
            else { continue }
            for _ in phrases { phraseClause.append(kept.count) }
            phraseExpressions += phrases
            if MatchBuilder.containsNear(clause) { hasNear = true }
            if case .near = clause, phrases.count >= 2 { nearClauses.insert(kept.count) }
            kept.append(clause)
            pieces.append(piece)
            clauseTerms.append(terms)
        }
        guard !pieces.isEmpty else { return nil }
        return MatchPlan(expression: pieces.joined(separator: " OR "), phraseClause: phraseClause,
                         clauses: kept, highlights: highlights, clauseTerms: clauseTerms,
                         clauseExpressions: pieces, phraseExpressions: phraseExpressions, hasNear: hasNear,
                         nearClauses: nearClauses)
    }

    /// Words of an all-caps query ("THE LIMITS OF BONHOMIE") are shouted, not acronyms: the
    /// analyzer's document rule, applied across the query's separate words.
    public func shoutedWords(_ clauses: [QueryClause]) -> Set<String> {
        var words: [String] = []
        for c in clauses { if case .word(let w, _) = c { words.append(w) } }
        var out = Set<String>()
        let flags = Analyzer.shoutedFlags(ofWords: words)
        for (w, shouted) in zip(words, flags) where shouted { out.insert(w) }
        return out
    }

    static func containsNear(_ clause: QueryClause) -> Bool {
        switch clause {
        case .near: true
        case .anyOf(let alternatives): alternatives.contains(where: containsNear)
        default: false
        }
    }

    public static func quote(_ terms: [String], prefix: Bool = false) -> String {
        "\"\u{1}" + terms.joined(separator: " ") + "\"" + (prefix ? "*" : "")
    }

    func analyzed(_ text: String, mode: AnalysisMode, shouted: Bool) -> [String] {
        analyzer.terms(shouted ? text.lowercased() : text, mode: mode)
    }

    func expression(
        _ clause: QueryClause, shouted: Set<String>, expansions: [String: [String]], phrases: inout [String],
        terms: inout [String], highlights: inout HighlightTerms
    ) -> String? {
        switch clause {
        case .word(let word, let prefix):
            let isShouted = shouted.contains(word)
            let t = analyzed(word, mode: prefix ? .prefix : .query, shouted: isShouted)
            guard !t.isEmpty else { return nil }
            terms += t
            if prefix {
                let piece = MatchBuilder.quote(t, prefix: true)
                phrases.append(piece)
                if t.count > 1 { highlights.exact.formUnion(t.dropLast()) }
                if let last = t.last { highlights.prefixes.append(last) }
                // The stems of the written words the prefix begins (`immigra*`: immigr).
                guard t.count == 1, let stems = expansions[t[0]], !stems.isEmpty else { return piece }
                var pieces = [piece]
                for stem in stems where !stem.hasPrefix(t[0]) {
                    let exact = MatchBuilder.quote([stem])
                    phrases.append(exact)
                    pieces.append(exact)
                    highlights.exact.insert(stem)
                }
                return pieces.count == 1 ? piece : "(" + pieces.joined(separator: " OR ") + ")"
            }
            if t.count > 1 { highlights.phrases.append(t) } else { highlights.exact.formUnion(t) }
            let main = MatchBuilder.quote(t)
            phrases.append(main)
            if t.count > 1, let joined = analyzer.joinedTerm(isShouted ? word.lowercased() : word) {
                let alternative = MatchBuilder.quote([joined])
                phrases.append(alternative)
                highlights.exact.insert(joined)
                return "(\(main) OR \(alternative))"
            }
            return main
        case .phrase(let text):
            // Inside one quoted string the analyzer sees the whole phrase and applies the rule.
            let t = analyzed(text, mode: .query, shouted: false)
            guard !t.isEmpty else { return nil }
            terms += t
            if t.count > 1 { highlights.phrases.append(t) } else { highlights.exact.formUnion(t) }
            let piece = MatchBuilder.quote(t)
            phrases.append(piece)
            return piece
        case .near(let words, let distance):
            var parts: [String] = []
            for w in words {
                let t = analyzed(w, mode: .query, shouted: shouted.contains(w))
                guard !t.isEmpty else { continue }
                terms += t
                highlights.exact.formUnion(t)
                let piece = MatchBuilder.quote(t)
                phrases.append(piece)
                parts.append(piece)
            }
            guard !parts.isEmpty else { return nil }
            if parts.count == 1 { return parts[0] }
            return "NEAR(\(parts.joined(separator: " ")), \(distance))"
        case .anyOf(let alternatives):
            var parts: [String] = []
            for a in alternatives {
                if let p = expression(a, shouted: shouted, expansions: expansions, phrases: &phrases, terms: &terms,
                                      highlights: &highlights) {
                    parts.append(p)
                }
            }
            guard !parts.isEmpty else { return nil }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " OR ") + ")"
        }
    }
}
