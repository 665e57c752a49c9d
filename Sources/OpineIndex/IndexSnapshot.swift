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
    public var outlet: String
    public var url: String?
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
public struct IndexStats: Sendable {
    public var articles: Int
    public var passages: Int
    public var authors: Int
    public var terms: Int
    public var firstDate: ArticleDate?
    public var lastDate: ArticleDate?
    public var bytes: Int64
    public var roots: [String]
    /// Articles per outlet, most first (articles with no outlet are not counted).
    public var outlets: [(name: String, articles: Int)] = []
}

/// One consistent view of the index: every read of one search happens in one snapshot (one
/// SQLite read transaction), so a search never mixes two states of an index being updated.
///
/// Made by ``IndexStore/snapshot(_:)`` and valid only inside its closure. A search reads what
/// its candidates need when they need it: article lengths come with each match's layout, the
/// collection's figures are a few `meta` keys; only a date filter or a trend reads the dates of
/// every article (one blob, kept in the store's cache for the index's generation: a sync in any
/// process bumps it).
public struct IndexSnapshot {
    let db: Database
    let cache: FiguresCache
    /// The index's generation in this snapshot (``IndexSchema/generationKey``).
    let generation: Int64

    /// Runs `body` on the snapshot's connection (the reads below are written as the store's were).
    func read<T>(_ body: (Database) throws -> T) throws -> T { try body(db) }

    /// Passages and their tokens in the whole index (BM25's N and mean length), kept in `meta`
    /// by every sync and read once per store.
    public func passageStatistics() throws -> TableStatistics {
        try cache.value(\.table, generation: generation) {
            var values: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta WHERE key IN ('passage_count', 'passage_tokens')") {
                values[row[0]] = Int(row[1] as String)
            }
            return TableStatistics(rows: values["passage_count"] ?? 0, tokens: values["passage_tokens"] ?? 0)
        }
    }

    /// A blob of `Int32`s the figures wrote (empty when absent).
    func int32Blob(_ key: String) throws -> [Int32] { try CollectionFigures.int32Blob(db, key) ?? [] }

    /// The reference for Opine's cost: the same MATCH, ranked by FTS5's column-weighted `bm25()`
    /// alone, top `limit` articles (benchmarks only).
    public func bm25Only(_ plan: MatchPlan, limit: Int, parameters: RankingParameters = RankingParameters()) throws -> [Int64] {
        try read { db in
            try Int64.fetchAll(db.cachedStatement(sql: "SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY bm25(article_fts, ?, ?) LIMIT ?"),
                               arguments: [FTS5Expression.render(.anyClause(plan)), parameters.headWeight, parameters.bodyWeight, limit])
        }
    }

    /// Article count and mean length, for article-level BM25 (kept in `meta` by every sync). An
    /// index last synced by Opine before 0.5 measured articles in file bytes (`article_bytes`,
    /// and the `article_sizes` blob alike): its figures agree with each other until its next sync.
    public func collectionStats() throws -> CollectionStats {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM meta WHERE key IN ('article_count', 'article_tokens', 'article_bytes')")
            var values: [String: Double] = [:]
            for r in rows { values[r[0]] = Double(r[1] as String) }
            let n = values["article_count"] ?? 0
            let total = values["article_tokens"] ?? values["article_bytes"] ?? 0
            return CollectionStats(articles: Int(n), averageArticleLength: n > 0 ? total / n : 0)
        }
    }

    /// Each article's date as `yyyymmdd` (0 when undated), indexed by article id: one blob written
    /// by every sync and read once per store, so that a date filter is an array lookup per match.
    public func articleDates() throws -> [Int32] {
        try cache.value(\.dates, generation: generation) { try int32Blob("article_dates") }
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

    /// Articles whose outlet contains `name` (case-insensitive for ASCII, as SQLite's LIKE).
    public func articleIDs(outlet name: String) throws -> Set<Int64> {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        let escaped = trimmed.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        return Set(try Int64.fetchAll(db, sql: "SELECT id FROM articles WHERE outlet LIKE ? ESCAPE '\\'",
                                      arguments: ["%" + escaped + "%"]))
    }

    public func articles(_ ids: [Int64]) throws -> [Int64: ArticleRecord] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            var out: [Int64: ArticleRecord] = [:]
            let list = ids.map(String.init).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT \(IndexSnapshot.articleColumns) FROM articles WHERE id IN (\(list))") {
                let r = IndexSnapshot.record(row)
                out[r.id] = r
            }
            return out
        }
    }

    /// The columns `record(_:)` reads, in its order.
    /// The title is not stored twice: the title column is empty when the title passage holds it.
    static let articleColumns = """
        id, path, CASE WHEN title = '' THEN coalesce((SELECT text FROM passages WHERE passages.id = articles.id << \(PassageID.ordinalBits)
            AND kind = 0), '') ELSE title END, authors, date, encoding, size, outlet, url
        """

    static func record(_ row: Row) -> ArticleRecord {
        let authors: String = row[3]
        let date: String? = row[4]
        return ArticleRecord(
            id: row[0], path: row[1], title: row[2],
            authors: authors.isEmpty ? [] : authors.split(separator: "\u{1F}").map(String.init),
            date: date.flatMap { ArticleDate(iso: $0) }, encoding: row[5], size: row[6], outlet: row[7], url: row[8])
    }

    public func passages(_ ids: [Int64]) throws -> [Int64: PassageRecord] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            var out: [Int64: PassageRecord] = [:]
            let list = ids.map(String.init).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT id, kind, text, start, span FROM passages WHERE id IN (\(list))") {
                let p = IndexSnapshot.passage(row)
                out[p.id] = p
            }
            return out
        }
    }

    static func passage(_ row: Row) -> PassageRecord {
        let id: Int64 = row[0]
        let start: Int = row[3]
        let text: String = row[2]
        let span: Int? = row[4]
        return PassageRecord(
            id: id, articleID: PassageID.article(id), ordinal: PassageID.ordinal(id),
            kind: PassageKind(rawValue: row[1]) ?? .body, text: text, range: start..<(start + (span ?? text.utf8.count)))
    }

    /// The article stored with this URL, if any.
    public func articleID(url: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM articles WHERE url = ? LIMIT 1", arguments: [url])
    }

    /// Every article id, newest first (undated last), for listings by filters alone.
    public func articleIDsNewestFirst() throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT id FROM articles ORDER BY date IS NULL, date DESC, id DESC")
    }

    /// Each article's first body paragraph (its lead), for a snippet when only its title matched.
    public func leadPassages(articles: [Int64]) throws -> [Int64: PassageRecord] {
        try read { db in
            var out: [Int64: PassageRecord] = [:]
            let statement = try db.cachedStatement(sql: """
                SELECT id, kind, text, start, span FROM passages WHERE id BETWEEN ? AND ? AND kind = ? ORDER BY id LIMIT 1
                """)
            for article in articles {
                let ids = PassageID.range(ofArticle: article)
                if let p = try Row.fetchOne(statement, arguments: [ids.lowerBound, ids.upperBound, PassageKind.body.rawValue]) {
                    out[article] = IndexSnapshot.passage(p)
                }
            }
            return out
        }
    }

    /// An article by id, or by path (absolute, relative to the current folder, or a unique
    /// suffix such as its file name), with all its passages in order.
    public func article(_ reference: String) throws -> (ArticleRecord, [PassageRecord])? {
        try read { db in
            var row: Row?
            if let id = Int64(reference) {
                row = try Row.fetchOne(db, sql: "SELECT \(IndexSnapshot.articleColumns) FROM articles WHERE id = ?", arguments: [id])
            }
            if row == nil {
                let canonical = IndexStore.canonical(reference)
                row = try Row.fetchOne(db, sql: "SELECT \(IndexSnapshot.articleColumns) FROM articles WHERE path = ?", arguments: [canonical])
            }
            if row == nil {
                let suffix = "/" + reference.split(separator: "/").suffix(2).joined(separator: "/")
                let rows = try Row.fetchAll(db, sql: "SELECT \(IndexSnapshot.articleColumns) FROM articles WHERE substr(path, -?) = ? LIMIT 2", arguments: [suffix.utf8.count, suffix])
                if rows.count == 1 { row = rows[0] }
            }
            return try row.map { try withPassages(IndexSnapshot.record($0), db) }
        }
    }

    /// The article with this id and its passages; nothing else is tried (a server's lookups).
    public func article(id: Int64) throws -> (ArticleRecord, [PassageRecord])? {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT \(IndexSnapshot.articleColumns) FROM articles WHERE id = ?", arguments: [id])
            return try row.map { try withPassages(IndexSnapshot.record($0), db) }
        }
    }

    func withPassages(_ record: ArticleRecord, _ db: Database) throws -> (ArticleRecord, [PassageRecord]) {
        let ids = PassageID.range(ofArticle: record.id)
        let passages = try Row.fetchAll(db, sql: "SELECT id, kind, text, start, span FROM passages WHERE id BETWEEN ? AND ? ORDER BY id",
                                        arguments: [ids.lowerBound, ids.upperBound]).map(IndexSnapshot.passage)
        return (record, passages)
    }

}

