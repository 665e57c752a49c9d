import OpineText

/// A format Opine reads: turns one file's bytes into articles.
///
/// A reader is pure (bytes in, values out); the index calls it for each new or changed file
/// whose name ends with one of its ``extensions``. A file may hold one article (a text file, a
/// web page) or many (a later CSV or JSON Lines export, one per record). A passage's text is
/// what is searched and shown; its `range` maps it back to where it came from in the file.
public protocol ArticleReader: Sendable {
    /// Lowercase file name endings, dot included (`.txt`).
    var extensions: [String] { get }
    /// The articles in `bytes`, read from the file at `path` (for titles taken from its name).
    /// Throws a ``SourceFailure`` when the file cannot be read as this format.
    func read(_ bytes: [UInt8], path: String) throws -> SourceDocument
}

/// What a reader found in one file.
public struct SourceDocument: Sendable {
    public var articles: [Article]
    /// How the bytes were decoded (stored with the article, shown by `opine show`).
    public var encoding: String
    /// Things worth telling about the file (read as Windows-1252, empty), without the path.
    public var warnings: [String]

    public init(articles: [Article], encoding: String, warnings: [String] = []) {
        self.articles = articles
        self.encoding = encoding
        self.warnings = warnings
    }
}

/// Why a file could not be read; said after its path.
public struct SourceFailure: OpineError, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
