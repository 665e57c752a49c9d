import OpineText

/// A page's fields and blocks as an ``Article``: title, by-line, standfirst, body, captions and
/// bio as passages, as the text parser gives them.
struct PageArticle {
    let article: Article

    /// A page description longer than this is not a standfirst.
    static let maximumStandfirstWords = 60

    init(metadata: PageMetadata, blocks: [ArticleExtractor.Block], page: [UInt8], path: String) {
        let lines = LineOffsets(page)
        var builder = ArticleBuilder()
        builder.article.title = metadata.title.isEmpty ? (blocks.first { $0.role == .heading }?.text ?? "") : metadata.title
        if builder.article.title.isEmpty { builder.article.title = ArticleParser.titleFromFileName(path) }
        builder.article.authors = metadata.authors
        builder.article.date = metadata.date
        builder.article.outlet = metadata.outlet
        builder.article.url = metadata.url
        let title = builder.article.title
        builder.addTitle()
        builder.addByline()
        let body = PageArticle.articleBlocks(blocks, title: title, authors: builder.article.authors)
        if let standfirst = PageArticle.standfirst(metadata, title: title, body: body) {
            builder.add(.standfirst, standfirst)
        }
        let bioStart = PageArticle.bioStart(body)
        for (i, block) in body.enumerated() {
            let kind: PassageKind = block.role == .caption ? .caption : i >= bioStart ? .bio : .body
            builder.add(kind, block.text, range: lines.range(block.lines))
        }
        article = builder.build()
    }

    /// The blocks without the title repeated, the by-line, site boilerplate ("Disclaimer: …",
    /// "Updated …", notices), a caption seen before, and anything after a "Next Story" marker,
    /// as for text files.
    static func articleBlocks(_ blocks: [ArticleExtractor.Block], title: String, authors: [String]) -> [ArticleExtractor.Block] {
        var out: [ArticleExtractor.Block] = []
        var captions: Set<String> = []
        for block in blocks {
            if ArticleParser.endsArticle(block.text) { break }
            if isTitle(block.text, title) || ArticleParser.isBoilerplate(block.text) || isByline(block.text, authors: authors) {
                continue
            }
            if block.role == .caption && !captions.insert(block.text).inserted { continue }
            out.append(block)
        }
        return out
    }

    static let byBytes = Array(" by ".utf8)

    /// A by-line is at most this many words (four names and their labels).
    static let maximumBylineWords = 16
    /// …and bytes.
    static let maximumBylineBytes = 200

    /// A by-line printed in the article's markup: a short line that opens with a by-line
    /// label (`By …`, `Posted by …`) and names someone, or whose names are the page's authors.
    static func isByline(_ text: String, authors: [String]) -> Bool {
        // Cheap tests first: this runs on every block of every page.
        guard text.utf8.count <= maximumBylineBytes, text.utf8.count(where: { $0 == 0x20 }) < maximumBylineWords else { return false }
        let lower = ByteSearch.lowercased(text)
        let labelled = lower.starts(with: PageArticle.byBytes.dropFirst())
        guard labelled || ByteSearch.contains(lower, PageArticle.byBytes)
            || authors.contains(where: { ByteSearch.contains(lower, ByteSearch.lowercased($0)) })
        else { return false }
        let names = Byline(text).authors
        guard !names.isEmpty else { return labelled && text.count <= 60 }
        if labelled { return true }
        let known = Set(authors.map { $0.lowercased() })
        return names.allSatisfy { known.contains($0.lowercased()) }
    }

    /// The page's description, when it is the article's own dek: short, not the title, and not
    /// the opening of the body (sites often describe a page by its first sentence).
    static func standfirst(_ metadata: PageMetadata, title: String, body: [ArticleExtractor.Block]) -> String? {
        var d = metadata.description
        guard !d.isEmpty, !same(d, title) else { return nil }
        guard d.split(separator: " ").count <= maximumStandfirstWords else { return nil }
        if d.hasSuffix("...") { d = String(d.dropLast(3)) } else if d.hasSuffix("…") { d = String(d.dropLast()) }
        let key = normalized(d)
        let opening = body.prefix(3).map { normalized($0.text) }.joined()
        return opening.contains(key.prefix(120)) ? nil : metadata.description
    }

    /// Where the trailing bio paragraphs start ("The writer is …"), or the end.
    static func bioStart(_ body: [ArticleExtractor.Block]) -> Int {
        var start = body.count
        while start > 1 && body[start - 1].role == .paragraph && ArticleParser.isBio(body[start - 1].text) { start -= 1 }
        return start
    }

    static func same(_ a: String, _ b: String) -> Bool { normalized(a) == normalized(b) }

    /// The title repeated: compared only when the lengths are near (every block is asked).
    static func isTitle(_ text: String, _ title: String) -> Bool {
        let (a, b) = (text.utf8.count, title.utf8.count)
        return a <= 2 * b + 8 && b <= 2 * a + 8 && same(text, title)
    }

    /// Letters and digits only, ASCII lowercased (other scripts kept as they are), for
    /// comparing a title or a description with the page's text.
    static func normalized(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            switch b {
            case 0x30...0x39, 0x61...0x7A: out.append(b)
            case 0x41...0x5A: out.append(b | 0x20)
            case 0x80...: out.append(b)
            default: break
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Byte offsets of a page's lines, to turn a block's lines into a byte range of the page.
struct LineOffsets {
    var starts: [Int] = [0]
    let count: Int

    init(_ bytes: [UInt8]) {
        count = bytes.count
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
    }

    /// Lines are 1-based; an unknown line (0) gives an empty range at the start.
    func range(_ lines: ClosedRange<Int>) -> Range<Int> {
        guard lines.lowerBound >= 1, lines.lowerBound <= starts.count else { return 0..<0 }
        let start = starts[lines.lowerBound - 1]
        let end = lines.upperBound < starts.count ? starts[lines.upperBound] : count
        return start..<max(start, end)
    }
}
