import OpineText

/// A short extract of a passage with the query's matches marked.
public struct Snippet: Hashable, Sendable {
    /// The extract, with "…" where it was cut; newlines are shown as spaces.
    public var text: String
    /// UTF-8 byte ranges into `text` of every highlighted match.
    public var highlights: [Range<Int>]

    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }
}

/// The terms a snippet highlights: exact terms, prefixes from `word*` clauses, and phrases
/// (highlighted only where their terms stand in order, not word by word).
public struct HighlightTerms: Hashable, Sendable {
    public var exact: Set<String>
    public var prefixes: [String]
    public var phrases: [[String]]

    public init(exact: Set<String> = [], prefixes: [String] = [], phrases: [[String]] = []) {
        self.exact = exact
        self.prefixes = prefixes
        self.phrases = phrases
    }

    public func matches(_ term: String) -> Bool {
        exact.contains(term) || prefixes.contains { term.hasPrefix($0) }
    }
}

/// Cuts snippets around the densest cover of distinct query terms.
public struct SnippetBuilder: Sendable {
    /// Words per snippet: about two sentences of an op-ed, what a results page shows.
    public var windowWords = 36
    /// A window start may move back this many words to begin at a sentence (and its end
    /// forward to finish one).
    public var sentenceSlack = 10
    /// Words of context before the first match when no sentence starts near it.
    public var leadIn = 4

    public init() {}

    /// Up to `count` non-overlapping snippets from `text`, best first.
    ///
    /// - Complexity: O(t) per snippet for t tokens in the passage.
    public func snippets(_ text: String, terms: HighlightTerms, count: Int, analyzer: Analyzer = Analyzer()) -> [Snippet] {
        let found = TermMatches(text, terms: terms, analyzer: analyzer)
        let ranges = found.ranges, matched = found.matched
        let bytes = Array(text.utf8)
        guard !ranges.isEmpty else {
            return [Snippet(text: Self.clean(bytes, 0..<min(bytes.count, 240)), highlights: [])]
        }
        var used = Array(repeating: false, count: ranges.count)
        var out: [Snippet] = []
        for _ in 0..<max(count, 1) {
            guard let (start, end) = bestWindow(matched, used: used, bytes: bytes, ranges: ranges) else { break }
            for i in start..<end { used[i] = true }
            out.append(render(bytes, ranges, matched, start, end))
            if out.count == 1 && !matched.contains(where: { $0 != nil }) { break }
        }
        return out
    }

    /// Token window [start, end) around the best cover of the query's terms; nil when nothing
    /// is left. The cover (``bestCover(_:used:)``) is always inside the window; the window
    /// starts at a sentence start when one lies a few words before the cover, and ends at a
    /// sentence end when one falls in its last few words after the cover.
    func bestWindow(_ matched: [String?], used: [Bool], bytes: [UInt8], ranges: [Range<Int>]) -> (Int, Int)? {
        let n = matched.count
        let w = min(windowWords, n)
        // No match left: the passage's opening, once.
        guard let cover = bestCover(matched, used: used) ?? (!used.contains(true) && n > 0 ? 0..<1 : nil) else { return nil }
        let first = cover.lowerBound, last = cover.upperBound
        // Back to the start of the first match's sentence, if it is near; else a few words of lead-in.
        var s = max(0, first - leadIn)
        var k = first
        while k > max(0, first - sentenceSlack) {
            if Self.endsSentence(bytes, ranges[k - 1].upperBound, ranges[k].lowerBound) { break }
            k -= 1
        }
        if k == 0 || Self.endsSentence(bytes, ranges[max(k - 1, 0)].upperBound, ranges[k].lowerBound) { s = k }
        if used[s..<first].contains(true) || last - s > w { s = first }
        // Forward from the cover to the window's length, stopping before another snippet's words.
        var e = last
        while e < min(n, s + w) && !used[e] { e += 1 }
        // End at a sentence end when one falls in the last few words, never inside the cover.
        var t = e - 1
        while t > max(last - 1, e - sentenceSlack) {
            if t + 1 < n && Self.endsSentence(bytes, ranges[t].upperBound, ranges[t + 1].lowerBound) { e = t + 1; break }
            t -= 1
        }
        return (s, e)
    }

