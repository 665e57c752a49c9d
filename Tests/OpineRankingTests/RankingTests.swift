import Foundation
import Testing
@testable import OpineRanking
@testable import OpineText

struct ProximityTests {
    let p = RankingParameters()

    @Test func adjacentInOrderIsClosest() {
        let prox = Proximity.measure([[3], [4]], parameters: p)
        #expect(prox.pairDistances == [1])
        #expect(prox.window == 2)
        #expect(prox.closeness == 1)
    }

    @Test func reversedCostsThePenalty() {
        #expect(Proximity.measure([[4], [3]], parameters: p).pairDistances == [2])
    }

    @Test func farApartEarnsNothing() {
        let prox = Proximity.measure([[0], [400]], parameters: p)
        #expect(prox.closeness == 0)
        #expect(prox.window == 401)
    }

    @Test func singleClauseHasNoProximity() {
        #expect(Proximity.measure([[1, 5], []], parameters: p) == .none)
    }

    @Test func windowCoversEveryClause() {
        #expect(Proximity.minimumWindow([[1, 20], [5, 22], [9, 21]]) == 3)
        #expect(Proximity.minimumDistance([1, 10], [12, 30], penalty: 1) == 2)
    }
}

struct ArticleRankerTests {
    func evidence(_ article: Int64, _ passage: Int64, bm25: Double, _ positions: [[Int32]], head: Bool = false) -> PassageEvidence {
        PassageEvidence(passageID: PassageID.make(article: article, ordinal: Int(passage)), articleID: article, isHead: head, bm25: bm25, positions: positions)
    }

    @Test func closeTermsOutrankDistantOnesAtEqualBM25() {
        let ranked = ArticleRanker().rank([
            evidence(1, 1, bm25: 5, [[0], [400]]),
            evidence(2, 1, bm25: 5, [[10], [11]]),
        ], clauseCount: 2)
        #expect(ranked.map(\.articleID) == [2, 1])
        #expect(ranked[0].explanation.proximity == 5 * RankingParameters().proximityWeight)
    }

    @Test func singleTermKeepsBM25Order() {
        let ranked = ArticleRanker().rank([
            evidence(1, 1, bm25: 3, [[0]]), evidence(2, 1, bm25: 4, [[7]]), evidence(3, 1, bm25: 2, [[1]]),
        ], clauseCount: 1)
        #expect(ranked.map(\.articleID) == [2, 1, 3])
        #expect(ranked.allSatisfy { $0.explanation.proximity == 0 })
    }

    @Test func completeArticlesComeFirst() {
        let ranked = ArticleRanker().rank([
            evidence(1, 1, bm25: 50, [[0], []]),
            evidence(2, 1, bm25: 1, [[0], []]), evidence(2, 2, bm25: 1, [[], [3]]),
        ], clauseCount: 2)
        #expect(ranked.map(\.articleID) == [2, 1])
        #expect(ranked[0].isComplete && !ranked[1].isComplete)
        // A page of none (`opine search -c`) still counts the matches, for 1 to 40 articles.
        for n in [1, 2, 40] {
            let many = (0..<n).map { evidence(Int64($0 + 1), 1, bm25: 1, [[0], []]) }
            let counted = ArticleRanker().rankTop(many, clauseCount: 2, stats: nil, limit: 0)
            #expect(counted.articles.isEmpty && counted.matchedArticles == n)
        }
    }

    @Test func articleBM25FavoursTheArticleWithMoreMatches() {
        // Same best passage; article 2 matches the rarer clause in more passages.
        let stats = CollectionStats(articles: 100, averageArticleLength: 1000)
        var a = evidence(1, 1, bm25: 3, [[0], []])
        a.articleLength = 1000
        var b1 = evidence(2, 1, bm25: 3, [[0], []])
        b1.articleLength = 1000
        var b2 = evidence(2, 2, bm25: 1, [[], [4]])
        b2.articleLength = 1000
        let ranked = ArticleRanker().rank([a, b1, b2], clauseCount: 2, stats: stats)
        #expect(ranked.map(\.articleID) == [2, 1])
        #expect(ranked[0].explanation.articleBM25 > ranked[1].explanation.articleBM25)
        // FTS5's IDF: a clause in more than half the articles weighs (almost) nothing.
        let common = (1...60).map { i -> PassageEvidence in
            var e = evidence(Int64(i), 1, bm25: 1, [[0]])
            e.articleLength = 1000
            return e
        }
        let r = ArticleRanker().rank(common, clauseCount: 1, stats: stats)
        #expect(r[0].explanation.articleBM25 < 1e-3)
    }

