import GRDB
import GRDBSQLite

extension OpineTokenizer {
    /// What FTS5 keeps as the tokenizer's user data: how to make an instance on this connection.
    final class Factory {
        let recorder: LayoutRecorder?
        init(recorder: LayoutRecorder?) { self.recorder = recorder }
    }

    /// Registers `opine` on `db`'s connection, with `recorder` (the writer's) as the user data
    /// every instance receives. FTS5 retains nothing of ours but that pointer and releases it
    /// through `destroyFactory` when the connection closes or the tokenizer is replaced.
    static func register(_ db: Database, recorder: LayoutRecorder?) throws {
        let api = FTS5.api(db)
        guard let create = api.pointee.xCreateTokenizer else {
            throw IndexError.unavailable("this SQLite's FTS5 cannot register tokenizers")
        }
        let factory = Unmanaged.passRetained(Factory(recorder: recorder)).toOpaque()
        var methods = fts5_tokenizer(xCreate: createTokenizer, xDelete: deleteTokenizer, xTokenize: tokenizeText)
        let code = create(UnsafeMutablePointer(mutating: api), name, factory, &methods, destroyFactory)
        guard code == SQLITE_OK else {
            Unmanaged<Factory>.fromOpaque(factory).release()
            throw IndexError.unavailable("could not register the \(name) tokenizer (SQLite code \(code))")
        }
    }
}

// The C callbacks: non-capturing, as `@convention(c)` functions must be. No Swift error
// crosses into C: each returns a result code.

private func createTokenizer(
    _ factory: UnsafeMutableRawPointer?, _ arguments: UnsafeMutablePointer<UnsafePointer<CChar>?>?, _ count: CInt,
    _ handle: UnsafeMutablePointer<OpaquePointer?>?
) -> CInt {
    guard let factory, let handle else { return SQLITE_ERROR }
    let recorder = Unmanaged<OpineTokenizer.Factory>.fromOpaque(factory).takeUnretainedValue().recorder
    handle.pointee = OpaquePointer(Unmanaged.passRetained(OpineTokenizer(recorder: recorder)).toOpaque())
    return SQLITE_OK
}

private func deleteTokenizer(_ tokenizer: OpaquePointer?) {
    guard let tokenizer else { return }
    Unmanaged<OpineTokenizer>.fromOpaque(UnsafeRawPointer(tokenizer)).release()
}

private func destroyFactory(_ factory: UnsafeMutableRawPointer?) {
    guard let factory else { return }
    Unmanaged<OpineTokenizer.Factory>.fromOpaque(factory).release()
}

private func tokenizeText(
    _ tokenizer: OpaquePointer?, _ context: UnsafeMutableRawPointer?, _ flags: CInt, _ text: UnsafePointer<CChar>?,
    _ length: CInt,
    _ callback: (@convention(c) (UnsafeMutableRawPointer?, CInt, UnsafePointer<CChar>?, CInt, CInt, CInt) -> CInt)?
) -> CInt {
    guard let tokenizer, let callback else { return SQLITE_ERROR }
    let instance = Unmanaged<OpineTokenizer>.fromOpaque(UnsafeRawPointer(tokenizer)).takeUnretainedValue()
    return instance.tokenize(context: context, tokenization: FTS5Tokenization(rawValue: flags), pText: text,
                             nText: length, tokenCallback: callback)
}
