/// Parses an op-ed's text into an ``Article``.
///
/// Layouts understood:
/// - plain text as news sites export it: title line, `By …` byline, date line, then blank-line
///   separated paragraphs: standfirst, photo caption (ending in `— Agency`), body, author bio
///   (`The writer is …`), then site boilerplate (`Disclaimer: …`, `Next Story >>>`);
/// - Markdown with a front-matter block (`title:`, `author:`/`authors:`, `date:`);
/// - text with no header at all: the title is the first line, else the file name.
///
/// A missing field is empty, never an error. Passage byte ranges point into the exact UTF-8 text
/// given, so FTS5 offsets, snippets and `opine show` all agree with the file.
public struct ArticleParser: Sendable {
    /// A first line longer than this is a paragraph, not a title.
    static let maximumTitleBytes = 300
    /// A standfirst is short: at most this many words.
    static let maximumStandfirstWords = 45
    /// Header lines (byline, date) are looked for in this many lines after the title.
    static let headerLookahead = 4
    /// Captions are looked for among the first paragraphs after the header only.
    static let captionLookahead = 3

    public init() {}

    public func parse(_ text: String, fileName: String = "") -> Article {
        var state = ParseState(bytes: Array(text.utf8))
        readFrontMatter(&state)
        readTitleLine(&state)
        readHeaderLines(&state)
        if state.article.title.isEmpty { state.article.title = ArticleParser.title(fromFileName: fileName) }
        let paragraphs = state.paragraphs()
        state.lines.removeAll()
        return assemble(&state, paragraphs)
    }

    /// The text being parsed, where the parser is in it, and what it found so far.
    struct ParseState {
        let bytes: [UInt8]
        var lines: [Lines.Line]
        var index = 0
        var article = Article()
        var passages: [Passage] = []
        /// A byline or a date line was found under the title.
        var hasHeader = false

        init(bytes: [UInt8]) {
            self.bytes = bytes
            lines = Lines(bytes: bytes).all
        }

        func make(_ kind: PassageKind, _ range: Range<Int>) -> Passage {
            Passage(kind: kind, text: String(decoding: bytes[range], as: UTF8.self), range: range)
        }

        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

        /// The rest of the lines as paragraphs: runs of non-blank lines.
        mutating func paragraphs() -> [Range<Int>] {
            var paragraphs: [Range<Int>] = []
            var start: Int?
            var end = 0
            while index < lines.count {
                if lines[index].isBlank {
                    if let s = start { paragraphs.append(s..<end) }
                    start = nil
                } else {
                    if start == nil { start = lines[index].range.lowerBound }
                    end = lines[index].range.upperBound
                }
                index += 1
            }
            if let s = start { paragraphs.append(s..<end) }
            return paragraphs
        }
    }

    /// The paragraphs of an article by role.
    struct Paragraphs {
        var standfirst: Range<Int>?
        var captions: [Range<Int>] = []
        var body: [Range<Int>] = []
        var bio: [Range<Int>] = []
    }

    /// A Markdown front-matter block (`---` … `---`): title, author(s), date.
    func readFrontMatter(_ state: inout ParseState) {
        let lines = state.lines
        let bytes = state.bytes
        guard !lines.isEmpty, lines[0].text(bytes) == "---",
            let close = lines.indices.dropFirst().first(where: { lines[$0].text(bytes) == "---" })
        else { return }
        for line in lines[1..<close] {
            guard let colon = bytes[line.range].firstIndex(of: UInt8(ascii: ":")) else { continue }
            let key = String(decoding: bytes[line.range.lowerBound..<colon], as: UTF8.self).trimmingSpaces().lowercased()
            let valueRange = Lines.trim(bytes, (colon + 1)..<line.range.upperBound)
            let value = String(decoding: bytes[valueRange], as: UTF8.self).trimmingCharacters(in: "\"'")
            switch key {
            case "title" where !value.isEmpty:
                state.article.title = value
                state.passages.append(state.make(.title, valueRange))
            case "author", "authors":
                state.article.authors = Byline(value.trimmingCharacters(in: "[]")).authors
            case "date":
                state.article.date = ArticleDate(iso: String(value.prefix(10))) ?? DateFinder.find(in: value)
                if state.article.date == nil && !value.isEmpty { state.article.refusedDate = value }
            case "outlet", "publication", "site":
                state.article.outlet = value
            default:
                break
            }
        }
        state.index = close + 1
    }

