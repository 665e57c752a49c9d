/// Errors of the engine facade, one line each.
public enum EngineError: Error, CustomStringConvertible, Equatable {
    case noSearchableWords(query: String)
    case invalidDateRange(since: String, until: String)
    case articleNotFound(String)

    public var description: String {
        switch self {
        case .noSearchableWords(let query):
            "the query \(Self.quoted(query)) has no words to search for"
        case .invalidDateRange(let since, let until):
            "--since \(since) is after --until \(until)"
        case .articleNotFound(let reference):
            "no indexed article matches \(Self.quoted(reference)); `opine search` shows ids and paths"
        }
    }

    /// User text in a one-line message: control characters made visible, long text cut.
    public static func quoted(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(80) {
            if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
        }
        if text.unicodeScalars.count > 80 { out += "…" }
        return "'" + out + "'"
    }
}
