import Foundation
import OpineText

/// JSON Lines exports (`.jsonl`, `.ndjson`): one JSON object per line, one article per object,
/// streamed line by line; decoded and dated as CSV files are.
public struct JSONLinesRecordReader: ArticleReader {
    public let extensions = [".jsonl", ".ndjson"]
    public let holds = FileContent.records

    public init() {}

    public func read(_ input: SourceInput, settings: DatasetSettings, _ body: (SourceRecord) throws -> Void) throws -> [SourceWarning] {
        let text = try DatasetText(input)
        let fields = settings.fields
        let order = try settings.dateOrder ?? decidedOrder(text, fields: fields)
        let reading = RecordReading(encoding: text.encoding, delimiter: nil, dateOrder: order, fields: fields)
        var dates = RecordDate.Tally(order: order)
        try lines(text) { bytes, line in
            var hash = ContentHash()
            hash.add(bytes)
            guard let value = JSONLinesRecordReader.fields(bytes, names: fields) else {
                try body(SourceRecord(identity: "line=\(line)", line: line, hash: reading.hash(hash), article: nil,
                                      encoding: text.encoding.rawValue, failure: .notAnObject))
                return true
            }
            let article = RecordArticle.make(value, date: dates.read(value(.date), line: line))
            try body(SourceRecord(identity: RecordArticle.identity(value, hash: hash.stored), line: line, hash: reading.hash(hash),
                                  article: article, encoding: text.encoding.rawValue,
                                  failure: article == nil ? .noTitleOrText(record: "object") : nil))
            return true
        }
        return (text.warning.map { [$0] } ?? []) + dates.warnings
    }

    /// The date order the file's own dates decide (the first with a day above 12), or nil.
    func decidedOrder(_ text: DatasetText, fields: FieldNames) throws -> DateOrder? {
        var found: DateOrder?
        try lines(text) { bytes, _ in
            found = JSONLinesRecordReader.fields(bytes, names: fields).flatMap { RecordDate($0(.date)).decidedOrder }
            return found == nil
        }
        return found
    }

    /// Calls `body` with each non-blank line and its number, until it returns false.
    func lines(_ text: DatasetText, _ body: (ArraySlice<UInt8>, Int) throws -> Bool) throws {
        var pending: [UInt8] = []
        var line = 0
        var going = true
        func deliver(_ bytes: ArraySlice<UInt8>) throws {
            line += 1
            guard going, bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
            going = try body(bytes, line)
        }
        try text.forEachChunk { chunk in
            pending.append(contentsOf: chunk)
            var start = pending.startIndex
            while going, let newline = pending[start...].firstIndex(of: 0x0A) {
                try deliver(pending[start..<newline])
                start = newline + 1
            }
            pending.removeSubrange(..<start)
            return going
        }
        if going && !pending.isEmpty { try deliver(pending[...]) }
    }

    /// The fields of a line's object by the usual or the named keys (case-insensitive), or nil
    /// when the line is not a JSON object. A list of authors is joined as Opine's own exports
    /// join it ("A; B"); an object gives its `name`.
    static func fields(_ bytes: ArraySlice<UInt8>, names: FieldNames) -> ((FieldNames.Field) -> String?)? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else { return nil }
        var lower: [String: Any] = [:]
        for (k, v) in object { lower[k.lowercased()] = v }
        return { field in
            let keys = names.overrides[field].map { [$0.lowercased()] } ?? FieldNames.usual[field] ?? []
            for key in keys {
                switch lower[key] {
                case let s as String: return s
                case let n as NSNumber: return n.stringValue
                case let list as [Any]:
                    return list.compactMap { ($0 as? String) ?? (($0 as? [String: Any])?["name"] as? String) }.joined(separator: "; ")
                case let o as [String: Any]: if let name = o["name"] as? String { return name }
                default: continue
                }
            }
            return nil
        }
    }
}
