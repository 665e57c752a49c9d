import Testing
@testable import OpineRanking
@testable import OpineText

/// Hits to passages without SQLite: hand-made layouts and hits, expected evidence by hand.
struct EvidenceBuilderTests {
    /// Title (head, positions 0–2); two body paragraphs (positions 0–4, a boundary at 5, 6–9).
    static let layout = [
        ArticleLayout.Passage(kind: .title, column: 0, start: 0, length: 3),
        ArticleLayout.Passage(kind: .body, column: 1, start: 0, length: 5),
        ArticleLayout.Passage(kind: .body, column: 1, start: 6, length: 4),
    ]

    static func hit(_ phrase: Int32, _ column: Int32, _ position: Int32) -> EvidenceBuilder.Hit {
        EvidenceBuilder.Hit(phrase: phrase, column: column, position: position)
    }

    @Test func hitsGoToTheirPassagesWithRelativePositions() {
        var builder = EvidenceBuilder(.init(phraseClause: [0, 1], clauseCount: 2))
        builder.add(article: 7, articleLength: 900, layout: Self.layout, hits: [
            Self.hit(0, 0, 1), Self.hit(1, 1, 2), Self.hit(1, 1, 5), Self.hit(0, 1, 7), Self.hit(1, 1, 9), Self.hit(3, 1, 1),
        ])
        let e = builder.evidence
        #expect(e.map(\.passageID) == [PassageID.make(article: 7, ordinal: 0), PassageID.make(article: 7, ordinal: 1),
                                       PassageID.make(article: 7, ordinal: 2)])
        #expect(e.map(\.isHead) == [true, false, false])
        #expect(e.map(\.kind) == [.title, .body, .body])
        #expect(e.map(\.phraseHits) == [[1, 0], [0, 1], [1, 1]])
        #expect(e.map(\.matchedMask) == [0b01, 0b10, 0b11])
        #expect(e.map(\.length) == [3, 5, 4])
        #expect(e.map(\.articleLength) == [900, 900, 900])
        // Positions only where two clauses match, relative to the passage (7 − 6, 9 − 6).
        #expect(e.map(\.positions) == [[], [], [[1], [3]]])
    }

    @Test func aNearGroupCountsOnlyWhereAllItsPhrasesAre() {
        // Clause 0 is NEAR(phrase 0, phrase 1); clause 1 is phrase 2.
        var builder = EvidenceBuilder(.init(phraseClause: [0, 0, 1], clauseCount: 2, nearClauses: [0]))
        builder.add(article: 1, articleLength: 0, layout: Self.layout, hits: [
            Self.hit(0, 0, 0), Self.hit(2, 0, 2),  // title: half the group, and clause 1
            Self.hit(0, 1, 1), Self.hit(1, 1, 3),  // first paragraph: the whole group
            Self.hit(1, 1, 8),  // second paragraph: half the group only
        ])
        let e = builder.evidence
        #expect(e.map { PassageID.ordinal($0.passageID) } == [0, 1])
        #expect(e[0].phraseHits == [0, 0, 1])
        #expect(e[0].clauseHits == [0, 1])
        #expect(e[1].phraseHits == [1, 1, 0])
        #expect(e[1].clauseHits == [2, 0])
    }

    @Test func theBlobAndTheValuesGiveTheSameEvidence() {
        let hits = [Self.hit(0, 0, 1), Self.hit(1, 1, 2), Self.hit(0, 1, 7)]
        var values = EvidenceBuilder(.init(phraseClause: [0, 1], clauseCount: 2))
        values.add(article: 3, articleLength: 10, layout: Self.layout, hits: hits)
        var words: [Int32] = []
        for h in hits { words += [(h.phrase | h.column << 16).littleEndian, h.position.littleEndian] }
        var blob = EvidenceBuilder(.init(phraseClause: [0, 1], clauseCount: 2))
        words.withUnsafeBytes { blob.add(article: 3, articleLength: 10, layout: Self.layout, instances: $0) }
        #expect(blob.evidence == values.evidence)
        #expect(blob.evidence.count == 3)
    }

    @Test func aLayoutThatDoesNotFitDropsTheHit() {
        var builder = EvidenceBuilder(.init(phraseClause: [0], clauseCount: 1))
        builder.add(article: 1, articleLength: 0, layout: [], hits: [Self.hit(0, 1, 4)])
        builder.add(article: 2, articleLength: 0, layout: Self.layout, hits: [Self.hit(0, 1, 40)])
        #expect(builder.evidence.isEmpty)
    }

    @Test func passageIDsPackAndUnpack() {
        let id = PassageID.make(article: 12345, ordinal: 65535)
        #expect(id == 12345 * 65536 + 65535)
        #expect(PassageID.article(id) == 12345)
        #expect(PassageID.ordinal(id) == 65535)
        #expect(PassageID.range(ofArticle: 2) == 131072...196607)
    }
}
