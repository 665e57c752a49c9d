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
/// present, the level in the rowid, its keys as tokens), so the bounds of one key are one
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

    /// Where a rowid of `impact_fts` keeps each part (level, mean length code, delta, block).
    enum Rowid {
        static let levelBits = 8
        static let averageShift = levelBits
        static let deltaShift = averageShift + ImpactBound.averageCodeBits
        static let deltaBits = 16
        static let blockShift = deltaShift + deltaBits

        static func make(block: Int64, delta: Int64, averageCode: Int, level: UInt8) -> Int64 {
            block << blockShift | delta << deltaShift | Int64(averageCode) << averageShift | Int64(level)
        }

        static func block(_ rowid: Int64) -> Int64 { rowid >> blockShift }
        static func level(_ rowid: Int64) -> UInt8 { UInt8(truncatingIfNeeded: rowid) }
        static func averageCode(_ rowid: Int64) -> Int { Int((rowid >> averageShift) & ((1 << ImpactBound.averageCodeBits) - 1)) }
    }

    /// The marker of a block whose deltas ran out (2^16 of them): its bounds are the maximum.
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
        let code = ImpactBound.averageCode(try referenceAverage(db))
        let average = ImpactBound.average(code: code)
        let bits = Int64(try ImpactRecorder.blockBits(db))
        var blocks: [Int64: [UInt64: UInt8]] = [:]
        for n in pending {
            let block = n.article >> bits
            var levels = blocks[block] ?? [:]
            ImpactRecorder.merge(n.head, n.body) { key, head, body in
                let level = ImpactBound.level(head: Int(head), body: Int(body), length: n.length, averageLength: average)
                if levels[key].map({ $0 < level }) ?? true { levels[key] = level }
            }
            blocks[block] = levels
        }
        for (block, levels) in blocks.sorted(by: { $0.key < $1.key }) {
            try write(block: block, levels: levels, averageCode: code, db)
        }
    }

    /// The mean article length the levels are computed with: the collection's, as the figures
    /// last written give it, else (a first run) the mean of the articles noted.
    func referenceAverage(_ db: Database) throws -> Double {
        var meta: [String: Double] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta WHERE key IN ('article_count', 'article_tokens')") {
            meta[row[0]] = Double(row[1] as String)
        }
        if let n = meta["article_count"], let tokens = meta["article_tokens"], n > 0, tokens > 0 { return tokens / n }
        let total = pending.reduce(0) { $0 + $1.length }
        return Double(total) / Double(max(pending.count, 1))
    }

    /// Walks two ascending tallies as one: each key with its head and body counts.
    static func merge(_ a: [TermTally.KeyCount], _ b: [TermTally.KeyCount], _ body: (UInt64, Int32, Int32) -> Void) {
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j >= b.count || (i < a.count && a[i].key < b[j].key) {
                body(a[i].key, a[i].count, 0)
                i += 1
            } else if i >= a.count || b[j].key < a[i].key {
                body(b[j].key, 0, b[j].count)
                j += 1
            } else {
                body(a[i].key, a[i].count, b[j].count)
                i += 1
                j += 1
            }
        }
    }

    /// One delta of `block`: a row of `impact_fts` per level, its keys as tokens.
    func write(block: Int64, levels: [UInt64: UInt8], averageCode: Int, _ db: Database) throws {
        let deltas = try Int64.fetchOne(db, sql: "SELECT deltas FROM impact_blocks WHERE block = ?", arguments: [block]) ?? 0
        if deltas == ImpactRecorder.unbounded { return }
        guard deltas < 1 << Rowid.deltaBits else {
            try db.execute(sql: "UPDATE impact_blocks SET deltas = ? WHERE block = ?", arguments: [ImpactRecorder.unbounded, block])
            return
        }
        try db.execute(sql: "INSERT OR REPLACE INTO impact_blocks(block, deltas) VALUES (?, ?)", arguments: [block, deltas + 1])
        var byLevel = [[UInt64]](repeating: [], count: ImpactBound.levels)
        for (key, level) in levels { byLevel[Int(level)].append(key) }
        let insert = try db.cachedStatement(sql: "INSERT INTO impact_fts(rowid, keys) VALUES (?, ?)")
        for (level, keys) in byLevel.enumerated() where !keys.isEmpty {
            let rowid = Rowid.make(block: block, delta: deltas, averageCode: averageCode, level: UInt8(level))
            try insert.execute(arguments: [rowid, keys.map(ImpactKey.token).joined(separator: " ")])
        }
    }
}
