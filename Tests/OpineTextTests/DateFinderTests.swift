import Testing
@testable import OpineText

struct DateFinderTests {
    @Test(arguments: [
        ("September 20, 2025", "2025-09-20"), ("20 September 2025", "2025-09-20"), ("Sep 20, 2025", "2025-09-20"),
        ("Sept. 20, 2025", "2025-09-20"), ("2025-09-20", "2025-09-20"), ("Saturday, October 27, 1787", "1787-10-27"),
        ("For the Independent Journal. Saturday, October 27, 1787", "1787-10-27"), ("26-FEB-1987 15:01:01.79", "1987-02-26"),
        ("Published: March 3rd, 2024", "2024-03-03"), ("May 14, 2025", "2025-05-14"), ("1 January 2000", "2000-01-01"),
    ])
    func finds(_ line: String, _ iso: String) {
        #expect(DateFinder.find(in: line)?.description == iso)
    }

    @Test(arguments: ["By Javid Husain", "There are limits to bonhomie", "February 30, 2025", "2025-13-01", "May we go", "", "32 May 2020"])
    func rejects(_ line: String) {
        #expect(DateFinder.find(in: line) == nil)
    }

    @Test func isoRoundTrip() {
        #expect(ArticleDate(iso: "2024-02-29")?.description == "2024-02-29")
        #expect(ArticleDate(iso: "2023-02-29") == nil)
        #expect(ArticleDate(iso: "20240229") == nil)
        #expect(ArticleDate(iso: "2024-2-9")?.description == "2024-02-09")
        for bad in ["", "x", "2024--01", "2024-01-01-", "12345-01-01", "2024-001-01", "2024-01-1x", "-2024-01-01", "2024-13-01"] {
            #expect(ArticleDate(iso: bad) == nil, "\(bad)")
        }
    }
}
