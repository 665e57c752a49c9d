import Foundation
import OpineText

/// CSV exports (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes; a header row
/// names the columns), one article per row, streamed a chunk at a time. The delimiter is found
/// (``DelimiterSniffer``: `,`, `;`, tab, `|`) unless the format fixes it; the text is decoded
/// as ``DatasetText`` finds it; numeric dates are read in the order the file's dates decide
/// (one above 12), or the one the user named.
public struct CSVRecordReader: ArticleReader {
    public let extensions: [String]
    public let holds = FileContent.records
    /// The delimiter, or nil to find it in each file.
    let delimiter: UInt8?

    /// Comma-separated (`.csv`), whatever the delimiter a file turns out to use.
    public init() { self.init(extensions: [".csv"], delimiter: nil) }

    /// A format of its own endings and delimiter (`.tsv`: tab).
    public init(extensions: [String], delimiter: UInt8?) {
        self.extensions = extensions
        self.delimiter = delimiter
    }

    public func read(_ input: SourceInput, settings: DatasetSettings, _ body: (SourceRecord) throws -> Void) throws -> [SourceWarning] {
        let text = try DatasetText(input)
        let sample = try text.sample()
        let delimiter = self.delimiter ?? DelimiterSniffer.delimiter(in: sample.bytes, isWhole: sample.isWhole)
        let order = try settings.dateOrder ?? decidedOrder(text, delimiter: delimiter, fields: settings.fields)
        let reading = RecordReading(encoding: text.encoding, delimiter: delimiter, dateOrder: order, fields: settings.fields)
        var dates = RecordDate.Tally(order: order)
        try rows(text, delimiter: delimiter, fields: settings.fields) { row, value in
            let article = RecordArticle.make(value, date: dates.read(value(.date), line: row.line))
            try body(SourceRecord(identity: RecordArticle.identity(value, hash: row.hash.stored), line: row.line,
                                  hash: reading.hash(row.hash), article: article, encoding: text.encoding.rawValue,
                                  failure: article == nil ? .noTitleOrText(record: "row") : nil))
            return true
        }
        return (text.warning.map { [$0] } ?? []) + dates.warnings
    }

    /// The date order the file's own dates decide: the first numeric date with a day above 12
    /// (rows are read until one is found). Nil when none does.
    func decidedOrder(_ text: DatasetText, delimiter: UInt8, fields: FieldNames) throws -> DateOrder? {
        var found: DateOrder?
        try rows(text, delimiter: delimiter, fields: fields, needing: .date) { _, value in
            found = RecordDate(value(.date)).decidedOrder
            return found == nil
        }
        return found
    }

    /// Calls `body` with each row after the header and a function giving its fields, until it
    /// returns false (or at once, when the header has no `needing` column). Throws when the
    /// header names neither a title nor a text column.
    func rows(_ text: DatasetText, delimiter: UInt8, fields: FieldNames, needing: FieldNames.Field? = nil,
              _ body: (CSVParser.Row, (FieldNames.Field) -> String?) throws -> Bool) throws {
        var parser = CSVParser(delimiter: delimiter)
        var columns: [FieldNames.Field: Int]?
        var going = true
        func deliver(_ row: CSVParser.Row) throws {
            guard going else { return }
            guard let map = columns else {
                let header = fields.columns(in: row.fields)
                if header[.text] == nil && header[.title] == nil {
                    throw SourceFailure("no title or text column (name them with --fields title=…,text=…)")
                }
                columns = header
                if let needing, header[needing] == nil { going = false }
                return
            }
            if row.fields.count == 1 && row.fields[0].isEmpty { return }  // a blank line
            let value: (FieldNames.Field) -> String? = { f in map[f].flatMap { $0 < row.fields.count ? row.fields[$0] : nil } }
            going = try body(row, value)
        }
        try text.forEachChunk { chunk in
            try chunk.withUnsafeBufferPointer { try parser.feed($0, deliver) }
            return going
        }
        if going { try parser.finish(deliver) }
    }
}

/// The byte-level CSV state machine: rows out as they complete, with their first line and a
/// hash of their bytes (carriage returns outside quotes left out: CRLF and LF files hash alike).
struct CSVParser {
    struct Row {
        var fields: [String]
        var line: Int
        var hash: ContentHash
    }

    let delimiter: UInt8
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var inQuotes = false
    private var quotePending = false  // a quote inside quotes: an escaped quote or the end
    private var line = 1
    private var rowLine = 1
    private var hash = ContentHash()
    private var rowHasBytes = false

    init(delimiter: UInt8) { self.delimiter = delimiter }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ deliver: (Row) throws -> Void) throws {
        for b in bytes {
            if b != 0x0D || inQuotes { hash.add(b) }
            if quotePending {
                quotePending = false
                if b == 0x22 {
                    field.append(b)
                    continue
                }
                inQuotes = false
            }
            if inQuotes {
                if b == 0x22 { quotePending = true } else { field.append(b) }
                if b == 0x0A { line += 1 }
                continue
            }
            if b == delimiter {
                endField()
            } else {
                switch b {
                case 0x22 where field.isEmpty: inQuotes = true
                case 0x0D: break
                case 0x0A:
                    line += 1
                    try endRow(deliver)
                default: field.append(b)
                }
            }
            rowHasBytes = true
        }
    }

    mutating func finish(_ deliver: (Row) throws -> Void) throws {
        if rowHasBytes || !field.isEmpty || !fields.isEmpty { try endRow(deliver) }
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRow(_ deliver: (Row) throws -> Void) throws {
        endField()
        let row = Row(fields: fields, line: rowLine, hash: hash)
        fields.removeAll(keepingCapacity: true)
        hash = ContentHash()
        rowLine = line
        rowHasBytes = false
        try deliver(row)
    }
}
