/// Why one record of a dataset file is not an article.
public enum RecordProblem: Sendable, Equatable, CustomStringConvertible {
    /// A JSON Lines line that is not a JSON object.
    case notAnObject
    /// A record with neither a title nor a text (`row` for CSV, `object` for JSON Lines).
    case noTitleOrText(record: String)

    public var description: String {
        switch self {
        case .notAnObject: "not a JSON object, skipped"
        case .noTitleOrText(let record): "\(record) with neither title nor text, skipped"
        }
    }
}
