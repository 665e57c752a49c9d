import GRDB
import OpineRanking
import OpineText

/// The schema, and the versions an index records about itself.
///
/// Passage ids pack the article id and the passage ordinal (`article << 16 | ordinal`). The FTS5
/// table has one row per article (rowid = article id), its passages joined in two columns;
/// `layouts` says which positions are which passage's (``ArticleLayout``). `impact_fts` and
/// `impact_blocks` keep the first phase's bounds (``ImpactRecorder``).
enum IndexSchema {
    /// The `meta` key of the index's generation, bumped by every sync that writes figures.
    static let generationKey = "generation"

    static var expectedVersions: [String: String] {
        ["schema_version": String(IndexStore.schemaVersion), "tokenizer": Analyzer.name,
         "tokenizer_version": String(Analyzer.version)]
    }

    static func describe(_ v: [String: String]) -> String {
        "schema \(v["schema_version"] ?? "?"), tokenizer \(v["tokenizer"] ?? "?") v\(v["tokenizer_version"] ?? "?")"
    }

    static func versions(_ db: Database) throws -> [String: String]? {
        guard try db.tableExists("meta") else { return nil }
        var out: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") { out[row[0]] = row[1] }
        return out
    }

    /// Read-only check: the index must be of this version.
    static func check(_ db: Database, path: String) throws {
        guard let found = try versions(db) else {
            if try db.tableExists("articles") || !(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master").isEmpty) {
                throw IndexError.notAnIndex(path: path)
            }
            throw IndexError.io(path: path, detail: "the index is empty; run `opine index` first")
        }
        try check(found, path: path)
    }

    /// The versions an index recorded must be this Opine's.
    static func check(_ found: [String: String], path: String) throws {
        let expected = expectedVersions
        for (k, v) in expected where found[k] != v {
            throw IndexError.versionMismatch(path: path, found: describe(found), expected: describe(expected))
        }
    }

    /// Creates the schema in an empty database; refuses a database that is not an Opine index.
    static func migrate(_ db: Database, path: String, impactBlockBits: Int = ImpactRecorder.defaultBlockBits) throws {
        if let found = try versions(db) {
            let expected = expectedVersions
            for (k, v) in expected where found[k] != v {
                throw IndexError.versionMismatch(path: path, found: describe(found), expected: describe(expected))
            }
            return
        }
        let existing = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        guard existing.isEmpty else { throw IndexError.notAnIndex(path: path) }
        try create(db, impactBlockBits: impactBlockBits)
    }

    static func create(_ db: Database, impactBlockBits: Int = ImpactRecorder.defaultBlockBits) throws {
        try db.execute(sql: """
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE roots(path TEXT PRIMARY KEY);
            CREATE TABLE blobs(key TEXT PRIMARY KEY, value BLOB NOT NULL);
            CREATE TABLE articles(
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                hash INTEGER NOT NULL,
                size INTEGER NOT NULL,
                mtime INTEGER NOT NULL,
                encoding TEXT NOT NULL,
                title TEXT NOT NULL,
                authors TEXT NOT NULL,
                date TEXT,
                outlet TEXT NOT NULL DEFAULT '',
                url TEXT);
            CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
            CREATE TABLE authors(article_id INTEGER NOT NULL, name TEXT NOT NULL, folded TEXT NOT NULL);
            CREATE INDEX authors_article ON authors(article_id);
            CREATE INDEX authors_folded ON authors(folded);
            CREATE TABLE passages(
                id INTEGER PRIMARY KEY,
                kind INTEGER NOT NULL,
                text TEXT NOT NULL,
                start INTEGER NOT NULL,
                span INTEGER);
            CREATE TABLE layouts(id INTEGER PRIMARY KEY, value BLOB NOT NULL);
            CREATE TABLE lexicon(word TEXT NOT NULL, term TEXT NOT NULL, PRIMARY KEY(word, term)) WITHOUT ROWID;
            CREATE TABLE record_fields(path TEXT PRIMARY KEY, spec TEXT NOT NULL);
            \(IndexStore.archiveTables)
            CREATE VIEW article_content AS
                SELECT a.id AS id,
                       (SELECT group_concat(text, char(30)) FROM (SELECT text FROM passages
                            WHERE id BETWEEN a.id << \(PassageID.ordinalBits) AND (a.id << \(PassageID.ordinalBits)) | \(PassageID.maximumOrdinal) AND kind <= 1 ORDER BY id)) AS head,
                       (SELECT group_concat(text, char(30)) FROM (SELECT text FROM passages
                            WHERE id BETWEEN a.id << \(PassageID.ordinalBits) AND (a.id << \(PassageID.ordinalBits)) | \(PassageID.maximumOrdinal) AND kind > 1 ORDER BY id)) AS body
                FROM articles a;
            CREATE VIRTUAL TABLE article_fts USING fts5(
                head, body, content='article_content', content_rowid='id', tokenize='\(Analyzer.name)');
            CREATE VIRTUAL TABLE article_vocab USING fts5vocab(article_fts, 'row');
            CREATE VIRTUAL TABLE impact_fts USING fts5(keys, content='', detail=none, columnsize=0, tokenize='ascii');
            CREATE TABLE impact_blocks(block INTEGER PRIMARY KEY, deltas INTEGER NOT NULL);
            """)
        for (k, v) in expectedVersions {
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?)", arguments: [k, v])
        }
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?)", arguments: [ImpactRecorder.blockBitsKey, String(impactBlockBits)])
    }

    /// Drops everything Opine created, for `--rebuild` and version upgrades.
    static func dropAll(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS impact_fts;
            DROP TABLE IF EXISTS impact_blocks;
            DROP TABLE IF EXISTS passage_vocab;
            DROP TABLE IF EXISTS passage_fts;
            DROP VIEW IF EXISTS passage_content;
            DROP TABLE IF EXISTS article_vocab;
            DROP TABLE IF EXISTS article_fts;
            DROP VIEW IF EXISTS article_content;
            DROP TABLE IF EXISTS layouts;
            DROP TABLE IF EXISTS lexicon;
            DROP TABLE IF EXISTS record_fields;
            DROP TABLE IF EXISTS feeds;
            DROP TABLE IF EXISTS feed_items;
            DROP TABLE IF EXISTS sources;
            DROP TABLE IF EXISTS passages;
            DROP TABLE IF EXISTS authors;
            DROP TABLE IF EXISTS articles;
            DROP TABLE IF EXISTS roots;
            DROP TABLE IF EXISTS blobs;
            DROP TABLE IF EXISTS meta;
            """)
    }
}
