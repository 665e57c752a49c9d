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

    /// Token window [start, end) maximizing distinct terms, then matches; nil when nothing left.
    /// The window starts at a sentence start when one lies a few words before its first match.
    func bestWindow(_ matched: [String?], used: [Bool], bytes: [UInt8], ranges: [Range<Int>]) -> (Int, Int)? {
        let n = matched.count
        let w = min(windowWords, n)
        var best: (Int, Int, Int)?  // (start, distinct, total)
        var start = 0
        while start + w <= n {
            if used[start..<(start + w)].contains(true) { start += 1; continue }
            var seen = Set<String>()
            var total = 0
            for i in start..<(start + w) {
                if let m = matched[i] { seen.insert(m); total += 1 }
            }
            if best == nil || seen.count > best!.1 || (seen.count == best!.1 && total > best!.2) {
                best = (start, seen.count, total)
            }
            start += 1
        }
        guard let b = best else { return nil }
        if b.2 == 0 && used.contains(true) { return nil }
        // The smallest span of the best window that still shows each of its distinct terms:
        // the snippet is placed around that cover, not around the window's first match.
        var first = (b.0..<(b.0 + w)).first(where: { matched[$0] != nil }) ?? b.0
        if b.1 > 1 {
            var bestSpan = Int.max
            for a in b.0..<(b.0 + w) where matched[a] != nil {
                var seen = Set<String>()
                var z = a
                while z < b.0 + w && seen.count < b.1 {
                    if let m = matched[z] { seen.insert(m) }
                    z += 1
                }
                if seen.count == b.1 && z - a < bestSpan {
                    bestSpan = z - a
                    first = a
                }
            }
        }
        // Back to the start of the first match's sentence, if it is near; else a few words of lead-in.
        var s = max(0, first - leadIn)
        var k = first
        while k > max(0, first - sentenceSlack) {
            if Self.endsSentence(bytes, ranges[k - 1].upperBound, ranges[k].lowerBound) { break }
            k -= 1
        }
        if k == 0 || Self.endsSentence(bytes, ranges[max(k - 1, 0)].upperBound, ranges[k].lowerBound) { s = k }
        if used[s..<first].contains(true) { s = first }
        var e = min(n, s + w)
        while e > first + 1 && used[e - 1] { e -= 1 }
        // End at a sentence end when one falls in the last few words.
        var t = e - 1
        while t > max(first, e - sentenceSlack) {
            if t + 1 < n && Self.endsSentence(bytes, ranges[t].upperBound, ranges[t + 1].lowerBound) { e = t + 1; break }
            t -= 1
        }
        return (s, e)
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
