import OpineText

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