    @Test func partsAddUp() {
        var parameters = RankingParameters()
        parameters.headMatchBonus = 0.1
        let ranked = ArticleRanker(parameters: parameters).rank([
            evidence(1, 0, bm25: 2, [[0], []], head: true), evidence(1, 3, bm25: 4, [[5], [6]]), evidence(1, 4, bm25: 1, [[], [2]]),
        ], clauseCount: 2)
        let e = ranked[0].explanation
        // By hand: no collection figures, so no article-level part and the passage counts whole.
        // Best passage: ordinal 3 (BM25 4, its two clauses adjacent: closeness 1).
        #expect(e.articleBM25 == 0)
        #expect(e.bm25 == 4)
        #expect(e.proximity == 4 * 0.25 * 1)
        // Runners-up 2 and 1, half each.
        #expect(e.extraPassages == 0.5 * (2 + 1))
        // The title matched but the best passage is in the body: 0.1 of the best passage's BM25.
        #expect(abs(e.headMatch - 0.4) < 1e-12)
        #expect(abs(ranked[0].score - 6.9) < 1e-12)
    }
}

struct MetricsTests {
    /// Hand-computed: relevant {a: 2, c: 1}; ranking a, b, c.
    @Test func handComputedExample() {
        let m = Metrics.evaluate(ranking: ["a", "b", "c"], judgements: ["a": 2, "c": 1, "z": 0])
        // DCG = 2/log2(2) + 1/log2(4) = 2.5; IDCG = 2 + 1/log2(3) = 2.6309
        #expect(abs(m.ndcg10 - 2.5 / (2 + 1 / 1.584962500721156)) < 1e-9)
        #expect(abs(m.map - (1.0 + 2.0 / 3.0) / 2) < 1e-12)
        #expect(m.p10 == 0.2)
        #expect(m.recall100 == 1)
        #expect(m.mrr == 1)
    }

    @Test func missingRunScoresZero() {
        let mean = Metrics.mean(runs: ["1": ["x"]], qrels: ["1": ["x": 1], "2": ["y": 1], "3": ["z": 0]])
        #expect(mean.map == 0.5)
        #expect(mean.mrr == 0.5)
    }

    @Test func firstRelevantAtThree() {
        let m = Metrics.evaluate(ranking: ["a", "b", "c"], judgements: ["c": 1])
        #expect(abs(m.mrr - 1.0 / 3) < 1e-12)
        #expect(abs(m.ndcg10 - 0.5) < 1e-12)
    }
}

struct SnippetTests {
    let text = "Pakistan, on the other hand, neither has the will nor the capability to support the US policy of containment of China. It is in Pakistan’s interest rather to develop its ties and cooperation with China in the economic and security fields to restore the strategic balance in South Asia, which has been disturbed by the American pro-India policy, and to accelerate its economic progress. The launch of CPEC 2.0 by the leaders of the two countries, therefore, is an important initiative which both Pakistan and China should pursue in earnest."

    @Test func snippetShowsTheAnswer() {
        let s = SnippetBuilder().snippets(text, terms: HighlightTerms(exact: ["CPEC"]), count: 1)
        #expect(s.count == 1)
        #expect(s[0].text.contains("The launch of CPEC 2.0"))
        #expect(s[0].text.hasPrefix("… The launch"))
        let marked = s[0].highlights.map { String(decoding: Array(s[0].text.utf8)[$0], as: UTF8.self) }
        #expect(marked == ["CPEC"])
    }

    /// "with China … (thirty words) … CPEC" fits a window as well as "CPEC 2.0 … Pakistan and
    /// China" does: the closer pair is the snippet, and both words are in it (the sentence end
    /// before CPEC once cut the window short of it).
    @Test func theSnippetShowsTheWordsWhereTheyStandClosest() throws {
        let s = SnippetBuilder().snippets(text, terms: HighlightTerms(exact: ["china", "CPEC"]), count: 1)
        let snippet = try #require(s.first)
        let marked = snippet.highlights.map { String(decoding: Array(snippet.text.utf8)[$0], as: UTF8.self) }
        #expect(marked == ["CPEC", "China"])
        #expect(snippet.text.hasPrefix("… The launch of CPEC 2.0"))
        #expect(snippet.text.contains("both Pakistan and China should pursue"))
    }

