/// The one list of the formats Opine reads. Adding a format is adding its reader here.
public struct ArticleFormats: Sendable {
    public var readers: [any ArticleReader]

    public init(readers: [any ArticleReader]) { self.readers = readers }

    /// Every format Opine reads today (the page reader's latest date read from the clock at each use).
    public static var standard: ArticleFormats { ArticleFormats(readers: [
        PlainTextReader(),
        HTMLReader(),
        MHTMLReader(),
        CSVRecordReader(),
        CSVRecordReader(extensions: [".tsv"], delimiter: 0x09),
        JSONLinesRecordReader(),
    ]) }

    /// The reader for a file name, by its ending (case-insensitive); nil for other files.
    public func reader(for name: String) -> (any ArticleReader)? {
        let lower = name.lowercased()
        return readers.first { r in r.extensions.contains { lower.hasSuffix($0) } }
    }

    /// True for a file whose format holds records (a dataset export).
    public func holdsRecords(_ name: String) -> Bool { reader(for: name)?.holds == .records }

    public func accepts(_ name: String) -> Bool { reader(for: name) != nil }

    /// Every ending read, for messages and help.
    public var extensions: [String] { readers.flatMap(\.extensions) }

    /// The endings of the formats of records.
    public var recordExtensions: [String] { readers.filter { $0.holds == .records }.flatMap(\.extensions) }
}
