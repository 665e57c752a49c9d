import Foundation
import GRDB
import OpineText

/// What one `opine index` run did.
public struct SyncReport: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var moved = 0
    public var removed = 0
    public var unchanged = 0
    public var failed = 0
    /// One line per problem, each naming its file.
    public var warnings: [String] = []
    public var seconds = 0.0

    public init() {}
}

extension IndexStore {
    /// Files are written in transactions of at most this many files or bytes: large enough
    /// that commits do not dominate, small enough that a kill loses little and memory stays flat.
    static let batchFiles = 512
    static let batchBytes = 16 << 20
    /// A run that adds, changes or removes this many articles ends with FTS5's 'optimize'.
    static let optimizeAfterChanges = 1000
    /// Larger files are skipped: they are dumps, not op-eds, and would need their size in memory.
    public static let maximumFileBytes: Int64 = 64 << 20

    /// The folders (or files) this index was built from.
    public func roots() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT path FROM roots ORDER BY path") }
    }

    /// Brings the index in line with the files under `roots`: new files added, changed files
    /// re-indexed, deleted files removed, renamed files (same content) moved without parsing.
    /// Articles under other roots are left alone. A bad file is reported and skipped.
    public func sync(
        roots: [String], clock: () -> Double, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> SyncReport {
        let started = clock()
        // One writer at a time, for the whole run: a second `opine index` would otherwise
        // compare the files with a stale snapshot and insert articles twice.
        let lock = try WriterLock(indexPath: path)
        defer { lock.release() }
        var report = SyncReport()
        var walker = FileWalker()
        var canonicalRoots: [String] = []
        for root in roots {
            let canonical = IndexStore.canonical(root)
            canonicalRoots.append(canonical)
            walker.walk(canonical)
        }
        report.warnings += walker.warnings
        let rootsToRecord = canonicalRoots.filter { FileManager.default.fileExists(atPath: $0) }

        var existing: [String: ExistingArticle] = [:]
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT id, path, size, mtime, hash FROM articles")
            while let row = try rows.next() {
                let path: String = row[1]
                guard canonicalRoots.contains(where: { IndexStore.isUnder(path, root: $0) }) else { continue }
                existing[path] = ExistingArticle(id: row[0], size: row[2], mtime: row[3], hash: row[4])
            }
        }

        // Sorted by path, duplicates (overlapping roots) dropped; kept compact (``FileList``):
        // the walk's list was most of the memory that grew with the number of files.
        var files = walker.files
        walker.files = FileList()
        files.sortByPathRemovingDuplicates()
        var work: [Int32] = []
        for i in 0..<files.count {
            let e = files.entries[i]
            if existing.isEmpty {
                work.append(Int32(i))
                continue
            }
            let path = files[i].path
            if let known = existing[path], known.size == e.size, known.mtime == e.mtime {
                report.unchanged += 1
            } else {
                work.append(Int32(i))
            }
        }
        var missing: [String: ExistingArticle] = [:]
        for (path, e) in existing where files.index(of: path) == nil { missing[path] = e }
        // Only the changed files' records are needed from here on.
        var kept: [String: ExistingArticle] = [:]
        for i in work {
            let path = files[Int(i)].path
            if let e = existing[path] { kept[path] = e }
        }
        existing = kept
        var missingByHash: [Int64: String] = [:]
        for (path, e) in missing { missingByHash[e.hash] = path }

        try write { db in
            for root in rootsToRecord {
                try db.execute(sql: "INSERT OR IGNORE INTO roots(path) VALUES (?)", arguments: [root])
            }
        }

        var index = 0
        while index < work.count {
            var batchBytes = 0
            var end = index
            while end < work.count && end - index < IndexStore.batchFiles && batchBytes < IndexStore.batchBytes {
                batchBytes += Int(files.entries[Int(work[end])].size)
                end += 1
            }
            let batch = work[index..<end].map { files[Int($0)] }
            try write { db in
                for file in batch {
                    // No savepoint per file: FTS5 flushes its pending terms on every savepoint
                    // release (35% of indexing time in callgrind). A file's failures are all found
                    // before its first write; an SQLite error aborts the batch's transaction.
                    do {
                        try self.syncFile(db, file, existing: existing[file.path], missing: &missing,
                                          missingByHash: &missingByHash, report: &report)
                    } catch let failure as FileFailure {
                        report.failed += 1
                        report.warnings.append("\(file.path): \(failure.message)")
                    }
                }
            }
            index = end
            progress?(index, work.count)
        }
        // The list is done with: its memory is not held through the figures and the merge below.
        files = FileList()
        work = []

        if !missing.isEmpty {
            try write { db in
                for (_, e) in missing {
                    try IndexStore.deleteArticle(db, id: e.id)
                    report.removed += 1
                }
            }
        }
        let changed = report.added + report.updated + report.removed + report.moved > 0
        if try changed || articleSizes().isEmpty {
            try write { db in try IndexStore.writeCollectionFigures(db) }
        }
        // After a large load, merge FTS5's segments into one (as the peers' FTS5 does): queries
        // read one b-tree per term and the index shrinks. Small updates leave it to automerge.
        let churn = report.added + report.updated + report.removed
        if churn >= IndexStore.optimizeAfterChanges {
            try write { db in try db.execute(sql: "INSERT INTO article_fts(article_fts) VALUES ('optimize')") }
            try unrestricted { db in try db.execute(sql: "PRAGMA incremental_vacuum") }
        }
        figuresCache.value = nil
        figuresCache.table = nil
        figuresCache.dates = nil
        report.seconds = clock() - started
        return report
    }

    struct FileFailure: Error { var message: String }

    /// Article count, total bytes and the per-article size blob, for article-level BM25; the
    /// per-article date blob, for date filters; passage
    /// count and tokens for passage-level BM25.
    static func writeCollectionFigures(_ db: Database) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO meta(key, value)
            SELECT 'article_count', CAST(count(*) AS TEXT) FROM articles
            UNION ALL SELECT 'article_bytes', CAST(coalesce(sum(size), 0) AS TEXT) FROM articles
            """)
        let maxID = try Int.fetchOne(db, sql: "SELECT max(id) FROM articles") ?? 0
        var sizes = [Int32](repeating: 0, count: maxID + 1)
        var dates = [Int32](repeating: 0, count: maxID + 1)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, size, date FROM articles")
        while let row = try rows.next() {
            let id: Int = row[0]
            let size: Int64 = row[1]
            sizes[id] = Int32(clamping: size).littleEndian
            if let iso = row[2] as String?, let date = ArticleDate(iso: iso) { dates[id] = IndexStore.dateKey(date).littleEndian }
        }
        for (key, values) in [("article_sizes", sizes), ("article_dates", dates)] {
            try db.execute(sql: "INSERT OR REPLACE INTO blobs(key, value) VALUES (?, ?)",
                           arguments: [key, values.withUnsafeBytes { Data($0) }])
        }
        // Passage count and tokens, for passage-level BM25 (N and the mean length), from the layouts.
        var passages = 0
        var tokens = 0
        var decoded: [ArticleLayout.Passage] = []
        let layouts = try Row.fetchCursor(db, sql: "SELECT value FROM layouts")
        while let row = try layouts.next() {
            let value: Data = row[0]
            value.withUnsafeBytes { ArticleLayout.decode($0, into: &decoded) }
            passages += decoded.count
            for p in decoded { tokens += Int(p.length) }
        }
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('passage_count', ?), ('passage_tokens', ?)",
                       arguments: [String(passages), String(tokens)])
    }

    private func syncFile(
        _ db: Database, _ file: SourceFileInfo, existing: ExistingArticle?,
        missing: inout [String: ExistingArticle], missingByHash: inout [Int64: String], report: inout SyncReport
    ) throws {
        guard file.size <= IndexStore.maximumFileBytes else {
            throw FileFailure(message: "larger than \(IndexStore.maximumFileBytes >> 20) MB, skipped")
        }
        let bytes = try IndexStore.readFile(file.path)
        let hash = SourceText.hash(bytes)
        if let e = existing, e.hash == hash {
            try db.execute(sql: "UPDATE articles SET size = ?, mtime = ? WHERE id = ?",
                           arguments: [file.size, file.mtime, e.id])
            report.unchanged += 1
            return
        }
        if existing == nil, let from = missingByHash[hash], let e = missing[from] {
            try db.execute(sql: "UPDATE articles SET path = ?, size = ?, mtime = ? WHERE id = ?",
                           arguments: [file.path, file.size, file.mtime, e.id])
            missing[from] = nil
            missingByHash[hash] = nil
            report.moved += 1
            return
        }
        let source: SourceText
        do {
            source = try SourceText.decode(bytes)
        } catch {
            throw FileFailure(message: error.description)
        }
        if source.isBlank {
            report.warnings.append("\(file.path): empty file, indexed by its name only")
        }
        if source.encoding != .utf8 {
            report.warnings.append("\(file.path): not valid UTF-8, read as \(source.encoding.rawValue)")
        }
        let article = ArticleParser().parse(source.text, fileName: file.path)
        try IndexStore.writeArticle(db, id: existing?.id, file: file, hash: hash, encoding: source.encoding, article: article)
        if existing == nil { report.added += 1 } else { report.updated += 1 }
    }

    static func readFile(_ path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileFailure(message: "cannot be read (\(FileManager.default.isReadableFile(atPath: path) ? "vanished" : "permission denied")), skipped")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            return [UInt8](data)
        } catch {
            throw FileFailure(message: "read error, skipped")
        }
    }

    static func writeArticle(
        _ db: Database, id existingID: Int64?, file: SourceFileInfo, hash: Int64, encoding: SourceText.Encoding,
        article: Article
    ) throws {
        let authors = article.authors.joined(separator: "\u{1F}")
        // Empty when the title passage holds the title (read back from it: see `articleColumns`).
        let title = article.passages.first.map { $0.kind == .title && $0.text == article.title } == true ? "" : article.title
        let date = article.date?.description
        let id: Int64
        if let existingID {
            try deletePassages(db, articleID: existingID)
            try db.cachedStatement(sql: """
                UPDATE articles SET path = ?, hash = ?, size = ?, mtime = ?, encoding = ?, title = ?, authors = ?,
                date = ? WHERE id = ?
                """).execute(arguments: [file.path, hash, file.size, file.mtime, encoding.rawValue, title,
                                         authors, date, existingID])
            id = existingID
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO articles(path, hash, size, mtime, encoding, title, authors, date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [file.path, hash, file.size, file.mtime, encoding.rawValue, title,
                                         authors, date])
            id = db.lastInsertedRowID
        }
        let insertAuthor = try db.cachedStatement(sql: "INSERT INTO authors(article_id, name, folded) VALUES (?, ?, ?)")
        for name in article.authors {
            try insertAuthor.execute(arguments: [id, name, IndexStore.foldName(name)])
        }
        let insertPassage = try db.cachedStatement(sql: "INSERT INTO passages(id, kind, text, start) VALUES (?, ?, ?, ?)")
        var passages = article.passages
        for i in passages.indices where passages[i].text.utf8.contains(OpineTokenizer.passageSeparator) {
            // The separator joins passages in the FTS5 row: a stray one in the text becomes a space.
            passages[i].text = String(passages[i].text.map { $0 == "\u{1E}" ? " " : $0 })
        }
        for (ordinal, p) in passages.enumerated() {
            let rowid = id << IndexSchema.ordinalBits | Int64(ordinal)
            // The range's end is not stored: it is the start plus the text's UTF-8 length.
            try insertPassage.execute(arguments: [rowid, p.kind.rawValue, p.text, p.range.lowerBound])
        }
        let (head, body) = IndexStore.columns(passages.map { ($0.kind, $0.text) })
        let insertFTS = try db.cachedStatement(sql: "INSERT INTO article_fts(rowid, head, body) VALUES (?, ?, ?)")
        let recorded = try LayoutRecorder.of(db).recording { try insertFTS.execute(arguments: [id, head, body]) }
        let layout = IndexStore.layout(passages.map { ($0.kind, $0.text) }, head: head, body: body, recorded: recorded)
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO layouts(id, value) VALUES (?, ?)").execute(arguments: [id, layout])
    }

    /// An article's two FTS5 columns: its head and its other passages, each joined by the separator
    /// (nil when empty). Inserts and deletes build them here alike, as FTS5 requires.
    static func columns(_ passages: [(kind: PassageKind, text: String)]) -> (head: String?, body: String?) {
        var head: String?
        var body: String?
        let separator = String(UnicodeScalar(OpineTokenizer.passageSeparator))
        for p in passages {
            if p.kind.isHead {
                if head == nil { head = p.text } else { head! += separator + p.text }
            } else {
                if body == nil { body = p.text } else { body! += separator + p.text }
            }
        }
        return (head, body)
    }

    /// The article's layout from what the tokenizer recorded during its insert (one record per
    /// non-empty column, in column order); should the record not match the columns, each passage
    /// is analyzed again to count its positions.
    static func layout(_ passages: [(kind: PassageKind, text: String)], head: String?, body: String?,
                       recorded: [(bytes: Int, passagePositions: [Int32])]) -> Data {
        var headCount = 0
        for p in passages where p.kind.isHead { headCount += 1 }
        var expected: [(column: Int, bytes: Int, passages: Int)] = []
        if let head, !head.isEmpty { expected.append((0, head.utf8.count, headCount)) }
        if let body, !body.isEmpty { expected.append((1, body.utf8.count, passages.count - headCount)) }
        var lengths: [Int32] = []
        lengths.reserveCapacity(passages.count)
        if recorded.count == expected.count,
            zip(recorded, expected).allSatisfy({ $0.bytes == $1.bytes && $0.passagePositions.count == $1.passages })
        {
            // A column with no record holds one empty passage: it takes no position.
            var columns: [ArraySlice<Int32>] = [[], []]
            for (r, e) in zip(recorded, expected) { columns[e.column] = r.passagePositions[...] }
            for p in passages {
                let c = p.kind.isHead ? 0 : 1
                lengths.append(columns[c].popFirst() ?? 0)
            }
        } else {
            let analyzer = Analyzer()
            for p in passages { lengths.append(Int32(analyzer.tokens(p.text, mode: .document).filter { !$0.isColocated }.count)) }
        }
        return ArticleLayout.encode(kinds: passages.map(\.kind), lengths: lengths)
    }

    /// Removes an article's row from the FTS5 index, its passages and its layout. FTS5 needs the
    /// row's old text to delete it: the passages are read first.
    static func deletePassages(_ db: Database, articleID id: Int64) throws {
        let lo = id << IndexSchema.ordinalBits
        let hi = lo | ((1 << IndexSchema.ordinalBits) - 1)
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT kind, text FROM passages WHERE id BETWEEN ? AND ? ORDER BY id"),
                                    arguments: [lo, hi])
        if !rows.isEmpty {
            let (head, body) = IndexStore.columns(rows.map { (PassageKind(rawValue: $0[0] as Int) ?? .body, $0[1] as String) })
            try db.cachedStatement(sql: "INSERT INTO article_fts(article_fts, rowid, head, body) VALUES ('delete', ?, ?, ?)")
                .execute(arguments: [id, head, body])
        }
        try db.execute(sql: "DELETE FROM passages WHERE id BETWEEN ? AND ?", arguments: [lo, hi])
        try db.execute(sql: "DELETE FROM layouts WHERE id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM authors WHERE article_id = ?", arguments: [id])
    }

    static func deleteArticle(_ db: Database, id: Int64) throws {
        try deletePassages(db, articleID: id)
        try db.execute(sql: "DELETE FROM articles WHERE id = ?", arguments: [id])
    }

    /// Author names compare folded: lowercase, accents removed (the analyzer's folding).
    static func foldName(_ name: String) -> String {
        Analyzer().tokens(name, mode: .prefix).filter { !$0.isColocated }.map(\.term).joined(separator: " ").lowercased()
    }

    static func canonical(_ path: String) -> String {
        var absolute = path
        if !absolute.hasPrefix("/") {
            absolute = FileManager.default.currentDirectoryPath + "/" + path
        }
        if let resolved = realpath(absolute, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return (absolute as NSString).standardizingPath
    }

    static func isUnder(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}

struct ExistingArticle {
    var id: Int64
    var size: Int64
    var mtime: Int64
    var hash: Int64
}
