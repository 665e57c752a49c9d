import GRDB

/// What the last complete sync of some roots saw: the roots, the digest of the walk's file
/// list (paths, sizes, mtimes), the articles it left under them, and the index's generation
/// after it. A run over the same roots that finds the same digest while the generation is
/// unchanged has nothing to do: it stops after the walk, without reading an article row.
///
/// Written only after a run in which no file failed (failed files are tried again next time);
/// any write to the index by anyone bumps the generation, which voids it.
struct SyncManifest: Equatable {
    var roots: [String]
    var digest: String
    var articles: Int
    var generation: Int64

    static let key = "sync_manifest"

    var text: String { ([String(generation), String(articles), digest] + roots).joined(separator: "\n") }

    init(roots: [String], digest: String, articles: Int, generation: Int64) {
        self.roots = roots.sorted()
        self.digest = digest
        self.articles = articles
        self.generation = generation
    }

    /// The stored manifest, if any and readable.
    static func load(_ db: Database) throws -> SyncManifest? {
        guard let text = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3, let generation = Int64(lines[0]), let articles = Int(lines[1]) else { return nil }
        return SyncManifest(roots: Array(lines.dropFirst(3)), digest: lines[2], articles: articles, generation: generation)
    }

    static func generation(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?", arguments: [IndexSchema.generationKey]) ?? 0
    }

    func save(_ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [SyncManifest.key, text])
    }

    static func forget(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [key])
    }
}
