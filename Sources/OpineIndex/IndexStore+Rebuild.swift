import Foundation
import GRDB
import GRDBSQLite
import OpineSources

/// `opine index --rebuild`: a new index built beside this one, then swapped in whole.
///
/// Searches read the old index until the new one is complete (dropping the tables first had
/// left searches run meanwhile finding nothing), and a kill at any moment leaves the old index
/// as it was: the new one lives in `<index>.rebuild` until SQLite's backup copies it into the
/// index in one write transaction, which readers see, like any commit, only when it is whole.
extension IndexStore {
    /// The side index's path; a leftover of a killed rebuild is deleted before the next.
    var rebuildPath: String { path + ".rebuild" }

    /// Builds the index anew from `roots` (and the folders it was built from) beside this one,
    /// keeping what the files cannot give back (followed feeds and their items, the address of
    /// each fetched page, the archive folder, dataset field names), then swaps it in. Holds the
    /// writer lock throughout. An interrupted rebuild (``StopRequest``) swaps nothing.
    public func rebuild(
        roots: [String], formats: ArticleFormats = .standard, clock: () -> Double,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil, jobs: Int = IndexStore.defaultJobs, stop: StopRequest? = nil
    ) throws -> SyncReport {
        let lock = try WriterLock(indexPath: path)
        defer { lock.release() }
        IndexStore.removeDatabaseFiles(rebuildPath)
        defer { IndexStore.removeDatabaseFiles(rebuildPath) }
        let targets = IndexStore.union(try self.roots(), roots.map(IndexStore.canonical))
        let report: SyncReport
        do {
            let side = try IndexStore(path: rebuildPath)
            try carryOver(to: side)
            report = try side.syncHoldingLock(roots: targets, formats: formats, clock: clock, progress: progress, jobs: jobs, stop: stop)
            if report.interrupted { return report }
            try copy(from: side)
        }
        return report
    }

    /// `first`, then the paths of `second` it does not hold, in order.
    static func union(_ first: [String], _ second: [String]) -> [String] {
        var seen = Set(first)
        return first + second.filter { seen.insert($0).inserted }
    }

    /// An SQLite database's files: the file, its WAL, its shared memory, and Opine's lock.
    static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// What a rebuild keeps: the rows no file can give back, and the generation (the new index
    /// counts on from it, so a reader's figures of the old one are never taken for the new's).
    func carryOver(to side: IndexStore) throws {
        // ATTACH is refused inside a transaction: attach first, then copy in one.
        try side.unrestricted { db in
            try db.execute(sql: "ATTACH DATABASE ? AS old", arguments: [path])
            defer { try? db.execute(sql: "DETACH DATABASE old") }
            try db.inTransaction {
                for table in ["roots", "record_fields", "feeds", "feed_items", "sources"] {
                    try db.execute(sql: "INSERT OR REPLACE INTO main.\(table) SELECT * FROM old.\(table)")
                }
                try db.execute(sql: """
                    INSERT OR REPLACE INTO main.meta(key, value)
                    SELECT key, value FROM old.meta WHERE key IN ('archive_folder', ?)
                    """, arguments: [IndexSchema.generationKey])
                return .commit
            }
        }
    }

    /// Replaces this index's pages with `side`'s, in one write transaction of this index's
    /// writer (SQLite's online backup): readers in any process keep their snapshot of the old
    /// index until it commits.
    func copy(from side: IndexStore) throws {
        guard let writer else { throw IndexError.readOnly(path: path) }
        do {
            try writer.writeWithoutTransaction { destination in
                try side.reader.read { source in
                    guard let backup = sqlite3_backup_init(destination.sqliteConnection, "main", source.sqliteConnection, "main") else {
                        throw DatabaseError(resultCode: ResultCode(rawValue: sqlite3_errcode(destination.sqliteConnection)))
                    }
                    let step = sqlite3_backup_step(backup, -1)
                    let finish = sqlite3_backup_finish(backup)
                    guard step == SQLITE_DONE, finish == SQLITE_OK else {
                        throw DatabaseError(resultCode: ResultCode(rawValue: step == SQLITE_DONE ? finish : step))
                    }
                }
                destination.clearSchemaCache()
                // The WAL now holds a copy of every page: fold it into the file where no reader prevents it.
                _ = try? destination.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)")
            }
        } catch {
            throw IndexStore.translate(error, path: path)
        }
    }
}
