import GRDB
import GRDBSQLite

/// The FTS5 auxiliary function `opine_instances(fts)`: what ranking needs about the current
/// row, as one little-endian blob:
///
/// | bytes | value |
/// |---|---|
/// | 0..<8 | rows in the table (`xRowCount`) |
/// | 8..<16 | tokens in the table, all columns (`xColumnTotalSize(-1)`) |
/// | 16..<20 | tokens in this row (`xColumnSize(-1)`) |
/// | 20..<24 | zero |
/// | then, per phrase match | `Int32` phrase + 65,536 × column, `Int32` token position |
///
/// BM25 (with FTS5's exact formula) and proximity are computed from these in pure Swift
/// (``OpineRanking``): the function only reads what FTS5 already holds, which is cheaper than
/// calling `bm25()` beside it or re-tokenizing.
/// Registered per connection; it has no state, so no user data and nothing to release.
enum InstancesFunction {
    static let name = "opine_instances"

    static func register(_ db: Database) throws {
        let api = FTS5.api(db)
        guard let create = api.pointee.xCreateFunction else {
            throw IndexError.unavailable("this SQLite's FTS5 cannot register functions")
        }
        let code = create(UnsafeMutablePointer(mutating: api), name, nil, instancesFunction, nil)
        guard code == SQLITE_OK else {
            throw IndexError.unavailable("could not register \(name) (SQLite code \(code))")
        }
    }
}

/// The C callback: non-capturing, as a `@convention(c)` function must be.
private func instancesFunction(
    _ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ context: OpaquePointer?,
    _ argc: CInt, _ argv: UnsafeMutablePointer<OpaquePointer?>?
) {
    guard let api, let fts, let xInstCount = api.pointee.xInstCount, let xInst = api.pointee.xInst else {
        sqlite3_result_null(context)
        return
    }
    var count: CInt = 0
    var rows: Int64 = 0
    var totalTokens: Int64 = 0
    var rowTokens: CInt = 0
    guard xInstCount(fts, &count) == SQLITE_OK,
        api.pointee.xRowCount?(fts, &rows) == SQLITE_OK,
        api.pointee.xColumnTotalSize?(fts, -1, &totalTokens) == SQLITE_OK,
        api.pointee.xColumnSize?(fts, -1, &rowTokens) == SQLITE_OK
    else {
        sqlite3_result_error(context, "opine_instances: FTS5 call failed", -1)
        return
    }
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: Int(count) * 2 + 6) { buffer in
        buffer[0] = Int32(truncatingIfNeeded: rows).littleEndian
        buffer[1] = Int32(truncatingIfNeeded: rows >> 32).littleEndian
        buffer[2] = Int32(truncatingIfNeeded: totalTokens).littleEndian
        buffer[3] = Int32(truncatingIfNeeded: totalTokens >> 32).littleEndian
        buffer[4] = Int32(rowTokens).littleEndian
        buffer[5] = 0
        var phrase: CInt = 0
        var column: CInt = 0
        var offset: CInt = 0
        var n = 6
        for i in 0..<count {
            guard xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK else { break }
            buffer[n] = (Int32(phrase) | Int32(column) << 16).littleEndian
            buffer[n + 1] = Int32(offset).littleEndian
            n += 2
        }
        sqlite3_result_blob(context, buffer.baseAddress, CInt(n * 4), SQLITE_TRANSIENT_DESTRUCTOR)
    }
}

/// SQLite's `SQLITE_TRANSIENT`, which the C macro defines as `(sqlite3_destructor_type)-1`.
let SQLITE_TRANSIENT_DESTRUCTOR = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
