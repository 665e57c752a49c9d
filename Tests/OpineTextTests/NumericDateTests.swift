import Testing
@testable import OpineText

struct NumericDateTests {
    @Test(arguments: [
        ("19/07/2013", 19, 7, 2013), ("7/19/2013", 7, 19, 2013), ("19.07.2013", 19, 7, 2013), ("19-07-2013", 19, 7, 2013),
        (" 03/04/2020 14:30", 3, 4, 2020), ("03/04/2020T10:00", 3, 4, 2020),
    ])
    func reads(_ text: String, _ first: Int, _ second: Int, _ year: Int) throws {
        let n = try #require(NumericDate(text))
        #expect([n.first, n.second, n.year] == [first, second, year])
    }

    @Test(arguments: ["2013-07-19", "19/07/13", "19/07-2013", "19//2013", "July 19, 2013", "19/07/2013x", "123/07/2013", "", "1/2"])
    func refuses(_ text: String) {
        #expect(NumericDate(text) == nil)
    }

    @Test func orders() throws {
        let dayFirst = try #require(NumericDate("19/07/2013"))
        #expect(dayFirst.decidedOrder == .dayFirst)
        #expect(dayFirst.date(in: .dayFirst)?.description == "2013-07-19")
        #expect(dayFirst.date(in: .monthFirst) == nil)
        #expect(try #require(NumericDate("07/19/2013")).decidedOrder == .monthFirst)
        let either = try #require(NumericDate("03/04/2020"))
        #expect(either.decidedOrder == nil)
        #expect(either.dateInEitherOrder == nil)
        #expect(try #require(NumericDate("05/05/2020")).dateInEitherOrder?.description == "2020-05-05")
        // 31/02: no date in either order.
        #expect(try #require(NumericDate("31/02/2020")).decidedOrder == nil)
        #expect(try #require(NumericDate("30/02/2020")).date(in: .dayFirst) == nil)
    }
}
