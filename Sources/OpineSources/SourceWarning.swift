import OpineText

/// Something worth telling about a file that was read all the same; said after its path
/// (`export.csv: 3 rows' dates …`). A value, so a front end can tell one kind from another.
public enum SourceWarning: Sendable, Equatable, CustomStringConvertible {
    /// Nothing but whitespace: indexed by its name.
    case emptyFile
    /// Not UTF-8 and no byte-order mark: read as Windows-1252.
    case notUTF8(readAs: SourceText.Encoding)
    /// A page that declares no charset and is not UTF-8.
    case noCharsetDeclared(readAs: String)
    /// A page's charset libxml2 does not know.
    case unknownCharset(String, readAs: String)
    /// A page whose article text was not found.
    case noArticleText
    /// Rows whose numeric dates read as a date both day first and month first, in a file
    /// whose other dates do not decide the order: their dates are left out.
    case ambiguousDates(rows: Int, example: DateExample)
    /// Rows whose date field holds no date Opine reads (in the file's order, if it has one).
    case unreadableDates(rows: Int, example: DateExample, order: DateOrder?)

    /// A page whose kept article (characters) is much shorter than its paragraphs.
    case articleMayBeIncomplete(kept: Int, paragraphs: Int)
    /// A date field (front matter, a page's meta) that is no day Opine represents: the article
    /// is indexed without a date.
    case refusedDate(String)

    /// The first row of a date warning, for the message.
    public struct DateExample: Sendable, Equatable {
        public var line: Int
        public var text: String

        public init(line: Int, text: String) {
            self.line = line
            self.text = String(text.prefix(40))
        }
    }

    public var description: String {
        switch self {
        case .emptyFile: "empty file, indexed by its name only"
        case .notUTF8(let encoding): "not valid UTF-8, read as \(encoding.rawValue)"
        case .noCharsetDeclared(let name): "no charset declared and not valid UTF-8, read as \(name)"
        case .unknownCharset(let name, let readAs): "unknown charset '\(name.prefix(40))', read as \(readAs)"
        case .noArticleText: "no article text found, indexed by its title"
        case .refusedDate(let value): ArticleDate.refusal(value)
        case .articleMayBeIncomplete(let kept, let paragraphs):
            "kept \(kept) characters as the article of a page whose paragraphs hold \(paragraphs): "
                + "the article may be incomplete (opine parse shows what was read)"
        case .ambiguousDates(let rows, let e):
            "\(SourceWarning.dates(rows)) could be dd/mm/yyyy or mm/dd/yyyy (line \(e.line): \(e.text)) and no date "
                + "in the file decides which: left out; name the order with --date-format dd/mm/yyyy or mm/dd/yyyy"
        case .unreadableDates(let rows, let e, let order):
            "\(SourceWarning.dates(rows)) cannot be read\(order.map { " as \($0.rawValue)" } ?? "") "
                + "(line \(e.line): '\(e.text)'): left out"
        }
    }

    static func dates(_ rows: Int) -> String { rows == 1 ? "1 row's date" : "\(rows) rows' dates" }
}
