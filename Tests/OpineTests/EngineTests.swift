import Foundation
import Testing
@testable import Opine
import OpineRanking
import OpineText

final class Fixture {
    let folder: String
    let engine: Engine

    /// The default collection: a pronoun, an acronym, a compound, possessives and the seed.
    convenience init() throws {
        try self.init([
            "us-pronoun.txt": "Between us\nBy A Writer\nJanuary 2, 2024\n\nLet us talk about the weather and what it means to us.",
            "us-acronym.txt": "Washington\nBy B Writer\nMarch 5, 2025\n\nThe U.S. has raised tariffs. The US economy grew.",
            "ct.txt": "Security\nBy C Writer\nOctober 1, 2025\n\nCounter-terrorism cooperation is central to the talks.",
            "econ.txt": "Economy\nBy D Writer\nJune 1, 2025\n\nPakistan's economy grew while India's slowed.",
            "seed.txt": try String(contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Corpus/2025-09-20-there-are-limits-to-bonhomie.txt").path, encoding: .utf8),
        ])
    }

    /// A temporary folder `docs` of these files (name → text), indexed; removed with the fixture.
    init(_ files: [String: String]) throws {
        folder = NSTemporaryDirectory() + "/opine-engine-" + UUID().uuidString
        let docs = folder + "/docs"
        try FileManager.default.createDirectory(atPath: docs, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: docs + "/" + name, atomically: false, encoding: .utf8) }
        engine = try Engine(indexPath: folder + "/index.sqlite")
        _ = try engine.index(roots: [docs], clock: { 0 })
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func files(_ query: String, since: String? = nil, until: String? = nil) throws -> [String] {
        var r = SearchRequest(query: query)
        r.since = since.flatMap(ArticleDate.init(iso:))
        r.until = until.flatMap(ArticleDate.init(iso:))
        return try engine.search(r).results.filter(\.isComplete).map { ($0.article.path as NSString).lastPathComponent }
    }
}

struct EngineTests {
    @Test func acronymsAndCase() throws {
        let f = try Fixture()
        #expect(!(try f.files("US")).contains("us-pronoun.txt"))
        #expect(try f.files("US").contains("us-acronym.txt"))
        #expect(try f.files("U.S.").contains("us-acronym.txt"))
        #expect(Set(try f.files("us")).isSuperset(of: ["us-pronoun.txt", "us-acronym.txt"]))
        #expect(try f.files("cpec") == ["seed.txt"])
    }

    @Test func compoundsAndPossessives() throws {
        let f = try Fixture()
        #expect(try f.files("counterterrorism").contains("ct.txt"))
        #expect(try f.files("\"counter terrorism\"").contains("ct.txt"))
        #expect(try f.files("terrorism").contains("ct.txt"))
        #expect(try f.files("Pakistan’s economy").contains("econ.txt"))
        #expect(try f.files("\"the right side of history\"") == ["seed.txt"])
        #expect(try f.files("\"CPEC 2.0\"") == ["seed.txt"])
    }

    @Test func seedSnippetAndFields() throws {
        let f = try Fixture()
        let r = try f.engine.search(SearchRequest(query: "CPEC"))
        let top = try #require(r.results.first)
        #expect(top.article.title == "There are limits to bonhomie")
        #expect(top.article.authors == ["Javid Husain"])
        #expect(top.article.date?.description == "2025-09-20")
        let snippet = try #require(top.snippets.first)
        #expect(snippet.text.contains("The launch of CPEC 2.0"))
        let highlighted = snippet.highlights.map { String(decoding: Array(snippet.text.utf8)[$0], as: UTF8.self) }
        #expect(highlighted == ["CPEC"])
    }

    @Test func filtersAndExclusions() throws {
        let f = try Fixture()
        #expect(try f.files("CPEC", since: "2025-09-01") == ["seed.txt"])
        #expect(try f.files("CPEC", until: "2025-01-01").isEmpty)
        #expect(try f.files("grew -India") == ["us-acronym.txt"])
        #expect(try f.files("grew author:Writer").count == 2)
        #expect(try f.files("title:Economy grew") == ["econ.txt"])
        #expect(try f.files("tariffs OR weather").count >= 2)
    }

    @Test func didYouMean() throws {
        let f = try Fixture()
        let r = try f.engine.search(SearchRequest(query: "Rubeo"))
        #expect(r.results.isEmpty)
        #expect(r.suggestions.map(\.suggestion) == ["Rubio"])
        #expect(try f.engine.search(SearchRequest(query: "CEPC")).suggestions.map(\.suggestion) == ["CPEC"])
        #expect(try f.engine.search(SearchRequest(query: "bonhommie")).suggestions.map(\.suggestion) == ["bonhomie"])
    }

    @Test func partialMatchesFollowCompleteOnes() throws {
        let f = try Fixture()
        let r = try f.engine.search(SearchRequest(query: "economy weather"))
        #expect(r.results.contains { !$0.isComplete })
        let firstPartial = try #require(r.firstPartial)
        #expect(r.results[firstPartial...].allSatisfy { !$0.isComplete })
    }

