import OpineText

/// The page's headline: JSON-LD's, Open Graph's or Twitter's when it looks like the page's own
/// (not a CMS placeholder; sharing a word with the `<h1>` or the `<title>`, when they are
/// headlines), else `<title>`, else the `<h1>`; entities decoded wherever it came from; the
/// site's name cut off.
extension PageMetadata {
    /// Headlines content systems leave when none was written.
    static let placeholderTitles: Set<String> = [
        "untitled", "untitled document", "headline", "title", "home", "index", "default", "article", "story", "null",
        "undefined", "new article", "new post", "no title", "escenic", "wordpress", "page", "document",
    ]

    /// The headline is among the page's first `<h1>`s (a page of teasers may have hundreds).
    static let maximumHeadings = 5

    static func title(ld: LinkedData?, meta: [String: String], tree: DOMTree, outlet: String) -> String {
        let headings = tree.elements("h1").prefix(maximumHeadings).map { HTMLEntities.decoded(tree.text(of: $0)) }
            .filter { !$0.isEmpty }
        let element = tree.elements("title").first.map { HTMLEntities.decoded(tree.text(of: $0)) } ?? ""
        let stated = [ld?.string("headline"), meta["og:title"], meta["twitter:title"]].compactMap { $0 }
            .map { DOMTree.collapsed(HTMLEntities.decoded($0)) }.filter { !isPlaceholder($0) }
        // A site's logo can be the first `<h1>`: the headline's is the first sharing words with a stated one.
        let statedWords = stated.map(TitleWords.init)
        let h1 = headings.first { h in statedWords.contains { TitleWords(h).shares(with: $0) } } ?? headings.first
        // The page's own texts a stated headline is checked against, when they are headlines.
        let elementHeadline = withoutSiteName(element, outlet: outlet, h1: nil)
        let referees = [isPlaceholder(h1 ?? "") ? nil : h1, isPlaceholder(elementHeadline) ? nil : element]
            .compactMap { $0 }.map(TitleWords.init)
        // Without a stated headline, the `<h1>` when the `<title>` agrees with it (a logo does not).
        let printed = h1.flatMap { h in !isPlaceholder(h) && TitleWords(h).shares(with: TitleWords(element)) ? h : nil }
        let raw = stated.first { sharesWords($0, referees) } ?? firstNonEmpty([printed, element, h1]) ?? ""
        return withoutSiteName(raw, outlet: outlet, h1: h1)
    }

    /// Empty, a placeholder of ``placeholderTitles``, or a single lowercase word (a CMS's name
    /// or a slug, never a headline).
    static func isPlaceholder(_ title: String) -> Bool {
        let t = title.trimmingCharacters(in: .whitespaces)
        if t.isEmpty || placeholderTitles.contains(t.lowercased()) { return true }
        return !t.contains(" ") && t.allSatisfy { $0.isASCII && !$0.isUppercase }
    }

    /// True when `candidate` shares a word with one of `referees`, or there are none.
    static func sharesWords(_ candidate: String, _ referees: [TitleWords]) -> Bool {
        guard !referees.isEmpty else { return true }
        let words = TitleWords(candidate)
        return referees.contains { words.shares(with: $0) }
    }

    /// The title without the site's name: " - Geo.tv", " | Opinion | Dawn". A piece is dropped
    /// when it is the outlet (or its host name) or when the rest equals the page's `<h1>`.
    static func withoutSiteName(_ title: String, outlet: String, h1: String?) -> String {
        if let h1, !h1.isEmpty, title.hasPrefix(h1) || title.hasSuffix(h1) { return h1 }
        let separators = [" | ", " - ", " – ", " — ", " :: ", " » "]
        var pieces = [title]
        for s in separators { pieces = pieces.flatMap { $0.components(separatedBy: s) } }
        guard pieces.count > 1 else { return title }
        let site = outlet.lowercased()
        let siteStem = site.split(separator: ".").first.map(String.init) ?? site
        let kept = pieces.filter { piece in
            let p = piece.lowercased().trimmingCharacters(in: .whitespaces)
            return !(p == site || p == siteStem || (!site.isEmpty && (p.contains(site) || site.contains(p) && p.count > 2))
                     || ["opinion", "opinions", "editorial", "op-ed", "comment", "news", "columns", "column"].contains(p))
        }
        // The longest remaining piece is the headline.
        return kept.max { $0.count < $1.count }?.trimmingCharacters(in: .whitespaces) ?? title
    }
}

/// A title's words for comparing two titles: runs of letters and digits, lowercased, English
/// stop words left out; a run in a script written without spaces (Chinese, Japanese, Thai) as
/// its pairs of characters.
struct TitleWords {
    var words: Set<String> = []

    init(_ text: String) {
        var run = ""
        for c in text.lowercased() + " " {
            if c.isLetter || c.isNumber {
                run.append(c)
                continue
            }
            add(run)
            run = ""
        }
    }

    mutating func add(_ run: String) {
        guard !run.isEmpty else { return }
        guard run.unicodeScalars.contains(where: TitleWords.isUnspaced) else {
            if !StopWords.english.contains(run) { words.insert(run) }
            return
        }
        let characters = Array(run)
        if characters.count == 1 { words.insert(run) }
        for i in characters.indices.dropLast() { words.insert(String(characters[i...(i + 1)])) }
    }

    /// Thai, Lao, Tibetan, Myanmar, Khmer, kana and CJK ideographs: scripts written without
    /// spaces between words.
    static func isUnspaced(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0E00...0x109F, 0x1780...0x17FF, 0x3040...0x30FF, 0x3400...0x9FFF, 0xF900...0xFAFF: true
        default: false
        }
    }

    func shares(with other: TitleWords) -> Bool { !words.isDisjoint(with: other.words) }
}
