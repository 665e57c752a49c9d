import Foundation
import GRDB
import GRDBSQLite
import OpineRanking
import OpineText

/// Matching: raw hits, counts and id sets, each for a ``MatchQuery`` this module renders into
/// FTS5 (``FTS5Expression``).
extension IndexSnapshot {
    /// The statement that reads matching articles with their raw hits and layout; `range`
    /// restricts it to a block of ids (FTS5 seeks its doclists by rowid). A CROSS JOIN keeps
    /// FTS5 the outer loop: with a range of rowids, SQLite's planner otherwise scanned the
    /// layouts of the range and ran the MATCH once per layout (0.6 ms a block at 190k articles).
    static let hitsSQL = """
        SELECT article_fts.rowid, \(InstancesFunction.name)(article_fts), l.value
        FROM article_fts CROSS JOIN layouts l ON l.id = article_fts.rowid WHERE article_fts MATCH ?
        """
    static let hitsInRangeSQL = hitsSQL + " AND article_fts.rowid BETWEEN ? AND ?"

    /// Reads every article matching `query` (within `range` when given), calling `body` with its
    /// id, its layout (decoded into a reused buffer) and its instance blob, read in place.
    ///
    /// - Complexity: one FTS5 scan; O(m) rows for m matching articles, O(1) memory beside `body`'s.
    func forEachMatch(_ query: MatchQuery, in range: ClosedRange<Int64>? = nil,
                      _ body: (Int64, [ArticleLayout.Passage], UnsafeRawBufferPointer) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: range == nil ? IndexSnapshot.hitsSQL : IndexSnapshot.hitsInRangeSQL)
        var arguments: StatementArguments = [FTS5Expression.render(query)]
        if let range { arguments += [range.lowerBound, range.upperBound] }
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        let handle = statement.sqliteStatement
        var layout: [ArticleLayout.Passage] = []
        while try rows.next() != nil {
            // Columns read straight from the statement: GRDB's generic decoding paid a
            // runtime conformance lookup per row; blobs are read in place.
            let article = sqlite3_column_int64(handle, 0)
            layout.removeAll(keepingCapacity: true)
            if let raw = sqlite3_column_blob(handle, 2) {
                ArticleLayout.decode(UnsafeRawBufferPointer(start: raw, count: Int(sqlite3_column_bytes(handle, 2))), into: &layout)
            }
            let instances = sqlite3_column_blob(handle, 1)
            try body(article, layout, UnsafeRawBufferPointer(start: instances, count: instances == nil ? 0 : Int(sqlite3_column_bytes(handle, 1))))
        }
    }

    /// Every passage matching `query`, with the positions of each clause, its phrase hits and
    /// length (BM25 is computed from these by ``BM25``): the exhaustive path.
    ///
    /// - Complexity: one FTS5 scan; O(m) rows and memory for m matching articles.
    /// - Parameter positions: collect token positions (for proximity); off, only hit counts.
    public func evidence(_ query: MatchQuery, positions: Bool = true) throws -> [PassageEvidence] {
        guard let plan = query.plan else { return [] }
        var builder = EvidenceBuilder(plan.evidenceRules(positions: positions))
        try forEachMatch(query) { article, layout, instances in
            builder.add(article: article, articleLength: ArticleLayout.length(layout), layout: layout, instances: instances)
        }
        return builder.evidence
    }

    /// The number of articles FTS5 matches for each query (a NEAR group over a whole column),
    /// each distinct expression counted once: FTS5 walks its doclists, no row is read.
    public func counts(_ queries: [MatchQuery]) throws -> [Int] {
        var counted: [String: Int] = [:]
        let statement = try db.cachedStatement(sql: "SELECT count(*) FROM article_fts WHERE article_fts MATCH ?")
        return try queries.map { query in
            let expression = FTS5Expression.render(query)
            if let n = counted[expression] { return n }
            let n = try Int.fetchOne(statement, arguments: [expression]) ?? 0
            counted[expression] = n
            return n
        }
    }

    /// Articles matching `query` (phrases never span two passages).
    public func articleIDs(_ query: MatchQuery) throws -> Set<Int64> {
        var out = Set<Int64>()
        try forEachID(query) { out.insert($0) }
        return out
    }

    /// Calls `body` with each article id matching `query`, ascending, holding none.
    func forEachID(_ query: MatchQuery, _ body: (Int64) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: "SELECT rowid FROM article_fts WHERE article_fts MATCH ?")
        let rows = try Row.fetchCursor(statement, arguments: [FTS5Expression.render(query)])
        let handle = statement.sqliteStatement
        while try rows.next() != nil { try body(sqlite3_column_int64(handle, 0)) }
    }

    /// Articles matching `query` that `filter` admits, counted as they are read (no set of them held).
    public func count(_ query: MatchQuery, admittedBy filter: ArticleFilter) throws -> Int {
        let dates = filter.dateRange == nil ? [] : try articleDates()
        var n = 0
        try forEachID(filter.applied(to: query)) { id in
            let date = id >= 0 && id < dates.count ? dates[Int(id)] : 0
            if filter.admits(id, date: date) { n += 1 }
        }
        return n
    }

    /// Articles whose title matches every clause of `plan`.
    public func articleIDs(titleMatching plan: MatchPlan) throws -> Set<Int64> {
        let evidence = try evidence(.inHead(.anyClause(plan)), positions: false)
        var masks: [Int64: UInt64] = [:]
        for e in evidence where e.kind == .title { masks[e.articleID, default: 0] |= e.matchedMask }
        let all = PassageEvidence.allClauses(plan.clauses.count)
        return Set(masks.filter { $0.value & all == all }.keys)
    }
}
