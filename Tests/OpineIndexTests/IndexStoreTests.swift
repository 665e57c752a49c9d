import Foundation
import GRDB
import Testing
@testable import OpineIndex
import OpineRanking
import OpineText

struct IndexStoreTests {
    @Test func porterParityWithFTS5() throws {
        let words = ["caresses", "ponies", "relational", "conditional", "generalization", "running", "cooperation",
                     "economic", "policies", "strategic", "hopefulness", "adjustable", "communism", "realisation",
                     "counterterrorism", "institutionalised", "relations", "bonhomie", "transitioning", "oscillations",
                     "administration", "agreed", "sky", "happy", "proliferation", "significantly", "abc1990s"]
        let queue = try DatabaseQueue()
        try queue.read { db in
            let porter = try db.makeTokenizer(.porter())
            for w in words {
                let theirs = try porter.tokenize(document: w).map(\.token)
                #expect([PorterStemmer.stem(w)] == theirs, "\(w)")
            }
        }
    }

    func makeStore(_ folder: TemporaryFolder) throws -> IndexStore {
        try IndexStore(path: folder.path + "/index.sqlite")
    }

    @Test func highlightOffsetsEqualTheAnalyzers() throws {
        let folder = TemporaryFolder()
        let text = "Title\n\nThe U.S. and Pakistan’s counter-terrorism MOUs: CPEC 2.0, Café Müller, 19% tariffs."
        folder.write("docs/a.txt", text)
        let store = try makeStore(folder)
        _ = try store.sync(roots: [folder.path + "/docs"], clock: monotonic)
        let plan = try #require(MatchBuilder().build([.word("US", prefix: false), .word("counterterrorism", prefix: false),
                                                      .word("Pakistan", prefix: false), .word("cafe", prefix: false), .word("CPEC", prefix: false)]))
        let highlighted = try store.read { db in
            try String.fetchOne(db, sql: "SELECT highlight(article_fts, 1, '[', ']') FROM article_fts WHERE article_fts MATCH ? AND body IS NOT NULL",
                                arguments: [FTS5Expression.render(.anyClause(plan))])
        }
        // FTS5 highlights a position with the range of its first token: for the compound, the
        // analyzer's `counter` (the joined alternative is colocated with it).
        #expect(highlighted == "The [U.S.] and [Pakistan’s] [counter]-terrorism MOUs: [CPEC] 2.0, [Café] Müller, 19% tariffs.")
    }

    /// A load of 1,000 files or more turns FTS5's automerge off and merges once at the end;
    /// the setting is back on after it, and a run after a killed load (automerge left at 0)
    /// puts it back. FTS5's own integrity check passes on what the load built.
    @Test func aLargeLoadMergesOnceAndLeavesAutomergeOn() throws {
        let folder = TemporaryFolder()
        for n in 0..<1_000 { folder.write("docs/n\(n).txt", "Note \(n)\n\nOil and coffee, item \(n % 37).") }
        let store = try makeStore(folder)
        func automerge() throws -> Int? {
            try store.read { db in try Int.fetchOne(db, sql: "SELECT v FROM article_fts_config WHERE k = 'automerge'") }
        }
        #expect(try store.sync(roots: [folder.path + "/docs"], clock: monotonic).added == 1_000)
        #expect(try automerge() == 4)
        try store.write { db in try db.execute(sql: "INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', 0)") }
        folder.write("docs/late.txt", "Late\n\nOne more.")
        #expect(try store.sync(roots: [folder.path + "/docs"], clock: monotonic).added == 1)
        #expect(try automerge() == 4)
        try store.write { db in try db.execute(sql: "INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)") }
    }

    /// A run killed after its batches were committed but before its closing figures (as
    /// `kill -9` can) leaves articles the figures do not count; the next run, though every file
    /// is then unchanged, writes them. The oracle: the figures of an index built in one go.
    @Test func figuresLeftBehindByAKilledRunAreWrittenByTheNext() throws {
        let folder = TemporaryFolder()
        let docs = folder.path + "/docs"
        folder.write("docs/a.txt", "Alpha\n2025-01-02\n\nThe alpha article about CPEC and trade.")
        let store = try makeStore(folder)
        _ = try store.sync(roots: [docs], clock: monotonic)
        folder.write("docs/b.txt", "Beta\n2025-02-03\n\nThe beta article, longer, about trade and tariffs and CPEC.")
        // The run's first stages, as `sync` runs them, without `finish`.
        var report = SyncReport()
        let (files, roots) = store.walk([docs], formats: .standard, report: &report)
        var changes = ChangeSet(stored: try store.storedArticles(under: roots), scanned: files)
        try store.apply(&changes, files: files, formats: .standard, report: &report, progress: nil, jobs: 1)
        #expect(report.added == 1)
        let killed = try store.check()
        #expect(killed.staleFigures && killed.isHealthy, "out of date, not unsound")
        let next = try store.sync(roots: [docs], clock: monotonic)
        #expect((next.added, next.unchanged) == (0, 2))
        #expect(try !store.check().staleFigures)

        let whole = TemporaryFolder()
        let reference = try makeStore(whole)
        _ = try reference.sync(roots: [docs], clock: monotonic)
        func figures(_ s: IndexStore) throws -> [String] {
            try s.read { db in
                try String.fetchAll(db, sql: """
                    SELECT key || '=' || value FROM meta WHERE key IN ('article_count', 'article_tokens', 'passage_count', 'passage_tokens')
                    UNION ALL SELECT key || '=' || hex(value) FROM blobs WHERE key IN ('article_sizes', 'article_dates') ORDER BY 1
                    """)
            }
        }
        #expect(try figures(store) == figures(reference))
        #expect(try figures(store).count == 6)
    }

    @Test func incrementalSync() throws {
        let folder = TemporaryFolder()
        let docs = folder.path + "/docs"
        folder.write("docs/a.txt", "Alpha\n\nThe alpha article about CPEC.")
        folder.write("docs/b.txt", "Beta\n\nThe beta article about trade.")
        folder.write("docs/sub/c.md", "---\ntitle: Gamma\n---\n\nThe gamma article.")
        folder.write("docs/ignored.pdf", "not an article")
        let store = try makeStore(folder)
        var r = try store.sync(roots: [docs], clock: monotonic)
        #expect((r.added, r.updated, r.removed, r.unchanged, r.failed) == (3, 0, 0, 0, 0))
        r = try store.sync(roots: [docs], clock: monotonic)
        #expect((r.added, r.updated, r.removed, r.unchanged) == (0, 0, 0, 3))

        // Change, delete, rename, add.
        folder.write("docs/a.txt", "Alpha\n\nThe alpha article, now about NATO.")
        try FileManager.default.removeItem(atPath: docs + "/b.txt")
        try FileManager.default.moveItem(atPath: docs + "/sub/c.md", toPath: docs + "/c-renamed.md")
        folder.write("docs/d.txt", "Delta\n\nNew.")
        r = try store.sync(roots: [docs], clock: monotonic)
        #expect((r.added, r.updated, r.moved, r.removed, r.unchanged) == (1, 1, 1, 1, 0))
        let stats = try store.stats()
        #expect(stats.articles == 3)
        let nato = try #require(MatchBuilder().build([.word("NATO", prefix: false)]))
        #expect(try store.articleIDs(matching: nato).count == 1)
        let cpec = try #require(MatchBuilder().build([.word("CPEC", prefix: false)]))
        #expect(try store.articleIDs(matching: cpec).isEmpty)
        let check = try store.check()
        #expect(check.isHealthy)
        #expect(check.missingFiles.isEmpty && check.changedFiles.isEmpty)
    }

    @Test func badFilesAreReportedAndSkipped() throws {
        let folder = TemporaryFolder()
        let docs = folder.path + "/docs"
        folder.write("docs/good.txt", "Good\n\nA good article.")
        folder.write("docs/empty.txt", "")
        try Data([0x41, 0x00, 0x42]).write(to: URL(fileURLWithPath: docs + "/binary.txt"))
        try Data("Caf\u{E9} cr\u{E8}me".unicodeScalars.map { UInt8($0.value) }).write(to: URL(fileURLWithPath: docs + "/latin1.txt"))
        try FileManager.default.createDirectory(atPath: docs + "/folder.txt", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: docs + "/broken.txt", withDestinationPath: docs + "/nowhere.txt")
        try FileManager.default.createSymbolicLink(atPath: docs + "/loop", withDestinationPath: docs)
        let store = try makeStore(folder)
        let r = try store.sync(roots: [docs], clock: monotonic)
        #expect(r.added == 3)  // good, latin1, and the empty file (by its name)
        #expect(r.failed == 1)
        #expect(r.warnings.contains { $0.contains("binary.txt") && $0.contains("binary") })
        #expect(r.warnings.contains { $0.contains("empty.txt") && $0.contains("empty file") })
        #expect(r.warnings.contains { $0.contains("latin1.txt") && $0.contains("windows-1252") })
        #expect(r.warnings.contains { $0.contains("broken.txt") })
        #expect(r.warnings.contains { $0.contains("loop") })
        #expect(r.warnings.contains { $0.contains("folder.txt") })
        let cafe = try #require(MatchBuilder().build([.word("café", prefix: false)]))
        #expect(try store.articleIDs(matching: cafe).count == 1)
    }

    @Test func notAnIndexIsRefused() throws {
        let folder = TemporaryFolder()
        let path = folder.write("junk.sqlite", "this is not a database at all, just text")
        #expect(throws: IndexError.notAnIndex(path: path)) { try IndexStore(path: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("this is not"))
    }

    @Test func otherVersionIsRefusedThenRebuilt() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/i.sqlite"
        do {
            let store = try IndexStore(path: path)
            try store.write { db in try db.execute(sql: "UPDATE meta SET value = '0' WHERE key = 'tokenizer_version'") }
        }
        #expect(throws: IndexError.self) { try IndexStore(path: path) }
        let rebuilt = try IndexStore(path: path, rebuild: true)
        #expect(try rebuilt.stats().articles == 0)
    }

    @Test func editDistance() {
        #expect(EditDistance.damerau(Array("rubeo".utf8), Array("rubio".utf8), limit: 2) == 1)
        #expect(EditDistance.damerau(Array("CEPC".utf8), Array("CPEC".utf8), limit: 2) == 1)
        #expect(EditDistance.damerau(Array("abc".utf8), Array("xyz".utf8), limit: 2) == 3)
    }
}

