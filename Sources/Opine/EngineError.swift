/// Errors of the engine facade, one line each.
import Foundation
import OpineText

public enum EngineError: OpineError, Equatable {
    case noSearchableWords(query: String)
    case invalidDateRange(since: String, until: String)
    case articleNotFound(String)
    case unreadableFile(path: String, detail: String)
    case invalidParameter(String)

    public var description: String {
        switch self {
        case .noSearchableWords(let query):
            "the query \(Self.quoted(query)) has no words to search for"
        case .invalidDateRange(let since, let until):
            "--since \(since) is after --until \(until)"
        case .articleNotFound(let reference):
            "no indexed article matches \(Self.quoted(reference)); give a path or file name that `opine search` prints, or an id from `opine search --json`"
        case .unreadableFile(let path, let detail):
            "\(path): \(detail)"
        case .invalidParameter(let message):
            message
        }
    }

    /// The bytes of a file the user named, or an error that names it.
    static func contents(of path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw EngineError.unreadableFile(path: path, detail: exists ? "cannot be read (permission denied?)" : "no such file")
        }
        return data
    }

    /// Words of database internals. A message never repeats user text containing them, so
    /// that nothing Opine prints about a query can be mistaken for a leaked SQLite error.
    static let internalWords = ["sqlite", "fts5", "syntax error", "no such column", "no such table"]

    /// User text in a one-line message: control characters made visible, long text cut, and
    /// withheld ("this query") when it contains ``internalWords``.
    public static func quoted(_ text: String) -> String {
        let lower = text.lowercased()
        if internalWords.contains(where: { lower.contains($0) }) { return "this query" }
        var out = ""
        for scalar in text.unicodeScalars.prefix(80) {
            if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
        }
        if text.unicodeScalars.count > 80 { out += "…" }
        return "'" + out + "'"
    }
}
