/// Assembles an ``Article`` for every reader: its named fields and its passages in reading
/// order, each passage's text kept in its field (standfirst, captions, body, bio), the by-line
/// passage written one way, and one cap on the number of passages with one behaviour.
///
/// A reader sets the fields it finds (title, authors, date, outlet, URL) on ``article`` and
/// adds passages as it reads; ``build()`` gives the article.
public struct ArticleBuilder: Sendable {
    /// Articles are split into at most this many passages; the rest is merged into the last
    /// one, so no text is lost (the index packs the passage ordinal into 16 bits of the row id).
    public static let maximumPassages = 1 << 15

    /// The fields found so far; ``build()`` adds the passages.
    public var article = Article()
    private var passages: [Passage] = []
    /// The decoded source, when passages' ranges are byte ranges of it whose bytes are their
    /// text (plain text): a merged passage is then the bytes it spans, as every other one.
    private let source: [UInt8]?

    /// `source`: the UTF-8 text every passage's range points into and whose bytes are its
    /// text (nil for formats whose passages are not byte ranges of what they came from).
    public init(source: [UInt8]? = nil) { self.source = source }

    /// Adds a passage in reading order; a standfirst, caption, body or bio passage's text goes
    /// to its field too (captions and bios joined by a blank line).
    public mutating func add(_ passage: Passage) {
        passages.append(passage)
        func joined(_ field: String) -> String { field.isEmpty ? passage.text : field + "\n\n" + passage.text }
        switch passage.kind {
        case .standfirst: article.standfirst = joined(article.standfirst)
        case .caption: article.caption = joined(article.caption)
        case .body: article.body.append(passage.text)
        case .bio: article.bio = joined(article.bio)
        case .title, .byline: break
        }
    }

    public mutating func add(_ kind: PassageKind, _ text: String, range: Range<Int> = 0..<0) {
        add(Passage(kind: kind, text: text, range: range))
    }

    /// The title passage of a format whose title is not a span of its text (a page's, a
    /// record's): ``Article/title`` itself.
    public mutating func addTitle() { add(.title, article.title) }

    /// The by-line passage of a format whose by-line is not a line of its text: `By A, B`, from
    /// ``Article/authors`` (nothing when there are none). Author names are searchable text.
    public mutating func addByline() {
        guard !article.authors.isEmpty else { return }
        add(.byline, "By " + article.authors.joined(separator: ", "))
    }

    /// The article, with at most ``maximumPassages`` passages: the overflow is merged into the
    /// last one, a body passage spanning them all.
    /// Every text is made storable (``StoredText``: no NUL).
    public func build() -> Article { StoredText.safe(capped()) }

    func capped() -> Article {
        var a = article
        a.passages = passages
        guard passages.count > ArticleBuilder.maximumPassages else { return a }
        let tail = passages[(ArticleBuilder.maximumPassages - 1)...]
        let start = tail.map(\.range.lowerBound).min() ?? 0
        let end = max(start, tail.map(\.range.upperBound).max() ?? 0)
        let text: String
        if let source, end <= source.count {
            text = String(decoding: source[start..<end], as: UTF8.self)
        } else {
            text = tail.map(\.text).joined(separator: "\n\n")
        }
        a.passages.removeSubrange((ArticleBuilder.maximumPassages - 1)...)
        a.passages.append(Passage(kind: .body, text: text, range: start..<end))
        return a
    }
}
