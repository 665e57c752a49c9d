import OpineIndex
import OpineRanking
import OpineText

/// The assembly stage: the ranking's top articles become ``SearchResult``s with their fields,
/// best passage and snippets. Proximity is measured again with the sentences of its passage
/// (FTS5 positions carry no sentence boundaries), and the shown articles re-sorted.
struct ResultAssembler {
    let snapshot: IndexSnapshot
    let ranker: ArticleRanker
    let highlights: HighlightTerms
    /// Snippets per article (0: none; the best passage is still returned).
    let snippetCount: Int

    init(snapshot: IndexSnapshot, ranker: ArticleRanker, plan: MatchPlan, request: SearchRequest) {
        self.snapshot = snapshot
        self.ranker = ranker
        highlights = plan.highlights
        snippetCount = min(max(request.snippets, 0), 3)
    }

    func results(_ top: [RankedArticle], wordsRule: Bool) throws -> [SearchResult] {
        var passageIDs: [Int64] = []
        for r in top {
            passageIDs += r.passages.prefix(max(snippetCount, 1)).map(\.evidence.passageID)
            if let p = r.explanation.proximityPassageID { passageIDs.append(p) }
        }
        let articles = try snapshot.articles(top.map(\.articleID))
        let passages = try snapshot.passages(passageIDs)
        var results: [SearchResult] = []
        for r in top {
            guard let a = articles[r.articleID], let best = passages[r.passages[0].evidence.passageID] else { continue }
            results.append(SearchResult(
                rank: 0, article: Engine.summary(a),
                passage: PassageView(ordinal: best.ordinal, kind: best.kind, text: best.text, range: best.range),
                snippets: snippets(r, passages: passages, best: best),
                explanation: withSentences(r, passages: passages)))
        }
        // The shown articles in the ranking's order again, with their final scores.
        results.sort {
            ArticleRanker.precedes($0.explanation, $0.article.id, $1.explanation, $1.article.id, wordsRule: wordsRule)
        }
        for i in results.indices { results[i].rank = i + 1 }
        return results
    }

    /// One snippet from each of the best passages; more from the best one when they run out.
    func snippets(_ r: RankedArticle, passages: [Int64: PassageRecord], best: PassageRecord) -> [Snippet] {
        let builder = SnippetBuilder()
        var snippets: [Snippet] = []
        for p in r.passages.prefix(snippetCount).compactMap({ passages[$0.evidence.passageID] })
        where snippets.count < snippetCount {
            snippets += builder.snippets(p.text, terms: highlights, count: 1)
        }
        if snippetCount > 0 && snippets.count < snippetCount {
            let more = builder.snippets(best.text, terms: highlights, count: snippetCount - snippets.count + 1)
            snippets += more.dropFirst().prefix(snippetCount - snippets.count)
        }
        return snippets
    }

    /// The explanation with proximity measured again across the sentences of its passage.
    func withSentences(_ r: RankedArticle, passages: [Int64: PassageRecord]) -> ScoreExplanation {
        guard let id = r.explanation.proximityPassageID, let p = passages[id],
            let evidence = r.passages.first(where: { $0.evidence.passageID == id })?.evidence
        else { return r.explanation }
        return ranker.withSentences(r.explanation, positions: evidence.positions,
                                    sentenceStarts: Analyzer().sentenceStarts(p.text))
    }
}
