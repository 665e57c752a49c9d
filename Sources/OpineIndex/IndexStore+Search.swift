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
    public var standfirst: String
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
    /// length (BM25 is computed from these by ``BM25``), and the table's statistics.
    ///
    /// - Complexity: one FTS5 scan; O(m) rows for m matching passages.
    /// - Parameter positions: collect token positions (for proximity); off, only hit counts.
    public func matchPassages(_ plan: MatchPlan, positions wantPositions: Bool = true) throws -> (passages: [PassageEvidence], table: TableStatistics) {
        let sizes = try articleSizes()
        return try read { db in
            let statement = try db.cachedStatement(sql: """
                SELECT rowid, \(InstancesFunction.name)(passage_fts) FROM passage_fts WHERE passage_fts MATCH ?
                """)
            let rows = try Row.fetchCursor(statement, arguments: [plan.expression])
            var out: [PassageEvidence] = []
            var table = TableStatistics(rows: 0, tokens: 0)
            let clauseCount = plan.clauses.count
            let phraseCount = plan.phraseClause.count
            let handle = statement.sqliteStatement
            // Per row: hits per phrase and clause first; positions only when two clauses or
            // more match (proximity needs two; most rows of an OR query match one).
            var pairs: [(clause: Int, position: Int32)] = []
            while try rows.next() != nil {
                // Columns read straight from the statement: GRDB's generic decoding paid a
                // runtime conformance lookup per row.
                let rowid = sqlite3_column_int64(handle, 0)
                var hits = [Int32](repeating: 0, count: phraseCount)
                var clauseHits = [Int32](repeating: 0, count: clauseCount)
                var mask: UInt64 = 0
                var isHead = false
                var length = 0
                pairs.removeAll(keepingCapacity: true)
                // The blob is read in place from the statement (no `Data` per row).
                if let raw = sqlite3_column_blob(handle, 1) {
                    let bytes = Int(sqlite3_column_bytes(handle, 1))
                    if bytes >= 24 {
                        table.rows = Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: Int64.self)))
                        table.tokens = Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: Int64.self)))
                        length = Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: Int32.self)))
                    }
                    var offset = 24
                    while offset + 8 <= bytes {
                        let phraseAndColumn = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int32.self))
                        let position = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4, as: Int32.self))
                        offset += 8
                        let phrase = Int(phraseAndColumn & 0xFFFF)
                        if phraseAndColumn >> 16 == 0 { isHead = true }
                        guard phrase < phraseCount else { continue }
                        hits[phrase] += 1
                        let clause = plan.phraseClause[phrase]
                        clauseHits[clause] += 1
                        if clause < 64 { mask |= 1 << UInt64(clause) }
                        pairs.append((clause, position))
                    }
                }
                var positions: [[Int32]] = []
                if wantPositions && mask.nonzeroBitCount >= 2 {
                    positions = clauseHits.map { n -> [Int32] in
                        var a: [Int32] = []
                        a.reserveCapacity(Int(n))
                        return a
                    }
                    for p in pairs { positions[p.clause].append(p.position) }
                    for i in positions.indices where positions[i].count > 1 { positions[i].sort() }
                }
                let article = IndexStore.articleID(ofPassage: rowid)
                out.append(PassageEvidence(
                    passageID: rowid, articleID: article, isHead: isHead, bm25: 0, positions: positions,
                    articleBytes: article < sizes.count ? Int(sizes[Int(article)]) : 0, phraseHits: hits, length: length,
                    clauseHits: clauseHits, matchedMask: mask))
            }
            return (out, table)
        }
    }

    /// Article sizes in bytes, indexed by article id: one blob written by every sync and read
    /// once per store (a join per matching passage cost a b-tree lookup per row).
    func articleSizes() throws -> [Int32] {
        if let cached = sizesCache.value { return cached }
        let sizes = try read { db -> [Int32] in
            guard let blob = try Data.fetchOne(db, sql: "SELECT value FROM blobs WHERE key = 'article_sizes'") else { return [] }
            return blob.withUnsafeBytes { raw in
                (0..<(raw.count / 4)).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self)) }
            }
        }
        sizesCache.value = sizes
        return sizes
    }

    /// The reference for proximity's cost: the same MATCH, ranked by column-weighted `bm25()`
    /// alone, top `limit` passages (benchmarks only).
    public func bm25Only(_ plan: MatchPlan, limit: Int, parameters: RankingParameters = RankingParameters()) throws -> [Int64] {
        try read { db in
            try Int64.fetchAll(db.cachedStatement(sql: "SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? ORDER BY bm25(passage_fts, ?, ?) LIMIT ?"),
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

    /// Articles with a passage matching `expression`; with `titleOnly`, in their title.
    public func articleIDs(matching expression: String, titleOnly: Bool = false) throws -> Set<Int64> {
        try read { db in
            let sql = titleOnly
                ? "SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? AND (rowid & 65535) = 0"
                : "SELECT rowid FROM passage_fts WHERE passage_fts MATCH ?"
            let expr = titleOnly ? "head : (\(expression))" : expression
            var out = Set<Int64>()
            let rows = try Int64.fetchCursor(db.cachedStatement(sql: sql), arguments: [expr])
            while let id = try rows.next() { out.insert(IndexStore.articleID(ofPassage: id)) }
            if titleOnly {
                // Ordinal 0 is the title only when the article has a title passage.
                let ids = Array(out)
                let kinds = try Int64.fetchAll(db, sql: "SELECT id >> 16 FROM passages WHERE id IN (\(ids.map { String($0 << 16) }.joined(separator: ","))) AND kind = 0")
                return Set(kinds)
            }
            return out
        }
    }

    /// Articles dated within the bounds (either may be nil); undated articles never match.
    public func articleIDs(since: ArticleDate?, until: ArticleDate?) throws -> Set<Int64> {
        try read { db in
            let rows = try Int64.fetchCursor(db, sql: "SELECT id FROM articles WHERE date >= ? AND date <= ?",
                                             arguments: [since?.description ?? "0000", until?.description ?? "9999"])
            var out = Set<Int64>()
            while let id = try rows.next() { out.insert(id) }
            return out
        }
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
    static let articleColumns = "id, path, title, authors, date, standfirst, encoding, size"

    static func record(_ row: Row) -> ArticleRecord {
        let authors: String = row[3]
        let date: String? = row[4]
        return ArticleRecord(
            id: row[0], path: row[1], title: row[2],
            authors: authors.isEmpty ? [] : authors.split(separator: "\u{1F}").map(String.init),
            date: date.flatMap { ArticleDate(iso: $0) }, standfirst: row[5], encoding: row[6], size: row[7])
    }

    public func passages(_ ids: [Int64]) throws -> [Int64: PassageRecord] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            var out: [Int64: PassageRecord] = [:]
            let list = ids.map(String.init).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT id, kind, text, start, end FROM passages WHERE id IN (\(list))") {
                let p = IndexStore.passage(row)
                out[p.id] = p
            }
            return out
        }
    }

    static func passage(_ row: Row) -> PassageRecord {
        let id: Int64 = row[0]
        let start: Int = row[3]
        let end: Int = row[4]
        return PassageRecord(
            id: id, articleID: articleID(ofPassage: id), ordinal: Int(id & 0xFFFF),
            kind: PassageKind(rawValue: row[1]) ?? .body, text: row[2], range: start..<max(start, end))
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
            let passages = try Row.fetchAll(db, sql: "SELECT id, kind, text, start, end FROM passages WHERE id BETWEEN ? AND ? ORDER BY id", arguments: [lo, lo | 0xFFFF]).map(IndexStore.passage)
            return (record, passages)
        }
    }

    /// Index terms within `maxDistance` edits of `term` (Damerau–Levenshtein, adjacent
    /// transpositions count one), with their document frequency, most frequent first.
    public func similarTerms(to term: String, maxDistance: Int = 2, limit: Int = 3) throws -> [(term: String, documents: Int)] {
        let target = Array(term.utf8)
        return try read { db in
            var found: [(String, Int, Int)] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT term, doc FROM passage_vocab WHERE length(term) BETWEEN ? AND ?",
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

    /// Number of passages containing `term` exactly (0 when it is not in the index).
    public func documentFrequency(_ term: String) throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT doc FROM passage_vocab WHERE term = ?", arguments: [term]) ?? 0 }
    }

    /// A passage that contains `term`, to show the word as written.
    public func surfaceForm(of term: String) throws -> String? {
        let plan = MatchPlan(expression: MatchBuilder.quote([term]), phraseClause: [0], clauses: [.word(term, prefix: false)],
                             highlights: HighlightTerms(exact: [term]), clauseTerms: [[term]])
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT p.text FROM passage_fts f JOIN passages p ON p.id = f.rowid WHERE passage_fts MATCH ? LIMIT 1", arguments: [plan.expression]) else { return nil }
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
                terms: try Int.fetchOne(db, sql: "SELECT count(*) FROM passage_vocab") ?? 0,
                firstDate: (try String.fetchOne(db, sql: "SELECT min(date) FROM articles")).flatMap { ArticleDate(iso: $0) },
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
