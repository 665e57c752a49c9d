import GRDB
import GRDBSQLite
import OpineText

/// The FTS5 face of ``Analyzer``: registered on every connection as `opine`.
///
/// A class because FTS5 owns tokenizer instances through a C pointer: GRDB retains it in
/// `xCreate` and releases it in `xDelete`. It holds no state but a stem cache, so sharing it between
/// the connection's statements is safe: its stem cache is touched only from the connection's
/// thread, one tokenize call at a time.
///
/// Query-mode text that starts with ``verbatimMarker`` holds terms the query builder already
/// analyzed, separated by spaces: they are passed through unchanged, so that FTS5 sees exactly
/// the terms Opine's query analysis chose (including the joined form of a compound). The marker
/// is a control character, which document analysis treats as a separator: a document cannot
/// produce it.
final class OpineTokenizer: FTS5CustomTokenizer {
    static let name = Analyzer.name
    /// Starts a query string of pre-analyzed terms.
    static let verbatimMarker: UInt8 = 0x01

    let analyzer = Analyzer()
    /// Stems of recent words; this tokenizer's own, used by one connection at a time.
    let cache = StemCache()

    init(db: Database, arguments: [String]) throws {}

    func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?, nText: CInt, tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard let pText, nText > 0 else { return SQLITE_OK }
        let bytes = UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self)
        let text = UnsafeBufferPointer(start: bytes, count: Int(nText))
        let isQuery = tokenization.contains(.query)
        if isQuery && text[0] == OpineTokenizer.verbatimMarker {
            return verbatim(text, context: context, callback: tokenCallback)
        }
        let mode: AnalysisMode = isQuery ? (tokenization.contains(.prefix) ? .prefix : .query) : .document
        var code = SQLITE_OK
        analyzer.analyze(text, mode: mode, cache: mode == .prefix ? nil : cache) { emission in
            let flags = emission.isColocated ? FTS5_TOKEN_COLOCATED : 0
            code = emission.term.withMemoryRebound(to: CChar.self) { term in
                tokenCallback(
                    context, flags, term.baseAddress, CInt(term.count),
                    CInt(emission.range.lowerBound), CInt(emission.range.upperBound))
            }
            return code == SQLITE_OK
        }
        return code
    }

    func verbatim(_ text: UnsafeBufferPointer<UInt8>, context: UnsafeMutableRawPointer?, callback: FTS5TokenCallback) -> CInt {
        var start = 1
        var i = 1
        while i <= text.count {
            if i == text.count || text[i] == 0x20 {
                if i > start {
                    let code = text.baseAddress!.advanced(by: start).withMemoryRebound(to: CChar.self, capacity: i - start) {
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
