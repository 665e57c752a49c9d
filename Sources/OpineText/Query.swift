/// One part of a query that a passage can match.
public indirect enum QueryClause: Hashable, Sendable, CustomStringConvertible {
    /// A word as the user typed it (`Pakistan's`, `U.S.`, `counter-terrorism`), maybe a prefix.
    case word(String, prefix: Bool)
    /// An exact phrase: its words in order, adjacent.
    case phrase(String)
    /// Words within `distance` tokens of each other, in any order (FTS5 `NEAR`).
    case near([String], distance: Int)
    /// Any one of the alternatives (`Rubio OR Dar`).
    case anyOf([QueryClause])

    public var description: String {
        switch self {
        case .word(let w, let prefix): prefix ? w + "*" : w
        case .phrase(let p): "\"\(p)\""
        case .near(let words, let d): "NEAR(\(words.joined(separator: " ")), \(d))"
        case .anyOf(let alternatives): "(" + alternatives.map(\.description).joined(separator: " OR ") + ")"
        }
    }

    /// The words a user would expect to see highlighted.
    public var words: [String] {
        switch self {
        case .word(let w, _): [w]
        case .phrase(let p): [p]
        case .near(let words, _): words
        case .anyOf(let alternatives): alternatives.flatMap(\.words)
        }
    }
}

/// A parsed query: what must match, what must not, and the filters.
public struct ParsedQuery: Hashable, Sendable {
    /// Required clauses; with the "words" relaxation, articles matching fewer of them follow.
    public var clauses: [QueryClause] = []
    /// Articles matching any of these anywhere are excluded (`-India`, `NOT India`).
    public var exclusions: [QueryClause] = []
    /// Clauses that must match the article's title (`title:bonhomie`).
    public var titleClauses: [QueryClause] = []
    /// Author name fragments (`author:Husain`); an article must match each.
    public var authors: [String] = []

    public init() {}

    public var isEmpty: Bool { clauses.isEmpty && titleClauses.isEmpty && authors.isEmpty }
}
