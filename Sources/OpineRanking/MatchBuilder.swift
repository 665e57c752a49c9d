import OpineText

/// Builds ``MatchPlan``s. The analyzer decides every term in query mode (acronyms, stems,
/// compounds); the plan holds them as phrases, which the index matches as they are.
public struct MatchBuilder: Sendable {
    let analyzer = Analyzer()

    public init() {}

    /// The plan being built: phrases numbered as they are added.
    struct Parts {
        var phrases: [MatchPlan.Phrase] = []
        var terms: [String] = []
        var highlights = HighlightTerms()

        mutating func add(_ phrase: MatchPlan.Phrase) -> Int {
            phrases.append(phrase)
            return phrases.count - 1
        }
    }

    /// - Parameter expansions: for a prefix (as analyzed in prefix mode), the stems of the
    ///   written words it begins (the index's lexicon).
    public func build(_ clauses: [QueryClause], expansions: [String: [String]] = [:]) -> MatchPlan? {
        let shouted = shoutedWords(clauses)
        var parts = Parts()
        var phraseClause: [Int] = []
        var nodes: [MatchPlan.Node] = []
        var kept: [QueryClause] = []
        var clauseTerms: [[String]] = []
        var hasNear = false
        var nearClauses = Set<Int>()
        for clause in clauses {
            let before = parts.phrases.count
            parts.terms = []
            guard let node = node(clause, shouted: shouted, expansions: expansions, parts: &parts) else {
                parts.phrases.removeLast(parts.phrases.count - before)
                continue
            }
            for _ in before..<parts.phrases.count { phraseClause.append(kept.count) }
            if MatchBuilder.containsNear(clause) { hasNear = true }
            if case .near(let ps, _) = node, ps.count >= 2 { nearClauses.insert(kept.count) }
            kept.append(clause)
            nodes.append(node)
            clauseTerms.append(parts.terms)
        }
        guard !nodes.isEmpty else { return nil }
        return MatchPlan(phrases: parts.phrases, phraseClause: phraseClause, clauseNodes: nodes, clauses: kept,
                         highlights: parts.highlights, clauseTerms: clauseTerms, hasNear: hasNear, nearClauses: nearClauses)
    }

    /// Words of an all-caps query ("THE LIMITS OF BONHOMIE") are shouted, not acronyms: the
    /// analyzer's document rule, applied across the query's separate words.
    public func shoutedWords(_ clauses: [QueryClause]) -> Set<String> {
        var words: [String] = []
        for c in clauses { if case .word(let w, _) = c { words.append(w) } }
        var out = Set<String>()
        let flags = Analyzer.shoutedFlags(ofWords: words)
        for (w, shouted) in zip(words, flags) where shouted { out.insert(w) }
        return out
    }

    static func containsNear(_ clause: QueryClause) -> Bool {
        switch clause {
        case .near: true
        case .anyOf(let alternatives): alternatives.contains(where: containsNear)
        default: false
        }
    }

    func analyzed(_ text: String, mode: AnalysisMode, shouted: Bool) -> [String] {
        analyzer.terms(shouted ? text.lowercased() : text, mode: mode)
    }

    func node(_ clause: QueryClause, shouted: Set<String>, expansions: [String: [String]], parts: inout Parts) -> MatchPlan.Node? {
        switch clause {
        case .word(let word, let prefix):
            let isShouted = shouted.contains(word)
            let t = analyzed(word, mode: prefix ? .prefix : .query, shouted: isShouted)
            guard !t.isEmpty else { return nil }
            parts.terms += t
            if prefix { return prefixNode(t, expansions: expansions, parts: &parts) }
            if t.count > 1 { parts.highlights.phrases.append(t) } else { parts.highlights.exact.formUnion(t) }
            let main = MatchPlan.Node.phrase(parts.add(MatchPlan.Phrase(t)))
            if t.count > 1, let joined = analyzer.joinedTerm(isShouted ? word.lowercased() : word) {
                parts.highlights.exact.insert(joined)
                return .anyOf([main, .phrase(parts.add(MatchPlan.Phrase([joined])))])
            }
            return main
        case .phrase(let text):
            // Inside one quoted string the analyzer sees the whole phrase and applies the rule.
            let t = analyzed(text, mode: .query, shouted: false)
            guard !t.isEmpty else { return nil }
            parts.terms += t
            if t.count > 1 { parts.highlights.phrases.append(t) } else { parts.highlights.exact.formUnion(t) }
            return .phrase(parts.add(MatchPlan.Phrase(t)))
        case .near(let words, let distance):
            var phrases: [Int] = []
            for w in words {
                let t = analyzed(w, mode: .query, shouted: shouted.contains(w))
                guard !t.isEmpty else { continue }
                parts.terms += t
                parts.highlights.exact.formUnion(t)
                phrases.append(parts.add(MatchPlan.Phrase(t)))
            }
            guard let first = phrases.first else { return nil }
            return phrases.count == 1 ? .phrase(first) : .near(phrases, distance: distance)
        case .anyOf(let alternatives):
            let nodes = alternatives.compactMap { node($0, shouted: shouted, expansions: expansions, parts: &parts) }
            guard let first = nodes.first else { return nil }
            return nodes.count == 1 ? first : .anyOf(nodes)
        }
    }

    /// A prefix's phrase, with the stems of the written words it begins (`immigra*`: immigr),
    /// which a prefix of the indexed stems cannot find.
    func prefixNode(_ t: [String], expansions: [String: [String]], parts: inout Parts) -> MatchPlan.Node {
        if t.count > 1 { parts.highlights.exact.formUnion(t.dropLast()) }
        if let last = t.last { parts.highlights.prefixes.append(last) }
        let piece = MatchPlan.Node.phrase(parts.add(MatchPlan.Phrase(t, isPrefix: true)))
        guard t.count == 1, let stems = expansions[t[0]], !stems.isEmpty else { return piece }
        var nodes = [piece]
        for stem in stems where !stem.hasPrefix(t[0]) {
            nodes.append(.phrase(parts.add(MatchPlan.Phrase([stem]))))
            parts.highlights.exact.insert(stem)
        }
        return nodes.count == 1 ? piece : .anyOf(nodes)
    }
}
