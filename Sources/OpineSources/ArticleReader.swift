import OpineText

/// A format Opine reads: turns one file into a stream of articles.
///
/// A reader is pure (bytes in, values out); the index calls it for each new or changed file
/// whose name ends with one of its ``extensions``. A file holds one article (a text file, a web
/// page, a saved `.mhtml`) or many records (a CSV or JSON Lines export, one article per row),
/// as ``holds`` says: the index follows a file of one article by its content hash (a renamed
/// file is moved, not read again), and a file of records by each record's identity. Every
/// reader assembles its articles with ``ArticleBuilder``. A passage's text is what is searched
/// and shown; its `range` maps it back to where it came from in the file.
public protocol ArticleReader: Sendable {
    /// Lowercase file name endings, dot included (`.txt`).
    var extensions: [String] { get }
    /// One article per file, or records.
    var holds: FileContent { get }
    /// Calls `body` with each article of `input` in order (once for a file of one article), and
    /// returns what is worth telling about the file as a whole. Throws a ``SourceFailure`` when
    /// the file cannot be read as this format; one bad record is a ``SourceRecord`` with its
    /// failure, and the rest goes on.
    func read(_ input: SourceInput, settings: DatasetSettings, _ body: (SourceRecord) throws -> Void) throws -> [SourceWarning]
}

/// What a file of a format holds.
public enum FileContent: Sendable {
    /// One article: its path is its identity.
    case oneArticle
    /// Many, each with an identity in its file (`export.csv#id=7`).
    case records
}

/// One article of a reader's stream, or why a record could not be one.
public struct SourceRecord: Sendable {
    /// Its identity in its file (`id=…`, `url=…`, `hash=…`); empty for a file's one article.
    public var identity: String
    /// The line it starts on (1-based), for messages.
    public var line: Int
    /// A record's content hash, with how its file was read (``RecordReading``): unchanged
    /// records are not written again. 0 for a file's one article (the index hashes the file).
    public var hash: Int64
    public var article: Article?
    /// How the bytes were decoded (stored with the article, shown by `opine show`).
    public var encoding: String
    /// Why the record could not be read (its line is named with it).
    public var failure: RecordProblem?

    public init(identity: String, line: Int, hash: Int64, article: Article?, encoding: String, failure: RecordProblem? = nil) {
        self.identity = identity
        self.line = line
        self.hash = hash
        self.article = article
        self.encoding = encoding
        self.failure = failure
    }

    /// A file's one article.
    public init(article: Article, encoding: String) {
        self.init(identity: "", line: 1, hash: 0, article: article, encoding: encoding)
    }
}

/// What a reader found in one file, collected: for a file of one article, and for tests.
public struct SourceDocument: Sendable {
    public var articles: [Article]
    /// How the bytes were decoded (of the first article; "utf-8" when there is none).
    public var encoding: String
    /// Things worth telling about the file (read as Windows-1252, empty), without the path.
    public var warnings: [SourceWarning]

    public init(articles: [Article], encoding: String, warnings: [SourceWarning] = []) {
        self.articles = articles
        self.encoding = encoding
        self.warnings = warnings
    }
}

extension ArticleReader {
    /// The articles of `bytes` (the file at `path`) collected, with the file's warnings.
    public func document(_ bytes: [UInt8], path: String, settings: DatasetSettings = DatasetSettings()) throws -> SourceDocument {
        var articles: [Article] = []
        var encoding: String?
        let warnings = try read(.bytes(bytes, path: path), settings: settings) { record in
            if let a = record.article { articles.append(a) }
            if encoding == nil { encoding = record.encoding }
        }
        return SourceDocument(articles: articles, encoding: encoding ?? "utf-8", warnings: warnings)
    }
}

/// Why a file could not be read; said after its path.
public struct SourceFailure: OpineError, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