struct BM25ParityTests {
    /// Opine computes passage BM25 from `opine_instances` over article rows and their layouts;
    /// FTS5's own `bm25()` over a table of one row per passage (same tokenizer) is the oracle.
    @Test(arguments: [(1.0, 1.0), (1.5, 1.0), (3.0, 0.5)])
    func matchesFTS5(_ headWeight: Double, _ bodyWeight: Double) throws {
        let folder = TemporaryFolder()
        folder.write("docs/a.txt", "Oil prices rise\nBy A Writer\n\nOil prices rose as oil output fell. Prices of crude oil.\n\nNothing here.")
        folder.write("docs/b.txt", "Coffee\n\nCoffee prices and the counter-terrorism talks, with oil mentioned once.")
        folder.write("docs/c.txt", "Markets\n\nA long paragraph about markets and prices and prices and prices, with no crude at all, and more words to make it long.")
        let store = try IndexStore(path: folder.path + "/i.sqlite")
        _ = try store.sync(roots: [folder.path + "/docs"], clock: monotonic)
        for clauses in [[QueryClause.word("oil", prefix: false), .word("prices", prefix: false)],
                        [.word("counterterrorism", prefix: false), .phrase("crude oil")], [.word("markets", prefix: false)]] {
            let plan = try #require(MatchBuilder().build(clauses))
            var evidence = try store.matchPassages(plan)
            let table = try store.passageStatistics()
            let idf = BM25.passageHits(evidence).map { BM25.idf(rows: table.rows, hits: $0) }
            BM25.score(&evidence, idf: idf, averageLength: table.averageLength, headWeight: headWeight, bodyWeight: bodyWeight)
            let oracle = try store.write { db in
                if try !db.tableExists("oracle") {
                    try db.execute(sql: """
                        CREATE VIRTUAL TABLE oracle USING fts5(head, body, tokenize='opine');
                        INSERT INTO oracle(rowid, head, body)
                            SELECT id, CASE WHEN kind <= 1 THEN text END, CASE WHEN kind > 1 THEN text END FROM passages;
                        """)
                }
                return try Row.fetchAll(db, sql: "SELECT rowid, bm25(oracle, ?, ?) FROM oracle WHERE oracle MATCH ?",
                                        arguments: [headWeight, bodyWeight, FTS5Expression.render(.anyClause(plan))])
            }
            #expect(oracle.count == evidence.count)
            for row in oracle {
                let id: Int64 = row[0]
                let fts5: Double = row[1]
                let ours = try #require(evidence.first { $0.passageID == id })
                // (A bool first: `#expect(abs(a - -b) < e)` crashed Swift 6.3.1's runtime demangler.)
                let agrees = abs(ours.bm25 + fts5) < 1e-9
                #expect(agrees, "passage \(id): \(ours.bm25) vs \(-fts5)")
            }
        }
    }
}

