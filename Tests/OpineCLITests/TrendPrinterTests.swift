import Testing
@testable import Opine
@testable import OpineCLI
import OpineText

/// What `opine trend` prints, from a hand-made trend: bars on one scale for every query, and a
/// period with no dated article shown as such.
struct TrendPrinterTests {
    static let trend: TrendResponse = {
        func bucket(_ label: String, _ day: String, _ total: Int) -> TrendResponse.Bucket {
            let d = ArticleDate(iso: day)!
            return TrendResponse.Bucket(label: label, start: d, end: d, total: total)
        }
        return TrendResponse(
            period: .month,
            buckets: [bucket("2025-01", "2025-01-01", 10), bucket("2025-02", "2025-02-01", 0), bucket("2025-03", "2025-03-01", 10)],
            series: [.init(query: "oil", articles: [8, 0, 4], mentions: [8, 0, 4], undated: 0, unmatchedWords: []),
                     .init(query: "coffee", articles: [2, 0, 1], mentions: [2, 0, 1], undated: 0, unmatchedWords: [])],
            undatedArticles: 0)
    }()

    @Test func barsShareOneScaleAndAnEmptyPeriodSaysSo() {
        let lines = TrendPrinter(trend: Self.trend, mentions: false, colour: false).text()
        #expect(lines[1] == "Jan 2025  oil         8/10      80.0%  ████████████████████████")
        #expect(lines[2] == "          coffee      2/10      20.0%  ██████", "a quarter of oil's bar: 20% of 80%")
        #expect(lines[3] == "Feb 2025  oil         0/0           –", "under the % sign")
        #expect(lines[5] == "Mar 2025  oil         4/10      40.0%  ████████████")
    }

    /// A sparse period (1 of 2 articles, 50%) is marked, in light bars that take no part in the
    /// scale: the 40% of March keeps the full width, and a legend line says what ░ means.
    @Test func sparsePeriodsAreMarkedAndLeftOutOfTheScale() throws {
        var trend = Self.trend
        trend.buckets[1].total = 2
        trend.buckets[1].sparse = true
        trend.buckets[0].total = 40
        trend.series[0].articles[1] = 1
        trend.minimumArticles = 30
        let lines = TrendPrinter(trend: trend, mentions: false, colour: false).text()
        #expect(lines[1].hasPrefix("░ sparse: a month of fewer than 30 dated articles"))
        #expect(lines[2] == "Jan 2025  oil         8/40      20.0%  ████████████", "half of March's 40%")
        #expect(lines[4] == "Feb 2025  oil         1/2       50.0%  ░░░░░░░░░░░░░░░░░░░░░░░░ sparse", "at most the full width")
        #expect(lines[6] == "Mar 2025  oil         4/10      40.0%  ████████████████████████")
    }
}
