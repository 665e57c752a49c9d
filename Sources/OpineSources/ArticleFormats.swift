/// The one list of the formats Opine reads. Adding a format is adding its reader here.
public struct ArticleFormats: Sendable {
    /// Formats of one article per file.
    public var readers: [any ArticleReader]
    /// Formats of one article per record (dataset exports).
    public var recordReaders: [any RecordReader]

    public init(readers: [any ArticleReader], recordReaders: [any RecordReader] = []) {
        self.readers = readers
        self.recordReaders = recordReaders
    }

    /// Every format Opine reads today (the page reader's latest date read from the clock at each use).
    public static var standard: ArticleFormats { ArticleFormats(readers: [PlainTextReader(), HTMLReader()],
                                                recordReaders: [CSVRecordReader(), JSONLinesRecordReader()]) }

    /// The reader for a file name, by its ending (case-insensitive); nil for other files.
    public func reader(for name: String) -> (any ArticleReader)? {
        let lower = name.lowercased()
        return readers.first { r in r.extensions.contains { lower.hasSuffix($0) } }
    }

    /// The record reader for a file name (a dataset export), or nil.
    public func recordReader(for name: String) -> (any RecordReader)? {
        let lower = name.lowercased()
        return recordReaders.first { r in r.extensions.contains { lower.hasSuffix($0) } }
    }

    public func accepts(_ name: String) -> Bool { reader(for: name) != nil || recordReader(for: name) != nil }

    /// Every ending read, for messages and help.
    public var extensions: [String] { readers.flatMap(\.extensions) + recordReaders.flatMap(\.extensions) }
}
