import Foundation
import GRDB
import GRDBSQLite
import OpineRanking
import OpineSources
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
    /// Files not read because Opine does not read their type, by extension (`.pdf`: 10).
    public var skippedTypes: [String: Int] = [:]
    public var seconds = 0.0
    /// The walk found the very files the last complete run left, and nothing wrote to the index
    /// since: nothing else was read (``SyncManifest``).
    public var walkOnly = false
    /// The run was asked to stop (``StopRequest``) before it read every file: what it had
    /// committed is kept, `left` files were not read, and the next run reads them.
    public var interrupted = false
    public var left = 0

    /// Files the run read and wrote (or found unchanged or moved).
    public var indexed: Int { added + updated + moved }

    public init() {}
}

extension IndexStore {
    /// Files are written in transactions of at most this many files or bytes: large enough
    /// that commits do not dominate, small enough that a kill loses little and memory stays flat.
    static let batchFiles = 512
    static let batchBytes = 16 << 20
    /// A run that adds, changes or removes this many articles ends with FTS5's 'optimize'; one
    /// that reads this many files turns FTS5's automerge off until then.
    static let optimizeAfterChanges = 1000
    /// Larger files are skipped: they are dumps, not op-eds, and would need their size in memory.
    public static let maximumFileBytes: Int64 = 64 << 20
    /// Threads that prepare files while the writer inserts: one per core. (0: the writer
    /// prepares each file itself and FTS5 analyzes it at insert.)
    public static let defaultJobs = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// The folders (or files) this index was built from.
    public func roots() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT path FROM roots ORDER BY path") }
    }

    /// Brings the index in line with the files under `roots`: new files added, changed files
    /// re-indexed, deleted files removed, renamed files (same content) moved without parsing.
    /// Articles under other roots are left alone. A bad file is reported and skipped.
    ///
    /// Three stages: the walk, the ``ChangeSet`` (pure), and the apply step (batched writes,
    /// then the removals and the collection figures in one transaction).
    public func sync(
        roots: [String], formats: ArticleFormats = .standard, clock: () -> Double,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil, jobs: Int = IndexStore.defaultJobs, stop: StopRequest? = nil
    ) throws -> SyncReport {
        // One writer at a time, for the whole run: a second `opine index` would otherwise
        // compare the files with a stale snapshot and insert articles twice.
        let lock = try WriterLock(indexPath: path)
        defer { lock.release() }
        return try syncHoldingLock(roots: roots, formats: formats, clock: clock, progress: progress, jobs: jobs, stop: stop)
    }

    /// ``sync(roots:formats:clock:progress:jobs:stop:)`` for a caller that holds the writer lock.
    func syncHoldingLock(
        roots: [String], formats: ArticleFormats, clock: () -> Double,
        progress: ((_ done: Int, _ total: Int) -> Void)?, jobs: Int, stop: StopRequest?
    ) throws -> SyncReport {
        let started = clock()
        var report = SyncReport()
        var (files, canonicalRoots) = walk(roots, formats: formats, report: &report)
        let digest = files.digest
        if let unchanged = try unchangedSinceLastRun(roots: canonicalRoots, digest: digest) {
            report.unchanged = unchanged
            report.walkOnly = true
            report.seconds = clock() - started
            return report
        }
        var changes = ChangeSet(stored: try storedArticles(under: canonicalRoots), scanned: files,
                                recordFile: { IndexStore.recordFile(of: $0, formats: formats) })
        report.unchanged = changes.unchanged
        try write { db in
            for root in canonicalRoots where FileManager.default.fileExists(atPath: root) {
                try db.execute(sql: "INSERT OR IGNORE INTO roots(path) VALUES (?)", arguments: [root])
            }
        }
        // A large load merges FTS5's segments once, in the closing 'optimize', not as it goes.
        let bulk = changes.toRead.count >= IndexStore.optimizeAfterChanges
        try setAutomerge(bulk ? 0 : IndexStore.automerge)
        try apply(&changes, files: files, formats: formats, report: &report, progress: progress, jobs: jobs, stop: stop)
        if bulk { try setAutomerge(IndexStore.automerge) }
        // The list is done with: its memory is not held through the figures and the merge below.
        files = FileList()
        try finish(changes, report: &report)
        if report.failed == 0 && !report.interrupted {
            let articles = report.unchanged + report.added + report.updated + report.moved
            try write { db in
                try SyncManifest(roots: canonicalRoots, digest: digest, articles: articles, generation: try SyncManifest.generation(db)).save(db)
            }
        }
        report.seconds = clock() - started
        return report
    }

    /// FTS5's default: merge segments in the background as inserts go.
    static let automerge = 4

    /// Sets FTS5's 'automerge' (0: segments pile up until an 'optimize'), writing only when
    /// it changes: a run killed during a large load left 0, which the next run puts back.
    func setAutomerge(_ value: Int) throws {
        try write { db in
            let current = try Int.fetchOne(db, sql: "SELECT v FROM article_fts_config WHERE k = 'automerge'") ?? IndexStore.automerge
            guard current != value else { return }
            try db.execute(sql: "INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', ?)", arguments: [value])
        }
    }

    /// The articles under `roots` when the last complete run saw these very files and nothing
    /// wrote to the index since (``SyncManifest``); nil when this run must compare.
    func unchangedSinceLastRun(roots: [String], digest: String) throws -> Int? {
        try read { db in
            guard let manifest = try SyncManifest.load(db) else { return nil }
            let now = SyncManifest(roots: roots, digest: digest, articles: manifest.articles, generation: try SyncManifest.generation(db))
            return now == manifest ? manifest.articles : nil
        }
    }

    /// The files under `roots` (canonical), sorted by path, duplicates (overlapping roots)
    /// dropped; kept compact (``FileList``): the walk's list was most of the memory that grew
    /// with the number of files.
    func walk(_ roots: [String], formats: ArticleFormats, report: inout SyncReport) -> (FileList, [String]) {
        var walker = FileWalker(formats: formats)
        let canonicalRoots = roots.map(IndexStore.canonical)
        for root in canonicalRoots { walker.walk(root) }
        report.warnings += walker.warnings
        report.skippedTypes.merge(walker.skippedTypes, uniquingKeysWith: +)
        report.failed += walker.unreadable
        var files = walker.files
        walker.files = FileList()
        files.sortByPathRemovingDuplicates()
        return (files, canonicalRoots)
    }

    /// The stored articles whose path is under one of `roots`, sorted by path. Columns are read
    /// in place (no Row, no String per article): a large index has hundreds of thousands.
    func storedArticles(under roots: [String]) throws -> StoredList {
        // A root's own path, and the prefixes of the paths under it: a folder's files, and a
        // dataset file's records (`export.csv#id=7`, when the root is the file itself).
        let prefixes = roots.flatMap { root in
            [(Array(root.utf8), Array((root.hasSuffix("/") ? root : root + "/").utf8)), (Array(root.utf8), Array((root + "#").utf8))]
        }
        return try read { db in
            var stored = StoredList()
            let statement = try db.makeStatement(sql: "SELECT id, path, size, mtime, hash FROM articles")
            let rows = try Row.fetchCursor(statement)
            let handle = statement.sqliteStatement
            while try rows.next() != nil {
                let text = sqlite3_column_text(handle, 1)
                let path = UnsafeBufferPointer(start: text, count: text == nil ? 0 : Int(sqlite3_column_bytes(handle, 1)))
                guard prefixes.contains(where: { IndexStore.isUnder(path, root: $0.0, prefix: $0.1) }) else { continue }
                stored.append(path: path, ChangeSet.Stored(
                    id: sqlite3_column_int64(handle, 0), size: sqlite3_column_int64(handle, 2),
                    mtime: sqlite3_column_int64(handle, 3), hash: sqlite3_column_int64(handle, 4)))
            }
            stored.sortByPath()
            return stored
        }
    }

    /// Whether a path (bytes) is under a root: the root itself, or a path that starts with
    /// `prefix` (the root and a `/`).
    static func isUnder(_ path: UnsafeBufferPointer<UInt8>, root: [UInt8], prefix: [UInt8]) -> Bool {
        if path.elementsEqual(root) { return true }
        return path.count >= prefix.count && prefix.withUnsafeBufferPointer { p in
            guard let a = path.baseAddress, let b = p.baseAddress else { return p.isEmpty }
            return memcmp(a, b, p.count) == 0
        }
    }

    /// Reads and writes the files to read, in transactions of at most ``batchFiles`` files or
    /// ``batchBytes`` bytes.
    func apply(_ changes: inout ChangeSet, files: FileList, formats: ArticleFormats, report: inout SyncReport,
               progress: ((Int, Int) -> Void)?, jobs: Int, stop: StopRequest? = nil) throws {
        // Dataset files are streamed record by record, in transactions of their own.
        let isRecordFile = { (i: Int32) in formats.holdsRecords(files[Int(i)].path) }
        let recordFiles = changes.toRead.filter(isRecordFile)
        let work = changes.toRead.filter { !isRecordFile($0) }
        for (n, i) in recordFiles.enumerated() {
            if stop?.isRequested == true {
                report.interrupted = true
                report.left = recordFiles.count - n + work.count
                return
            }
            try applyRecords(files[Int(i)], changes: &changes, formats: formats, report: &report)
        }
        // Worker threads read, parse and analyze; this thread only writes, in order. With no
        // jobs, this thread prepares each file itself and FTS5 analyzes it at insert (the
        // reference the pipeline is tested against).
        let known = changes.storedHashes
        let pipeline = jobs > 0 ? PreparePipeline(files: files, order: work, jobs: jobs, formats: formats, knownHashes: known) : nil
        defer { pipeline?.finish() }
        var serial = 0
        func next() -> PreparedFile? {
            if let pipeline { return pipeline.next() }
            defer { serial += 1 }
            return serial < work.count ? PreparedFile.prepare(files[Int(work[serial])], formats: formats, knownHashes: known, tokenizer: nil) : nil
        }
        var index = 0
        while index < work.count {
            var batchBytes = 0
            var end = index
            while end < work.count && end - index < IndexStore.batchFiles && batchBytes < IndexStore.batchBytes {
                batchBytes += Int(files.entries[Int(work[end])].size)
                end += 1
            }
            var written = index
            try write { db in
                try CollectionFigures.markStale(db)
                // No savepoint per file: FTS5 flushes its pending terms on every savepoint
                // release (35% of indexing time in callgrind). A file's failures are all found
                // before its first write; an SQLite error aborts the batch's transaction. A stop
                // request ends the batch at a file's end, and the transaction commits.
                while written < end, stop?.isRequested != true, let prepared = next() {
                    try self.apply(db, prepared, changes: &changes, formats: formats, report: &report)
                    written += 1
                }
                try self.recorder.impacts.flush(db)
            }
            progress?(written, work.count)
            if stop?.isRequested == true && written < work.count {
                report.interrupted = true
                report.left = work.count - written
                return
            }
            index = end
        }
    }

    /// A file's repeated records are named up to this many times, then counted.
    static let duplicateWarnings = 10

    /// `…/export.csv` for `…/export.csv#id=7`: the dataset file a stored path is a record of.
    public static func recordFile(of path: String, formats: ArticleFormats) -> String? {
        // Most paths are files of their own: a byte scan answers them (a no-op re-index asks
        // this of every stored path; lowercasing each one was two thirds of its time).
        let hasHash = path.utf8.withContiguousStorageIfAvailable { b in b.baseAddress.map { memchr($0, 0x23, b.count) != nil } ?? false }
            ?? path.utf8.contains(UInt8(ascii: "#"))
        guard hasHash else { return nil }
        let lower = path.lowercased()
        for ext in formats.recordExtensions {
            if let r = lower.range(of: ext + "#") {
                return String(path.utf8.prefix(lower.utf8.distance(from: lower.startIndex, to: r.upperBound) - 1))
            }
        }
        return nil
    }

    /// The path of a record: its file, `#`, its identity.
    static func recordPath(_ file: String, _ identity: String) -> String { file + "#" + identity }

    /// Reads a dataset file record by record: unchanged records (same content hash) only get the
    /// file's new size and mtime; changed and new ones are written, 512 to a transaction; a
    /// record that fails is one warning with its line; records gone from the file are removed.
    func applyRecords(_ file: SourceFileInfo, changes: inout ChangeSet, formats: ArticleFormats,
                      report: inout SyncReport) throws {
        guard let reader = formats.reader(for: file.path), reader.holds == .records else { return }
        var known = changes.takeRecords(of: file.path)
        // Identities seen in this file, as 64-bit hashes: memory stays small for millions of rows.
        var seen = Set<Int64>()
        var duplicates = 0
        var pending: [(SourceRecord, existing: ChangeSet.Stored?)] = []
        var localReport = report
        func flush() throws {
            let rows = pending
            pending.removeAll(keepingCapacity: true)
            try write { db in
                try CollectionFigures.markStale(db)
                for (record, existing) in rows {
                    try self.applyRecord(db, record, file: file, existing: existing, report: &localReport)
                }
                try self.recorder.impacts.flush(db)
            }
        }
        do {
            let warnings = try reader.read(.file(file.path), settings: try datasetSettings(for: file.path)) { record in
                let path = IndexStore.recordPath(file.path, record.identity)
                if let failure = record.failure {
                    localReport.failed += 1
                    localReport.warnings.append("\(file.path):\(record.line): \(failure)")
                    return
                }
                guard seen.insert(SourceText.hash(Array(record.identity.utf8))).inserted else {
                    duplicates += 1
                    if duplicates <= IndexStore.duplicateWarnings {
                        localReport.warnings.append("\(file.path):\(record.line): the same \(record.identity.prefix(80)) as an earlier record, skipped")
                    }
                    return
                }
                pending.append((record, known.removeValue(forKey: path)))
                if pending.count >= IndexStore.batchFiles { try flush() }
            }
            try flush()
            if duplicates > IndexStore.duplicateWarnings {
                localReport.warnings.append("\(file.path): \(duplicates - IndexStore.duplicateWarnings) more records repeat an earlier one, skipped")
            }
            for warning in warnings { localReport.warnings.append("\(file.path): \(warning)") }
        } catch let failure as SourceFailure {
            localReport.failed += 1
            localReport.warnings.append("\(file.path): \(failure.message)")
            known = [:]  // an unreadable file keeps its records as they were
        }
        report = localReport
        changes.recordsGone(known)
    }

    /// One record written (or, unchanged, touched).
    func applyRecord(_ db: Database, _ record: SourceRecord, file: SourceFileInfo, existing: ChangeSet.Stored?,
                     report: inout SyncReport) throws {
        let path = IndexStore.recordPath(file.path, record.identity)
        if let existing, existing.hash == record.hash {
            try db.execute(sql: "UPDATE articles SET size = ?, mtime = ? WHERE id = ?",
                           arguments: [file.size, file.mtime, existing.id])
            report.unchanged += 1
            return
        }
        guard let article = record.article else { return }
        try writeArticle(db, id: existing?.id, file: SourceFileInfo(path: path, size: file.size, mtime: file.mtime),
                         hash: record.hash, encoding: record.encoding, article: article)
        if existing == nil { report.added += 1 } else { report.updated += 1 }
    }

    /// How a dataset file is read (`opine index --fields … --date-format …`), else the usual way.
    func datasetSettings(for path: String) throws -> DatasetSettings {
        let spec = try read { db in
            try String.fetchOne(db, sql: "SELECT spec FROM record_fields WHERE path = ?", arguments: [path])
        }
        return spec.flatMap(DatasetSettings.init(spec:)) ?? DatasetSettings()
    }

    /// Remembers how dataset files are read: `fields` (`title=headline,text=body`) when given,
    /// and the order of their numeric dates when `dates` is given; what is not given stays as
    /// it was. The files' records are marked for reading at the next sync, which writes again
    /// those the change affects.
    public func setDatasetSettings(fields: String?, dates: DatasetSettings.Dates?, for paths: [String]) throws {
        var named: FieldNames?
        if let fields {
            switch FieldNames.parse(fields) {
            case .success(let names): named = names
            case .failure(let failure): throw failure
            }
        }
        try write { db in
            try SyncManifest.forget(db)
            for path in paths.map(IndexStore.canonical) {
                let stored = try String.fetchOne(db, sql: "SELECT spec FROM record_fields WHERE path = ?", arguments: [path])
                var settings = stored.flatMap(DatasetSettings.init(spec:)) ?? DatasetSettings()
                if let named { settings.fields = named }
                if let dates { settings.dates = dates }
                try db.execute(sql: "INSERT OR REPLACE INTO record_fields(path, spec) VALUES (?, ?)", arguments: [path, settings.spec])
                // A stored mtime no file has: the change set reads the file again.
                // Its records' paths are `path#…`: from `path#` up to `path$` in byte order.
                try db.execute(sql: "UPDATE articles SET mtime = -1 WHERE path >= ? AND path < ?",
                               arguments: [path + "#", path + "$"])
            }
        }
    }

    /// Remembers the columns of dataset files (`--fields title=headline,text=body`).
    public func setRecordFields(_ spec: String, for paths: [String]) throws {
        try setDatasetSettings(fields: spec, dates: nil, for: paths)
    }

    /// Removes the articles no file claimed, then writes the collection figures and a new
    /// generation, in one transaction: readers see figures that match the articles. After a
    /// large load, FTS5's segments are merged into one (as the peers' FTS5 does): queries read
    /// one b-tree per term and the index shrinks. Small updates leave it to automerge.
    ///
    /// An interrupted run removes nothing (what no file claimed may be a file it had yet to
    /// read) and merges nothing; it writes the figures of what it committed.
    func finish(_ changes: ChangeSet, report: inout SyncReport) throws {
        let missing = report.interrupted ? [:] : changes.missing
        let changed = report.added + report.updated + report.moved + missing.count > 0
        if try changed || read({ db in try CollectionFigures.needWriting(db) }) {
            try write { db in
                for (_, stored) in missing { try IndexStore.deleteArticle(db, id: stored.id) }
                try CollectionFigures.write(db)
            }
            report.removed = missing.count
        }
        if report.interrupted { return }
        let churn = report.added + report.updated + report.removed
        if churn >= IndexStore.optimizeAfterChanges {
            try write { db in
                try db.execute(sql: "INSERT INTO article_fts(article_fts) VALUES ('optimize')")
                try db.execute(sql: "INSERT INTO impact_fts(impact_fts) VALUES ('optimize')")
            }
            try unrestricted { db in try db.execute(sql: "PRAGMA incremental_vacuum") }
        }
    }

    /// One prepared file written: unchanged content updates its metadata, a rename moves its
    /// article, anything else is written from its parse (made here if the workers left it).
    private func apply(
        _ db: Database, _ prepared: PreparedFile, changes: inout ChangeSet, formats: ArticleFormats, report: inout SyncReport
    ) throws {
        let file = prepared.file
        func failed(_ warnings: [String], _ message: String) {
            for warning in warnings { report.warnings.append("\(file.path): \(warning)") }
            report.failed += 1
            report.warnings.append("\(file.path): \(message)")
        }
        guard case .content(let hash, var parsed) = prepared.outcome else {
            if case .failed(let warnings, let message) = prepared.outcome { failed(warnings, message) }
            return
        }
        let decision = changes.decide(path: file.path, hash: hash)
        switch decision {
        case .touched(let id), .renamed(let id, _):
            try db.execute(sql: "UPDATE articles SET path = ?, size = ?, mtime = ? WHERE id = ?",
                           arguments: [file.path, file.size, file.mtime, id])
            if case .touched = decision { report.unchanged += 1 } else { report.moved += 1 }
            return
        case .changed, .added:
            break
        }
        if parsed == nil {
            // Content the index held, but no article claimed it (a second copy of a renamed file).
            do {
                parsed = try PreparedFile.parse(try IndexStore.readFile(file.path), path: file.path, formats: formats, tokenizer: nil)
            } catch let failure as NoArticle {
                return failed(failure.warnings, "no article found, skipped")
            } catch let failure as SourceFailure {
                return failed([], failure.message)
            }
        }
        guard let parsed else { return }
        for warning in parsed.warnings { report.warnings.append("\(file.path): \(warning)") }
        var existing: Int64?
        if case .changed(let id) = decision { existing = id }
        try writeArticle(db, id: existing, file: file, hash: hash, encoding: parsed.encoding, article: parsed.article,
                         prepared: parsed)
        if existing == nil { report.added += 1 } else { report.updated += 1 }
    }

    static func readFile(_ path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SourceFailure("cannot be read (\(FileManager.default.isReadableFile(atPath: path) ? "vanished" : "permission denied")), skipped")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            return [UInt8](data)
        } catch {
            throw SourceFailure("read error, skipped")
        }
    }

    /// `prepared`: the columns, their tapes and lexicon from a worker; without it, FTS5 analyzes
    /// the columns here.
    func writeArticle(
        _ db: Database, id existingID: Int64?, file: SourceFileInfo, hash: Int64, encoding: String, article: Article,
        prepared: PreparedFile.Parsed? = nil
    ) throws {
        let authors = article.authors.joined(separator: "\u{1F}")
        // Empty when the title passage holds the title (read back from it: see `articleColumns`).
        let title = article.passages.first.map { $0.kind == .title && $0.text == article.title } == true ? "" : article.title
        let date = article.date?.description
        let outlet = article.outlet
        let url: String? = article.url.isEmpty ? try IndexStore.sourceURL(db, path: file.path) : article.url
        let id: Int64
        if let existingID {
            try IndexStore.deletePassages(db, articleID: existingID)
            try db.cachedStatement(sql: """
                UPDATE articles SET path = ?, hash = ?, size = ?, mtime = ?, encoding = ?, title = ?, authors = ?,
                date = ?, outlet = ?, url = ? WHERE id = ?
                """).execute(arguments: [file.path, hash, file.size, file.mtime, encoding, title,
                                         authors, date, outlet, url, existingID])
            id = existingID
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO articles(path, hash, size, mtime, encoding, title, authors, date, outlet, url)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [file.path, hash, file.size, file.mtime, encoding, title,
                                         authors, date, outlet, url])
            id = db.lastInsertedRowID
        }
        let insertAuthor = try db.cachedStatement(sql: "INSERT INTO authors(article_id, name, folded) VALUES (?, ?, ?)")
        for name in article.authors {
            try insertAuthor.execute(arguments: [id, name, IndexStore.foldName(name)])
        }
        let insertPassage = try db.cachedStatement(sql: "INSERT INTO passages(id, kind, text, start, span) VALUES (?, ?, ?, ?, ?)")
        // A prepared article is clean already (``PreparedFile/parse``).
        let passages = prepared == nil ? IndexStore.withoutSeparators(article.passages) : article.passages
        for (ordinal, p) in passages.enumerated() {
            let rowid = PassageID.make(article: id, ordinal: ordinal)
            // The range's length is stored only when it is not the text's UTF-8 length (a page's
            // passage spans its markup; a text file's is its text).
            let span: Int? = p.range.count == p.text.utf8.count ? nil : p.range.count
            try insertPassage.execute(arguments: [rowid, p.kind.rawValue, p.text, p.range.lowerBound, span])
        }
        let (head, body) = prepared.map { ($0.head, $0.body) } ?? IndexStore.columns(passages.map { ($0.kind, $0.text) })
        let insertFTS = try db.cachedStatement(sql: "INSERT INTO article_fts(rowid, head, body) VALUES (?, ?, ?)")
        recorder.tapes = prepared?.tapes ?? []
        defer { recorder.tapes.removeAll() }
        let recorded = try recorder.recording { try insertFTS.execute(arguments: [id, head, body]) }
        if let words = prepared?.lexicon, !words.isEmpty { recorder.lexicon.pending += words }
        let layout = IndexStore.layout(passages.map { ($0.kind, $0.text) }, head: head, body: body, recorded: recorded)
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO layouts(id, value) VALUES (?, ?)").execute(arguments: [id, layout])
        noteImpacts(article: id, layout: layout, headFirst: head.map { !$0.isEmpty } ?? false)
        if !recorder.lexicon.pending.isEmpty {
            let insertWord = try db.cachedStatement(sql: "INSERT OR IGNORE INTO lexicon(word, term) VALUES (?, ?)")
            for (word, term) in recorder.lexicon.pending { try insertWord.execute(arguments: [word, term]) }
            recorder.lexicon.pending.removeAll(keepingCapacity: true)
        }
    }

    /// The separator joins passages in the FTS5 row: a stray one in a passage becomes a space.
    static func withoutSeparators(_ passages: [Passage]) -> [Passage] {
        var out = passages
        for i in out.indices where out[i].text.utf8.contains(OpineTokenizer.passageSeparator) {
            out[i].text = String(out[i].text.map { $0 == "\u{1E}" ? " " : $0 })
        }
        return out
    }

    /// An article's two FTS5 columns: its head and its other passages, each joined by the separator
    /// (nil when empty). Inserts and deletes build them here alike, as FTS5 requires.
    static func columns(_ passages: [(kind: PassageKind, text: String)]) -> (head: String?, body: String?) {
        var head: String?
        var body: String?
        let separator = String(UnicodeScalar(OpineTokenizer.passageSeparator))
        for p in passages {
            if p.kind.isHead {
                head = head.map { $0 + separator + p.text } ?? p.text
            } else {
                body = body.map { $0 + separator + p.text } ?? p.text
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
        let ids = PassageID.range(ofArticle: id)
        let (lo, hi) = (ids.lowerBound, ids.upperBound)
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

    /// A path as the user gave it, made absolute (`.` and `..` removed) but not resolved
    /// through symbolic links: results show the folder the user indexed, not where a link
    /// points. (The walk still follows each link once and reports loops.)
    static func canonical(_ path: String) -> String {
        var absolute = path
        if !absolute.hasPrefix("/") {
            absolute = FileManager.default.currentDirectoryPath + "/" + path
        }
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