    /// The first non-blank line is the title (a Markdown heading's `#`s dropped), unless it is
    /// a byline, a date line or too long to be one.
    func readTitleLine(_ state: inout ParseState) {
        guard state.article.title.isEmpty else { return }
        while state.index < state.lines.count && state.lines[state.index].isBlank { state.index += 1 }
        guard state.index < state.lines.count else { return }
        var line = state.lines[state.index]
        if line.text(state.bytes).hasPrefix("#") {
            let hashes = state.bytes[line.range].prefix { $0 == UInt8(ascii: "#") || $0 == 0x20 }.count
            line.range = (line.range.lowerBound + hashes)..<line.range.upperBound
        }
        let text = line.text(state.bytes)
        let isDateLine = text.utf8.count <= 40 && DateFinder.find(in: text) != nil
        if line.range.count <= ArticleParser.maximumTitleBytes && !isByline(text) && !isDateLine {
            state.article.title = text.trimmingSpaces()
            state.passages.append(state.make(.title, line.range))
            state.index += 1
        }
    }

    /// Byline and date lines just under the title.
    func readHeaderLines(_ state: inout ParseState) {
        var lookahead = 0
        while state.index < state.lines.count && lookahead < ArticleParser.headerLookahead {
            let line = state.lines[state.index]
            if line.isBlank {
                state.index += 1
                continue
            }
            let text = line.text(state.bytes)
            if state.article.authors.isEmpty, let authors = byline(text) {
                state.article.authors = authors
                if state.article.outlet.isEmpty, let outlet = ArticleParser.outlet(inByline: text) { state.article.outlet = outlet }
                state.passages.append(state.make(.byline, line.range))
                state.hasHeader = true
            } else if state.article.date == nil, text.utf8.count <= 120, let date = DateFinder.find(in: text) {
                state.article.date = date
                state.hasHeader = true
            } else {
                break
            }
            state.index += 1
            lookahead += 1
        }
    }

    /// Boilerplate out, then the bio, the standfirst and captions found; the rest is the body.
    func classify(_ state: ParseState, _ paragraphs: [Range<Int>]) -> Paragraphs {
        var out = Paragraphs()
        var kept: [Range<Int>] = []
        for p in paragraphs {
            let text = state.text(p)
            if Boilerplate.endsArticle(text) { break }
            if Boilerplate.isBoilerplate(text) { continue }
            kept.append(p)
        }
        // Bio: the trailing "The writer is …" paragraphs.
        while let last = kept.last, Boilerplate.isBio(state.text(last)) {
            out.bio.insert(last, at: 0)
            kept.removeLast()
        }
        // Standfirst and caption among the first paragraphs.
        for (i, p) in kept.enumerated() {
            let text = state.text(p)
            if i < ArticleParser.captionLookahead + 1 && kept.count > 1 && Boilerplate.isCaption(text) {
                out.captions.append(p)
                continue
            }
            if i == 0 && kept.count > 1 {
                if isTeaser(text, next: state.text(kept[1])) { continue }
                if isStandfirst(text, hasHeader: state.hasHeader) {
                    out.standfirst = p
                    continue
                }
            }
            out.body.append(p)
        }
        return out
    }

    /// The article's fields and passages in reading order, through ``ArticleBuilder`` (its
    /// passages are byte ranges of the text: an overflow merges the bytes it spans).
    func assemble(_ state: inout ParseState, _ paragraphs: [Range<Int>]) -> Article {
        let roles = classify(state, paragraphs)
        var builder = ArticleBuilder(source: state.bytes)
        builder.article = state.article
        for p in state.passages { builder.add(p) }
        if let s = roles.standfirst { builder.add(state.make(.standfirst, s)) }
        for c in roles.captions { builder.add(state.make(.caption, c)) }
        for b in roles.body { builder.add(state.make(.body, b)) }
        for b in roles.bio { builder.add(state.make(.bio, b)) }
        return builder.build()
    }

    func isByline(_ line: String) -> Bool { byline(line) != nil }

    /// Author names from a by-line as sites print it (`By Ann Lee and Bo Chan`, or the names
    /// alone): ``Byline``'s rule.
    public static func authors(fromByline line: String) -> [String] { Byline(line).authors }

    /// A title from a file name (`2025-09-20-there-are-limits.html` → its words), for pages
    /// and texts that give none.
    public static func titleFromFileName(_ path: String) -> String { title(fromFileName: path) }

