import OpineIndex
import OpineRanking
import OpineText

/// A query as the index will run it: the parsed query and the match plans of its parts.
struct CompiledQuery: Sendable {
    var parsed: ParsedQuery
    /// The ranked clauses (after the prose rule).
    var plan: MatchPlan
    /// `title:` clauses, each required in the title.
    var titlePlan: MatchPlan?
    /// `-word` / `NOT word`: articles with any of these are left out.
    var exclusionPlan: MatchPlan?
}

/// The first stage of a search: query text and ranking parameters → ``CompiledQuery``.
///
/// Parsing never fails; the prose rule and shouted words are decided here, once: a question in
/// prose (more clauses than the words rule takes) ranks by its content words, so stop words
/// leave it (never the whole query); words of an all-caps query are shouted, not acronyms, as
/// ``MatchBuilder`` decides for their terms.
struct QueryCompiler: Sendable {
    let parameters: RankingParameters
    let builder = MatchBuilder()

    /// - Parameter stems: the stems of the written words a prefix begins (the index's lexicon),
    ///   so that `immigra*` finds immigration although the index holds `immigr`.
    /// - Parameter documentFrequency: articles with an index term, for `Isis` (searched as ISIS
    ///   where its stem is the ISI's term: ``acronymForm(of:documentFrequency:)``).
    func compile(_ query: String, stems: (String) throws -> [String] = { _ in [] },
                 documentFrequency: (String) throws -> Int = { _ in 0 }) throws -> CompiledQuery {
        var parsed = QueryParser().parse(query)
        parsed.clauses = try houseStyleAcronyms(parsed.clauses, documentFrequency: documentFrequency)
        var clauses = parsed.clauses
        if clauses.isEmpty { clauses = parsed.titleClauses }
        if !ArticleRanker(parameters: parameters).usesWordsRule(clauseCount: clauses.count) {
            clauses = contentClauses(clauses)
        }
        let expansions = try prefixExpansions(parsed.clauses + parsed.titleClauses + parsed.exclusions, stems: stems)
        guard let plan = builder.build(clauses, expansions: expansions) else { throw EngineError.noSearchableWords(query: query) }
        return CompiledQuery(
            parsed: parsed, plan: plan,
            titlePlan: parsed.titleClauses.isEmpty ? nil : builder.build(parsed.titleClauses, expansions: expansions),
            exclusionPlan: builder.build(parsed.exclusions, expansions: expansions))
    }

    /// Compiles `query` with the index's lexicon and vocabulary.
    func compile(_ query: String, reading reader: some IndexReader) throws -> CompiledQuery {
        try compile(query, stems: { try reader.stems(ofWordsStartingWith: [$0], limit: QueryCompiler.stemsPerPrefix)[$0] ?? [] },
                    documentFrequency: { try reader.documentFrequencies([$0]).first ?? 0 })
    }

    /// A prefix is expanded to at most this many stems of the written words it begins.
    static let stemsPerPrefix = 64

    /// Each prefix of the query (as prefix-mode analysis writes it) with its stems.
    func prefixExpansions(_ clauses: [QueryClause], stems: (String) throws -> [String]) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        var stack = clauses
        while let clause = stack.popLast() {
            switch clause {
            case .word(let word, true):
                let terms = Analyzer().terms(word.lowercased(), mode: .prefix)
                if terms.count == 1, out[terms[0]] == nil { out[terms[0]] = try stems(terms[0]) }
            case .anyOf(let alternatives):
                stack += alternatives
            default:
                break
            }
        }
        return out
    }

    /// True when the query has no words but the request filters: a listing, not a search.
    func isFiltersOnly(_ request: SearchRequest) -> Bool {
        let parsed = QueryParser().parse(request.query)
        guard parsed.clauses.isEmpty, parsed.titleClauses.isEmpty, parsed.exclusions.isEmpty else { return false }
        return !parsed.authors.isEmpty || !request.authors.isEmpty || !request.outlets.isEmpty
            || request.since != nil || request.until != nil
    }

    /// `clauses` without their stop words (a shouted word is compared lowercased); all of them
    /// when nothing else would be left.
    func contentClauses(_ clauses: [QueryClause]) -> [QueryClause] {
        let shouted = builder.shoutedWords(clauses)
        let content = clauses.filter { clause in
            if case .word(let w, false) = clause {
                return !StopWords.contains(shouted.contains(w) ? w.lowercased() : w)
            }
            return true
        }
        return content.isEmpty ? clauses : content
    }
}
