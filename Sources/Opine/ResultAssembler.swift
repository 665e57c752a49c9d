import OpineIndex
import OpineRanking
import OpineText

/// The assembly stage: the ranking's top articles become ``SearchResult``s with their fields,
/// best passage and snippets. Proximity is measured again with the sentences of its passage
/// (FTS5 positions carry no sentence boundaries), and the shown articles re-sorted.
struct ResultAssembler {
    let reader: any IndexReader
    let ranker: ArticleRanker
    let highlights: HighlightTerms
    /// Snippets per article (0: none; the best passage is still returned).
    let snippetCount: Int

    init(reader: any IndexReader, ranker: ArticleRanker, plan: MatchPlan, request: SearchRequest) {
        self.reader = reader
        self.ranker = ranker
        highlights = plan.highlights
        snippetCount = min(max(request.snippets, 0), 3)
    }

    func results(_ top: [RankedArticle], wordsRule: Bool, firstRank: Int = 1) throws -> [SearchResult] {
        var passageIDs: [Int64] = []
        for r in top {
            // The best passages, and a few more: the title's own passage is not shown as a snippet.
            passageIDs += r.passages.prefix(snippetCount == 0 ? 1 : snippetCount + 2).map(\.evidence.passageID)
            if let p = r.explanation.proximityPassageID { passageIDs.append(p) }
        }
        let articles = try reader.articles(top.map(\.articleID))
        var passages = try reader.passages(passageIDs)
        // Articles whose matches are all in the title: their lead paragraph is the snippet.
        let titleOnly = top.filter { r in
            snippetCount > 0 && bodyPassages(r, passages: passages, title: articles[r.articleID]?.title).isEmpty
        }
        for lead in try reader.leadPassages(articles: titleOnly.map(\.articleID)).values { passages[lead.id] = lead }
        var results: [SearchResult] = []
        for r in top {
            guard let a = articles[r.articleID], let best = passages[r.passages[0].evidence.passageID] else { continue }
            results.append(SearchResult(
                rank: 0, article: Engine.summary(a),
                passage: PassageView(ordinal: best.ordinal, kind: best.kind, text: best.text, range: best.range),
                snippets: snippets(r, passages: passages, title: a.title),
                explanation: withSentences(r, passages: passages)))
        }
        // The shown articles in the ranking's order again, with their final scores.
        results.sort {
            ArticleRanker.precedes($0.explanation, $0.article.id, $1.explanation, $1.article.id, wordsRule: wordsRule)
        }
        for i in results.indices { results[i].rank = firstRank + i }
        return results
    }

    /// The article's matching passages, best first, without those that only repeat the title
    /// printed above the snippet (the title passage, a standfirst equal to it).
    func bodyPassages(_ r: RankedArticle, passages: [Int64: PassageRecord], title: String?) -> [PassageRecord] {
        r.passages.compactMap { passages[$0.evidence.passageID] }.filter { p in
            p.kind != .title && !(p.kind == .standfirst && p.text == title)
        }
    }

    /// One snippet from each of the best passages that are not the title; more from the best
    /// of them when they run out; the lead paragraph when only the title matched. The title
    /// still counts in the ranking.
    func snippets(_ r: RankedArticle, passages: [Int64: PassageRecord], title: String?) -> [Snippet] {
        guard snippetCount > 0 else { return [] }
        let builder = SnippetBuilder()
        var sources = bodyPassages(r, passages: passages, title: title)
        // The passage the proximity part was measured in comes first: the explanation describes
        // the passage shown ("window 2" is the snippet's "Islamic State").
        if let id = r.explanation.proximityPassageID, let at = sources.firstIndex(where: { $0.id == id }), at > 0 {
            sources.insert(sources.remove(at: at), at: 0)
        }
        if sources.isEmpty, let lead = passages.values.first(where: { $0.articleID == r.articleID && $0.kind == .body }) {
            sources = [lead]
        }
        var snippets: [Snippet] = []
        for p in sources.prefix(snippetCount) where snippets.count < snippetCount {
            snippets += builder.snippets(p.text, terms: highlights, count: 1)
        }
        if let best = sources.first, snippets.count < snippetCount {
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
