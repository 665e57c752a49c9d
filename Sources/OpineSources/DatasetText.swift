import OpineText

/// A dataset file as UTF-8, a chunk at a time: its encoding found first (a byte-order mark,
/// else a pass that checks the whole file is UTF-8, else Windows-1252, as text files are
/// read), the mark dropped. Read any number of times, each from the start.
struct DatasetText {
    let input: SourceInput
    let encoding: SourceText.Encoding
    /// The byte-order mark's length, skipped.
    private let markLength: Int

    init(_ input: SourceInput) throws {
        self.input = input
        var head: [UInt8] = []
        try input.forEachChunk { head = $0; return false }
        let (mark, length) = SourceText.byteOrderMark(head)
        markLength = length
        if let mark {
            encoding = mark
            return
        }
        var check = SourceText.UTF8Check()
        try input.forEachChunk { chunk in
            check.feed(chunk)
            return check.isValid
        }
        encoding = check.endsValid ? .utf8 : .windows1252
    }

    /// What to say about the file's encoding: nothing for UTF-8 or a marked UTF-16.
    var warning: SourceWarning? { encoding == .windows1252 ? .notUTF8(readAs: encoding) : nil }

    /// Calls `body` with the file's text as UTF-8, chunk by chunk, until it returns false.
    func forEachChunk(_ body: ([UInt8]) throws -> Bool) throws {
        var decoder = SourceText.ChunkDecoder(encoding)
        var first = true
        var going = true
        try input.forEachChunk { chunk in
            let raw = first && markLength > 0 ? Array(chunk.dropFirst(markLength)) : chunk
            first = false
            going = try body(decoder.decode(raw))
            return going
        }
        let tail = decoder.finish()
        if going && !tail.isEmpty { _ = try body(tail) }
    }

    /// The first bytes of the text (up to one chunk), for finding how it is laid out.
    func sample() throws -> (bytes: [UInt8], isWhole: Bool) {
        var sample: [UInt8] = []
        var chunks = 0
        try forEachChunk { chunk in
            chunks += 1
            if chunks == 1 { sample = chunk }
            return chunks < 2
        }
        return (sample, chunks < 2)
    }
}