    /// The printed parts follow their definitions, and the ranking agrees with the scores.
    @Test func explanationPartsFollowTheirDefinitions() throws {
        let f = try Fixture()
        let p = RankingParameters()
        let results = try f.engine.search(SearchRequest(query: "Pakistan China")).results
        #expect(results.count >= 2)
        for r in results {
            let e = r.explanation
            #expect(e.bm25 > 0 && e.articleBM25 > 0)
            #expect(e.headMatch == 0, "headMatchBonus is 0 by default")
            let expected = (e.articleBM25 + e.bm25) * p.proximityWeight * e.proximityDetail.closeness
            #expect(abs(e.proximity - expected) < 1e-12)
        }
        // Complete articles first, then each group by descending score.
        for (a, b) in zip(results, results.dropFirst()) {
            #expect(a.isComplete || !b.isComplete)
            if a.isComplete == b.isComplete { #expect(a.score >= b.score) }
        }
    }

    /// Random and adversarial strings through parsing and execution on a real index: only
    /// Opine's own errors may come out, never SQLite's.
    @Test func anyInputIsSafe() throws {
        let f = try Fixture()
        var generator = SplitMix(seed: 42)
        let alphabet = Array("aAzZ09 \"'*:-()|&^.,;!?{}[]<>\\/_+=~`@#$%\u{0}\u{1}🙂é—–“”’\t\nNEARORNOTANDtitle:author:")
        var inputs = ["\"half", "(((", "*", ":", "-", "OR", "AND", "NOT", "'; DROP TABLE articles; --", "\u{0}", "🙂",
                      "NEAR(", "title:", "author:", String(repeating: "x", count: 10_000), "\"\"", "a\"b\"c", "{head}: x",
                      "passage_fts", "^CPEC", "CPEC*:", "NEAR(a b, -1)", "NEAR(a b, 99999999999999)"]
        for _ in 0..<10_000 {
            let n = Int(generator.next() % 24)
            inputs.append(String((0..<n).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
        }
        // The one error a query alone can cause is having nothing to search for.
        for q in inputs {
            do {
                _ = try f.engine.search(SearchRequest(query: q))
            } catch EngineError.noSearchableWords(let query) {
                #expect(query == q)
            } catch {
                Issue.record("\(q.prefix(40)): \(error)")
            }
        }
    }
}

/// A tiny deterministic generator (no global random state in tests).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The words-rule shortcut (read only the articles with every clause) against reading every match.
struct ShortcutTests {
    /// 300 generated articles over a small vocabulary: many hold both words of a query, many one.
    static func corpus() throws -> (String, Engine) {
        let folder = NSTemporaryDirectory() + "/opine-shortcut-" + UUID().uuidString
        let docs = folder + "/docs"
        try FileManager.default.createDirectory(atPath: docs, withIntermediateDirectories: true)
        let words = ["oil", "prices", "bank", "rate", "trade", "deficit", "crude", "market", "China", "CPEC",
                     "the", "of", "and", "rose", "fell", "counter-terrorism", "talks", "growth"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        // One word in six is a query word; the rest are fillers, so IDFs are far from their floor.
        func word() -> String { next(6) == 0 ? words[next(words.count)] : "filler\(next(300))" }
        for i in 0..<300 {
            var paragraphs: [String] = []
            for _ in 0..<(1 + next(4)) {
                paragraphs.append((0..<(3 + next(25))).map { _ in word() }.joined(separator: " ") + ".")
            }
            let title = (0..<(1 + next(3))).map { _ in word() }.joined(separator: " ")
            let date = "2025-\(1 + next(12) < 10 ? "0" : "")\(1 + next(9))-1\(next(9))"
            try "\(title)\nBy Writer \(next(5))\n\(date)\n\n\(paragraphs.joined(separator: "\n\n"))"
                .write(toFile: docs + "/a\(i).txt", atomically: false, encoding: .utf8)
        }
        let engine = try Engine(indexPath: folder + "/index.sqlite")
        _ = try engine.index(roots: [docs], clock: { 0 })
        return (folder, engine)
    }

    @Test func theShortcutRanksAsReadingEveryMatchDoes() throws {
        let (folder, engine) = try ShortcutTests.corpus()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let queries = ["oil prices", "bank rate", "crude oil market", "CPEC counterterrorism", "\"oil prices\" rate",
                       "oil prices -bank", "trade deficit title:trade", "oil pri*", "China growth author:3", "oil zzyzx"]
        for query in queries {
            for limit in [0, 1, 10, 40] {
                for dated in [false, true] {
                    var fast = SearchRequest(query: query, limit: limit)
                    fast.since = dated ? ArticleDate(iso: "2025-03-01") : nil
                    var slow = fast
                    slow.exhaustive = true
                    let a = try engine.search(fast)
                    let b = try engine.search(slow)
                    #expect(a.results.map(\.article.id) == b.results.map(\.article.id), "\(query) limit \(limit)")
                    let scores = zip(a.results, b.results).allSatisfy { abs($0.score - $1.score) < 1e-9 }
                    #expect(scores, "\(query) limit \(limit)")
                    #expect(a.matchedArticles == b.matchedArticles, "\(query) limit \(limit)")
                    #expect(a.unmatchedWords == b.unmatchedWords, "\(query)")
                    #expect(!a.results.isEmpty || limit == 0 || query.contains("zzyzx"), "\(query)")
                    #expect(a.matchedArticles > 0 || query.contains("zzyzx"), "\(query)")
                }
            }
        }
    }
}
