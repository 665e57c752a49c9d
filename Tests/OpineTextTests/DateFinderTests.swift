import Testing
@testable import OpineText

struct DateFinderTests {
    @Test(arguments: [
        ("September 20, 2025", "2025-09-20"), ("20 September 2025", "2025-09-20"), ("Sep 20, 2025", "2025-09-20"),
        ("Sept. 20, 2025", "2025-09-20"), ("2025-09-20", "2025-09-20"), ("Saturday, October 27, 1787", "1787-10-27"),
        ("For the Independent Journal. Saturday, October 27, 1787", "1787-10-27"), ("26-FEB-1987 15:01:01.79", "1987-02-26"),
        ("Published: March 3rd, 2024", "2024-03-03"), ("May 14, 2025", "2025-05-14"), ("1 January 2000", "2000-01-01"),
        // Other languages' month names and forms
        ("19 de noviembre de 2019", "2019-11-19"), ("jueves, 09 enero 2014", "2014-01-09"), ("3. März 2021", "2021-03-03"),
        ("le 5 décembre 2018", "2018-12-05"), ("20th of September 2025", "2025-09-20"), ("1 de março de 2020", "2020-03-01"),
        ("2023年11月17日 来源：新华网", "2023-11-17"), ("2019년 8월 20일 09:31", "2019-08-20"), ("２０１８年６月１９日", "2018-06-19"),
    ])
    func finds(_ line: String, _ iso: String) {
        #expect(DateFinder.find(in: line)?.description == iso)
    }

    @Test(arguments: ["By Javid Husain", "There are limits to bonhomie", "February 30, 2025", "2025-13-01", "May we go", "", "32 May 2020",
                      "2023年13月17日", "11月17日", "年月日", "12345678901年1月1日", "out of 2020"])
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

/// Dates written as numbers found inside a line (DateFinder.findNumeric over NumericDate.all).
struct NumericDateInLineTests {
    @Test(arguments: [
        ("Patricio Candia | Palma de Mallorca | 08/01/2014", true, "2014-01-08"),
        ("Patricio Candia | Palma de Mallorca | 08/01/2014", false, "2014-08-01"),
        ("19/07/2013", false, "2013-07-19"), ("07/19/2013", true, "2013-07-19"), ("8.1.2014", true, "2014-01-08"),
        ("28-09-2020 10:43", true, "2020-09-28"),
    ] as [(String, Bool, String)])
    func readsInTheOrderGiven(_ line: String, _ dayFirst: Bool, _ iso: String) {
        #expect(DateFinder.findNumeric(in: line, dayFirst: dayFirst)?.description == iso)
    }

    @Test(arguments: ["08/01/14", "8/1", "12.5 percent of 2014", "2014/01/08/", "08/01-2014", "31/31/2014", "1/2/3/4"])
    func refusesWhatIsNotADate(_ line: String) {
        #expect(DateFinder.findNumeric(in: line, dayFirst: true) == nil)
    }
}
