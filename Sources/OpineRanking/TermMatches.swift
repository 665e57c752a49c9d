import OpineText

/// Where a query's terms stand in a text: one entry per word position, its UTF-8 byte range
/// and, when it matches, which term (or phrase) it matches. Snippets choose their window
/// from it; a page marks every match of a whole passage with it.
public struct TermMatches: Sendable {
    /// Byte range of each word position.
    public private(set) var ranges: [Range<Int>] = []
    /// The matched term at each position (a phrase's words share the phrase as key), else nil.
    public private(set) var matched: [String?] = []

    public init(_ text: String, terms: HighlightTerms, analyzer: Analyzer = Analyzer()) {
        var alternatives: [[String]] = []  // every term at each position, for phrases
        for t in analyzer.tokens(text, mode: .document) {
            if !t.isColocated {
                ranges.append(t.range)
                matched.append(terms.matches(t.term) ? t.term : nil)
                alternatives.append([t.term])
            } else {
                alternatives[alternatives.count - 1].append(t.term)
                if terms.matches(t.term) {
                    matched[matched.count - 1] = t.term
                    ranges[ranges.count - 1] = ranges[ranges.count - 1].lowerBound..<max(ranges[ranges.count - 1].upperBound, t.range.upperBound)
                }
            }
        }
        markPhrases(terms.phrases, alternatives)
    }

    /// A phrase counts as one unit where its terms stand in order.
    mutating func markPhrases(_ phrases: [[String]], _ alternatives: [[String]]) {
        for phrase in phrases where !phrase.isEmpty && phrase.count <= alternatives.count {
            let key = phrase.joined(separator: " ")
            var i = 0
            while i + phrase.count <= alternatives.count {
                if (0..<phrase.count).allSatisfy({ alternatives[i + $0].contains(phrase[$0]) }) {
                    for k in i..<(i + phrase.count) { matched[k] = key }
                    i += phrase.count
                } else {
                    i += 1
                }
            }
        }
    }

    /// Every match as a byte range of the text, the words of one phrase occurrence as one range.
    public var marks: [Range<Int>] {
        var out: [Range<Int>] = []
        for i in matched.indices {
            guard let key = matched[i] else { continue }
            if i > 0, key.contains(" "), matched[i - 1] == key, let last = out.last {
                out[out.count - 1] = last.lowerBound..<ranges[i].upperBound
            } else {
                out.append(ranges[i])
            }
        }
        return out
    }

    /// How many different terms (phrases as one) the text matches.
    public var distinctTerms: Int { Set(matched.compactMap { $0 }).count }
}
