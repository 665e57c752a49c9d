import Foundation
import GRDB
import GRDBSQLite
import OpineText

/// The FTS5 face of ``Analyzer``: registered on every connection as `opine`.
///
/// A class because FTS5 owns tokenizer instances through a C pointer: ``register(_:recorder:)``
/// hands FTS5 a retained ``Factory`` as the tokenizer's user data (released by FTS5's destroy
/// callback when the connection closes); `xCreate` makes a retained instance, `xDelete`
/// releases it. An instance holds a stem cache and, on the writer's connection, the store's
/// ``LayoutRecorder``: both touched only from the connection's thread, one call at a time.
///
/// **Passages in one row.** An FTS5 row is a whole article; a column's text is its passages
/// joined by ``passageSeparator``. Document text is analyzed one passage at a time (the analyzer
/// starts afresh at each separator, so a column's tokens are exactly its passages' tokens), and
/// between passages the tokenizer emits ``boundaryTerm``, which takes one position: a phrase can
/// never run from one passage into the next, and no query can name the boundary (query terms
/// come from the analyzer, which never produces a control character).
///
/// Query-mode text that starts with ``verbatimMarker`` holds terms the query builder already
/// analyzed, separated by spaces: they are passed through unchanged, so that FTS5 sees exactly
/// the terms Opine's query analysis chose (including the joined form of a compound). The marker
/// is a control character, which document analysis treats as a separator: a document cannot
/// produce it.
final class OpineTokenizer {
    static let name = Analyzer.name
    /// Starts a query string of pre-analyzed terms.
    static let verbatimMarker: UInt8 = 0x01
    /// Joins a column's passages (ASCII record separator; removed from passage text on ingest).
    static let passageSeparator: UInt8 = 0x1E
    /// The term indexed between two passages.
    static let boundaryTerm = "\u{1E}"

    let analyzer = Analyzer()
    /// Stems of recent words; this tokenizer's own, used by one connection at a time.
    let cache = StemCache()
    /// The writer's recorder; nil on a reading connection.
    let recorder: LayoutRecorder?

    init(recorder: LayoutRecorder?) {
        self.recorder = recorder
    }

