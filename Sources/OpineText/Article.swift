/// The role of a passage in its article. Raw values are stored in the index: never renumber.
public enum PassageKind: Int, Sendable, CaseIterable, CustomStringConvertible {
    case title = 0
    case standfirst = 1
    case caption = 2
    case body = 3
    case bio = 4
    /// The `By …` line: author names are searchable text too ("Husain" finds his op-eds).
    case byline = 5

    public var description: String {
        switch self {
        case .title: "title"
        case .standfirst: "standfirst"
        case .caption: "caption"
        case .body: "body"
        case .bio: "bio"
        case .byline: "byline"
        }
    }

    /// Title and standfirst are the "head" of an article and weigh more in BM25.
    public var isHead: Bool { self == .title || self == .standfirst }
}

/// One searchable unit: a title, a standfirst, a caption, a body paragraph or a bio.
public struct Passage: Hashable, Sendable {
    public var kind: PassageKind
    /// The passage's text, as searched and shown.
    public var text: String
    /// Where the passage came from in its source file (bytes): for plain text, exactly the
    /// bytes of `text`; for a format whose text is not a byte range of the file (markup removed,
    /// entities decoded), the span it was read from.
    public var range: Range<Int>

    public init(kind: PassageKind, text: String, range: Range<Int>) {
        self.kind = kind
        self.text = text
        self.range = range
    }
}

/// An op-ed as parsed from a file: each field on its own; the body never holds the byline,
/// caption, bio or site boilerplate.
public struct Article: Hashable, Sendable {
    public var title: String = ""
    public var authors: [String] = []
    public var date: ArticleDate?
    /// Where it was published: the site's or paper's name ("Geo.tv", "Dawn"); empty when unknown.
    public var outlet: String = ""
    /// The address it was published at (a page's canonical URL, a dataset's url column).
    public var url: String = ""
    public var standfirst: String = ""
    public var caption: String = ""
    public var body: [String] = []
    public var bio: String = ""
    /// Every searchable passage in reading order: title, byline, standfirst, caption, body, bio.
    public var passages: [Passage] = []
    /// A date field's value that is no day Opine represents (`9999-01-01`, `2025-02-30`): the
    /// article is indexed without a date, and its reader warns (``ArticleDate/refusal(_:)``).
    public var refusedDate: String?

    public init() {}
}
