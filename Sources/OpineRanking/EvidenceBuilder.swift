/// Turns the index's raw hits for one article into ``PassageEvidence``, passage by passage.
///
/// The index matches whole articles (one FTS5 row each) and reports every phrase hit as
/// (phrase, column, position in the column). This stage, pure, assigns each hit to its passage
/// with the article's ``ArticleLayout`` (positions become passage-relative), applies the NEAR
/// rule (a NEAR group counts only in a passage holding all its phrases: FTS5 checked the group
/// over the whole column), and counts hits per phrase and per clause. The evidence is what one
/// FTS5 row per passage would give.
///
/// - Complexity: O(h log h) per article of h hits.
public struct EvidenceBuilder {
    /// What the query asks of the hits.
    public struct Rules: Sendable, Equatable {
        /// Each FTS5 phrase's clause, in FTS5's phrase numbering.
        public var phraseClause: [Int]
        public var clauseCount: Int
        /// Clauses that are NEAR groups of two phrases or more.
        public var nearClauses: Set<Int>
        /// Collect token positions (for proximity); off, only hit counts.
        public var positions: Bool

        public init(phraseClause: [Int], clauseCount: Int, nearClauses: Set<Int> = [], positions: Bool = true) {
            self.phraseClause = phraseClause
            self.clauseCount = clauseCount
            self.nearClauses = nearClauses
            self.positions = positions
        }
    }

    /// One hit as the index reports it.
    public struct Hit: Hashable, Sendable {
        public var phrase: Int32
        public var column: Int32
        public var position: Int32

        public init(phrase: Int32, column: Int32, position: Int32) {
            self.phrase = phrase
            self.column = column
            self.position = position
        }
    }

    typealias Match = (passage: Int32, phrase: Int32, position: Int32)

    let rules: Rules
    /// With one phrase per clause (most queries) the phrase and clause counts are one array.
    let onePhrasePerClause: Bool
    let nearPhrases: [(clause: Int, phrases: [Int32])]
    /// The evidence so far, grouped by article in the order articles were added.
    public private(set) var evidence: [PassageEvidence] = []
    // Reused between articles.
    var matches: [Match] = []
    var kept: [Match] = []

    public init(_ rules: Rules) {
        self.rules = rules
        onePhrasePerClause = rules.phraseClause.count == rules.clauseCount
            && rules.phraseClause.enumerated().allSatisfy { $0.offset == $0.element }
        nearPhrases = rules.nearClauses.sorted().map { c in
            (c, rules.phraseClause.indices.filter { rules.phraseClause[$0] == c }.map { Int32($0) })
        }
    }

