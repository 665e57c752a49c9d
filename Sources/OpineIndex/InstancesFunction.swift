import GRDB
import GRDBSQLite

/// The FTS5 auxiliary function `opine_instances(fts)`: every phrase match in the current row, as
/// one little-endian blob of `Int32` pairs (phrase + 65,536 × column, token position), in
/// FTS5's order (by column, then position).
///
/// BM25 (with FTS5's exact formula) and proximity are computed from these in pure Swift
/// (``OpineRanking``): the function only reads what FTS5 already holds (`xInstCount`, `xInst`),
/// which is cheaper than calling `bm25()` beside it or re-tokenizing. It asks nothing about the
/// row's length: that would cost a lookup per row, and passage lengths come from the layout.
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
    guard xInstCount(fts, &count) == SQLITE_OK else {
        sqlite3_result_error(context, "opine_instances: FTS5 call failed", -1)
        return
    }
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(Int(count) * 2, 1)) { buffer in
        var phrase: CInt = 0
        var column: CInt = 0
        var offset: CInt = 0
        var n = 0
        for i in 0..<count {
            // A failed read is an error of the statement, never a shorter list of hits.
            guard xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK else {
                sqlite3_result_error(context, "opine_instances: FTS5 could not read a match", -1)
                return
            }
            buffer[n] = (Int32(phrase) | Int32(column) << 16).littleEndian
            buffer[n + 1] = Int32(offset).littleEndian
            n += 2
        }
        sqlite3_result_blob(context, buffer.baseAddress, CInt(n * 4), SQLITE_TRANSIENT_DESTRUCTOR)
    }
}

/// SQLite's `SQLITE_TRANSIENT`, which the C macro defines as `(sqlite3_destructor_type)-1`.
let SQLITE_TRANSIENT_DESTRUCTOR = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
