import Foundation
import GRDB
import OpineRanking

/// The writer's record of each article's impacts (``ImpactBound``), kept per block of article
/// ids so that a search's first phase reads only the blocks that can hold its best articles.
///
/// Each article written notes its tallies (``TermTally``, taken while FTS5 analyzed or replayed
/// its columns); each transaction that writes articles ends with ``flush(_:)``, which adds, for
/// every block it touched, one *delta*: the highest level of each key among the articles just
/// written. A delta is a few rows of the contentless FTS5 table `impact_fts` (one per level
/// present, the level in the rowid, its keys as tokens; ``Rowid``), so the bounds of one key are one
/// doclist, which FTS5 keeps merged as it does its own. Bounds are only raised: an article
/// removed or rewritten leaves its old levels, which stay upper bounds (looser ones until a
/// rebuild). Written in the articles' own transaction, so no reader sees an article without
/// its bounds.
///
/// Owned by the store's ``LayoutRecorder`` and used on the writer's thread only.
struct ImpactRecorder {
    /// Articles per block: 2^bits consecutive ids, kept per index in `meta` when it is made.
    /// 512 (chosen by measurement, see `Benchmarks/RESULTS.md`): smaller blocks bound more
    /// tightly but cost a statement each when read and more rows in `impact_fts`.
    static let defaultBlockBits = 9
    static let blockBitsKey = "impact_block_bits"

    /// The index's block size, in bits.
    static func blockBits(_ db: Database) throws -> Int {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [blockBitsKey]).flatMap { Int($0) }
            ?? defaultBlockBits
    }

    /// Where a rowid of `impact_fts` keeps each part: the level in the low byte, then the
    /// delta, then the block. A key's doclist is its rowids in order, stored as varint gaps:
    /// packing the parts tightly keeps a gap from one block to the next at three bytes.
    enum Rowid {
        static let levelBits = 8
        static let deltaShift = levelBits
        static let deltaBits = 12
        static let blockShift = deltaShift + deltaBits

        static func make(block: Int64, delta: Int64, level: UInt8) -> Int64 {
            block << blockShift | delta << deltaShift | Int64(level)
        }

        static func block(_ rowid: Int64) -> Int64 { rowid >> blockShift }
        static func level(_ rowid: Int64) -> UInt8 { UInt8(truncatingIfNeeded: rowid) }
    }

    /// The `meta` key of the mean article length every level of the index was computed with.
    static let averageKey = "impact_average"

    /// The marker of a block whose deltas ran out (2^12 of them): its bounds are the maximum.
    static let unbounded: Int64 = -1

    struct Noted {
        var article: Int64
        var length: Int
        var head: [TermTally.KeyCount]
        var body: [TermTally.KeyCount]
    }

    private(set) var pending: [Noted] = []

    /// Notes an article just inserted: its length in positions and the tallies of its columns.
    mutating func note(article: Int64, length: Int, head: [TermTally.KeyCount], body: [TermTally.KeyCount]) {
        pending.append(Noted(article: article, length: length, head: head, body: body))
    }

    mutating func discard() { pending.removeAll() }

    /// Writes the deltas of the articles noted since the last flush, in the caller's transaction.
    mutating func flush(_ db: Database) throws {
        guard !pending.isEmpty else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        let average = try referenceAverage(db)
        let bits = Int64(try ImpactRecorder.blockBits(db))
        var blocks: [Int64: KeyTable] = [:]
        var head = KeyTable()
        for n in pending {
            var article = ImpactBound.Article(length: n.length, averageLength: average)
            var levels = blocks.removeValue(forKey: n.article >> bits) ?? KeyTable()
            func raise(_ key: UInt64, _ level: UInt8) { levels.update(key) { $0 = max($0, UInt32(level) + 1) } }
            head.removeAll()
            for h in n.head { head.update(h.key) { $0 = UInt32(clamping: h.count) } }
            for b in n.body {
                let h = head.value(b.key) ?? 0
                if h > 0 { head.update(b.key) { $0 = 0 } }
                raise(b.key, article.level(head: Int(h), body: Int(b.count)))
            }
            for (key, h) in head.entries where h > 0 { raise(key, article.level(head: Int(h), body: 0)) }
            blocks[n.article >> bits] = levels
        }
        for (block, levels) in blocks.sorted(by: { $0.key < $1.key }) {
            try write(block: block, levels: levels, db)
        }
    }

    /// The mean article length every level of the index is computed with, fixed by its first
    /// flush: the collection's, as the figures last written give it, else (a first run) the
    /// mean of the articles noted. A search whose collection has grown longer articles on
    /// average scales the bounds up by the ratio (``ImpactBound/value(level:recordedAverage:averageNow:)``).
    func referenceAverage(_ db: Database) throws -> Double {
        var meta: [String: Double] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta WHERE key IN ('article_count', 'article_tokens', ?)",
                                    arguments: [ImpactRecorder.averageKey]) {
            meta[row[0]] = Double(row[1] as String)
        }
        if let fixed = meta[ImpactRecorder.averageKey], fixed > 0 { return fixed }
        var average = Double(pending.reduce(0) { $0 + $1.length }) / Double(max(pending.count, 1))
        if let n = meta["article_count"], let tokens = meta["article_tokens"], n > 0, tokens > 0 { average = tokens / n }
        average = max(average, 1)
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [ImpactRecorder.averageKey, String(average)])
        return average
    }

    /// The mean the levels were computed with (nil before any flush).
    static func referenceAverage(_ db: Database) throws -> Double? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [averageKey]).flatMap { Double($0) }
    }

    /// One delta of `block`: a row of `impact_fts` per level, its keys as tokens.
    /// `levels` holds each key's level + 1 (0 is a slot never set).
    func write(block: Int64, levels: KeyTable, _ db: Database) throws {
        let deltas = try Int64.fetchOne(db, sql: "SELECT deltas FROM impact_blocks WHERE block = ?", arguments: [block]) ?? 0
        if deltas == ImpactRecorder.unbounded { return }
        guard deltas < 1 << Rowid.deltaBits else {
            try db.execute(sql: "UPDATE impact_blocks SET deltas = ? WHERE block = ?", arguments: [ImpactRecorder.unbounded, block])
            return
        }
        try db.execute(sql: "INSERT OR REPLACE INTO impact_blocks(block, deltas) VALUES (?, ?)", arguments: [block, deltas + 1])
        var byLevel = [[UInt64]](repeating: [], count: ImpactBound.levels)
        for (key, stored) in levels.entries where stored > 0 { byLevel[Int(min(stored - 1, UInt32(ImpactBound.levels - 1)))].append(key) }
        let insert = try db.cachedStatement(sql: "INSERT INTO impact_fts(rowid, keys) VALUES (?, ?)")
        for (level, keys) in byLevel.enumerated() where !keys.isEmpty {
            let rowid = Rowid.make(block: block, delta: deltas, level: UInt8(level))
            try insert.execute(arguments: [rowid, keys.map(ImpactKey.token).joined(separator: " ")])
        }
    }
}
