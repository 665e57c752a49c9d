/// Reads what users type into a ``ParsedQuery``, never failing.
///
/// Syntax (documented in the README and `opine search --help`):
/// - `word word` — all required (relaxed when too few articles match them all)
/// - `"exact phrase"` (straight or curly quotes; an unclosed quote runs to the end)
/// - `a OR b` (also `|`), `-word`, `NOT word`, `-"a phrase"`
/// - `NEAR(a b, 5)` — words within 5 tokens (default 10)
/// - `prefix*`, `title:word`, `title:"a phrase"`, `author:name`
/// - `AND`, `&&` and parentheses are accepted and ignored: clauses are ANDed already.
///
/// Anything else is a word: `U.S.`, `Pakistan's`, `counter-terrorism` and `'; DROP TABLE` are
/// words too, which the analyzer then reduces to terms (or to nothing).
public struct QueryParser: Sendable {
    /// `NEAR(a b)` without a distance: FTS5's own default.
    public static let defaultNearDistance = 10
    /// Longest accepted query, in characters; the rest is ignored (a 10,000-character paste
    /// is not a query, and each clause costs an FTS5 phrase).
    public static let maximumLength = 2_000
    /// At most this many clauses are kept.
    public static let maximumClauses = 64

    public init() {}

    enum Lexeme: Equatable {
        case word(String)
        case phrase(String)
        case or
        case not
        case minus  // a `-` glued to the next lexeme
        case field(String)  // `title:` / `author:`
        case near([String], Int)
    }

    public func parse(_ input: String) -> ParsedQuery {
        let lexemes = lex(String(input.prefix(QueryParser.maximumLength)))
        var query = ParsedQuery()
        var pendingOr = false
        var negate = false
        var field: String?

        func add(_ clause: QueryClause) {
            defer { negate = false; field = nil; pendingOr = false }
            if negate {
                query.exclusions.append(clause)
                return
            }
            if let f = field {
                if f == "author" {
                    query.authors.append(contentsOf: clause.words)
                } else {
                    query.titleClauses.append(clause)
                }
                return
            }
            if pendingOr, let last = query.clauses.popLast() {
                switch last {
                case .anyOf(let alternatives): query.clauses.append(.anyOf(alternatives + [clause]))
                default: query.clauses.append(.anyOf([last, clause]))
                }
                return
            }
            guard query.clauses.count < QueryParser.maximumClauses else { return }
            query.clauses.append(clause)
        }

        for lexeme in lexemes {
            switch lexeme {
            case .or:
                pendingOr = !query.clauses.isEmpty
            case .not, .minus:
                negate = true
            case .field(let f):
                field = f
            case .word(let w):
                var word = w
                var prefix = false
                while word.hasSuffix("*") {
                    word.removeLast()
                    prefix = true
                }
                guard !word.isEmpty else { continue }
                if field == "author" { query.authors.append(word); field = nil; negate = false; continue }
                add(.word(word, prefix: prefix))
            case .phrase(let p):
                guard !p.isEmpty else { continue }
                if field == "author" { query.authors.append(p); field = nil; negate = false; continue }
                add(.phrase(p))
            case .near(let words, let distance):
                guard !words.isEmpty else { continue }
                add(words.count == 1 ? .word(words[0], prefix: false) : .near(words, distance: distance))
            }
        }
        return query
    }

    static func isQuote(_ c: Character) -> Bool { c == "\"" || c == "“" || c == "”" || c == "„" }

    func lex(_ input: String) -> [Lexeme] {
        var out: [Lexeme] = []
        let chars = Array(input.map { $0 == "\0" ? " " : $0 })
        var i = 0
        func isSpace(_ c: Character) -> Bool { c.isWhitespace }
        while i < chars.count {
            let c = chars[i]
            if isSpace(c) || c == "(" || c == ")" || c == "+" { i += 1; continue }
            if QueryParser.isQuote(c) {
                var j = i + 1
                while j < chars.count && !QueryParser.isQuote(chars[j]) { j += 1 }
                out.append(.phrase(String(chars[(i + 1)..<j]).trimmingSpaces()))
                i = j + 1
                continue
            }
            if c == "-" && i + 1 < chars.count && !isSpace(chars[i + 1]) && chars[i + 1] != "-" {
                out.append(.minus)
                i += 1
                continue
            }
            // A chunk up to whitespace, a quote or a parenthesis.
            var j = i
            while j < chars.count && !isSpace(chars[j]) && !QueryParser.isQuote(chars[j])
                && chars[j] != "(" && chars[j] != ")"
            {
                j += 1
            }
            let chunk = String(chars[i..<j])
            if chunk == "NEAR" && j < chars.count && chars[j] == "(" {
                var k = j + 1
                while k < chars.count && chars[k] != ")" { k += 1 }
                let inside = String(chars[(j + 1)..<min(k, chars.count)])
                out.append(nearLexeme(inside))
                i = k + 1
                continue
            }
            i = j
            switch chunk {
            case "OR", "|", "||": out.append(.or)
            case "NOT": out.append(.not)
            case "AND", "&&", "&": continue
            default:
                if let colon = chunk.firstIndex(of: ":") {
                    let name = chunk[..<colon].lowercased()
                    let rest = String(chunk[chunk.index(after: colon)...])
                    if name == "title" || name == "author" || name == "by" {
                        out.append(.field(name == "by" ? "author" : name))
                        if !rest.isEmpty { out.append(.word(rest)) }
                        continue
                    }
                }
                out.append(.word(chunk))
            }
        }
        return out
    }

    func nearLexeme(_ inside: String) -> Lexeme {
        var words: [String] = []
        var distance = QueryParser.defaultNearDistance
        let parts = inside.split(separator: ",", maxSplits: 1)
        if parts.count == 2, let d = Int(parts[1].trimmingSpaces()), d >= 0 {
            distance = min(d, 1_000)
        }
        let wordPart = parts.first.map(String.init) ?? ""
        for w in wordPart.split(whereSeparator: { $0.isWhitespace || QueryParser.isQuote($0) }) {
            words.append(String(w))
        }
        return .near(words, distance)
    }
}
