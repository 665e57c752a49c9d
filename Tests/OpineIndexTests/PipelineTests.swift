import Foundation
import GRDB
import Testing
@testable import OpineIndex

/// The parallel ingest pipeline builds the very index the writer alone builds: FTS5's own
/// segments byte for byte, layouts, lexicon, passages, articles; over a first run and over a
/// re-sync with changes, renames, copies, deletions and failures.
struct PipelineTests {
    /// The tables an index is made of, each as one string (FTS5's data blocks in hex).
    static let tables = [
        "SELECT id, hex(block) FROM article_fts_data ORDER BY id",
        "SELECT id, hex(value) FROM layouts ORDER BY id",
        "SELECT word, term FROM lexicon ORDER BY word, term",
        "SELECT id, kind, text, start, span FROM passages ORDER BY id",
        "SELECT id, path, hash, size, title, authors, date, outlet FROM articles ORDER BY id",
        "SELECT article_id, name, folded FROM authors ORDER BY article_id, name",
    ]

    static func contents(_ store: IndexStore) throws -> [String] {
        try store.read { db in
            try tables.map { sql in
                try Row.fetchAll(db, sql: sql).map { $0.description }.joined(separator: "\n")
            }
        }
    }

    /// Text with everything the analyzer treats specially: acronyms, possessives, compounds,
    /// accents, a stray passage separator, numbers; pages; and files that fail.
    static func fill(_ folder: TemporaryFolder, round: Int) throws {
        try FileManager.default.copyItem(atPath: TestPaths.seed, toPath: folder.path + "/seed-\(round).txt")
        for n in 0..<60 {
            folder.write("notes/n\(n).txt", """
                Note \(n) on NATO’s U.S.-led plans

                By Zoë Ångström and Jean-Luc O'Neill
                March \(n % 28 + 1), 2024

                The CPEC 2.0 talks — counter-terrorism, “well-being”, 3.5% growth — resumed \(n)\u{1E} times.

                Immigration, immigrants and immigrated: round \(round), café, naïve, São Paulo. Paragraph \(n * round).
                """)
        }
        folder.write("pages/p.html", "<html><head><title>A page - Site</title></head><body><article><h1>A page</h1><p>Tariffs and trade, page text long enough to be an article body paragraph, round \(round).</p></article></body></html>")
        folder.write("empty.txt", "")
        try Data([0x00, 0x01, 0xFF, 0x00]).write(to: URL(fileURLWithPath: folder.path + "/binary.txt"))
    }

    /// Changes between runs: an edit, a rename, a copy of a renamed file, a deletion.
    static func change(_ folder: TemporaryFolder) throws {
        folder.write("notes/n1.txt", "Edited\n\nBy Someone\nMay 1, 2024\n\nNew text about tariffs.\n")
        try FileManager.default.moveItem(atPath: folder.path + "/notes/n2.txt", toPath: folder.path + "/notes/moved.txt")
        try FileManager.default.copyItem(atPath: folder.path + "/notes/moved.txt", toPath: folder.path + "/notes/copy.txt")
        try FileManager.default.removeItem(atPath: folder.path + "/notes/n3.txt")
    }

    @Test func everyJobCountBuildsTheSameIndexAsTheWriterAlone() throws {
        let folder = TemporaryFolder()
        try Self.fill(folder, round: 1)
        var reference: [String] = []
        var stores: [IndexStore] = []
        for jobs in [0, 1, 3] {
            let store = try IndexStore(path: folder.path + "/index-\(jobs).sqlite")
            let report = try store.sync(roots: [folder.path + "/notes", folder.path + "/pages", folder.path + "/seed-1.txt",
                                                folder.path + "/empty.txt", folder.path + "/binary.txt"],
                                        clock: monotonic, jobs: jobs)
            #expect(report.added == 63, "jobs \(jobs)")
            #expect(report.failed == 1, "the binary file, jobs \(jobs)")
            let tables = try Self.contents(store)
            if jobs == 0 { reference = tables } else {
                for (i, table) in tables.enumerated() { #expect(table == reference[i], "jobs \(jobs): \(Self.tables[i])") }
            }
            #expect(try store.check().fullTextOK, "jobs \(jobs): FTS5's integrity-check analyzes the text again and agrees")
            stores.append(store)
        }
        #expect(!reference[2].isEmpty, "the lexicon was recorded")
        try Self.change(folder)
        var again: [String] = []
        for (store, jobs) in zip(stores, [0, 1, 3]) {
            let report = try store.sync(roots: try store.roots(), clock: monotonic, jobs: jobs)
            #expect(report.updated == 1 && report.moved == 1 && report.removed == 1 && report.added == 1, "jobs \(jobs): \(report)")
            let tables = try Self.contents(store)
            if jobs == 0 { again = tables } else {
                for (i, table) in tables.enumerated() { #expect(table == again[i], "re-sync, jobs \(jobs): \(Self.tables[i])") }
            }
        }
    }
}