extension IndexStore {
    /// `date` as the `yyyymmdd` number ``articleDates()`` holds.
    public static func dateKey(_ date: ArticleDate) -> Int32 {
        Int32(date.year * 10_000 + date.month * 100 + date.day)
    }

    /// Outlets that differ only in case are one ("Reuters" 763 and a by-line's "REUTERS" 14),
    /// named as most of its articles write it, most articles first; `--outlet` matches them
    /// alike. `counts` comes most first.
    static func mergingCase(_ counts: [(name: String, articles: Int)]) -> [(name: String, articles: Int)] {
        var merged: [(name: String, articles: Int)] = []
        var index: [String: Int] = [:]
        for (name, n) in counts {
            let key = name.lowercased()
            if let i = index[key] { merged[i].articles += n } else { index[key] = merged.count; merged.append((name, n)) }
        }
        return merged.enumerated().sorted { $0.element.articles != $1.element.articles ? $0.element.articles > $1.element.articles : $0.offset < $1.offset }
            .map(\.element)
    }

    /// Figures about the index, and its size on disk (with its WAL).
    public func stats() throws -> IndexStats {
        let roots = try roots()
        var stats = try snapshot { s in try s.read { db in
            IndexStats(
                articles: try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0,
                passages: try Int.fetchOne(db, sql: "SELECT count(*) FROM passages") ?? 0,
                authors: try Int.fetchOne(db, sql: "SELECT count(DISTINCT folded) FROM authors") ?? 0,
                terms: try Int.fetchOne(db, sql: "SELECT count(*) FROM article_vocab WHERE term <> char(30)") ?? 0,
                firstDate: (try String.fetchOne(db, sql: "SELECT min(date) FROM articles WHERE date IS NOT NULL")).flatMap { ArticleDate(iso: $0) },
                lastDate: (try String.fetchOne(db, sql: "SELECT max(date) FROM articles")).flatMap { ArticleDate(iso: $0) },
                bytes: 0, roots: roots,
                outlets: IndexStore.mergingCase(try Row.fetchAll(db, sql: """
                    SELECT outlet, count(*) FROM articles WHERE outlet <> '' GROUP BY outlet ORDER BY count(*) DESC, outlet
                    """).map { ($0[0], $0[1]) }))
        } }
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
