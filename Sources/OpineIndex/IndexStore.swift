import Foundation
import GRDB
import GRDBSQLite
import OpineRanking
import OpineText

/// The index database: one SQLite file holding articles, passages and their FTS5 index.
///
/// Opened as a pool of connections in WAL mode: any number of searches read at once, each in
/// its own snapshot (``snapshot(_:)``), while one writer syncs. The tokenizer and the
/// auxiliary function are registered on every connection (`prepareDatabase`); nothing is
/// process-wide. `Sendable`: its state is immutable but for the figures cache, which locks.
public final class IndexStore: Sendable {
    /// Bumped when the schema changes; an index of another version is rebuilt or refused.
    public static let schemaVersion = 6
    /// Readers wait this long for a writer's lock before reporting the index busy.
    static let busyTimeout: TimeInterval = 10

    public let path: String
    /// Searches read through this: a pool (WAL), or for a read-only file system an immutable queue.
    let reader: any DatabaseReader
    /// The same pool, when the store was opened for writing.
    let writer: (any DatabaseWriter)?
    /// The figures every search reads (article sizes and dates, passage statistics), kept
    /// while the index's generation is the same.
    let figuresCache = FiguresCache()
    /// What the writer connection's tokenizer saw of the article being inserted.
    let recorder = LayoutRecorder()

    /// Opens (creating when missing) the index at `path`.
    ///
    /// - Parameter readOnly: open for searching only; fails if the file does not exist.
    /// - Parameter rebuild: drop whatever an earlier Opine stored here and start over (refused
    ///   when the file is not an Opine index).
    /// - Parameter impactBlockBits: a new index's blocks of the first phase's bounds hold
    ///   2^bits article ids (nil: ``ImpactRecorder/defaultBlockBits``; tests make them small).
    public init(path: String, readOnly: Bool = false, rebuild: Bool = false, impactBlockBits: Int? = nil) throws {
        self.path = path
        let config = IndexStore.configuration(readOnly: readOnly, recorder: recorder)
        if FileManager.default.fileExists(atPath: path) {
            try IndexStore.checkHeader(path)
        } else if readOnly {
            throw IndexError.io(path: path, detail: "no index here; run `opine index` first")
        }
        // A read-only open reads the index's versions once, here, and checks them below.
        var found: [String: String]?
        do {
            let pool = try IndexStore.open(path, configuration: config)
            if readOnly { found = try pool.read { db in try IndexSchema.versions(db) } }
            reader = pool
            writer = readOnly ? nil : pool as? any DatabaseWriter
        } catch {
            // On a read-only file system a WAL database cannot be opened the usual way (no
            // -shm file can be made). Opened as immutable, it is read as the file holds it;
            // the writer checkpoints the WAL into the file when it finishes.
            guard readOnly, let immutable = try? DatabaseQueue(path: IndexStore.immutableURI(path), configuration: config),
                let versions = try? immutable.read({ db in try IndexSchema.versions(db) })
            else {
                throw IndexStore.translate(error, path: path)
            }
            found = versions
            reader = immutable
            writer = nil
        }
        if !readOnly, !rebuild, let versions = try read({ db in try IndexSchema.versions(db) }),
            IndexSchema.expectedVersions.allSatisfy({ versions[$0.key] == $0.value })
        {
            // An index of this version needs no write to open: waiting for the write lock here
            // held a second `opine index` (or a default-index search) behind a running batch.
        } else if !readOnly {
            try write { db in
                // A rebuild keeps the folders the index was built from, so that `opine index`
                // without paths rebuilds what was there.
                var roots: [String] = []
                if rebuild, try IndexSchema.versions(db) != nil {
                    if try db.tableExists("roots") { roots = try String.fetchAll(db, sql: "SELECT path FROM roots") }
                    try IndexSchema.dropAll(db)
                }
                try IndexSchema.migrate(db, path: path, impactBlockBits: impactBlockBits ?? ImpactRecorder.defaultBlockBits)
                for root in roots { try db.execute(sql: "INSERT OR IGNORE INTO roots(path) VALUES (?)", arguments: [root]) }
            }
        } else if let found {
            try IndexSchema.check(found, path: path)
        } else {
            try read { db in try IndexSchema.check(db, path: path) }
        }
    }

