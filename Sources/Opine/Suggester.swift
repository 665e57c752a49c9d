import OpineIndex
import OpineRanking
import OpineText

/// The last stage of a search: which clauses matched nothing, and for a word that matched
/// nothing, the closest word of the index ("did you mean"), as written in the text. All of
/// did-you-mean is here (``Suggester+Candidates``): the index only lists its terms and finds a
/// passage holding one.
struct Suggester {
    let reader: any IndexReader

    /// The clauses of `plan` that no article of the index has, as typed, and suggestions for
    /// them, whatever the rest of the query found; apart, the words found only through their
    /// stem ("Hilary Clinton": Hilary, as hilari, which "hilarious" gives), each with its
    /// articles and suggestion: they matched, which "no article has" would deny.
    func unmatched(_ plan: MatchPlan, _ outcome: SearchRanking.Outcome, suggest: Bool = true) throws
        -> (words: [String], suggestions: [(String, String)], throughStem: [StemMatch])
    {
        var matchedMask: UInt64 = 0
        if let counts = outcome.clauseArticles {
            for (i, n) in counts.enumerated() where n > 0 && i < 64 { matchedMask |= 1 << UInt64(i) }
        } else {
            for e in outcome.evidence { matchedMask |= e.matchedMask }
        }
        var words: [String] = []
        var suggestions: [(String, String)] = []
        var throughStem: [StemMatch] = []
        for (i, clause) in plan.clauses.enumerated() where i < 64 {
            var stem: String?
            if matchedMask & (1 << UInt64(i)) != 0 {
                // Matched, perhaps only through its stem: "Hilary" → hilari, which "hilarious" has.
                guard try onlyThroughStem(clause, terms: plan.clauseTerms[i]) else { continue }
                stem = plan.clauseTerms[i].first
            } else if outcome.clauseArticles == nil, try reader.counts([.clause(plan, i)]).first ?? 0 > 0 {
                continue  // not in the evidence read (the filters), but in the index
            }
            var suggested: String?
            if suggest, case .word(let word, false) = clause, let s = try suggestion(terms: plan.clauseTerms[i], evenIfIndexed: true) {
                suggested = s
                if stem == nil { suggestions.append((word, s)) }
            }
            if let stem {
                throughStem.append(StemMatch(word: clause.description, stem: stem,
                                             articles: try reader.documentFrequencies([stem]).first ?? 0, suggestion: suggested))
            } else {
                words.append(clause.description)
            }
        }
        return (words, suggestions, throughStem)
    }

    /// True when a word's stem is in the index but no article has the word itself: the lexicon
    /// (written words whose term is a stem) knows every such word the index has seen.
    func onlyThroughStem(_ clause: QueryClause, terms: [String]) throws -> Bool {
        guard case .word(let word, false) = clause, terms.count == 1 else { return false }
        let lower = word.lowercased()
        guard lower != terms[0], lower.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }), lower.hasPrefix(terms[0].prefix(3))
        else { return false }
        guard let written = try reader.writtenWords(among: [lower]) else { return false }
        return !written.contains(lower)
    }

    static func isCapitalized(_ word: String) -> Bool { word.first.map { $0.isUppercase } ?? false }

    /// A word of the query is rare when at most this many articles have it…
    static let rareArticles = 2
    /// …and a close spelling is commoner when this many times as many articles have it (and
    /// at least ``commonerMinimum``), as Lucene's spell checker suggests "more popular" words.
    static let commonerFactor = 20
    static let commonerMinimum = 10

    /// The query's rare words that have a far commoner spelling one edit away ("Volker" →
    /// Volcker); a capitalized word (a name) is not offered a word in lowercase ("Husain" is not
    /// "human").
    ///
    /// - Parameter clauseArticles: articles known to match each clause (the ranking's counts):
    ///   a word more of them have is not rare, and its document frequency is not read.
    func commonerSpellings(_ plan: MatchPlan, clauseArticles: [Int]?, unmatched: [String]) throws -> [CommonerSpelling] {
        var out: [CommonerSpelling] = []
        for (i, clause) in plan.clauses.enumerated() where i < plan.clauseTerms.count {
            guard case .word(let word, false) = clause, !unmatched.contains(word), plan.clauseTerms[i].count == 1 else { continue }
            if let counts = clauseArticles, i < counts.count, counts[i] > Suggester.rareArticles { continue }
            let term = plan.clauseTerms[i][0]
            let articles = try reader.documentFrequencies([term]).first ?? 0
            guard articles > 0, articles <= Suggester.rareArticles else { continue }
            let floor = max(Suggester.commonerMinimum, Suggester.commonerFactor * articles)
            guard let best = try candidates(for: term, maxDistance: 1).first(where: { $0.documents >= floor }) else { continue }
            let written = try surfaceForm(of: best.term) ?? best.term
            if Suggester.isCapitalized(word), !Suggester.isCapitalized(written) { continue }
            out.append(CommonerSpelling(word: word, articles: articles, suggestion: written, suggestionArticles: best.documents))
        }
        return out
    }
}