    /// True for a paragraph of site boilerplate ("Disclaimer: …", "Follow us on …").
    public static func isBoilerplate(_ text: String) -> Bool { Boilerplate.isBoilerplate(text) }

    /// True for a line after which nothing belongs to the article ("Next Story >>>").
    public static func endsArticle(_ text: String) -> Bool { Boilerplate.endsArticle(text) }

    /// True for an author's bio paragraph ("The writer is …").
    public static func isBio(_ text: String) -> Bool { Boilerplate.isBio(text) }

    /// The outlet a by-line names ("By Rowena Whelan, Reuters" → Reuters), if any.
    public static func outlet(inByline line: String) -> String? { Byline(line).outlet }

    /// The authors of a text file's header line: a line starting `By ` (`By Javid Husain`,
    /// `By A and B`, `BY HAMILTON`), short, not a sentence; nil for any other line.
    func byline(_ line: String) -> [String]? {
        let trimmed = line.trimmingSpaces()
        guard trimmed.utf8.count <= 160, trimmed.count > 3,
            trimmed.prefix(3).lowercased() == "by ", !trimmed.hasSuffix(".") || trimmed.count < 40
        else { return nil }
        let authors = Byline(trimmed).authors
        return authors.isEmpty ? nil : authors
    }

    /// A site's teaser: the first paragraph cut short with an ellipsis and repeated in full next.
    func isTeaser(_ text: String, next: String) -> Bool {
        var stem = text.trimmingSpaces()
        if stem.hasSuffix("...") { stem = String(stem.dropLast(3)) } else if stem.hasSuffix("…") {
            stem = String(stem.dropLast())
        } else {
            return false
        }
        stem = stem.trimmingSpaces()
        return stem.count >= 20 && next.hasPrefix(stem)
    }

    func isStandfirst(_ text: String, hasHeader: Bool) -> Bool {
        guard text.utf8.count <= 600 else { return false }
        var words = 0
        var inWord = false
        for b in text.utf8 {
            let space = b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        guard words >= 3, words <= ArticleParser.maximumStandfirstWords, !text.hasSuffix(":") else { return false }
        let last = text.trimmingSpaces().last
        let terminated = last == "." || last == "!" || last == "?" || last == "\"" || last == "”"
        return !terminated || (hasHeader && words <= 30)
    }

    /// A title from a file name: its extension dropped (`.gz` and the one before it), dashes
    /// and underscores as spaces. Which extensions are read is the formats' list, not this.
    static func title(fromFileName name: String) -> String {
        var base = Substring(name.split(separator: "/").last ?? "")
        func dropExtension() -> String? {
            guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return nil }
            let ext = base[base.index(after: dot)...]
            guard (1...9).contains(ext.count), ext.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
            base = base[..<dot]
            return ext.lowercased()
        }
        if dropExtension() == "gz" { _ = dropExtension() }
        return String(base.map { $0 == "-" || $0 == "_" ? " " : $0 })
    }
}

/// Line splitting over UTF-8 bytes, with byte ranges (trimmed of spaces and `\r`).
struct Lines {
    struct Line {
        var range: Range<Int>
        var isBlank: Bool { range.isEmpty }
        func text(_ bytes: [UInt8]) -> String { String(decoding: bytes[range], as: UTF8.self) }
    }

    var all: [Line] = []

    init(bytes: [UInt8]) {
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            all.append(Line(range: Lines.trim(bytes, start..<i)))
            start = i + 1
        }
        if start < bytes.count { all.append(Line(range: Lines.trim(bytes, start..<bytes.count))) }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C }

    /// Trims ASCII whitespace and non-breaking spaces (U+00A0) from both ends.
    static func trim(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi {
            if isSpace(bytes[lo]) { lo += 1 } else if lo + 1 < hi && bytes[lo] == 0xC2 && bytes[lo + 1] == 0xA0 {
                lo += 2
            } else { break }
        }
        while hi > lo {
            if isSpace(bytes[hi - 1]) { hi -= 1 } else if hi - 2 >= lo && bytes[hi - 2] == 0xC2 && bytes[hi - 1] == 0xA0 {
                hi -= 2
            } else { break }
        }
        return lo..<hi
    }
}

extension StringProtocol {
    /// Splits on a literal separator (no Foundation in this module).
    func splitting(on separator: String) -> [String] {
        var out: [String] = []
        var rest = Substring(self)
        while let r = rest.firstRange(of: separator) {
            out.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        out.append(String(rest))
        return out
    }

    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
