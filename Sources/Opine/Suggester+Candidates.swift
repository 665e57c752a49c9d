import OpineRanking
import OpineText

/// "Did you mean": the index terms close to a word, and how the text writes the closest.
extension Suggester {
    /// The closest index term to a word of one term that matched nothing, as written in the
    /// text, preferring the most frequent at equal distance.
    func suggestion(terms: [String], evenIfIndexed: Bool = false) throws -> String? {
        guard terms.count == 1, let term = terms.first else { return nil }
        guard try evenIfIndexed || reader.documentFrequencies([term]).first ?? 0 == 0 else { return nil }
        // Terms that begin as the word does, or as its second letter does (a typo in the first
        // two letters: `rpices` → prices, one transposition, as close as `rice` and in more articles).
        guard let best = try candidates(for: term, letters: Array(term.unicodeScalars.prefix(2))).first else { return nil }
        return try surfaceForm(of: best.term) ?? best.term
    }

    /// Index terms close to `term`, closest first, then most frequent: an acronym's are
    /// acronyms; a word's are words, or acronyms (`cepc` → CPEC).
    ///
    /// - Parameter letters: the letters candidates may begin with (the term's first when nil).
    func candidates(for term: String, maxDistance: Int = 2, letters: [Unicode.Scalar]? = nil) throws
        -> [(term: String, documents: Int)]
    {
        let isAcronym = term.uppercased() == term && term.lowercased() != term
        let upper = letters?.map { Unicode.Scalar(String($0).uppercased()) ?? $0 }
        var candidates = try similarTerms(to: term, maxDistance: maxDistance, beginningWith: isAcronym ? upper : letters)
        if isAcronym {
            return candidates.filter { $0.term.uppercased() == $0.term }
        }
        // (Acronyms by the first letter alone: each range read costs a pass over its doclists.)
        candidates += try similarTerms(to: term.uppercased(), maxDistance: maxDistance, beginningWith: upper.map { Array($0.prefix(1)) })
            .filter { $0.term.uppercased() == $0.term }
        return candidates.filter { $0.term.lowercased() != term }
    }

    /// How many close terms ``similarTerms(to:maxDistance:limit:beginningWith:)`` keeps.
    static let similarTermsKept = 3

    /// Index terms within `maxDistance` edits of `term` (Damerau–Levenshtein, adjacent
    /// transpositions count one) that begin with its first letter, with their document
    /// frequency, closest first, then most frequent.
    ///
    /// The first letter is kept, as Lucene's spell checker does by default (`minPrefix` 1): a
    /// typo is seldom there, and the index lists a letter's terms for a small part of what all
    /// of them cost.
    ///
    /// - Parameter letters: the letters the terms may begin with, when not the term's first
    ///   alone (its second too finds a typo in the first two letters: `rpices` → prices).
    func similarTerms(to term: String, maxDistance: Int = 2, limit: Int = Suggester.similarTermsKept,
                      beginningWith letters: [Unicode.Scalar]? = nil) throws -> [(term: String, documents: Int)] {
        let target = Array(term.utf8)
        var found: [(String, Int, Int)] = []
        let lengths = max(1, target.count - maxDistance)...(target.count + maxDistance)
        for (candidate, documents) in try reader.terms(beginningWith: letters ?? Array(term.unicodeScalars.prefix(1)), lengths: lengths) {
            guard candidate != term else { continue }
            let d = EditDistance.damerau(target, Array(candidate.utf8), limit: maxDistance)
            if d <= maxDistance { found.append((candidate, documents, d)) }
        }
        found.sort { $0.2 != $1.2 ? $0.2 < $1.2 : $0.1 > $1.1 }
        return found.prefix(limit).map { ($0.0, $0.1) }
    }

    /// The word of an index term as a passage writes it (`cpec` → CPEC), a possessive's `'s`
    /// left out; nil when no passage holds it.
    func surfaceForm(of term: String) throws -> String? {
        guard let passage = try reader.passagesHolding([term])[term] else { return nil }
        let tokens = Analyzer().tokens(passage.text, mode: .document)
        guard let t = tokens.first(where: { $0.term == term }) else { return nil }
        let bytes = Array(passage.text.utf8)
        guard t.range.lowerBound >= 0, t.range.upperBound <= bytes.count else { return nil }
        var word = String(decoding: bytes[t.range], as: UTF8.self)
        for suffix in ["'s", "’s"] where word.hasSuffix(suffix) { word = String(word.dropLast(2)) }
        // Only a title has it: a title in capitals ("OIL PRICES RISE") shows a word in
        // lowercase, unless its term is an acronym's.
        if passage.kind.isHead, word.count > 1, word == word.uppercased(), term == term.lowercased() { word = word.lowercased() }
        return word
    }
}
