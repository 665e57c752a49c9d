/// One term produced by the ``Analyzer``.
///
/// The contract follows tantivy's `Token`: `range` is a UTF-8 byte range into the exact text
/// that was analyzed (the stored passage text, which is also what FTS5 receives), and filters
/// never move it. `position` counts non-colocated tokens from zero, as FTS5 counts them, so
/// that a position reported by FTS5's `xInst` is a position here.
public struct Token: Hashable, Sendable, CustomStringConvertible {
    /// The indexed term: lowercase and stemmed for words, uppercase for acronyms.
    public var term: String
    /// UTF-8 byte offsets into the analyzed text.
    public var range: Range<Int>
    /// Token position; a colocated token shares its predecessor's position.
    public var position: Int
    /// True when this token is an alternative at the same position as the previous one
    /// (FTS5's `FTS5_TOKEN_COLOCATED`): the lowercase form of an acronym, the joined form of a
    /// hyphenated compound.
    public var isColocated: Bool

    public init(term: String, range: Range<Int>, position: Int, isColocated: Bool = false) {
        self.term = term
        self.range = range
        self.position = position
        self.isColocated = isColocated
    }

    public var description: String {
        "\(term)@\(position)[\(range.lowerBound)..<\(range.upperBound)]\(isColocated ? "+" : "")"
    }
}

/// What the analyzer hands to a sink for each token: borrowed bytes, valid only during the call.
///
/// The FTS5 adapter forwards these straight to SQLite, so the hot path allocates nothing.
public struct TermEmission {
    public let term: UnsafeBufferPointer<UInt8>
    public let range: Range<Int>
    public let isColocated: Bool
}

/// Why text is being analyzed. The differences are the point of having two modes:
///
/// | | document | query | prefix |
/// |---|---|---|---|
/// | acronym `US` | `US` + colocated `us` | `US` only | `US` (unstemmed prefix) |
/// | compound `counter-terrorism` | `counter`, `terror` + colocated `counterterror` | `counter`, `terror` | unstemmed |
/// | stemming | yes | yes | no (a prefix is not a word) |
///
/// In a query, alternatives would act as synonyms ("US" would also match "us"), which is exactly
/// what an uppercase query must not do; the query builder adds the joined form of a compound
/// itself, as an `OR`.
public enum AnalysisMode: Sendable, Equatable {
    case document
    case query
    case prefix
}
