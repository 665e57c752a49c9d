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
    /// Articles are split into at most this many passages; the rest is merged into the last
    /// one (the index packs the passage ordinal into 16 bits of the row id).
    public static let maximumPassages = 1 << 15

    public init() {}

    public func parse(_ text: String, fileName: String = "") -> Article {
        let bytes = Array(text.utf8)
        var article = Article()
        var lines = Lines(bytes: bytes).all
        var passages: [Passage] = []

        func make(_ kind: PassageKind, _ range: Range<Int>) -> Passage {
            Passage(kind: kind, text: String(decoding: bytes[range], as: UTF8.self), range: range)
        }

        // Front matter.
        var index = 0
        if !lines.isEmpty, lines[0].text(bytes) == "---",
            let close = lines.indices.dropFirst().first(where: { lines[$0].text(bytes) == "---" })
        {
            for line in lines[1..<close] {
                let colon = bytes[line.range].firstIndex(of: UInt8(ascii: ":"))
                guard let colon else { continue }
                let key = String(decoding: bytes[line.range.lowerBound..<colon], as: UTF8.self)
                    .trimmingSpaces().lowercased()
                let valueRange = Lines.trim(bytes, (colon + 1)..<line.range.upperBound)
                let value = String(decoding: bytes[valueRange], as: UTF8.self).trimmingCharacters(in: "\"'")
                switch key {
                case "title" where !value.isEmpty:
                    article.title = value
                    passages.append(make(.title, valueRange))
                case "author", "authors":
                    article.authors = value.trimmingCharacters(in: "[]").split(separator: ",").map {
                        $0.trimmingSpaces().trimmingCharacters(in: "\"'")
                    }.filter { !$0.isEmpty }
                case "date":
                    article.date = ArticleDate(iso: String(value.prefix(10))) ?? DateFinder.find(in: value)
                default:
                    break
                }
            }
            index = close + 1
        }

        // Header: title line, byline, date line.
        var hasHeader = false
        if article.title.isEmpty {
            while index < lines.count && lines[index].isBlank { index += 1 }
            if index < lines.count {
                var line = lines[index]
                if line.text(bytes).hasPrefix("#") {
                    let hashes = bytes[line.range].prefix { $0 == UInt8(ascii: "#") || $0 == 0x20 }.count
                    line.range = (line.range.lowerBound + hashes)..<line.range.upperBound
                }
                let text = line.text(bytes)
                let isDateLine = text.utf8.count <= 40 && DateFinder.find(in: text) != nil
                if line.range.count <= ArticleParser.maximumTitleBytes && !isByline(text) && !isDateLine {
                    article.title = line.text(bytes).trimmingSpaces()
                    passages.append(make(.title, line.range))
                    index += 1
                }
            }
        }
        var lookahead = 0
        while index < lines.count && lookahead < ArticleParser.headerLookahead {
            if lines[index].isBlank { index += 1; continue }
            let text = lines[index].text(bytes)
            if article.authors.isEmpty, let authors = byline(text) {
                article.authors = authors
                passages.append(make(.byline, lines[index].range))
                hasHeader = true
            } else if article.date == nil, text.utf8.count <= 120, let date = DateFinder.find(in: text) {
                article.date = date
                hasHeader = true
            } else {
                break
            }
            index += 1
            lookahead += 1
        }
        if article.title.isEmpty {
            article.title = ArticleParser.title(fromFileName: fileName)
        }

        // Paragraphs: runs of non-blank lines.
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
        lines.removeAll()

        // Boilerplate: drop it, and everything after a "Next Story" style marker.
        var kept: [Range<Int>] = []
        for p in paragraphs {
            let text = String(decoding: bytes[p], as: UTF8.self)
            if Boilerplate.endsArticle(text) { break }
            if Boilerplate.isBoilerplate(text) { continue }
            kept.append(p)
        }

        // Bio: the trailing "The writer is …" paragraphs.
        var bio: [Range<Int>] = []
        while let last = kept.last, Boilerplate.isBio(String(decoding: bytes[last], as: UTF8.self)) {
            bio.insert(last, at: 0)
            kept.removeLast()
        }

        // Standfirst and caption among the first paragraphs.
        var body: [Range<Int>] = []
        var standfirst: Range<Int>?
        var captions: [Range<Int>] = []
        for (i, p) in kept.enumerated() {
            let text = String(decoding: bytes[p], as: UTF8.self)
            if i < ArticleParser.captionLookahead + 1 && kept.count > 1 && Boilerplate.isCaption(text) {
                captions.append(p)
                continue
            }
            if i == 0 && kept.count > 1 {
                if isTeaser(text, next: String(decoding: bytes[kept[1]], as: UTF8.self)) { continue }
                if isStandfirst(text, hasHeader: hasHeader) {
                    standfirst = p
                    continue
                }
            }
            body.append(p)
        }

        if let s = standfirst {
            let passage = make(.standfirst, s)
            article.standfirst = passage.text
            passages.append(passage)
        }
        for c in captions {
            let passage = make(.caption, c)
            article.caption = article.caption.isEmpty ? passage.text : article.caption + "\n\n" + passage.text
            passages.append(passage)
        }
        for b in body {
            let passage = make(.body, b)
            article.body.append(passage.text)
            passages.append(passage)
        }
        for b in bio {
            let passage = make(.bio, b)
            article.bio = article.bio.isEmpty ? passage.text : article.bio + "\n\n" + passage.text
            passages.append(passage)
        }
        if passages.count > ArticleParser.maximumPassages {
            let tail = passages[(ArticleParser.maximumPassages - 1)...]
            let range = tail.first!.range.lowerBound..<tail.last!.range.upperBound
            passages.removeSubrange((ArticleParser.maximumPassages - 1)...)
            passages.append(make(.body, range))
        }
        article.passages = passages
        return article
    }

    func isByline(_ line: String) -> Bool { byline(line) != nil }

    /// `By Javid Husain`, `By A and B`, `By A, B and C`, `BY HAMILTON`.
    func byline(_ line: String) -> [String]? {
        let trimmed = line.trimmingSpaces()
        guard trimmed.utf8.count <= 160, trimmed.count > 3,
            trimmed.prefix(3).lowercased() == "by ", !trimmed.hasSuffix(".") || trimmed.count < 40
        else { return nil }
        let names = String(trimmed.dropFirst(3))
        var parts = [names]
        for separator in [" and ", " & ", " AND "] {
            parts = parts.flatMap { $0.splitting(on: separator) }
        }
        // Commas separate authors only when every piece is a full name (`brenckman,m.` is one).
        let commaSplit = parts.flatMap { $0.split(separator: ",").map(String.init) }
        if commaSplit.count > parts.count && commaSplit.allSatisfy({ $0.trimmingSpaces().contains(" ") }) {
            parts = commaSplit
        }
        let authors = parts.map { ArticleParser.displayName($0.trimmingSpaces()) }.filter { !$0.isEmpty }
        return authors.isEmpty ? nil : authors
    }

    /// `HAMILTON` → `Hamilton`; names in mixed case are left alone.
    static func displayName(_ name: String) -> String {
        guard name.contains(where: \.isLetter), !name.contains(where: \.isLowercase) else { return name }
        return name.split(separator: " ").map { word in
            word.prefix(1) + word.dropFirst().lowercased()
        }.joined(separator: " ")
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
