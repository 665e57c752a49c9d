import OpineText

/// A format of many articles per file (dataset exports: CSV, JSON Lines), read as a stream so
/// that a file of any size keeps memory flat.
///
/// Each record is an article of its own, with a stable identity inside its file (its id or
/// URL column, else a hash of its content), so that changing one row re-indexes that row only.
public protocol RecordReader: Sendable {
    /// Lowercase file name endings, dot included (`.csv`).
    var extensions: [String] { get }
    /// Calls `body` with each record of the file at `path`, in order; throws a
    /// ``SourceFailure`` when the file cannot be read at all (one bad record is a failed
    /// ``DatasetRecord``, and the rest goes on).
    func read(fileAt path: String, fields: FieldNames, _ body: (DatasetRecord) throws -> Void) throws
}

/// One record of a dataset file.
public struct DatasetRecord: Sendable {
    /// Stable within the file: `id=…`, `url=…` or `hash=…`.
    public var identity: String
    /// The line the record starts on (1-based), for messages.
    public var line: Int
    /// A hash of the record's content: unchanged records are not written again.
    public var hash: Int64
    public var article: Article?
    /// Why the record could not be read (its line is named with it).
    public var failure: String?

    public init(identity: String, line: Int, hash: Int64, article: Article?, failure: String? = nil) {
        self.identity = identity
        self.line = line
        self.hash = hash
        self.article = article
        self.failure = failure
    }
}