    /// The shortest run of unused tokens, at most ``windowWords`` long, that shows as many
    /// distinct terms as any window can; among equals, the one whose window holds more matches,
    /// then the first. Terms close together make the snippet that says most ("CPEC 2.0 … Pakistan
    /// and China" rather than a China thirty words before a CPEC). Nil when no match is left.
    ///
    /// - Complexity: O(m · w) for m matches and a window of w words.
    func bestCover(_ matched: [String?], used: [Bool]) -> Range<Int>? {
        let n = matched.count
        let w = min(windowWords, n)
        // Each matched key as a small number, so a window's distinct terms are a bit set.
        var numbers: [String: Int] = [:]
        var keys = [Int?](repeating: nil, count: n)
        for (i, m) in matched.enumerated() {
            guard let m else { continue }
            if numbers[m] == nil { numbers[m] = numbers.count }
            keys[i] = numbers[m]
        }
        var seen = [Bool](repeating: false, count: numbers.count)
        var best: (cover: Range<Int>, distinct: Int, total: Int)?
        for a in 0..<n where keys[a] != nil && !used[a] {
            for i in seen.indices { seen[i] = false }
            var distinct = 0, total = 0, coverEnd = a + 1
            var z = a
            while z < a + w && z < n && !used[z] {
                if let key = keys[z] {
                    total += 1
                    if !seen[key] {
                        seen[key] = true
                        distinct += 1
                        coverEnd = z + 1
                    }
                }
                z += 1
            }
            let cover = a..<coverEnd
            if let b = best {
                guard distinct > b.distinct
                    || (distinct == b.distinct && (cover.count < b.cover.count || (cover.count == b.cover.count && total > b.total)))
                else { continue }
            }
            best = (cover, distinct, total)
        }
        return best?.cover
    }

    func render(_ bytes: [UInt8], _ ranges: [Range<Int>], _ matched: [String?], _ start: Int, _ end: Int) -> Snippet {
        let from = start == 0 ? 0 : ranges[start].lowerBound
        var to = ranges[end - 1].upperBound
        // Include trailing punctuation up to the next token, and end at the passage's end.
        if end == ranges.count {
            to = bytes.count
            while to > from && (bytes[to - 1] == 0x20 || bytes[to - 1] == 0x0A || bytes[to - 1] == 0x0D) { to -= 1 }
        } else {
            var t = to
            while t < ranges[end].lowerBound && bytes[t] != 0x20 && bytes[t] != 0x0A { t += 1 }
            to = t
        }
        let prefix = from > 0 ? "… " : ""
        let suffix = to < bytes.count && end < ranges.count ? " …" : ""
        let body = Self.clean(bytes, from..<to)
        var highlights: [Range<Int>] = []
        let shift = prefix.utf8.count - from
        for i in start..<end where matched[i] != nil && ranges[i].lowerBound >= from && ranges[i].upperBound <= to {
            let range = (ranges[i].lowerBound + shift)..<(ranges[i].upperBound + shift)
            // The words of one phrase occurrence are one highlight: "[right side of history]".
            if i > start, let key = matched[i], key.contains(" "), matched[i - 1] == key, let last = highlights.last {
                highlights[highlights.count - 1] = last.lowerBound..<range.upperBound
            } else {
                highlights.append(range)
            }
        }
        return Snippet(text: prefix + body + suffix, highlights: highlights)
    }

    static func endsSentence(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Bool {
        guard from < to else { return false }
        for b in bytes[from..<to] where b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == 0x0A {
            return true
        }
        return false
    }

    /// The bytes as text, with newlines and tabs as spaces (same byte length, so offsets hold).
    static func clean(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        var slice = Array(bytes[range])
        for i in slice.indices where slice[i] == 0x0A || slice[i] == 0x0D || slice[i] == 0x09 { slice[i] = 0x20 }
        return String(decoding: slice, as: UTF8.self)
    }
}
