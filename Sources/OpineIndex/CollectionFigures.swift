import Foundation
import GRDB
import GRDBSQLite
import OpineRanking
import OpineText

/// The figures every search needs about the whole collection, all from the index itself: the
/// article count; each article's length in indexed tokens (its layout's passages: the text,
/// whatever the file around it held, so a saved page's markup or a dataset file's other rows do
/// not count) and their sum, for article-level BM25; each article's date, for date filters; the
/// passage count and tokens, for passage-level BM25.
///
/// Written by every sync that changed something (``write(_:)``), in the transaction that ends
/// it; `opine check` compares what is stored with what the articles give (``compute(_:)``).
struct CollectionFigures: Equatable {
    var articles = 0
    var tokens = 0
    var passages = 0
    /// By article id (stored as little-endian blobs).
    var lengths: [Int32] = []
    var dates: [Int32] = []

    /// The `meta` key set in every transaction that writes articles and removed with the
    /// figures' own write: a run killed in between leaves it, and the next run writes them.
    static let staleKey = "figures_stale"

    static func markStale(_ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, '1')", arguments: [staleKey])
    }

    private static func isStale(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM meta WHERE key = ?", arguments: [staleKey]) ?? false
    }

    /// The figures the articles and layouts give now. Columns are read in place: this runs over
    /// every article after every change.
    static func compute(_ db: Database) throws -> CollectionFigures {
        let maxID = try Int.fetchOne(db, sql: "SELECT max(id) FROM articles") ?? 0
        var f = CollectionFigures(lengths: [Int32](repeating: 0, count: maxID + 1), dates: [Int32](repeating: 0, count: maxID + 1))
        let statement = try db.makeStatement(sql: "SELECT id, date FROM articles")
        let rows = try Row.fetchCursor(statement)
        let handle = statement.sqliteStatement
        while try rows.next() != nil {
            f.articles += 1
            let id = Int(sqlite3_column_int64(handle, 0))
            guard id >= 0 && id <= maxID, let text = sqlite3_column_text(handle, 1),
                let date = ArticleDate(isoBytes: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, 1))))
            else { continue }
            f.dates[id] = IndexStore.dateKey(date)
        }
        var decoded: [ArticleLayout.Passage] = []
        let layoutStatement = try db.makeStatement(sql: "SELECT id, value FROM layouts")
        let layouts = try Row.fetchCursor(layoutStatement)
        let layoutHandle = layoutStatement.sqliteStatement
        while try layouts.next() != nil {
            let blob = sqlite3_column_blob(layoutHandle, 1)
            ArticleLayout.decode(UnsafeRawBufferPointer(start: blob, count: blob == nil ? 0 : Int(sqlite3_column_bytes(layoutHandle, 1))), into: &decoded)
            var length = 0
            for p in decoded { length += Int(p.length) }
            f.passages += decoded.count
            f.tokens += length
            let id = Int(sqlite3_column_int64(layoutHandle, 0))
            if id >= 0 && id <= maxID { f.lengths[id] = Int32(clamping: length) }
        }
        return f
    }

    /// The figures the last sync wrote; nil when there are none.
    static func stored(_ db: Database) throws -> CollectionFigures? {
        var meta: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta WHERE key IN ('article_count', 'article_tokens', 'passage_count', 'passage_tokens')") {
            meta[row[0]] = Int(row[1] as String)
        }
        guard let articles = meta["article_count"], let tokens = meta["article_tokens"], let passages = meta["passage_count"],
            let lengths = try int32Blob(db, "article_sizes"), let dates = try int32Blob(db, "article_dates")
        else { return nil }
        return CollectionFigures(articles: articles, tokens: tokens, passages: passages, lengths: lengths, dates: dates)
    }

    /// A blob of little-endian `Int32`s from `blobs`; nil when absent.
    static func int32Blob(_ db: Database, _ key: String) throws -> [Int32]? {
        try Data.fetchOne(db, sql: "SELECT value FROM blobs WHERE key = ?", arguments: [key]).map { data in
            data.withUnsafeBytes { raw in (0..<(raw.count / 4)).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self)) } }
        }
    }

    /// Whether a sync must write the figures whatever it changed: none written yet, or only
    /// in file bytes (by Opine before 0.5), or a run stopped before writing them.
    static func needWriting(_ db: Database) throws -> Bool {
        try !(Bool.fetchOne(db, sql: "SELECT 1 FROM meta WHERE key = 'article_tokens'") ?? false) || isStale(db)
    }

    /// Computes and writes the figures, with a new generation, and clears the stale mark.
    static func write(_ db: Database) throws {
        // A new generation: every process's cache of these figures is stale from now on.
        try db.execute(sql: """
            INSERT OR REPLACE INTO meta(key, value)
            SELECT ?, CAST(coalesce(max(CAST(value AS INTEGER)), 0) + 1 AS TEXT) FROM meta WHERE key = ?
            """, arguments: [IndexSchema.generationKey, IndexSchema.generationKey])
        let f = try compute(db)
        for (key, values) in [("article_sizes", f.lengths), ("article_dates", f.dates)] {
            try db.execute(sql: "INSERT OR REPLACE INTO blobs(key, value) VALUES (?, ?)",
                           arguments: [key, values.map(\.littleEndian).withUnsafeBytes { Data($0) }])
        }
        try db.execute(sql: """
            INSERT OR REPLACE INTO meta(key, value)
            VALUES ('article_count', ?), ('article_tokens', ?), ('passage_count', ?), ('passage_tokens', ?)
            """, arguments: [String(f.articles), String(f.tokens), String(f.passages), String(f.tokens)])
        // `article_bytes` was written by Opine before 0.5 (file bytes, with `article_sizes` in bytes).
        try db.execute(sql: "DELETE FROM meta WHERE key IN ('article_bytes', ?)", arguments: [staleKey])
    }
}
