import Foundation
import GRDB

/// Plain FTS5, as a reference for evaluation and benchmarks: the files as they are, in a table
/// with the built-in `porter unicode61` tokenizer, ranked by `bm25()`. Two layouts: one row
/// per article, or one row per blank-line separated paragraph (a document scores its best).
/// The benchmark also builds it with Opine's tokenizer, to time the tokenizer alone.
public final class BaselineIndex {
    public enum Layout: String, Sendable { case article, passage }
    public enum Tokenizer: String, Sendable {
        case porter = "porter unicode61"
        case opine
    }

    let dbQueue: DatabaseQueue
    public let layout: Layout

    public init(path: String, layout: Layout, tokenizer: Tokenizer = .porter) throws {
        self.layout = layout
        var config = Configuration()
        config.journalMode = .default
        if tokenizer == .opine {
            config.prepareDatabase { db in try OpineTokenizer.register(db, recorder: nil) }
        }
        dbQueue = try DatabaseQueue(path: path, configuration: config)
        try dbQueue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
            try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(docid UNINDEXED, body, tokenize='\(tokenizer.rawValue)')")
        }
    }

    /// Inserts documents in one transaction (the fastest FTS5 load: plain inserts).
    public func load(_ documents: [(docid: String, text: String)]) throws {
        try dbQueue.write { db in
            let insert = try db.makeStatement(sql: "INSERT INTO docs(docid, body) VALUES (?, ?)")
            for d in documents {
                switch layout {
                case .article:
                    try insert.execute(arguments: [d.docid, d.text])
                case .passage:
                    for p in BaselineIndex.paragraphs(d.text) { try insert.execute(arguments: [d.docid, p]) }
                }
            }
        }
    }

    static func paragraphs(_ text: String) -> [String] {
        var out: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                if !current.isEmpty { out.append(current.joined(separator: "\n")); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { out.append(current.joined(separator: "\n")) }
        return out
    }

    /// The top `limit` docids for `words`, ORed (as every peer queries).
    public func search(words: [String], limit: Int) throws -> [String] {
        let expression = words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " OR ")
        guard !expression.isEmpty else { return [] }
        return try dbQueue.read { db in
            switch layout {
            case .article:
                return try String.fetchAll(db, sql: "SELECT docid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?",
                                           arguments: [expression, limit])
            case .passage:
                return try String.fetchAll(db, sql: """
                    SELECT docid FROM (SELECT docid, -rank AS s FROM docs WHERE docs MATCH ?)
                    GROUP BY docid ORDER BY max(s) DESC LIMIT ?
                    """, arguments: [expression, limit])
            }
        }
    }
}
