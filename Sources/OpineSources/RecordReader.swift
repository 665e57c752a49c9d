import OpineText

/// A format of many articles per file (dataset exports: CSV, JSON Lines), read as a stream so
/// that a file of any size keeps memory flat.
///
/// Each record is an article of its own, with a stable identity inside its file (its id or
/// URL column, else a hash of its content), so that changing one row re-indexes that row only.
public protocol RecordReader: Sendable {
    /// Lowercase file name endings, dot included (`.csv`).
    var extensions: [String] { get }
    /// Calls `body` with each record of `input`, in order, and returns what is worth telling
    /// about the file as a whole (its encoding, dates left out); throws a ``SourceFailure`` when
    /// the file cannot be read at all (one bad record is a failed ``DatasetRecord``, and the
    /// rest goes on).
    func read(_ input: SourceInput, settings: DatasetSettings, _ body: (DatasetRecord) throws -> Void) throws -> [SourceWarning]
}

/// One record of a dataset file.
public struct DatasetRecord: Sendable {
    /// Stable within the file: `id=…`, `url=…` or `hash=…`.
    public var identity: String
    /// The line the record starts on (1-based), for messages.
    public var line: Int
    /// A hash of the record's content and of how its file was read (``RecordReading``):
    /// unchanged records are not written again.
    public var hash: Int64
    public var article: Article?
    /// Why the record could not be read (its line is named with it).
    public var failure: RecordProblem?

    public init(identity: String, line: Int, hash: Int64, article: Article?, failure: RecordProblem? = nil) {
        self.identity = identity
        self.line = line
        self.hash = hash
        self.article = article
        self.failure = failure
    }
}

/// Why one record of a dataset file is not an article.
public enum RecordProblem: Sendable, Equatable, CustomStringConvertible {
    /// A JSON Lines line that is not a JSON object.
    case notAnObject
    /// A record with neither a title nor a text (`row` for CSV, `object` for JSON Lines).
    case noTitleOrText(record: String)

    public var description: String {
        switch self {
        case .notAnObject: "not a JSON object, skipped"
        case .noTitleOrText(let record): "\(record) with neither title nor text, skipped"
        }
    }
}

/// What decides a record's article beside its bytes: its file's encoding, delimiter and date
/// order and the columns named for it. Mixed into every record's hash when any is not the
/// usual one, so that a file read another way (a remembered `--date-format`, a row that now
/// decides the order) has its records written again; a file read the usual way keeps the
/// hashes of its bytes alone.
struct RecordReading {
    let salt: [UInt8]

    init(encoding: SourceText.Encoding, delimiter: UInt8?, dateOrder: DateOrder?, fields: FieldNames) {
        var parts: [String] = []
        if encoding != .utf8 { parts.append(encoding.rawValue) }
        if let delimiter, delimiter != UInt8(ascii: ",") { parts.append("delimiter \(delimiter)") }
        if let dateOrder { parts.append(dateOrder.rawValue) }
        let named = DatasetSettings(fields: fields).spec
        if !named.isEmpty { parts.append(named) }
        salt = parts.isEmpty ? [] : [0] + Array(parts.joined(separator: "\u{1F}").utf8)
    }

    /// The stored hash of a record whose bytes hashed to `content`.
    func hash(_ content: ContentHash) -> Int64 {
        var h = content
        h.add(salt)
        return h.stored
    }
}