/// One FTS5 row per article: passages are told apart by the layout the tokenizer recorded.
struct ArticleRowTests {
    /// A store over `files` (name → text) in a fresh folder, synced.
    func indexed(_ files: [String: String]) throws -> (TemporaryFolder, IndexStore) {
        let folder = TemporaryFolder()
        for (name, text) in files { folder.write("docs/" + name, text) }
        let store = try IndexStore(path: folder.path + "/i.sqlite")
        _ = try store.sync(roots: [folder.path + "/docs"], clock: monotonic)
        return (folder, store)
    }

    @Test func layoutCountsEachPassagesPositions() throws {
        let folder = TemporaryFolder()
        let seed = try #require(try? String(contentsOfFile: TestPaths.seed, encoding: .utf8))
        folder.write("docs/seed.txt", seed)
        // A stray separator inside a passage must not split it.
        folder.write("docs/odd.txt", "Odd \u{1E} title\n\nA body\u{1E}with a separator. And U.S.-India ties, counter-terrorism.")
        let store = try IndexStore(path: folder.path + "/i.sqlite")
        _ = try store.sync(roots: [folder.path + "/docs"], clock: monotonic)
        let analyzer = Analyzer()
        let rows = try store.read { db in try Row.fetchAll(db, sql: "SELECT id, value FROM layouts ORDER BY id") }
        #expect(rows.count == 2)
        var passages = 0
        var tokens = 0
        for row in rows {
            let id: Int64 = row[0]
            let value: Data = row[1]
            var layout: [ArticleLayout.Passage] = []
            value.withUnsafeBytes { ArticleLayout.decode($0, into: &layout) }
            let (record, stored) = try #require(try store.article(String(id)))
            #expect(layout.count == stored.count)
            if record.path.hasSuffix("seed.txt") {
                // Ranges point into the file (the end is derived from the text's length), and the
                // title, stored once, reads back whole.
                let bytes = Array(seed.utf8)
                for p in stored { #expect(Array(bytes[p.range]) == Array(p.text.utf8)) }
                #expect(record.title == "There are limits to bonhomie")
                #expect(stored.first { $0.kind == .standfirst }?.text.hasPrefix("Several developments since June") == true)
            }
            for (entry, passage) in zip(layout, stored) {
                #expect(!passage.text.contains("\u{1E}"))
                let expected = analyzer.tokens(passage.text, mode: .document).filter { !$0.isColocated }.count
                #expect(Int(entry.length) == expected, "\(passage.kind) \(passage.text.prefix(40))")
                #expect(entry.kind == passage.kind)
            }
            passages += layout.count
            tokens += layout.reduce(0) { $0 + Int($1.length) }
        }
        #expect(try store.passageStatistics() == TableStatistics(rows: passages, tokens: tokens))
        #expect(try store.check().isHealthy)
    }

    @Test func layoutOfAnEmptyColumn() {
        // An empty title passage gives an empty head column, which the tokenizer never records.
        let passages: [(kind: PassageKind, text: String)] = [(.title, ""), (.body, "Oil prices"), (.body, "rose")]
        let (head, body) = IndexStore.columns(passages)
        #expect(head == "" && body == "Oil prices\u{1E}rose")
        let data = IndexStore.layout(passages, head: head, body: body, recorded: [(15, [2, 1])])
        var layout: [ArticleLayout.Passage] = []
        data.withUnsafeBytes { ArticleLayout.decode($0, into: &layout) }
        #expect(layout.map(\.length) == [0, 2, 1])
        #expect(layout.map(\.start) == [0, 0, 3])
        // A record that does not fit the columns: each passage is analyzed again.
        let again = IndexStore.layout(passages, head: head, body: body, recorded: [])
        #expect(again == data)
    }

    @Test func phrasesAndPassagesDoNotSpanTwoPassages() throws {
        let (folder, store) = try indexed(["a.txt": "Markets\n\nThe day ended with oil\n\nPrices rose later, oil prices fell.",
                                           "b.txt": "Other\n\nThe end of oil\n\nPrices rose."])
        defer { withExtendedLifetime(folder) {} }
        let plan = try #require(MatchBuilder().build([.phrase("oil prices")]))
        let evidence = try store.matchPassages(plan)
        // Only a's second body passage holds the phrase; b's "oil" and "Prices" are in two passages.
        #expect(evidence.map(\.passageID) == [65538])
        #expect(evidence.first?.length == 6)
        let words = try #require(MatchBuilder().build([.word("oil", prefix: false), .word("prices", prefix: false)]))
        let all = try store.matchPassages(words)
        let positions = all.first { $0.passageID == 65538 }?.positions
        // Positions count from the passage's first token: "prices" 0 and 4, "oil" 3.
        #expect(positions == [[3], [0, 4]])
        let expected: Set<Int64> = [65537, 65538, 131073, 131074]  // articles 1 and 2, passages 1 and 2
        #expect(Set(all.map(\.passageID)) == expected)
    }

    @Test func aNearGroupHoldsInOnePassage() throws {
        // In a, "trade" ends one paragraph and "tariffs" starts the next: within 5 positions in
        // the row, but in two passages. In b they stand together.
        let (folder, store) = try indexed(["a.txt": "One\n\nA standfirst.\n\nThe talks were about trade\n\nTariffs came later.",
                                           "b.txt": "Two\n\nA standfirst.\n\nTrade and tariffs were discussed."])
        defer { withExtendedLifetime(folder) {} }
        let plan = try #require(MatchBuilder().build([.near(["trade", "tariffs"], distance: 5)]))
        #expect(plan.nearClauses == [0])
        let evidence = try store.matchPassages(plan)
        // Only b's passage holds the group (the engine ranks from this evidence alone).
        #expect(evidence.map(\.passageID) == [2 << 16 | 2])
        #expect(evidence.first?.phraseHits == [1, 1])
        // Control: FTS5 itself matched a too (across the boundary).
        var unchecked = plan
        unchecked.nearClauses = []
        #expect(Set(try store.matchPassages(unchecked).map(\.articleID)) == [1, 2])
    }

    @Test func titleFilterNeedsEveryClauseInTheTitle() throws {
        let (folder, store) = try indexed(["a.txt": "Oil and prices\n\nBody text.", "b.txt": "Oil alone\n\nPrices in the body."])
        defer { withExtendedLifetime(folder) {} }
        let both = try #require(MatchBuilder().build([.word("oil", prefix: false), .word("prices", prefix: false)]))
        #expect(try store.articleIDs(titleMatching: both) == [1])
        let oil = try #require(MatchBuilder().build([.word("oil", prefix: false)]))
        #expect(try store.articleIDs(titleMatching: oil) == [1, 2])
    }

    /// Paths are kept as the user gave them: a folder indexed through a symbolic link keeps the
    /// link's name in every stored path.
    @Test func pathsAreNotResolvedThroughLinks() throws {
        let folder = TemporaryFolder()
        folder.write("real/a.txt", "Title\n\nSome text about tariffs.")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link", withDestinationPath: folder.path + "/real")
        let store = try IndexStore(path: folder.path + "/index.sqlite")
        _ = try store.sync(roots: [folder.path + "/link/../link"], clock: monotonic)
        let record = try #require(try store.article("a.txt")?.0)
        #expect(record.path.hasSuffix("/link/a.txt"))
        #expect(!record.path.contains("/real/") && !record.path.contains(".."))
    }

    /// Regression: `title:` assumed passage 0 is the title; an article without a title
    /// passage starts with its standfirst, which must not count as a title.
    @Test func titleFilterNeverMatchesAStandfirst() throws {
        let folder = TemporaryFolder()
        let store = try IndexStore(path: folder.path + "/index.sqlite")
        var article = Article()
        article.standfirst = "Oil prices rise again"
        article.passages = [Passage(kind: .standfirst, text: "Oil prices rise again", range: 0..<21),
                            Passage(kind: .body, text: "Markets watched oil closely.", range: 22..<50)]
        try store.write { db in
            try store.writeArticle(db, id: nil, file: SourceFileInfo(path: "/x/a.txt", size: 50, mtime: 1), hash: 1,
                                   encoding: "utf-8", article: article)
        }
        let oil = try #require(MatchBuilder().build([.word("oil", prefix: false)]))
        #expect(try store.articleIDs(matching: oil) == [1])
        #expect(try store.articleIDs(titleMatching: oil).isEmpty)
    }
}

struct FileListTests {
    @Test func sortsByBytesDropsDuplicatesAndFinds() {
        var list = FileList()
        let paths = ["/r/b.txt", "/r/a/x.txt", "/r/a.txt", "/r/é.txt", "/r/e.txt", "/r/a.txt", "/r/ab.txt"]
        for (i, p) in paths.enumerated() { list.append(path: p, size: Int64(i), mtime: 0) }
        list.sortByPathRemovingDuplicates()
        let sorted = (0..<list.count).map { list[$0].path }
        #expect(sorted == Array(Set(paths)).sorted())
        #expect(sorted == ["/r/a.txt", "/r/a/x.txt", "/r/ab.txt", "/r/b.txt", "/r/e.txt", "/r/é.txt"])
        for (i, p) in sorted.enumerated() { #expect(list.index(of: p) == i) }
        #expect(list.index(of: "/r/c.txt") == nil)
        #expect(list.index(of: "/r/a") == nil)
        #expect(list[list.index(of: "/r/b.txt")!].size == 0)
    }
}
