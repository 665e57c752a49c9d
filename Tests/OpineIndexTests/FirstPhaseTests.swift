import Foundation
import Testing
@testable import OpineIndex
import OpineRanking
import OpineText

/// The first phase against the exhaustive article-level ranking: every match read, each
/// article's clause hits counted from its passage evidence, sorted. Equal, not close.
@Suite struct FirstPhaseTests {
    /// A generated collection: a Zipf-like vocabulary (a few words in most articles, most in
    /// few), titles, paragraphs of varied length, dates over a year; blocks of 16 articles, so
    /// that 1,200 articles make 75 blocks and the bounds have something to skip.
    static func collection() throws -> (folder: TemporaryFolder, store: IndexStore) {
        let folder = TemporaryFolder()
        var random = SplitMix(0x0F1E_57)
        let vocabulary = (0..<400).map { i in "w\(i)" } + ["oil", "prices", "bank", "rates", "coffee", "immigration", "immigrants"]
        func word() -> String {
            // Word i is drawn with weight ~ 1/(i + 1): index by an exponential of a uniform.
            let u = Double(random.next() % 1_000_000) / 1_000_000
            let i = min(Int(exp(u * log(Double(vocabulary.count)))) - 1, vocabulary.count - 1)
            return vocabulary[max(i, 0)]
        }
        for a in 0..<1200 {
            let title = (0..<(1 + Int(random.next() % 4))).map { _ in word() }.joined(separator: " ")
            let paragraphs = (0..<(1 + Int(random.next() % 5))).map { _ in
                (0..<(4 + Int(random.next() % 60))).map { _ in word() }.joined(separator: " ") + "."
            }
            let month = 1 + Int(random.next() % 12), day = 1 + Int(random.next() % 28)
            let date = String(format: "2025-%02d-%02d", month, day)
            folder.write("docs/a\(a).txt", "\(title)\n\(date)\n\n" + paragraphs.joined(separator: "\n\n"))
        }
        let store = try IndexStore(path: folder.path + "/index.sqlite", impactBlockBits: 4)
        _ = try store.sync(roots: [folder.path + "/docs"], formats: .standard, clock: monotonic)
        return (folder, store)
    }

    /// Queries drawn from the collection: one to four words across the frequency bands,
    /// phrases, NEAR groups, prefixes, alternatives.
    static var queries: [[QueryClause]] {
        var random = SplitMix(0xC0FFEE)
        func w() -> String {
            let band = random.next() % 3
            let i = band == 0 ? Int(random.next() % 10) : band == 1 ? 10 + Int(random.next() % 60) : 70 + Int(random.next() % 330)
            return "w\(i)"
        }
        var out: [[QueryClause]] = [[.word("oil", prefix: false), .word("prices", prefix: false)],
                                    [.word("immigra", prefix: true)], [.word("w1", prefix: true)], [.word("w", prefix: true)],
                                    [.phrase("w0 w1")], [.near(["w2", "w5"], distance: 3)], [.word("zzyzx", prefix: false)]]
        for n in 0..<260 {
            var clauses: [QueryClause] = []
            for _ in 0..<(1 + n % 4) { clauses.append(.word(w(), prefix: false)) }
            switch n % 13 {
            case 3: clauses.append(.phrase("\(w()) \(w())"))
            case 5: clauses.append(.near([w(), w()], distance: 5))
            case 7: clauses.append(.word("w\(random.next() % 40)", prefix: true))
            case 9: clauses.append(.anyOf([.word(w(), prefix: false), .word(w(), prefix: false)]))
            case 11: clauses = (0..<6).map { _ in .word(w(), prefix: false) }
            default: break
            }
            out.append(clauses)
        }
        return out
    }

    /// The exhaustive article-level ranking: every match's evidence, grouped by article.
    static func exhaustive(_ request: FirstPhaseRequest, in snapshot: IndexSnapshot) throws -> [FirstPhase.Key] {
        let plan = request.plan
        let evidence = try snapshot.evidence(.anyClause(plan), positions: false)
        let dates = try snapshot.articleDates()
        let excluded = try request.filter.excluded.map { try snapshot.articleIDs(.anyClause($0)) } ?? []
        var byArticle: [Int64: [PassageEvidence]] = [:]
        for e in evidence { byArticle[e.articleID, default: []].append(e) }
        var keys: [FirstPhase.Key] = []
        for (article, passages) in byArticle {
            let date = article < dates.count ? dates[Int(article)] : 0
            guard !excluded.contains(article), request.filter.admits(article, date: date) else { continue }
            var head = [Int32](repeating: 0, count: plan.clauses.count), body = head
            for p in passages {
                for (c, n) in p.clauseHits.enumerated() where c < head.count { if p.isHead { head[c] += n } else { body[c] += n } }
            }
            let key = head.withUnsafeBufferPointer { h in
                body.withUnsafeBufferPointer { b in
                    FirstPhase.key(article: article, head: h, body: b, length: passages[0].articleLength, idf: request.idf,
                                                averageLength: request.averageLength, parameters: request.parameters)
                }
            }
            if key.matched > 0 { keys.append(key) }
        }
        keys.sort { FirstPhase.precedes($0, $1, wordsRule: request.wordsRule) }
        return Array(keys.prefix(request.window))
    }

