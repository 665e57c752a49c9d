import Foundation
import GRDB
import Testing
@testable import OpineIndex

/// SQLite's result codes as a user reads them: only damage is called damage.
struct IndexErrorTests {
    static func said(_ code: ResultCode) -> String {
        String(describing: IndexStore.translate(DatabaseError(resultCode: code), path: "/i.sqlite"))
    }

    /// Regression: every code Opine did not name was "the index is damaged; run --rebuild",
    /// advice that destroys an index that is fine.
    @Test(arguments: [ResultCode.SQLITE_INTERRUPT, .SQLITE_NOMEM, .SQLITE_TOOBIG, .SQLITE_CONSTRAINT, .SQLITE_MISUSE,
                      .SQLITE_ERROR, .SQLITE_SCHEMA, .SQLITE_ABORT, .SQLITE_RANGE, .SQLITE_MISMATCH])
    func failuresThatAreNotDamageDoNotSaySo(_ code: ResultCode) {
        let text = Self.said(code)
        #expect(!text.contains("damaged") && !text.contains("--rebuild"), "\(code): \(text)")
        #expect(text.contains("/i.sqlite") && !text.contains("\n"))
    }

    @Test func damageIsDamage() {
        #expect(Self.said(.SQLITE_CORRUPT).contains("damaged"))
        #expect(Self.said(.SQLITE_CORRUPT_VTAB).contains("damaged"))
        #expect(Self.said(.SQLITE_NOTADB).contains("not an Opine index"))
        #expect(Self.said(.SQLITE_INTERRUPT).contains("interrupted"))
        #expect(Self.said(.SQLITE_NOMEM).contains("out of memory"))
    }

    /// A real interrupt of a real statement, through the store's own error path.
    @Test func anInterruptedReadSaysInterrupted() throws {
        let folder = TemporaryFolder()
        let store = try IndexStore(path: folder.path + "/index.sqlite")
        let reader = store.reader
        // A count that would take minutes, interrupted from another thread while it runs (again
        // and again: an interrupt that comes before the statement starts does nothing).
        let done = Flag()
        Thread.detachNewThread {
            while !done.isSet {
                Thread.sleep(forTimeInterval: 0.1)
                reader.interrupt()
            }
        }
        defer { done.set() }
        #expect {
            try store.read { db in
                try Int.fetchOne(db, sql: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000000000) SELECT count(*) FROM n")
            }
        } throws: { error in
            String(describing: error).contains("interrupted") && !String(describing: error).contains("damaged")
        }
    }
}

/// A boolean one thread sets and another reads.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
