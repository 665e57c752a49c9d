import Foundation
import Testing
@testable import Opine
import OpineRanking
import OpineText

/// Counts, lists, snippets, unmatched words and filters, against oracles computed from the
/// files themselves.
struct SearchMeaningTests {
    /// The files of `folder` holding every word of `words` as a whole word (case-insensitive),
    /// read directly: the `rg -l -w` oracle.
    static func filesWithAll(_ words: [String], in folder: String) throws -> Set<String> {
        var out = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8).lowercased()
            let tokens = Set(text.split { !($0.isLetter || $0.isNumber) }.map(String.init))
            if words.allSatisfy({ tokens.contains($0.lowercased()) }) { out.insert(name) }
        }
        return out
    }

    @Test(arguments: ["oil prices", "bank rate", "crude oil market", "trade deficit growth", "oil zzyzx", "rose"])
    func countsAndListsAreArticlesWithEveryWord(_ query: String) throws {
        let (folder, engine) = try ShortcutTests.corpus()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let expected = try Self.filesWithAll(query.split(separator: " ").map(String.init), in: folder + "/docs")
        var count = SearchRequest(query: query, limit: 0)
        count.snippets = 0
        #expect(try engine.search(count).completeArticles == expected.count)
        var list = SearchRequest(query: query, limit: 10_000)
        list.completeOnly = true
        list.snippets = 0
        let listed = try engine.search(list)
        #expect(Set(listed.results.map { ($0.article.path as NSString).lastPathComponent }) == expected)
        #expect(listed.completeArticles == expected.count)
        // The ranked list says the same number.
        #expect(try engine.search(SearchRequest(query: query)).completeArticles == expected.count)
    }

    @Test func aSnippetNeverJustRepeatsTheTitle() throws {
        let fixture = try Fixture([
            "a.txt": "OPEC MEETS IN VIENNA\n\nMinisters gathered on Monday to discuss output.\n\nThe cartel's OPEC quota talks resume.",
            "b.txt": "OPEC SAYS NOTHING\n\nOfficials declined to comment on Tuesday.",
        ])
        let results = try fixture.engine.search(SearchRequest(query: "OPEC")).results
        #expect(results.count == 2)
        for r in results {
            let snippet = try #require(r.snippets.first)
            #expect(!r.article.title.contains(snippet.text.trimmingCharacters(in: CharacterSet(charactersIn: "… "))))
        }
        let a = try #require(results.first { $0.article.path.hasSuffix("a.txt") })
        #expect(a.snippets[0].text.contains("OPEC quota talks"))
        let b = try #require(results.first { $0.article.path.hasSuffix("b.txt") })
        #expect(b.snippets[0].text.hasPrefix("Officials declined"))
    }

    /// "Did you mean" shows a word as the text writes it, not as a title in capitals shouts it;
    /// an acronym keeps its capitals wherever it stands.
    @Test func suggestionsAreWrittenAsTheBodyWritesThem() throws {
        let fixture = try Fixture([
            "a.txt": "OIL PRICES RISE\n\nCrude oil rose on Monday as NATO met.",
            "b.txt": "SHIPPING COSTS\n\nFreight rates eased; NATO ministers met again.",
        ])
        #expect(try fixture.engine.search(SearchRequest(query: "oill")).suggestions.map(\.suggestion) == ["oil"])
        #expect(try fixture.engine.search(SearchRequest(query: "frieght")).suggestions.map(\.suggestion) == ["Freight"])
        #expect(try fixture.engine.search(SearchRequest(query: "NATTO")).suggestions.map(\.suggestion) == ["NATO"])
        #expect(try fixture.engine.search(SearchRequest(query: "shiping")).suggestions.map(\.suggestion) == ["shipping"], "only a title has it")
    }

    /// A word one or two articles have, one edit from a word twenty have, is named with the
    /// commoner spelling beside its results; a name is not offered a common word; a word three
    /// articles have is not rare.
    @Test func aRareSpellingIsNamedWithTheCommonerOne() throws {
        var files = ["typo.txt": "A typo\n\nPaul Volker spoke about rates.", "name.txt": "A name\n\nThe province, said Hunan officials."]
        for n in 0..<20 { files["c\(n).txt"] = "Note \(n)\n\nPaul Volcker spoke about rates and the human costs of the crisis in the ledger." }
        for n in 0..<3 { files["l\(n).txt"] = "Ledgers \(n)\n\nThe leger of accounts." }
        let fixture = try Fixture(files)
        let typo = try fixture.engine.search(SearchRequest(query: "volker"))
        #expect(typo.results.count == 1)
        #expect(typo.commonerSpellings == [CommonerSpelling(word: "volker", articles: 1, suggestion: "Volcker", suggestionArticles: 20)])
        #expect(try fixture.engine.search(SearchRequest(query: "Volcker")).commonerSpellings.isEmpty)
        #expect(try fixture.engine.search(SearchRequest(query: "Hunan")).commonerSpellings.isEmpty, "a name is not offered 'human'")
        #expect(try fixture.engine.search(SearchRequest(query: "hunan")).commonerSpellings.map(\.suggestion) == ["human"])
        #expect(try fixture.engine.search(SearchRequest(query: "leger")).commonerSpellings.isEmpty, "three articles: not rare")
        var quiet = SearchRequest(query: "volker")
        quiet.suggests = false
        #expect(try fixture.engine.search(quiet).commonerSpellings.isEmpty)
    }

    /// A typo in the first two letters is corrected: `rpices` is one transposition from prices
    /// and one deletion from rice; three articles have prices, one has rice.
    @Test func aTypoInTheFirstTwoLettersIsCorrected() throws {
        let fixture = try Fixture([
            "a.txt": "One\n\nPrices rose.", "b.txt": "Two\n\nPrices fell.", "c.txt": "Three\n\nPrices held.",
            "d.txt": "Four\n\nRice was cheap.",
        ])
        #expect(try fixture.engine.search(SearchRequest(query: "rpices")).suggestions.map(\.suggestion) == ["Prices"])
    }

    /// Article length is the indexed text, not the file: the same op-ed as a text file and as a
    /// saved page (20 KB of script and navigation around it) scores the same, and two rows of one
    /// CSV export are as long as their own texts.
    @Test func articleLengthIsTheTextNotTheFile() throws {
        let clutter = String(repeating: "var tracking = 'x';\n", count: 1_000)
        let page = """
            <html><head><title>Corridor notes</title><script>\(clutter)</script></head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
            <article><h1>Corridor notes</h1><p>The CPEC corridor matters to both countries.</p>
            <p>Trade follows the road, and the road needs upkeep.</p></article>
            <footer>Copyright 2025. All rights reserved.</footer></body></html>
            """
        let text = "Corridor notes\n\nThe CPEC corridor matters to both countries.\n\nTrade follows the road, and the road needs upkeep."
        let rows = "title,text\nShort,The CPEC corridor matters.\nLong,\"The CPEC corridor matters. " + String(repeating: "More words follow here. ", count: 60) + "\"\n"
        let fixture = try Fixture(["page.html": page, "note.txt": text, "rows.csv": rows])
        var request = SearchRequest(query: "CPEC", limit: 10)
        request.snippets = 0
        let results = try fixture.engine.search(request).results
        func part(_ match: (SearchResult) -> Bool) throws -> Double {
            let found = results.first(where: match)
            return try #require(found).explanation.articleBM25
        }
        #expect(results.count == 4)
        #expect(abs(try part { $0.article.path.hasSuffix("page.html") } - part { $0.article.path.hasSuffix("note.txt") }) < 1e-12,
                "the markup is not the article")
        #expect(try part { $0.article.title == "Short" } > part { $0.article.title == "Long" }, "each row as long as its own text")
    }

    @Test func wordsNoArticleHasAreNamedEvenWhenOthersMatch() throws {
        let f = try Fixture()
        let response = try f.engine.search(SearchRequest(query: "Pakistn tariffs"))
        #expect(!response.results.isEmpty)
        #expect(response.unmatchedWords == ["Pakistn"])
        #expect(response.suggestions.first?.suggestion == "Pakistan")
        #expect(response.completeArticles == 0)
    }

    @Test func authorsAreAlternativesAndFiltersAloneList() throws {
        let f = try Fixture()
        var either = SearchRequest(query: "")
        either.authors = ["A Writer", "Husain"]
        let listed = try f.engine.search(either)
        #expect(listed.results.map { ($0.article.path as NSString).lastPathComponent } == ["seed.txt", "us-pronoun.txt"])
        var nobody = SearchRequest(query: "economy")
        nobody.authors = ["Nobody"]
        let none = try f.engine.search(nobody)
        #expect(none.results.isEmpty)
        #expect(none.filteredOut?.articles == 2)
        #expect(none.filteredOut?.filters == ["by 'Nobody'"])
    }

    /// Prefixes match the words as written, though the index holds stems.
    @Test func prefixesMatchTheWordsAsWritten() throws {
        let texts = ["a": "Immigration rose.", "b": "Immigrants arrived.", "c": "She immigrated in 1990.",
                     "d": "The economy grew.", "e": "Economic policy and economics.", "f": "Nothing here."]
        let fixture = try Fixture(Dictionary(uniqueKeysWithValues: texts.map { ("\($0.key).txt", "Title \($0.key)\n\n\($0.value)") }))
        func files(_ q: String) throws -> Set<String> {
            var r = SearchRequest(query: q, limit: 100)
            r.completeOnly = true
            return Set(try fixture.engine.search(r).results.map { ($0.article.path as NSString).lastPathComponent })
        }
        #expect(try files("immigra*") == ["a.txt", "b.txt", "c.txt"])
        #expect(try files("econom*") == ["d.txt", "e.txt"])
        #expect(try files("economy*") == ["d.txt"])
        let top = try #require(try fixture.engine.search(SearchRequest(query: "immigra*")).results.first { $0.article.path.hasSuffix("a.txt") })
        let marked = top.snippets[0].highlights.map { String(decoding: Array(top.snippets[0].text.utf8)[$0], as: UTF8.self) }
        #expect(marked == ["Immigration"])
    }

    /// House styles of acronyms: NATO and Nato, ISIS and Isis find the same articles; US never
    /// finds the pronoun, IT never "it".
    @Test func houseStylesOfAcronymsFindEachOther() throws {
        let fixture = try Fixture([
            "reuters.txt": "Summit\n\nLeaders of NATO met as ISIS fighters fled.",
            "guardian.txt": "Summit\n\nThe leaders of Nato met as Isis fighters fled.",
            "plain.txt": "Notes\n\nIt was what it was, said one of us.",
        ])
        func files(_ q: String) throws -> Set<String> {
            Set(try fixture.engine.search(SearchRequest(query: q)).results.filter(\.isComplete).map { ($0.article.path as NSString).lastPathComponent })
        }
        for q in ["NATO", "Nato", "nato"] { #expect(try files(q) == ["reuters.txt", "guardian.txt"], "\(q)") }
        for q in ["ISIS", "Isis"] { #expect(try files(q) == ["reuters.txt", "guardian.txt"], "\(q)") }
        #expect(try files("US").isEmpty)
        #expect(try files("IT").isEmpty)
        #expect(try files("us") == ["plain.txt"])
    }

    /// In a collection of one article FTS5's IDF floors at 1e-6; Lucene's, used below 20
    /// articles, stays positive: the article part by hand is 0.5 × ln(4/3) × 2 × 2.2 / (2 + 1.2).
    @Test func scoresOnATinyCollectionMeanSomething() throws {
        let fixture = try Fixture(["a.txt": "Title\n\nCPEC is here. CPEC again."])
        let e = try #require(try fixture.engine.search(SearchRequest(query: "CPEC")).results.first).explanation
        #expect(abs(e.articleBM25 - 0.5 * log(4.0 / 3.0) * 2 * 2.2 / 3.2) < 1e-9)
        #expect(e.bm25 > 0.01)
    }

    /// "Hilary" is stemmed to hilari, which "hilarious" also gives: the word itself is in no
    /// article, and the search says how it matched (not that no article has it: one matched),
    /// with the name the articles write.
    @Test func aWordFoundOnlyThroughItsStemIsNamed() throws {
        let fixture = try Fixture([
            "a.txt": "One\n\nHillary Clinton spoke. Hillary Clinton left.",
            "b.txt": "Two\n\nA hilarious evening with Clinton.",
        ])
        let response = try fixture.engine.search(SearchRequest(query: "Hilary Clinton"))
        #expect(response.unmatchedWords.isEmpty)
        #expect(response.throughStem == [StemMatch(word: "Hilary", stem: "hilari", articles: 1, suggestion: "Hillary")])
        let right = try fixture.engine.search(SearchRequest(query: "Hillary Clinton"))
        #expect(right.unmatchedWords.isEmpty && right.throughStem.isEmpty)
    }
}

/// Issue 24: `Isis` (the Guardian's and Dawn's ISIS) stems to isi, the ISI's lowercase term:
/// neither may find the other.
struct HouseStyleAcronymTests {
    static let files = [
        "isi.txt": "Spies\n\n2025-01-01\n\nIn Pakistan the ISI is everywhere, the editorial said.",
        "isis.txt": "War\n\n2025-01-02\n\nThe fighters of Isis fled the town, officials said.",
        "caps.txt": "Caps\n\n2025-01-03\n\nThe fighters of ISIS fled the town, officials said.",
    ]

    func titles(_ query: String, _ fixture: Fixture) throws -> Set<String> {
        Set(try fixture.engine.search(SearchRequest(query: query)).results.filter(\.isComplete).map(\.article.title))
    }

    @Test func isisAndTheISINeverFindEachOther() throws {
        let fixture = try Fixture(Self.files)
        #expect(try titles("Isis", fixture) == ["War", "Caps"])
        #expect(try titles("ISI", fixture) == ["Spies"])
        #expect(try titles("ISIS", fixture) == ["War", "Caps"])
        #expect(try titles("Isis OR Daesh", fixture) == ["War", "Caps"])
    }

    /// Without an ISI in the index, `Isis` is a word as before (its stem finds "isis" too).
    @Test func withoutAnotherAcronymIsisIsAWord() throws {
        let fixture = try Fixture(["isis.txt": Self.files["isis.txt"] ?? "", "lower.txt": "Low\n\n2025-01-04\n\nthe isis cult, said the note."])
        #expect(try titles("Isis", fixture) == ["War", "Low"])
    }

    /// `News` stays a word where NEW is an acronym of many articles but NEWS of few (the ratio
    /// rule, counted by hand: new in 3, NEW in 1, NEWS in 0).
    @Test func newsStaysAWord() throws {
        let fixture = try Fixture(["a.txt": "A\n\n2025-01-01\n\nThe news was good.", "b.txt": "B\n\n2025-01-02\n\nThe news was bad.",
                                   "c.txt": "C\n\n2025-01-03\n\nThe NEW rules start."])
        #expect(try titles("News", fixture) == ["A", "B", "C"])
    }
}