    /// Adds one article from the index's instance blob: little-endian `Int32` pairs
    /// (phrase + 65,536 × column, position), read in place.
    public mutating func add(article: Int64, articleLength: Int, layout: [ArticleLayout.Passage],
                             instances raw: UnsafeRawBufferPointer) {
        matches.removeAll(keepingCapacity: true)
        var cursor = 0
        var offset = 0
        while offset + 8 <= raw.count {
            let phraseAndColumn = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int32.self))
            let position = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4, as: Int32.self))
            offset += 8
            let hit = Hit(phrase: phraseAndColumn & 0xFFFF, column: phraseAndColumn >> 16, position: position)
            assign(hit, layout: layout, cursor: &cursor)
        }
        finish(article: article, articleLength: articleLength, layout: layout)
    }

    /// The evidence so far, emptied (a reader that streams articles keeps none of them).
    public mutating func takeEvidence() -> [PassageEvidence] {
        defer { evidence.removeAll(keepingCapacity: true) }
        return evidence
    }

    /// The hits of an instance blob as values (little-endian `Int32` pairs: phrase + 65,536 ×
    /// column, position), the blob's one decoder.
    public static func hits(_ raw: UnsafeRawBufferPointer) -> [Hit] {
        var out: [Hit] = []
        out.reserveCapacity(raw.count / 8)
        var offset = 0
        while offset + 8 <= raw.count {
            let phraseAndColumn = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int32.self))
            let position = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4, as: Int32.self))
            out.append(Hit(phrase: phraseAndColumn & 0xFFFF, column: phraseAndColumn >> 16, position: position))
            offset += 8
        }
        return out
    }

    /// Adds one article from a list of hits (tests, and any index that reports hits as values).
    public mutating func add(article: Int64, articleLength: Int, layout: [ArticleLayout.Passage], hits: [Hit]) {
        matches.removeAll(keepingCapacity: true)
        var cursor = 0
        for hit in hits { assign(hit, layout: layout, cursor: &cursor) }
        finish(article: article, articleLength: articleLength, layout: layout)
    }

    /// Finds `hit`'s passage. FTS5 reports hits by column and position, so the passage cursor
    /// moves forward, and starts over should the order ever differ. A hit outside every
    /// passage (a layout that does not fit the row) or of an unknown phrase is dropped.
    mutating func assign(_ hit: Hit, layout: [ArticleLayout.Passage], cursor p: inout Int) {
        guard hit.phrase >= 0, Int(hit.phrase) < rules.phraseClause.count else { return }
        if p >= layout.count || layout[p].column != hit.column || hit.position < layout[p].start { p = 0 }
        while p < layout.count
            && (layout[p].column != hit.column || hit.position >= layout[p].start + layout[p].length) { p += 1 }
        guard p < layout.count, hit.position >= layout[p].start else {
            p = 0
            return
        }
        matches.append((Int32(p), hit.phrase, hit.position - layout[p].start))
    }

    mutating func finish(article: Int64, articleLength: Int, layout: [ArticleLayout.Passage]) {
        if matches.isEmpty { return }
        matches.sort { $0.passage != $1.passage ? $0.passage < $1.passage : $0.position < $1.position }
        if !nearPhrases.isEmpty { applyNearRule() }
        var first = 0
        while first < matches.count {
            var last = first
            while last + 1 < matches.count && matches[last + 1].passage == matches[first].passage { last += 1 }
            evidence.append(passageEvidence(matches[first...last], article: article, articleLength: articleLength,
                                            ordinal: matches[first].passage, passage: layout[Int(matches[first].passage)]))
            first = last + 1
        }
    }

    /// Keeps a NEAR group's hits only in the passages that hold every phrase of the group.
    mutating func applyNearRule() {
        kept.removeAll(keepingCapacity: true)
        var f = 0
        while f < matches.count {
            var l = f
            while l + 1 < matches.count && matches[l + 1].passage == matches[f].passage { l += 1 }
            var failing = Set<Int>()
            for (clause, phrases) in nearPhrases
            where !phrases.allSatisfy({ p in matches[f...l].contains { $0.phrase == p } }) {
                failing.insert(clause)
            }
            for m in matches[f...l] where !failing.contains(rules.phraseClause[Int(m.phrase)]) { kept.append(m) }
            f = l + 1
        }
        swap(&matches, &kept)
    }

    /// The evidence of one passage from its matches (sorted by position).
    func passageEvidence(_ passageMatches: ArraySlice<Match>, article: Int64, articleLength: Int,
                         ordinal: Int32, passage: ArticleLayout.Passage) -> PassageEvidence {
        var hits = [Int32](repeating: 0, count: rules.phraseClause.count)
        var clauseHits = onePhrasePerClause ? [] : [Int32](repeating: 0, count: rules.clauseCount)
        var mask: UInt64 = 0
        for m in passageMatches {
            hits[Int(m.phrase)] += 1
            let clause = rules.phraseClause[Int(m.phrase)]
            if !onePhrasePerClause { clauseHits[clause] += 1 }
            if clause < 64 { mask |= 1 << UInt64(clause) }
        }
        if onePhrasePerClause { clauseHits = hits }
        // Positions only when two clauses or more match (proximity needs two; most passages of
        // an OR query match one).
        var positions: [[Int32]] = []
        if rules.positions && mask.nonzeroBitCount >= 2 {
            positions = clauseHits.map { n -> [Int32] in
                var a: [Int32] = []
                a.reserveCapacity(Int(n))
                return a
            }
            for m in passageMatches { positions[rules.phraseClause[Int(m.phrase)]].append(m.position) }
        }
        var evidence = PassageEvidence(
            passageID: PassageID.make(article: article, ordinal: Int(ordinal)), articleID: article,
            isHead: passage.column == 0, bm25: 0, positions: positions, articleLength: articleLength, phraseHits: hits,
            length: Int(passage.length), clauseHits: clauseHits, matchedMask: mask)
        evidence.kind = passage.kind
        return evidence
    }
}