    /// - Parameter knowingCompletes: pass the count of complete articles (the search's way: with
    ///   a window of them, only they are read), or not.
    static func request(_ plan: MatchPlan, window: Int, filter: ArticleFilter, knowingCompletes: Bool = true,
                        in snapshot: IndexSnapshot) throws -> FirstPhaseRequest {
        let stats = try snapshot.collectionStats()
        let counts = try snapshot.matchCounts(plan, filter: filter)
        return FirstPhaseRequest(plan: plan, window: window,
                                 idf: counts.clauseArticles.map { BM25.rankingIDF(rows: stats.articles, hits: $0) },
                                 wordsRule: plan.clauses.count <= RankingParameters().wordsRuleMaximumClauses,
                                 parameters: RankingParameters(), averageLength: stats.averageArticleLength, filter: filter,
                                 depth: window, completeArticles: knowingCompletes ? counts.completeArticles : -1,
                                 matchedArticles: knowingCompletes ? counts.matchedArticles : -1)
    }

    @Test func theWindowIsTheExhaustiveArticleRankingsHead() throws {
        let (folder, store) = try FirstPhaseTests.collection()
        defer { withExtendedLifetime(folder) {} }
        let expansions = try store.snapshot { s in try s.stems(ofWordsStartingWith: ["immigra", "w", "w1"]) }
        var compared = 0
        var skipping = 0
        try store.snapshot { snapshot in
            for (n, clauses) in FirstPhaseTests.queries.enumerated() {
                guard let plan = MatchBuilder().build(clauses, expansions: expansions) else { continue }
                let filters = [ArticleFilter(), ArticleFilter(dateRange: 20250301...20250831),
                               ArticleFilter(excluded: MatchBuilder().build([.word("w3", prefix: false)]))]
                let filter = filters[n % filters.count]
                for window in [1, 10, 37] {
                    let request = try FirstPhaseTests.request(plan, window: window, filter: filter, knowingCompletes: window != 10,
                                                              in: snapshot)
                    let first = try snapshot.firstPhase(request)
                    let oracle = try FirstPhaseTests.exhaustive(request, in: snapshot)
                    let keys = first.candidates.map(\.key)
                    let differs = Array(zip(keys, oracle)).firstIndex { $0.0 != $0.1 } ?? min(keys.count, oracle.count)
                    #expect(keys == oracle, """
                        \(clauses) window \(window) filter \(n % filters.count): \(keys.count) keys against \(oracle.count), \
                        first differing at \(differs): \(keys.dropFirst(differs).first.map { "\($0)" } ?? "none") against \
                        \(oracle.dropFirst(differs).first.map { "\($0)" } ?? "none")
                        """)
                    #expect(first.candidates.allSatisfy { $0.key.article == $0.hits.article })
                    // A page of one: with a complete article, the complete ones alone, a head of the same ranking.
                    var page = request
                    page.depth = 1
                    let shallow = try snapshot.firstPhase(page).candidates.map(\.key)
                    #expect(shallow == Array(oracle.prefix(shallow.count)), "\(clauses) window \(window), a page of one")
                    if request.wordsRule, request.completeArticles >= 1 {
                        #expect(shallow.count == min(window, request.completeArticles), "\(clauses) window \(window), a page of one")
                    }
                    #expect(first.bounded)
                    compared += 1
                    if first.blocksRead < first.blocks { skipping += 1 }
                }
            }
        }
        #expect(compared >= 600)
        // The bounds skip blocks for many queries (with 75 blocks, a window of 37 needs many).
        #expect(skipping > compared / 3, "\(skipping) of \(compared) read fewer blocks than all")
    }

    @Test func otherParametersReadEveryMatchAndAgreeToo() throws {
        let (folder, store) = try FirstPhaseTests.collection()
        defer { withExtendedLifetime(folder) {} }
        try store.snapshot { snapshot in
            let plan = try #require(MatchBuilder().build([.word("w1", prefix: false), .word("w7", prefix: false)]))
            var request = try FirstPhaseTests.request(plan, window: 10, filter: ArticleFilter(), in: snapshot)
            request.parameters.k1 = 2
            let first = try snapshot.firstPhase(request)
            #expect(!first.bounded)
            #expect(first.candidates.map(\.key) == (try FirstPhaseTests.exhaustive(request, in: snapshot)))
        }
    }

    /// An article rewritten with more of a word, after its block's bounds were written, must
    /// still be found: the new delta raises the bound.
    @Test func aRewrittenArticleRaisesItsBlocksBound() throws {
        let folder = TemporaryFolder()
        for i in 0..<40 { folder.write("docs/a\(i).txt", "Title \(i)\n\nfiller text about nothing much, item \(i).") }
        folder.write("docs/a0.txt", "Title 0\n\nfiller text, one mention of coffee.")
        let store = try IndexStore(path: folder.path + "/index.sqlite", impactBlockBits: 3)
        _ = try store.sync(roots: [folder.path + "/docs"], formats: .standard, clock: monotonic)
        folder.write("docs/a30.txt", "Coffee coffee coffee\n\nCoffee, coffee and coffee: coffee prices.")
        // A new mtime second, so that the walk sees the change.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: folder.path + "/docs/a30.txt")
        _ = try store.sync(roots: [folder.path + "/docs"], formats: .standard, clock: monotonic)
        try store.snapshot { snapshot in
            let plan = try #require(MatchBuilder().build([.word("coffee", prefix: false)]))
            let request = try FirstPhaseTests.request(plan, window: 1, filter: ArticleFilter(), in: snapshot)
            let first = try snapshot.firstPhase(request)
            let oracle = try FirstPhaseTests.exhaustive(request, in: snapshot)
            #expect(first.candidates.map(\.key) == oracle)
            #expect(oracle.count == 1)
        }
    }
}