    func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?, nText: CInt, tokenCallback: FTS5TokenCallback
    ) -> CInt {
        guard let pText, nText > 0 else { return SQLITE_OK }
        let bytes = UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self)
        let text = UnsafeBufferPointer(start: bytes, count: Int(nText))
        let isQuery = tokenization.contains(.query)
        if isQuery && text[0] == OpineTokenizer.verbatimMarker {
            return verbatim(text, context: context, callback: tokenCallback)
        }
        let mode: AnalysisMode = isQuery ? (tokenization.contains(.prefix) ? .prefix : .query) : .document
        guard mode == .document else {
            return analyze(text, offset: 0, mode: mode, context: context, callback: tokenCallback).code
        }
        // A worker analyzed this very text already: its tokens are replayed, not recomputed.
        if let recorder, recorder.isArmed, let tape = recorder.takeTape(for: text) {
            let code = tape.replay(context: context, callback: tokenCallback)
            recorder.columns.append((Int(nText), tape.passagePositions))
            recorder.columnTallies.append(tape.tally)
            return code
        }
        // One passage at a time, a boundary token between two (separators found with memchr).
        // Positions per passage, kept only while the writer records a layout.
        var counts: [Int32]? = recorder?.isArmed == true ? [] : nil
        // The column's tally, taken out of the recorder while the column is analyzed: a
        // class's property touched per token paid an exclusivity check each time.
        var tally = TermTally()
        if let recorder, counts != nil { swap(&tally, &recorder.tally) }
        tally.removeAll()
        var start = 0
        while true {
            let found = memchr(bytes + start, Int32(OpineTokenizer.passageSeparator), text.count - start)
            let end = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(bytes) } ?? text.count
            let segment = UnsafeBufferPointer(rebasing: text[start..<end])
            let (code, count) = analyze(segment, offset: start, mode: .document, context: context, callback: tokenCallback, tally: &tally)
            if code != SQLITE_OK { return code }
            counts?.append(count)
            guard end < text.count else { break }
            let boundary = OpineTokenizer.passageSeparator
            let boundaryCode = withUnsafePointer(to: boundary) { p in
                p.withMemoryRebound(to: CChar.self, capacity: 1) {
                    tokenCallback(context, 0, $0, 1, CInt(end), CInt(end + 1))
                }
            }
            if boundaryCode != SQLITE_OK { return boundaryCode }
            start = end + 1
        }
        if let counts, let recorder {
            recorder.columns.append((Int(nText), counts))
            recorder.columnTallies.append(tally.counts())
            swap(&tally, &recorder.tally)
        }
        return SQLITE_OK
    }

    /// Analyzes one passage (or a query), offsets shifted by `offset`; returns the positions used.
    func analyze(
        _ text: UnsafeBufferPointer<UInt8>, offset: Int, mode: AnalysisMode, context: UnsafeMutableRawPointer?,
        callback: FTS5TokenCallback
    ) -> (code: CInt, positions: Int32) {
        var unused = TermTally()
        return analyze(text, offset: offset, mode: mode, context: context, callback: callback, tally: &unused)
    }

    /// The same, tallying a document's tokens into `tally` while the writer records.
    func analyze(
        _ text: UnsafeBufferPointer<UInt8>, offset: Int, mode: AnalysisMode, context: UnsafeMutableRawPointer?,
        callback: FTS5TokenCallback, tally: inout TermTally
    ) -> (code: CInt, positions: Int32) {
        var code = SQLITE_OK
        var positions: Int32 = 0
        guard !text.isEmpty else { return (code, 0) }
        let recordsWords = mode == .document && recorder?.isArmed == true
        analyzer.analyze(text, mode: mode, cache: mode == .prefix ? nil : cache) { emission in
            let flags = emission.isColocated ? FTS5_TOKEN_COLOCATED : 0
            if !emission.isColocated { positions += 1 }
            if recordsWords {
                // Every token, colocated ones too: each is a hit for a query of its term.
                tally.add(emission.term)
                if !emission.isColocated {
                    recorder?.lexicon.note(raw: UnsafeBufferPointer(rebasing: text[emission.range]), term: emission.term)
                }
            }
            code = emission.term.withMemoryRebound(to: CChar.self) { term in
                callback(
                    context, flags, term.baseAddress, CInt(term.count),
                    CInt(emission.range.lowerBound + offset), CInt(emission.range.upperBound + offset))
            }
            return code == SQLITE_OK
        }
        return (code, positions)
    }

    func verbatim(_ text: UnsafeBufferPointer<UInt8>, context: UnsafeMutableRawPointer?, callback: FTS5TokenCallback) -> CInt {
        guard let base = text.baseAddress else { return SQLITE_OK }
        var start = 1
        var i = 1
        while i <= text.count {
            if i == text.count || text[i] == 0x20 {
                if i > start {
                    let code = base.advanced(by: start).withMemoryRebound(to: CChar.self, capacity: i - start) {
                        callback(context, 0, $0, CInt(i - start), CInt(start), CInt(i))
                    }
                    if code != SQLITE_OK { return code }
                }
                start = i + 1
            }
            i += 1
        }
        return SQLITE_OK
    }
}

/// What the tokenizer saw while an article was inserted: for each non-empty column, its byte
/// length, the positions each passage took and its tokens tallied by term. The index stores these as the article's layout
/// (which positions belong to which passage) without analyzing the text a second time.
///
/// One per store, given to the writer connection's tokenizer as its user data; armed by the
/// writer around one INSERT, on that connection's thread (GRDB serializes writes), which is why
/// it may be `@unchecked Sendable`.
final class LayoutRecorder: @unchecked Sendable {
    var isArmed = false
    var columns: [(bytes: Int, passagePositions: [Int32])] = []
    /// For each column recorded, its tokens tallied by key (``TermTally``), for the impact bounds.
    var columnTallies: [[TermTally.KeyCount]] = []
    /// The column being analyzed.
    var tally = TermTally()
    /// The articles written since the transaction's last flush (``ImpactRecorder``).
    var impacts = ImpactRecorder()
    /// Surface words whose term is a stem, for prefix expansion (``LexiconRecorder``).
    var lexicon = LexiconRecorder()
    /// Tapes of the columns about to be inserted, in column order (``TokenTape``).
    var tapes: [TokenTape] = []

    /// The next tape, when it was recorded from `text`.
    func takeTape(for text: UnsafeBufferPointer<UInt8>) -> TokenTape? {
        guard let first = tapes.first, first.holds(text) else { return nil }
        return tapes.removeFirst()
    }

    /// Runs `body` (one INSERT) with the recorder armed; returns what it recorded.
    func recording(_ body: () throws -> Void) rethrows -> [(bytes: Int, passagePositions: [Int32])] {
        columns.removeAll(keepingCapacity: true)
        columnTallies.removeAll(keepingCapacity: true)
        isArmed = true
        defer { isArmed = false }
        try body()
        return columns
    }
}
