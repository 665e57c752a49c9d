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
        }
    }
}
