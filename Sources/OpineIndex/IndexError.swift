import OpineText

/// Everything that can go wrong in the index, said so that the user knows what to do.
public enum IndexError: OpineError, Equatable {
    case notAnIndex(path: String)
    case corrupt(path: String, detail: String)
    case versionMismatch(path: String, found: String, expected: String)
    case readOnly(path: String)
    case diskFull(path: String)
    case busy(path: String)
    case unavailable(String)
    case io(path: String, detail: String)
    /// An SQLite failure that says nothing about the file's health (interrupted, out of memory,
    /// a value too big, a constraint a bug broke): named as what it is, never as damage.
    case failed(path: String, reason: Reason)

    /// What went wrong in ``failed(path:reason:)``.
    public enum Reason: Equatable, Sendable {
        case interrupted, outOfMemory, tooBig, constraint
        /// Any other SQLite result code, with SQLite's generic name for it (`sqlite3_errstr`).
        case other(code: Int32, name: String)
    }

    public var description: String {
        switch self {
        case .notAnIndex(let path):
            "\(path) is not an Opine index; choose another --index or delete that file"
        case .corrupt(let path, let detail):
            "the index \(path) is damaged (\(detail)); run `opine index --rebuild --index \(path)`"
        case .versionMismatch(let path, let found, let expected):
            "the index \(path) was built by another Opine (\(found), this one needs \(expected)); run `opine index --rebuild --index \(path)`"
        case .readOnly(let path):
            "cannot write the index \(path): the file or its folder is read-only"
        case .diskFull(let path):
            "cannot write the index \(path): the disk is full; the index keeps its previous content"
        case .busy(let path):
            "the index \(path) is being updated by another opine process; try again when it finishes"
        case .unavailable(let what):
            "SQLite cannot do what Opine needs: \(what)"
        case .io(let path, let detail):
            "\(path): \(detail)"
        case .failed(let path, let reason):
            IndexError.describe(reason, path: path)
        }
    }
}

extension IndexError {
    static func describe(_ reason: Reason, path: String) -> String {
        switch reason {
        case .interrupted:
            "the work on the index \(path) was interrupted; what was committed is kept"
        case .outOfMemory:
            "out of memory while using the index \(path); the index keeps what was committed (try a narrower query, or fewer --jobs)"
        case .tooBig:
            "a value too large for SQLite (a very long text or query) while using the index \(path); the index keeps what was committed"
        case .constraint:
            "the index \(path) refused a write that broke one of its rules: a bug in Opine (please report it); the index keeps what was committed"
        case .other(let code, let name):
            "unexpected result from SQLite (\(name), code \(code)) while using the index \(path); the index keeps what was committed"
        }
    }
}
