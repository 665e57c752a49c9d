import Foundation
import OpineText

/// CSV exports (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes; a header row
/// names the columns), one article per row, streamed in 64 KB reads.
public struct CSVRecordReader: RecordReader {
    public let extensions = [".csv"]

    public init() {}

    public func read(fileAt path: String, fields: FieldNames, _ body: (DatasetRecord) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw SourceFailure("cannot be read, skipped") }
        defer { try? handle.close() }
        var parser = CSVParser()
        var columns: [FieldNames.Field: Int]?
        func deliver(_ row: CSVParser.Row) throws {
            guard let map = columns else {
                columns = fields.columns(in: row.fields)
                if columns?[.text] == nil && columns?[.title] == nil {
                    throw SourceFailure("no title or text column (name them with --fields title=…,text=…)")
                }
                return
            }
            if row.fields.count == 1 && row.fields[0].isEmpty { return }  // a blank line
            let value: (FieldNames.Field) -> String? = { f in map[f].flatMap { $0 < row.fields.count ? row.fields[$0] : nil } }
            let article = RecordArticle.make(value)
            try body(DatasetRecord(identity: RecordArticle.identity(value, hash: row.hash), line: row.line, hash: row.hash,
                            article: article, failure: article == nil ? "row with neither title nor text, skipped" : nil))
        }
        while true {
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { break }
            try chunk.withUnsafeBytes { raw in try parser.feed(raw.bindMemory(to: UInt8.self), deliver) }
        }
        try parser.finish(deliver)
    }
}

/// The byte-level CSV state machine: rows out as they complete, with their first line and a
/// hash of their bytes.
struct CSVParser {
    struct Row {
        var fields: [String]
        var line: Int
        var hash: Int64
    }

    private var fields: [String] = []
    private var field: [UInt8] = []
    private var inQuotes = false
    private var quotePending = false  // a quote inside quotes: an escaped quote or the end
    private var line = 1
    private var rowLine = 1
    private var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    private var rowHasBytes = false

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ deliver: (Row) throws -> Void) throws {
        for b in bytes {
            if b != 0x0D || inQuotes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
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
            switch b {
            case 0x22 where field.isEmpty: inQuotes = true
            case 0x2C: endField()
            case 0x0D: break
            case 0x0A:
                line += 1
                try endRow(deliver)
            default: field.append(b)
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
        let row = Row(fields: fields, line: rowLine, hash: Int64(bitPattern: hash))
        fields.removeAll(keepingCapacity: true)
        hash = 0xCBF2_9CE4_8422_2325
        rowLine = line
        rowHasBytes = false
        try deliver(row)
    }
}
