import Foundation
import OpineText

/// JSON Lines exports (`.jsonl`, `.ndjson`): one JSON object per line, one article per object,
/// streamed line by line.
public struct JSONLinesRecordReader: RecordReader {
    public let extensions = [".jsonl", ".ndjson"]

    public init() {}

    public func read(fileAt path: String, fields: FieldNames, _ body: (DatasetRecord) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw SourceFailure("cannot be read, skipped") }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var line = 0
        func deliver(_ bytes: ArraySlice<UInt8>) throws {
            line += 1
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
            try body(JSONLinesRecordReader.record(bytes, line: line, fields: fields))
        }
        while true {
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                try deliver(pending[start..<newline])
                start = newline + 1
            }
            pending.removeSubrange(..<start)
        }
        if !pending.isEmpty { try deliver(pending[...]) }
    }

    static func record(_ bytes: ArraySlice<UInt8>, line: Int, fields: FieldNames) -> DatasetRecord {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
        let h = Int64(bitPattern: hash)
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
            return DatasetRecord(identity: "line=\(line)", line: line, hash: h, article: nil, failure: "not a JSON object, skipped")
        }
        var lower: [String: Any] = [:]
        for (k, v) in object { lower[k.lowercased()] = v }
        let value: (FieldNames.Field) -> String? = { field in
            let names = fields.overrides[field].map { [$0.lowercased()] } ?? FieldNames.usual[field] ?? []
            for name in names {
                switch lower[name] {
                case let s as String: return s
                case let n as NSNumber: return n.stringValue
                case let list as [Any]: return list.compactMap { ($0 as? String) ?? (($0 as? [String: Any])?["name"] as? String) }
                    .joined(separator: " and ")
                case let o as [String: Any]: if let name = o["name"] as? String { return name }
                default: continue
                }
            }
            return nil
        }
        let article = RecordArticle.make(value)
        return DatasetRecord(identity: RecordArticle.identity(value, hash: h), line: line, hash: h, article: article,
                      failure: article == nil ? "object with neither title nor text, skipped" : nil)
    }
}
