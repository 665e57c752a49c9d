import Foundation
import Testing
@testable import Opine
@testable import OpineCLI
@testable import OpineRanking
import OpineRender
import OpineText

/// What `opine search` prints, in process, from hand-made responses.
struct SearchPrinterTests {
    static func result(_ rank: Int, _ title: String, complete: Bool) -> SearchResult {
        let explanation = ScoreExplanation(
            articleBM25: 1, bm25: 2, proximity: 0.5, proximityDetail: .none, proximityPassageID: nil, extraPassages: 0,
            headMatch: 0, matchedClauses: complete ? 2 : 1, totalClauses: 2)
        return SearchResult(
            rank: rank, article: ArticleSummary(id: Int64(rank), path: "/docs/\(rank).txt", title: title, authors: ["Ann Author"],
                                                date: ArticleDate(iso: "2025-01-0\(rank)")),
            passage: PassageView(ordinal: 3, kind: .body, text: "Trade and tariffs.", range: 10..<28),
            snippets: [Snippet(text: "Trade and tariffs.", highlights: [10..<17])], explanation: explanation)
    }

    static let response: SearchResponse = {
        var r = SearchResponse(
            results: [result(1, "First", complete: true), result(2, "Second", complete: false)], matchedArticles: 5,
            unmatchedWords: [], suggestions: [], clauses: [.word("trade", prefix: false), .word("tariffs", prefix: false)])
        r.completeArticles = 3
        return r
    }()

    let printer = SearchPrinter(highlighter: Highlighter(.plain), explain: false, display: { $0.replacingOccurrences(of: "/docs/", with: "") })

    /// An outlet is shown after the date, but not again when it is the author (an editorial).
    @Test func theOutletIsNamedOnce() {
        var editorial = Self.result(1, "Budgeting austerity", complete: true)
        editorial.article.authors = ["Dawn"]
        editorial.article.outlet = "DAWN"
        var column = Self.result(2, "A column", complete: true)
        column.article.outlet = "Dawn"
        let r = SearchResponse(results: [editorial, column], matchedArticles: 2, unmatchedWords: [], suggestions: [],
                               clauses: [.word("trade", prefix: false)])
        let lines = printer.lines(r, mode: .text)
        #expect(lines[1] == "   Dawn · 2025-01-01 · 1.txt")
        #expect(lines[5] == "   Ann Author · 2025-01-02 · Dawn · 2.txt")
    }

    @Test func aCommonerSpellingIsNamedOnStandardError() {
        var r = Self.response
        r.commonerSpellings = [CommonerSpelling(word: "Volker", articles: 1, suggestion: "Volcker", suggestionArticles: 108)]
        #expect(printer.notices(r, query: "Volker", mode: .text).lines == ["opine: 1 article has 'Volker' — did you mean Volcker (108 articles)?"])
    }

    @Test func textShowsEachArticleAndThePartialMarker() {
        #expect(printer.lines(Self.response, mode: .text) == [
            "1. First", "   Ann Author · 2025-01-01 · 1.txt", "   Trade and [tariffs].", "",
            "── below: articles matching only some of the words ──", "",
            "2. Second", "   Ann Author · 2025-01-02 · 2.txt", "   Trade and [tariffs].", "",
            "1 of 3 matching articles shown (--limit)",
        ])
    }

    @Test func countsPathsAndJSON() throws {
        // Articles that satisfy the whole query: 3, of which one is listed; the partial one is not.
        #expect(printer.lines(Self.response, mode: .count) == ["3"])
        #expect(printer.lines(Self.response, mode: .paths) == ["1.txt"])
        let json = printer.lines(Self.response, mode: .json)
        #expect(json.count == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json[0].utf8)) as? [String: Any])
        #expect(object["title"] as? String == "First")
        #expect(object["path"] as? String == "1.txt")
        #expect(object["passage_range"] as? [Int] == [10, 28])
        #expect(object["highlights"] as? [[Int]] == [[10, 17]])
        #expect(object["score"] as? Double == 3.5)
        #expect(object["complete"] as? Bool == true)
    }

    @Test func csvQuotesWhatNeedsIt() {
        var r = Self.response
        r.results[0].article.title = "Trade, \"tariffs\""
        let lines = printer.lines(r, mode: .csv)
        #expect(lines[0] == "rank,score,path,title,authors,date,outlet,snippet")
        #expect(lines[1] == "1,3.5,1.txt,\"Trade, \"\"tariffs\"\"\",Ann Author,2025-01-01,,Trade and tariffs.")
        #expect(lines.count == 3)
    }

    @Test func explainPrintsTheParts() {
        var explaining = printer
        explaining.explain = true
        let lines = explaining.lines(Self.response, mode: .text)
        #expect(lines.contains("   score 3.5 = article bm25 1 + passage bm25 2 + proximity 0.5 + phrase 0 + other passages 0 + head 0; 2/2 clauses"))
    }

    @Test func everyWordThatMatchedNothingIsNamedWithItsSuggestion() throws {
        var partial = Self.response
        partial.unmatchedWords = ["Hilary"]
        partial.suggestions = [("Hilary", "Hillary")]
        partial.completeArticles = 0
        // Results (partial matches) are listed, the word is named, and -c finds none: exit 1.
        let listed = printer.notices(partial, query: "Hilary Clinton", mode: .text)
        #expect(listed.lines == ["opine: no article has 'Hilary' — did you mean Hillary?"])
        #expect(!listed.notFound)
        let counted = printer.notices(partial, query: "Hilary Clinton", mode: .count)
        #expect(counted.lines == ["opine: no results for 'Hilary Clinton'", "opine: no article has 'Hilary' — did you mean Hillary?"])
        #expect(counted.notFound)
        let json = try #require(printer.lines(partial, mode: .json).first)
        #expect(json.contains(#""unmatched":[{"word":"Hilary","suggestion":"Hillary"}]"#))
    }

    @Test func filtersThatLeaveNothingSaySo() {
        var none = SearchResponse(results: [], matchedArticles: 0, unmatchedWords: [], suggestions: [],
                                  clauses: [.word("India", prefix: false)])
        none.filteredOut = (12, ["by 'Nobody'"])
        #expect(printer.notices(none, query: "India", mode: .text).lines == ["opine: 12 articles match 'India'; none is by 'Nobody'"])
    }
}
