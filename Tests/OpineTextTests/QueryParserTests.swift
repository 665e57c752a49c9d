import Testing
@testable import OpineText

struct QueryParserTests {
    let parser = QueryParser()

    @Test func wordsPhrasesAndOperators() {
        let q = parser.parse(#"CPEC "right side of history" Rubio OR Dar -India NOT Iran terror* title:bonhomie author:Husain"#)
        #expect(q.clauses == [.word("CPEC", prefix: false), .phrase("right side of history"),
                              .anyOf([.word("Rubio", prefix: false), .word("Dar", prefix: false)]), .word("terror", prefix: true)])
        #expect(q.exclusions == [.word("India", prefix: false), .word("Iran", prefix: false)])
        #expect(q.titleClauses == [.word("bonhomie", prefix: false)])
        #expect(q.authors == ["Husain"])
    }

    @Test func near() {
        #expect(parser.parse("NEAR(trade tariffs, 5)").clauses == [.near(["trade", "tariffs"], distance: 5)])
        #expect(parser.parse("NEAR(trade tariffs)").clauses == [.near(["trade", "tariffs"], distance: 10)])
    }

    @Test(arguments: [
        "\"half", "(((", ")", "OR", "AND", "NOT", "-", "*", ":", "title:", "author:", "\"\"", "'; DROP TABLE articles; --",
        "\u{0}", "🙂", "NEAR(", "NEAR()", "a OR OR b", "- - -", "\"a\" \"b", String(repeating: "x", count: 10_000),
    ])
    func neverFails(_ input: String) {
        _ = parser.parse(input)
    }

    @Test func unbalancedQuoteRunsToTheEnd() {
        #expect(parser.parse("\"half open").clauses == [.phrase("half open")])
    }

    @Test func curlyQuotes() {
        #expect(parser.parse("“CPEC 2.0”").clauses == [.phrase("CPEC 2.0")])
    }

    @Test func hyphenInsideAWordIsNotExclusion() {
        #expect(parser.parse("counter-terrorism").clauses == [.word("counter-terrorism", prefix: false)])
        #expect(parser.parse("-India").exclusions == [.word("India", prefix: false)])
    }
}
