import Foundation
import GRDB
import GRDBSQLite

/// The tokens of one FTS5 column of a document, as ``OpineTokenizer`` emits them, recorded on a
/// worker thread and replayed by the writer's tokenizer when the row is inserted: the analysis
/// (the expensive part of indexing) runs off the writer, and FTS5 still receives the tokens
/// through its tokenizer, exactly as if it had analyzed the text there.
///
/// A tape is recorded by running the tokenizer itself (the same code, on the worker's own
/// instance) with a callback that appends to the tape instead of FTS5's; it holds the column's
/// text so the writer replays it only for that very text.
struct TokenTape: Sendable {
    struct Token: Sendable {
        var termEnd: Int32
        var start: Int32
        var end: Int32
        var flags: Int32
    }

    /// The column's text, UTF-8.
    var text: [UInt8] = []
    /// Every token's term, one after another.
    var terms: [UInt8] = []
    var tokens: [Token] = []
    /// The positions each passage of the column took (what ``LayoutRecorder`` records).
    var passagePositions: [Int32] = []
    /// The column's tokens tallied by key, for the impact bounds (``TermTally``).
    var tally: [TermTally.KeyCount] = []

    /// Records `column` with `tokenizer` (a worker's own, its recorder armed for the lexicon).
    static func record(_ column: String, with tokenizer: OpineTokenizer) -> TokenTape {
        let builder = Builder()
        var text = Array(column.utf8)
        builder.tape.tokens.reserveCapacity(text.count / 5)
        let code = text.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                tokenizer.tokenize(context: Unmanaged.passUnretained(builder).toOpaque(), tokenization: .document,
                                   pText: UnsafePointer(chars.baseAddress), nText: CInt(chars.count), tokenCallback: appendToken)
            }
        }
        builder.tape.text = text
        builder.tape.passagePositions = tokenizer.recorder?.columns.popLast()?.passagePositions ?? []
        builder.tape.tally = tokenizer.recorder?.columnTallies.popLast() ?? []
        if code != SQLITE_OK { builder.tape.tokens.removeAll() }
        return builder.tape
    }

    /// Sends every token to FTS5's callback, as the tokenizer would have; stops at an error.
    func replay(context: UnsafeMutableRawPointer?, callback: FTS5TokenCallback) -> CInt {
        terms.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress else { return SQLITE_OK }  // no terms, no tokens
                var from: Int32 = 0
                for t in tokens {
                    let code = callback(context, t.flags, base + Int(from), t.termEnd - from, t.start, t.end)
                    if code != SQLITE_OK { return code }
                    from = t.termEnd
                }
                return SQLITE_OK
            }
        }
    }

    /// True when `text` is the text this tape was recorded from.
    func holds(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count == self.text.count else { return false }
        return self.text.withUnsafeBufferPointer { mine in
            guard let a = mine.baseAddress, let b = text.baseAddress else { return true }  // both empty
            return memcmp(a, b, text.count) == 0
        }
    }

    /// The tape being written, reached from the C callback through its context pointer.
    final class Builder {
        var tape = TokenTape()
    }
}

/// FTS5's token callback, recording instead of indexing (non-capturing, as C requires).
private func appendToken(
    _ context: UnsafeMutableRawPointer?, _ flags: CInt, _ term: UnsafePointer<CChar>?, _ length: CInt, _ start: CInt, _ end: CInt
) -> CInt {
    guard let context else { return SQLITE_ERROR }
    let builder = Unmanaged<TokenTape.Builder>.fromOpaque(context).takeUnretainedValue()
    if let term, length > 0 {
        term.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            builder.tape.terms.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(length)))
        }
    }
    builder.tape.tokens.append(TokenTape.Token(termEnd: Int32(builder.tape.terms.count), start: start, end: end, flags: flags))
    return SQLITE_OK
}
