import Testing
@testable import OpineRanking
@testable import OpineText

/// The implicit phrase of adjacent query words, by hand.
struct PhraseBoostTests {
    @Test(arguments: [
        ([1, 5, 9], [2, 7, 10], 2),  // 1→2 and 9→10; 5→7 is two apart
        ([4], [3], 0),  // out of query order
        ([], [1], 0),
        ([1, 2, 3], [2, 3, 4], 3),
    ] as [([Int32], [Int32], Int)])
    func adjacentPositions(_ a: [Int32], _ b: [Int32], _ expected: Int) {
        #expect(PhraseBoost.adjacent(a, b) == expected)
    }

    @Test func partIsSaturatedPhraseFrequencyTimesIDF() {
        var parameters = RankingParameters()
        parameters.phraseWeight = 0.5
        let boost = PhraseBoost(pairs: [.init(first: 0, second: 1, idf: 2)])
        let ranker = ArticleRanker(parameters: parameters)
        let passages = [
            ranker.score(PassageEvidence(passageID: 0, articleID: 0, isHead: false, bm25: 1, positions: [[3, 8], [4, 20]])),
            ranker.score(PassageEvidence(passageID: 1, articleID: 0, isHead: false, bm25: 1, positions: [[0], [1]])),
        ]
        // tf = 2 (3→4, 0→1): 0.5 × 2 × 2 × 2.2 / (2 + 1.2) = 1.375
        #expect(abs(boost.part(passages[...], parameters: parameters) - 1.375) < 1e-12)
        parameters.phraseWeight = 0
        #expect(boost.part(passages[...], parameters: parameters) == 0)
    }

    @Test func anArticleWithTheNameOutranksOneWithTheWordsApart() {
        var ranker = ArticleRanker()
        ranker.phrases = PhraseBoost(pairs: [.init(first: 0, second: 1, idf: 3)])
        // Same BM25 and both in one passage; article 1 has the words together, article 2 apart.
        let ranked = ranker.rank([
            PassageEvidence(passageID: PassageID.make(article: 2, ordinal: 0), articleID: 2, isHead: false, bm25: 2,
                            positions: [[0], [30]]),
            PassageEvidence(passageID: PassageID.make(article: 1, ordinal: 0), articleID: 1, isHead: false, bm25: 2,
                            positions: [[10], [11]]),
        ], clauseCount: 2)
        #expect(ranked.map(\.articleID) == [1, 2])
        #expect(ranked[0].explanation.phrase > 0)
        #expect(ranked[1].explanation.phrase == 0)
    }
}
