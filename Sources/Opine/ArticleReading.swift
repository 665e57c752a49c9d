import OpineIndex
import OpineRanking
import OpineText

/// An article as a reader sees it on a page: every field, and where a query matches each passage.
public struct ArticleReading: Sendable {
    public var detail: ArticleDetail
    /// The UTF-8 byte ranges of the query's matches in each passage, by passage ordinal.
    public var marks: [Int: [Range<Int>]]
    /// The passage showing the most different query terms (the first of equals, the title
    /// last): where a page opens. Nil without a query or a match.
    public var bestOrdinal: Int?
}

extension Engine {
    /// The article with this id (nothing else is looked up: a number from a request never
    /// becomes a path), with the matches of `query` marked as search results mark them.
    public func reading(id: Int64, query: String?) throws -> ArticleReading {
        try store.snapshot { snapshot in
            guard let (record, passages) = try snapshot.article(id: id) else {
                throw EngineError.articleNotFound(String(id))
            }
            let detail = Engine.detail(record, passages)
            guard let query, let terms = try highlightTerms(query, in: snapshot) else {
                return ArticleReading(detail: detail, marks: [:], bestOrdinal: nil)
            }
            var marks: [Int: [Range<Int>]] = [:]
            var best: (ordinal: Int, terms: Int, title: Bool)?
            for p in detail.passages {
                let found = TermMatches(p.text, terms: terms)
                guard found.distinctTerms > 0 else { continue }
                marks[p.ordinal] = found.marks
                let candidate = (ordinal: p.ordinal, terms: found.distinctTerms, title: p.kind == .title)
                // A body passage with the terms over the title; then the one with more of them.
                if let b = best, candidate.title == b.title ? candidate.terms <= b.terms : !b.title { continue }
                best = candidate
            }
            return ArticleReading(detail: detail, marks: marks, bestOrdinal: best?.ordinal)
        }
    }

    /// What `query` highlights (nil when it has no searchable word).
    func highlightTerms(_ query: String, in reader: some IndexReader) throws -> HighlightTerms? {
        let compiler = QueryCompiler(parameters: RankingParameters())
        do {
            return try compiler.compile(query, reading: reader).plan.highlights
        } catch EngineError.noSearchableWords {
            return nil
        }
    }
}
