import Foundation
import GRDB
import GRDBSQLite
import OpineRanking
import OpineText

/// An article's stored metadata.
public struct ArticleRecord: Hashable, Sendable {
    public var id: Int64
    public var path: String
    public var title: String
    public var authors: [String]
    public var date: ArticleDate?
    public var encoding: String
    public var size: Int64
}

/// A stored passage.
public struct PassageRecord: Hashable, Sendable {
    public var id: Int64
    public var articleID: Int64
    public var ordinal: Int
    public var kind: PassageKind
    public var text: String
    public var range: Range<Int>
}

/// Figures about an index.
public struct IndexStats: Hashable, Sendable {
    public var articles: Int
    public var passages: Int
    public var authors: Int
    public var terms: Int
    public var firstDate: ArticleDate?
    public var lastDate: ArticleDate?
    public var bytes: Int64
    public var roots: [String]
}

extension IndexStore {
    static func articleID(ofPassage id: Int64) -> Int64 { id >> IndexSchema.ordinalBits }

    /// Every passage matching `plan`, with the positions of each clause, its phrase hits and
    /// length (BM25 is computed from these by ``BM25``, with ``passageStatistics()``).
    ///
    /// FTS5 matches whole articles (one row each); each match is assigned to its passage by the
    /// article's layout, read in the same statement. Positions are relative to the passage.
    ///
    /// - Complexity: one FTS5 scan; O(m) rows for m matching articles.
    /// - Parameter positions: collect token positions (for proximity); off, only hit counts.
    public func matchPassages(_ plan: MatchPlan, positions wantPositions: Bool = true) throws -> [PassageEvidence] {
        let sizes = try articleSizes()
        return try read { db in
            let statement = try db.cachedStatement(sql: """
                SELECT article_fts.rowid, \(InstancesFunction.name)(article_fts), l.value
                FROM article_fts JOIN layouts l ON l.id = article_fts.rowid WHERE article_fts MATCH ?
                """)
            let rows = try Row.fetchCursor(statement, arguments: [plan.expression])
            var out: [PassageEvidence] = []
            let clauseCount = plan.clauses.count
            let phraseCount = plan.phraseClause.count
            let onePhrasePerClause = phraseCount == clauseCount && plan.phraseClause.enumerated().allSatisfy { $0.offset == $0.element }
            let handle = statement.sqliteStatement
            var layout: [ArticleLayout.Passage] = []
            // (passage index, phrase, position in the passage) of each match in the row.
            var matches: [(passage: Int32, phrase: Int32, position: Int32)] = []
            var kept = matches
            let nearPhrases: [(clause: Int, phrases: [Int32])] = plan.nearClauses.sorted().map { c in
                (c, plan.phraseClause.indices.filter { plan.phraseClause[$0] == c }.map { Int32($0) })
            }
            while try rows.next() != nil {
                // Columns read straight from the statement: GRDB's generic decoding paid a
                // runtime conformance lookup per row; blobs are read in place.
                let article = sqlite3_column_int64(handle, 0)
                if let raw = sqlite3_column_blob(handle, 2) {
                    ArticleLayout.decode(UnsafeRawBufferPointer(start: raw, count: Int(sqlite3_column_bytes(handle, 2))), into: &layout)
                } else {
                    layout.removeAll(keepingCapacity: true)
                }
                matches.removeAll(keepingCapacity: true)
                if let raw = sqlite3_column_blob(handle, 1) {
                    let bytes = Int(sqlite3_column_bytes(handle, 1))
                    var offset = 0
                    var p = 0
                    while offset + 8 <= bytes {
                        let phraseAndColumn = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int32.self))
                        let position = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4, as: Int32.self))
                        offset += 8
                        let phrase = phraseAndColumn & 0xFFFF
                        let column = phraseAndColumn >> 16
                        guard Int(phrase) < phraseCount else { continue }
                        // FTS5 reports matches by column and position: the passage cursor moves
                        // forward, and starts over should the order ever differ.
                        if p >= layout.count || layout[p].column != column || position < layout[p].start { p = 0 }
                        while p < layout.count && (layout[p].column != column || position >= layout[p].start + layout[p].length) { p += 1 }
                        guard p < layout.count, position >= layout[p].start else { p = 0; continue }
                        matches.append((Int32(p), phrase, position - layout[p].start))
                    }
                }
                if matches.isEmpty { continue }
                matches.sort { $0.passage != $1.passage ? $0.passage < $1.passage : $0.position < $1.position }
                if !nearPhrases.isEmpty {
                    // FTS5 checked each NEAR group over the whole column: a group counts in a
                    // passage only when all its phrases are there.
                    kept.removeAll(keepingCapacity: true)
                    var f = 0
                    while f < matches.count {
                        var l = f
                        while l + 1 < matches.count && matches[l + 1].passage == matches[f].passage { l += 1 }
                        var failing = Set<Int>()
                        for (clause, phrases) in nearPhrases
                        where !phrases.allSatisfy({ p in matches[f...l].contains { $0.phrase == p } }) {
                            failing.insert(clause)
                        }
                        for m in matches[f...l] where !failing.contains(plan.phraseClause[Int(m.phrase)]) { kept.append(m) }
                        f = l + 1
                    }
                    swap(&matches, &kept)
                    if matches.isEmpty { continue }
                }
                var first = 0
                while first < matches.count {
                    var last = first
                    while last + 1 < matches.count && matches[last + 1].passage == matches[first].passage { last += 1 }
                    let passage = layout[Int(matches[first].passage)]
                    var hits = [Int32](repeating: 0, count: phraseCount)
                    // With one phrase per clause (most queries) the two counts are one array.
                    var clauseHits = onePhrasePerClause ? [] : [Int32](repeating: 0, count: clauseCount)
                    var mask: UInt64 = 0
                    for m in matches[first...last] {
                        hits[Int(m.phrase)] += 1
                        let clause = plan.phraseClause[Int(m.phrase)]
                        if !onePhrasePerClause { clauseHits[clause] += 1 }
                        if clause < 64 { mask |= 1 << UInt64(clause) }
                    }
                    if onePhrasePerClause { clauseHits = hits }
                    // Positions only when two clauses or more match (proximity needs two; most
                    // passages of an OR query match one).
                    var positions: [[Int32]] = []
                    if wantPositions && mask.nonzeroBitCount >= 2 {
                        positions = clauseHits.map { n -> [Int32] in
                            var a: [Int32] = []
                            a.reserveCapacity(Int(n))
                            return a
                        }
                        // Sorted by position already.
                        for m in matches[first...last] { positions[plan.phraseClause[Int(m.phrase)]].append(m.position) }
                    }
                    out.append(PassageEvidence(
                        passageID: article << IndexSchema.ordinalBits | Int64(matches[first].passage), articleID: article,
                        isHead: passage.column == 0, bm25: 0, positions: positions,
                        articleBytes: article < sizes.count ? Int(sizes[Int(article)]) : 0, phraseHits: hits,
                        length: Int(passage.length), clauseHits: onePhrasePerClause ? hits : clauseHits, matchedMask: mask))
                    first = last + 1
                }
            }
            return out
        }
    }

    /// Passages and their tokens in the whole index (BM25's N and mean length), kept in `meta`
    /// by every sync and read once per store.
    public func passageStatistics() throws -> TableStatistics {
        if let cached = figuresCache.table { return cached }
        let table = try read { db -> TableStatistics in
            var values: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta WHERE key IN ('passage_count', 'passage_tokens')") {
                values[row[0]] = Int(row[1] as String)
            }
            return TableStatistics(rows: values["passage_count"] ?? 0, tokens: values["passage_tokens"] ?? 0)
        }
        figuresCache.table = table
        return table
    }

    /// Article sizes in bytes, indexed by article id: one blob written by every sync and read
    /// once per store (a join per matching passage cost a b-tree lookup per row).
    func articleSizes() throws -> [Int32] {
        if let cached = figuresCache.value { return cached }
        let sizes = try int32Blob("article_sizes")
        figuresCache.value = sizes
        return sizes
    }

    /// A blob of little-endian `Int32`s from `blobs` (empty when absent).
    func int32Blob(_ key: String) throws -> [Int32] {
        try read { db -> [Int32] in
            guard let blob = try Data.fetchOne(db, sql: "SELECT value FROM blobs WHERE key = ?", arguments: [key]) else { return [] }
            return blob.withUnsafeBytes { raw in
                (0..<(raw.count / 4)).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self)) }
            }
        }
    }

    /// The reference for Opine's cost: the same MATCH, ranked by FTS5's column-weighted `bm25()`
    /// alone, top `limit` articles (benchmarks only).
    public func bm25Only(_ plan: MatchPlan, limit: Int, parameters: RankingParameters = RankingParameters()) throws -> [Int64] {
        try read { db in
            try Int64.fetchAll(db.cachedStatement(sql: "SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY bm25(article_fts, ?, ?) LIMIT ?"),
                               arguments: [plan.expression, parameters.headWeight, parameters.bodyWeight, limit])
        }
    }

    /// Article count and mean size, for article-level BM25 (kept in `meta` by every sync).
    public func collectionStats() throws -> CollectionStats {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM meta WHERE key IN ('article_count', 'article_bytes')")
            var values: [String: Double] = [:]
            for r in rows { values[r[0]] = Double(r[1] as String) }
            let n = values["article_count"] ?? 0
            return CollectionStats(articles: Int(n), averageArticleBytes: n > 0 ? (values["article_bytes"] ?? 0) / n : 0)
        }
    }

    /// The number of articles matching `expression`: FTS5 walks its doclists, no row is read.
    public func count(matching expression: String) throws -> Int {
        try read { db in
            try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM article_fts WHERE article_fts MATCH ?"),
                             arguments: [expression]) ?? 0
        }
    }

    /// Articles matching `expression` (phrases never span two passages).
    public func articleIDs(matching expression: String) throws -> Set<Int64> {
        try read { db in
            var out = Set<Int64>()
            let rows = try Int64.fetchCursor(db.cachedStatement(sql: "SELECT rowid FROM article_fts WHERE article_fts MATCH ?"),
                                             arguments: [expression])
            while let id = try rows.next() { out.insert(id) }
            return out
        }
    }

    /// Articles whose title matches every clause of `plan`.
    public func articleIDs(titleMatching plan: MatchPlan) throws -> Set<Int64> {
        var restricted = plan
        restricted.expression = "head : (\(plan.expression))"
        let evidence = try matchPassages(restricted, positions: false)
        var masks: [Int64: UInt64] = [:]
        for e in evidence where e.passageID & 0xFFFF == 0 && e.isHead { masks[e.articleID, default: 0] |= e.matchedMask }
        let all: UInt64 = plan.clauses.count >= 64 ? .max : (1 << UInt64(plan.clauses.count)) - 1
        return Set(masks.filter { $0.value & all == all }.keys)
    }

    /// Each article's date as `yyyymmdd` (0 when undated), indexed by article id: one blob written
    /// by every sync and read once per store, so that a date filter is an array lookup per match.
    public func articleDates() throws -> [Int32] {
        if let cached = figuresCache.dates { return cached }
        let dates = try int32Blob("article_dates")
        figuresCache.dates = dates
        return dates
    }

    /// `date` as the `yyyymmdd` number ``articleDates()`` holds.
    public static func dateKey(_ date: ArticleDate) -> Int32 {
        Int32(date.year * 10_000 + date.month * 100 + date.day)
    }

    /// Articles with an author whose folded name contains `name` folded.
    public func articleIDs(author name: String) throws -> Set<Int64> {
        let folded = IndexStore.foldName(name)
        guard !folded.isEmpty else { return [] }
        return try read { db in
            let escaped = folded.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            return Set(try Int64.fetchAll(db, sql: "SELECT article_id FROM authors WHERE folded LIKE ? ESCAPE '\\'",
                                          arguments: ["%" + escaped + "%"]))
        }
    }

    public func articles(_ ids: [Int64]) throws -> [Int64: ArticleRecord] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            var out: [Int64: ArticleRecord] = [:]
            let list = ids.map(String.init).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT \(IndexStore.articleColumns) FROM articles WHERE id IN (\(list))") {
                let r = IndexStore.record(row)
                out[r.id] = r
            }
            return out
        }
    }

    /// The columns `record(_:)` reads, in its order.
    /// The title is not stored twice: the title column is empty when the title passage holds it.
    static let articleColumns = """
        id, path, CASE WHEN title = '' THEN coalesce((SELECT text FROM passages WHERE passages.id = articles.id << 16
            AND kind = 0), '') ELSE title END, authors, date, encoding, size
        """

    static func record(_ row: Row) -> ArticleRecord {
        let authors: String = row[3]
        let date: String? = row[4]
        return ArticleRecord(
            id: row[0], path: row[1], title: row[2],
            authors: authors.isEmpty ? [] : authors.split(separator: "\u{1F}").map(String.init),
            date: date.flatMap { ArticleDate(iso: $0) }, encoding: row[5], size: row[6])
    }

    public func passages(_ ids: [Int64]) throws -> [Int64: PassageRecord] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            var out: [Int64: PassageRecord] = [:]
            let list = ids.map(String.init).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT id, kind, text, start FROM passages WHERE id IN (\(list))") {
                let p = IndexStore.passage(row)
                out[p.id] = p
            }
            return out
        }
    }

    static func passage(_ row: Row) -> PassageRecord {
        let id: Int64 = row[0]
        let start: Int = row[3]
        let text: String = row[2]
        return PassageRecord(
            id: id, articleID: articleID(ofPassage: id), ordinal: Int(id & 0xFFFF),
            kind: PassageKind(rawValue: row[1]) ?? .body, text: text, range: start..<(start + text.utf8.count))
    }

    /// An article by id, or by path (absolute, relative to the current folder, or a unique
    /// suffix such as its file name), with all its passages in order.
    public func article(_ reference: String) throws -> (ArticleRecord, [PassageRecord])? {
        try read { db in
            var row: Row?
            if let id = Int64(reference) {
                row = try Row.fetchOne(db, sql: "SELECT \(IndexStore.articleColumns) FROM articles WHERE id = ?", arguments: [id])
            }
            if row == nil {
                let canonical = IndexStore.canonical(reference)
                row = try Row.fetchOne(db, sql: "SELECT \(IndexStore.articleColumns) FROM articles WHERE path = ?", arguments: [canonical])
            }
            if row == nil {
                let suffix = "/" + reference.split(separator: "/").suffix(2).joined(separator: "/")
                let rows = try Row.fetchAll(db, sql: "SELECT \(IndexStore.articleColumns) FROM articles WHERE substr(path, -?) = ? LIMIT 2", arguments: [suffix.utf8.count, suffix])
                if rows.count == 1 { row = rows[0] }
            }
            guard let row else { return nil }
            let record = IndexStore.record(row)
            let lo = record.id << 16
            let passages = try Row.fetchAll(db, sql: "SELECT id, kind, text, start FROM passages WHERE id BETWEEN ? AND ? ORDER BY id", arguments: [lo, lo | 0xFFFF]).map(IndexStore.passage)
            return (record, passages)
        }
    }

    /// Index terms within `maxDistance` edits of `term` (Damerau–Levenshtein, adjacent
    /// transpositions count one), with their document frequency, most frequent first.
    public func similarTerms(to term: String, maxDistance: Int = 2, limit: Int = 3) throws -> [(term: String, documents: Int)] {
        let target = Array(term.utf8)
        return try read { db in
            var found: [(String, Int, Int)] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT term, doc FROM article_vocab WHERE length(term) BETWEEN ? AND ? AND term <> char(30)",
                                           arguments: [max(1, target.count - maxDistance), target.count + maxDistance])
            while let row = try rows.next() {
                let candidate: String = row[0]
                guard candidate != term else { continue }
                let d = EditDistance.damerau(target, Array(candidate.utf8), limit: maxDistance)
                if d <= maxDistance { found.append((candidate, row[1], d)) }
            }
            found.sort { $0.2 != $1.2 ? $0.2 < $1.2 : $0.1 > $1.1 }
            return found.prefix(limit).map { ($0.0, $0.1) }
        }
    }

    /// Number of articles containing `term` exactly (0 when it is not in the index).
    public func documentFrequency(_ term: String) throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT doc FROM article_vocab WHERE term = ?", arguments: [term]) ?? 0 }
    }

    /// A passage that contains `term`, to show the word as written.
    public func surfaceForm(of term: String) throws -> String? {
        let plan = MatchPlan(expression: MatchBuilder.quote([term]), phraseClause: [0], clauses: [.word(term, prefix: false)],
                             highlights: HighlightTerms(exact: [term]), clauseTerms: [[term]])
        guard let first = try matchPassages(plan, positions: false).min(by: { $0.passageID < $1.passageID }) else { return nil }
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT text FROM passages WHERE id = ?", arguments: [first.passageID]) else { return nil }
            let text: String = row[0]
            let tokens = Analyzer().tokens(text, mode: .document)
            guard let t = tokens.first(where: { $0.term == term }) else { return nil }
            let bytes = Array(text.utf8)[t.range]
            var word = String(decoding: bytes, as: UTF8.self)
            for suffix in ["'s", "’s"] where word.hasSuffix(suffix) { word = String(word.dropLast(2)) }
            return word
        }
    }

    public func stats() throws -> IndexStats {
        let roots = try roots()
        var stats = try read { db in
            IndexStats(
                articles: try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0,
                passages: try Int.fetchOne(db, sql: "SELECT count(*) FROM passages") ?? 0,
                authors: try Int.fetchOne(db, sql: "SELECT count(DISTINCT folded) FROM authors") ?? 0,
                terms: try Int.fetchOne(db, sql: "SELECT count(*) FROM article_vocab WHERE term <> char(30)") ?? 0,
                firstDate: (try String.fetchOne(db, sql: "SELECT min(date) FROM articles WHERE date IS NOT NULL")).flatMap { ArticleDate(iso: $0) },
                lastDate: (try String.fetchOne(db, sql: "SELECT max(date) FROM articles")).flatMap { ArticleDate(iso: $0) },
                bytes: 0, roots: roots)
        }
        for suffix in ["", "-wal", "-shm"] {
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path + suffix),
                let size = attributes[.size] as? NSNumber
            {
                stats.bytes += size.int64Value
            }
        }
        return stats
    }
}

/// Edit distance for "did you mean".
enum EditDistance {
    /// Optimal string alignment distance, stopping early once every cell exceeds `limit`.
    static func damerau(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        let n = a.count
        let m = b.count
        if n == 0 { return m }
        if m == 0 { return n }
        var previous2 = Array(repeating: 0, count: m + 1)
        var previous = Array(0...m)
        var current = Array(repeating: 0, count: m + 1)
        for i in 1...n {
            current[0] = i
            var rowMin = current[0]
            for j in 1...m {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = min(v, previous2[j - 2] + 1)
                }
                current[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[m]
    }
}
