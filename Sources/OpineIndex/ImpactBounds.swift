import GRDB
import GRDBSQLite
import OpineRanking

/// The first phase's blocks for one plan: for each block of article ids where some clause may
/// match, the most an article of it can score, from the levels ``ImpactRecorder`` kept.
///
/// A phrase can add at most the least of its terms' impacts (its hits are at most any one
/// term's); a clause of alternatives, or a NEAR group, at most the sum of its phrases' (BM25's
/// saturation is concave, so the impact of a sum of hits is at most the sum of the impacts); a
/// NEAR group needs all its phrases in the block. Each clause's bound is weighted by its IDF.
struct ImpactBounds {
    typealias Block = FirstPhase.Block

    let snapshot: IndexSnapshot
    /// The collection's mean article length now.
    let averageNow: Double
    /// Bounds per key: block → the highest impact any of its articles may have.
    var loaded: [UInt64: [Int64: Double]] = [:]
    /// Blocks whose deltas ran out: every key may have the largest impact there.
    let unbounded: [Int64]

    /// The mean article length the levels were computed with.
    let recordedAverage: Double

    init(snapshot: IndexSnapshot, averageNow: Double) throws {
        self.snapshot = snapshot
        self.averageNow = averageNow
        (unbounded, recordedAverage) = try snapshot.read { db in
            (try Int64.fetchAll(db, sql: "SELECT block FROM impact_blocks WHERE deltas = ?", arguments: [ImpactRecorder.unbounded]),
             try ImpactRecorder.referenceAverage(db) ?? 0)
        }
    }

    /// The blocks of `plan`, each with its bound and the clauses that may match in it.
    mutating func blocks(_ plan: MatchPlan, idf: [Double]) throws -> [Block] {
        var bound: [Int64: Double] = [:]
        var present: [Int64: UInt64] = [:]
        for (c, node) in plan.clauseNodes.enumerated() {
            let weight = c < idf.count ? idf[c] : 0
            for (block, value) in try bounds(node, plan) {
                bound[block, default: 0] += weight * value
                if c < 64 { present[block, default: 0] |= 1 << UInt64(c) }
            }
        }
        // A margin for the rounding of sums in another order than the exact score's.
        return present.map { Block(id: Int($0.key), bound: (bound[$0.key] ?? 0) * (1 + 1e-9), present: $0.value) }
    }

    mutating func bounds(_ node: MatchPlan.Node, _ plan: MatchPlan) throws -> [Int64: Double] {
        switch node {
        case .phrase(let p):
            guard p < plan.phrases.count else { return [:] }
            return try phraseBounds(plan.phrases[p])
        case .anyOf(let nodes):
            var sum: [Int64: Double] = [:]
            for n in nodes { for (block, v) in try bounds(n, plan) { sum[block] = min(ImpactBound.maximum, sum[block, default: 0] + v) } }
            return sum
        case .near(let phrases, _):
            var sum: [Int64: Double]?
            for p in phrases where p < plan.phrases.count {
                let b = try phraseBounds(plan.phrases[p])
                sum = sum.map { ImpactBounds.intersect($0, b) { min(ImpactBound.maximum, $0 + $1) } } ?? b
            }
            return sum ?? [:]
        }
    }

    /// The blocks in both, each with `combine` of its two values.
    static func intersect(_ a: [Int64: Double], _ b: [Int64: Double], _ combine: (Double, Double) -> Double) -> [Int64: Double] {
        var out: [Int64: Double] = [:]
        for (block, v) in a { if let w = b[block] { out[block] = combine(v, w) } }
        return out
    }

    /// The least of the phrase's keys' bounds, in the blocks holding all of them.
    mutating func phraseBounds(_ phrase: MatchPlan.Phrase) throws -> [Int64: Double] {
        var keys: [UInt64] = []
        for (i, term) in phrase.terms.enumerated() {
            if phrase.isPrefix && i == phrase.terms.count - 1 {
                if let key = ImpactKey.prefix(term) { keys.append(key) }
            } else {
                keys.append(ImpactKey.term(term))
            }
        }
        var out: [Int64: Double]?
        for key in keys {
            let b = try keyBounds(key)
            out = out.map { ImpactBounds.intersect($0, b, min) } ?? b
        }
        return out ?? [:]
    }

    /// One key's bounds: its doclist in `impact_fts`, a rowid per delta and level.
    mutating func keyBounds(_ key: UInt64) throws -> [Int64: Double] {
        if let held = loaded[key] { return held }
        var out: [Int64: Double] = [:]
        try snapshot.read { db in
            let statement = try db.cachedStatement(sql: "SELECT rowid FROM impact_fts WHERE impact_fts MATCH ?")
            let rows = try Row.fetchCursor(statement, arguments: ["\"" + ImpactKey.token(key) + "\""])
            let handle = statement.sqliteStatement
            while try rows.next() != nil {
                let rowid = sqlite3_column_int64(handle, 0)
                let value = ImpactBound.value(level: ImpactRecorder.Rowid.level(rowid), recordedAverage: recordedAverage,
                                              averageNow: averageNow)
                let block = ImpactRecorder.Rowid.block(rowid)
                if out[block].map({ $0 < value }) ?? true { out[block] = value }
            }
        }
        for block in unbounded { out[block] = ImpactBound.maximum }
        loaded[key] = out
        return out
    }
}
