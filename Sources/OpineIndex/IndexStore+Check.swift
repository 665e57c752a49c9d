import Foundation
import GRDB
import OpineRanking
import OpineSources

/// What `opine check` found.
public struct CheckReport: Sendable, Equatable {
    /// SQLite's `PRAGMA integrity_check` said "ok".
    public var databaseOK = false
    /// FTS5's `integrity-check` command passed (index agrees with the passages).
    public var fullTextOK = false
    public var articles = 0
    /// Indexed files that are gone, or changed since they were indexed.
    public var missingFiles: [String] = []
    public var changedFiles: [String] = []
    /// The collection figures do not match the articles (a run stopped before writing them):
    /// like changed files, out of date rather than unsound; the next `opine index` writes them.
    public var staleFigures = false
    /// Problems, one line each.
    public var problems: [String] = []

    public var isHealthy: Bool { databaseOK && fullTextOK && problems.isEmpty }
}

extension IndexStore {
    /// Checks SQLite's and FTS5's integrity, then the index against the files.
    public func check() throws -> CheckReport {
        var report = CheckReport()
        try unrestricted { db in
            let results = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            report.databaseOK = results == ["ok"]
            if !report.databaseOK { report.problems.append("database: \(results.prefix(3).joined(separator: "; "))") }
            do {
                try db.execute(sql: "INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")
                report.fullTextOK = true
            } catch {
                report.problems.append("full-text index: does not match the stored passages")
            }
            if let stored = try CollectionFigures.stored(db) { report.staleFigures = stored != (try CollectionFigures.compute(db)) }
            let orphans = try Int.fetchOne(db, sql: "SELECT count(*) FROM passages WHERE (id >> \(PassageID.ordinalBits)) NOT IN (SELECT id FROM articles)") ?? 0
            if orphans > 0 { report.problems.append("passages: \(orphans) belong to no article") }
            let rows = try Row.fetchAll(db, sql: "SELECT path, size, mtime FROM articles")
            report.articles = rows.count
            for row in rows {
                let stored: String = row[0]
                // A dataset record is checked against its file.
                let path = IndexStore.recordFile(of: stored, formats: .standard) ?? stored
                var st = stat()
                if stat(path, &st) != 0 {
                    report.missingFiles.append(path)
                } else if Int64(st.st_size) != row[1] as Int64 || FileWalker.mtime(st) != row[2] as Int64 {
                    report.changedFiles.append(path)
                }
            }
        }
        return report
    }
}