    /// Wherever the window ends, the words it was chosen for are in it: the first term, `gap`
    /// words, a full stop two words before the second term (the only one near the window's end).
    @Test(arguments: [3, 8, 26, 30, 33])
    func theCoverIsNeverCut(_ gap: Int) throws {
        let filler = (0..<gap).map { "w\($0)" }
        let text = "Alpha " + filler.joined(separator: " ") + ". Then beta " + filler.joined(separator: " ")
        let s = SnippetBuilder().snippets(text, terms: HighlightTerms(exact: ["alpha", "beta"]), count: 1)
        let snippet = try #require(s.first)
        let marked = snippet.highlights.map { String(decoding: Array(snippet.text.utf8)[$0], as: UTF8.self) }
        #expect(marked == ["Alpha", "beta"])
    }

    @Test func severalSnippetsDoNotOverlap() throws {
        let s = SnippetBuilder().snippets(text, terms: HighlightTerms(exact: ["china"]), count: 3)
        #expect(s.count >= 2)
        // Where each snippet stands in the text (found by search, without its "…" marks).
        var spans: [Range<String.Index>] = []
        for snippet in s {
            for h in snippet.highlights {
                #expect(String(decoding: Array(snippet.text.utf8)[h], as: UTF8.self).lowercased().hasPrefix("china"))
            }
            let core = snippet.text.trimmingCharacters(in: CharacterSet(charactersIn: "… "))
            let span = try #require(text.range(of: core), "a snippet is a piece of its passage")
            spans.append(span)
        }
        for i in spans.indices {
            for j in spans.indices where i < j { #expect(!spans[i].overlaps(spans[j]), "snippets \(i) and \(j) overlap") }
        }
    }

    @Test func prefixHighlights() {
        let s = SnippetBuilder().snippets("Counter-terrorism and terrorists.", terms: HighlightTerms(prefixes: ["terror"]), count: 1)
        #expect(s[0].highlights.count == 2)
    }
}

struct PhraseSnippetTests {
    @Test func aPhraseIsOneHighlightAndThePlaceOfTheSnippet() {
        let text = "Of all the things of note, one of them is this. Such an approach would also place it on the right side of history, which is transitioning towards a multipolar world."
        let s = SnippetBuilder().snippets(text, terms: HighlightTerms(phrases: [["right", "side", "of", "histori"]]), count: 1)
        let marked = s[0].highlights.map { String(decoding: Array(s[0].text.utf8)[$0], as: UTF8.self) }
        #expect(marked == ["right side of history"])
    }
}

struct SentenceProximityTests {
    @Test func aFullStopPutsTermsFurtherApart() {
        // "Pakistan grew. China grew": positions 0 and 2, a sentence starts at 2.
        let plain = Proximity.measure([[0], [2]], parameters: RankingParameters())
        let spread = Proximity.spread([[0], [2]], sentenceStarts: [2], gap: 4)
        #expect(spread == [[0], [6]])
        let across = Proximity.measure(spread, parameters: RankingParameters())
        #expect(across.pairDistances == [6])
        #expect(across.closeness < plain.closeness)
    }

    @Test func sentenceStartsComeFromTheText() {
        let analyzer = Analyzer()
        #expect(analyzer.sentenceStarts("The U.S. grew. Then China grew! And? Yes") == [3, 6, 7])
        #expect(analyzer.sentenceStarts("no boundary here") == [])
    }
}

struct RankingParametersTests {
    @Test func everyAdjustableNameSetsItsParameter() {
        for name in RankingParameters.adjustable {
            var p = RankingParameters()
            p.set(name, 7)
            #expect(p != RankingParameters(), "\(name) changed nothing")
        }
        #expect(RankingParameters.adjustable.count == 14)
    }

    @Test(arguments: [("k1", Double.nan), ("b", Double.infinity), ("phraseWeight", -1), ("extraPassages", 1e9), ("nope", 1)])
    func sweepsRefuseValuesThatCannotBeParameters(_ name: String, _ value: Double) {
        #expect(RankingParameters.problem(setting: name, to: value) != nil)
    }
}
