/// What a sync must do, decided from values alone: the articles stored under the roots
/// against the files the walk found. Pure (no database, no file reads), tested as tables.
///
/// Two steps, as the facts arrive: ``init(stored:scanned:)`` compares metadata (a file with
/// the stored size and mtime is unchanged and never read); ``decide(path:hash:)`` classifies
/// a file that was read by its content hash (touched but the same, renamed, changed, added).
/// Whatever stored article no file claims by the end is removed.
struct ChangeSet {
    /// A stored article's identity and the file facts it was indexed from.
    struct Stored: Equatable {
        var id: Int64
        var size: Int64
        var mtime: Int64
        var hash: Int64
    }

    /// What to do with a file that was read.
    enum Decision: Equatable {
        /// Same content under new metadata: only size and mtime change.
        case touched(id: Int64)
        /// A stored article whose file is gone has this content: it moves, unparsed.
        case renamed(id: Int64, from: String)
        /// New content for a stored article: parsed and written again.
        case changed(id: Int64)
        case added
    }

    /// Files whose size and mtime match what is stored.
    private(set) var unchanged = 0
    /// Indices (into the scanned list) of the files to read, in path order.
    private(set) var toRead: [Int32] = []
    /// Stored articles of the files to read, by path.
    private(set) var known: [String: Stored] = [:]
    /// Stored articles whose file was not found, by path (renames claim them).
    private(set) var missing: [String: Stored] = [:]
    private var missingByHash: [Int64: String] = [:]
    /// The stored records of each dataset file to read (`file#identity` → stored), by file.
    private(set) var knownRecords: [String: [String: Stored]] = [:]

    /// - Parameter recordFile: the dataset file a stored path is a record of
    ///   (`…/export.csv#id=7` → `…/export.csv`), nil for an article of its own file.
    init(stored: [String: Stored], scanned files: FileList, recordFile: (String) -> String? = { _ in nil }) {
        self.init(stored: StoredList(stored), scanned: files, recordFile: recordFile)
    }

    /// The comparison as a merge of two lists sorted by path: no stored path becomes a String
    /// unless its article is read, missing or a dataset record.
    init(stored: StoredList, scanned files: FileList, recordFile: (String) -> String? = { _ in nil }) {
        var (records, plain) = ChangeSet.separatingRecords(stored, recordFile: recordFile)
        var next = 0  // into `plain`
        for i in 0..<files.count {
            // Stored articles before this file in path order: no file has them.
            while next < plain.count && stored.compare(plain[next], with: files, i) < 0 {
                markMissing(stored, plain[next])
                next += 1
            }
            let same = next < plain.count && stored.compare(plain[next], with: files, i) == 0
            if same { next += 1 }
            if !records.isEmpty, let rows = records.removeValue(forKey: files[i].path) {
                compare(records: rows, with: files, i)
            } else {
                compare(same ? stored.entries[plain[next - 1]].stored : nil, with: files, i)
            }
        }
        for j in plain[next...] { markMissing(stored, j) }
        // Records of dataset files that were not found.
        for rows in records.values { missing.merge(rows) { a, _ in a } }
    }

    /// The stored records of dataset files, by file, and the indices of the other articles.
    private static func separatingRecords(_ stored: StoredList, recordFile: (String) -> String?)
        -> (records: [String: [String: Stored]], plain: [Int])
    {
        var records: [String: [String: Stored]] = [:]
        var plain: [Int] = []
        plain.reserveCapacity(stored.count)
        for j in 0..<stored.count {
            if stored.mayBeRecord(j), let file = recordFile(stored.path(j)) {
                records[file, default: [:]][stored.path(j)] = stored.entries[j].stored
            } else {
                plain.append(j)
            }
        }
        return (records, plain)
    }

    /// A file against its stored article (nil: none): same size and mtime, unchanged; else read.
    private mutating func compare(_ s: Stored?, with files: FileList, _ i: Int) {
        let e = files.entries[i]
        if let s, s.size == e.size, s.mtime == e.mtime {
            unchanged += 1
        } else {
            toRead.append(Int32(i))
            if let s { known[files[i].path] = s }
        }
    }

    /// A dataset file against its stored records: unchanged together, or read again.
    private mutating func compare(records rows: [String: Stored], with files: FileList, _ i: Int) {
        let e = files.entries[i]
        if rows.values.allSatisfy({ $0.size == e.size && $0.mtime == e.mtime }) {
            unchanged += rows.count
        } else {
            toRead.append(Int32(i))
            knownRecords[files[i].path] = rows
        }
    }

    private mutating func markMissing(_ stored: StoredList, _ j: Int) {
        let path = stored.path(j), s = stored.entries[j].stored
        missing[path] = s
        missingByHash[s.hash] = path
    }

    /// The stored records of a dataset file being read; what its reading leaves unclaimed is
    /// given back with ``recordsGone(_:)``.
    mutating func takeRecords(of file: String) -> [String: Stored] { knownRecords.removeValue(forKey: file) ?? [:] }

    /// Records no longer in their file: removed at the end of the run.
    mutating func recordsGone(_ rows: [String: Stored]) { missing.merge(rows) { a, _ in a } }

    /// The contents the index holds for the files to read and the missing ones: a file with
    /// one of these is a touch or a rename, not parsed again.
    var storedHashes: Set<Int64> { Set(known.values.map(\.hash)).union(missingByHash.keys) }

    /// Classifies a file that was read; a rename claims its missing article.
    mutating func decide(path: String, hash: Int64) -> Decision {
        if let s = known[path] {
            return s.hash == hash ? .touched(id: s.id) : .changed(id: s.id)
        }
        if let from = missingByHash[hash], let s = missing[from] {
            missing[from] = nil
            missingByHash[hash] = nil
            return .renamed(id: s.id, from: from)
        }
        return .added
    }
}