    /// Every connection's setup: WAL and a busy timeout; the tokenizer and `opine_instances`
    /// registered (the writer's tokenizer records layouts).
    static func configuration(readOnly: Bool, recorder: LayoutRecorder) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        config.busyMode = .timeout(IndexStore.busyTimeout)
        if !readOnly { config.journalMode = .wal }
        config.prepareDatabase { db in
            // Only the writer records layouts; readers' tokenizers analyze queries.
            try OpineTokenizer.register(db, recorder: db.configuration.readonly ? nil : recorder)
            try InstancesFunction.register(db)
            // Debian builds SQLite with SECURE_DELETE, which zeroes every freed page: FTS5's
            // segment merges free many. Nothing secret is indexed here.
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA secure_delete = OFF")
                // Takes effect only on a new, empty database (before GRDB turns WAL on): lets a
                // sync give back the pages FTS5's 'optimize' frees (`PRAGMA incremental_vacuum`).
                // Only there: on an existing database the pragma writes its header, and so waited
                // for a running sync's batch (a second `opine index`, a default-index search).
                if try Int.fetchOne(db, sql: "PRAGMA page_count") == 0 {
                    try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
                }
            }
        }
        return config
    }

    /// A pool of connections; a read-only open of a database not in WAL mode (an empty file)
    /// falls back to one connection.
    static func open(_ path: String, configuration: Configuration) throws -> any DatabaseReader {
        do {
            return try DatabasePool(path: path, configuration: configuration)
        } catch {
            guard configuration.readonly else { throw error }
            return try DatabaseQueue(path: path, configuration: configuration)
        }
    }

    /// Runs `body` on one consistent view of the index (one read transaction).
    public func snapshot<T>(_ body: (IndexSnapshot) throws -> T) throws -> T {
        do {
            return try reader.read { db in
                let generation = try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?",
                                                    arguments: [IndexSchema.generationKey]) ?? 0
                return try body(IndexSnapshot(db: db, cache: figuresCache, generation: generation))
            }
        } catch {
            throw IndexStore.translate(error, path: path)
        }
    }

    /// `file:` URI for an immutable open (SQLite built with URI support, as Debian's is).
    static func immutableURI(_ path: String) -> String {
        var encoded = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "%", "?", "#", " ": encoded += "%" + String(scalar.value, radix: 16, uppercase: true)
            default: encoded.unicodeScalars.append(scalar)
            }
        }
        return "file:" + encoded + "?immutable=1"
    }

    /// An SQLite file starts with this; anything else at the index path is not ours to touch.
    static func checkHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IndexError.io(path: path, detail: "cannot read the index file")
        }
        defer { try? handle.close() }
        let header = handle.readData(ofLength: 16)
        if header.isEmpty { return }  // an empty file: SQLite makes it a database
        if header != Data("SQLite format 3\0".utf8) { throw IndexError.notAnIndex(path: path) }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try reader.read(body)
        } catch {
            throw IndexStore.translate(error, path: path)
        }
    }

    /// Outside any transaction and without GRDB's read-only guard (FTS5 commands such as
    /// `integrity-check` are spelled as INSERTs): on the writer, else on a reader.
    func unrestricted<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            if let writer { return try writer.writeWithoutTransaction(body) }
            return try reader.unsafeReentrantRead(body)
        } catch {
            throw IndexStore.translate(error, path: path)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard let writer else { throw IndexError.readOnly(path: path) }
        do {
            return try writer.write(body)
        } catch {
            throw IndexStore.translate(error, path: path)
        }
    }

    /// SQLite's result codes become errors a user can act on; SQLite's own text never reaches
    /// the terminal.
    static func translate(_ error: Error, path: String) -> Error {
        guard let e = error as? DatabaseError else { return error }
        switch e.resultCode {
        case .SQLITE_FULL: return IndexError.diskFull(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            if e.resultCode == .SQLITE_CANTOPEN {
                let folder = (path as NSString).deletingLastPathComponent
                if access(folder.isEmpty ? "." : folder, W_OK) != 0 && (errno == EROFS || errno == EACCES) {
                    return IndexError.readOnly(path: path)
                }
                return IndexError.io(path: path, detail: "cannot open the index (missing folder or no permission)")
            }
            return IndexError.readOnly(path: path)
        case .SQLITE_NOTADB: return IndexError.notAnIndex(path: path)
        case .SQLITE_CORRUPT: return IndexError.corrupt(path: path, detail: "database disk image is malformed")
        case .SQLITE_BUSY, .SQLITE_LOCKED: return IndexError.busy(path: path)
        case .SQLITE_IOERR: return IndexError.io(path: path, detail: "input/output error while reading or writing the index")
        // Only CORRUPT and NOTADB speak of damage: advice to rebuild destroys an index that is fine.
        case .SQLITE_INTERRUPT: return IndexError.failed(path: path, reason: .interrupted)
        case .SQLITE_NOMEM: return IndexError.failed(path: path, reason: .outOfMemory)
        case .SQLITE_TOOBIG: return IndexError.failed(path: path, reason: .tooBig)
        case .SQLITE_CONSTRAINT: return IndexError.failed(path: path, reason: .constraint)
        default:
            let code = e.resultCode.rawValue
            return IndexError.failed(path: path, reason: .other(code: code, name: String(cString: sqlite3_errstr(code))))
        }
    }
}
