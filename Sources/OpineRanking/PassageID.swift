/// A passage's id: its article's id and its ordinal in the article, in one `Int64`
/// (`article << 16 | ordinal`). The index stores passages under it; every module builds and
/// takes it apart here, never with shifts and masks of its own.
public enum PassageID {
    /// Bits of the ordinal: an article holds at most 65,536 passages.
    public static let ordinalBits: Int64 = 16
    public static let maximumOrdinal = Int((1 << ordinalBits) - 1)

    public static func make(article: Int64, ordinal: Int) -> Int64 {
        article << ordinalBits | Int64(ordinal & maximumOrdinal)
    }

    public static func article(_ id: Int64) -> Int64 { id >> ordinalBits }

    public static func ordinal(_ id: Int64) -> Int { Int(id & Int64(maximumOrdinal)) }

    /// Every id an article's passages can have.
    public static func range(ofArticle article: Int64) -> ClosedRange<Int64> {
        make(article: article, ordinal: 0)...make(article: article, ordinal: maximumOrdinal)
    }
}
