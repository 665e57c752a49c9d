import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Opine
import OpineRender
import OpineText

struct PeriodTests {
    @Test(arguments: [
        (Period.day, "1987-03-06", "1987-03-06", "1987-03-06"),
        (.week, "1987-03-06", "1987-03-02", "1987-W10"),  // a Friday; its ISO week starts Monday the 2nd
        (.week, "2021-01-01", "2020-12-28", "2020-W53"),  // ISO year differs from the calendar year
        (.month, "1987-03-06", "1987-03-01", "1987-03"),
        (.quarter, "1987-08-19", "1987-07-01", "1987-Q3"),
        (.year, "1987-08-19", "1987-01-01", "1987"),
    ] as [(Period, String, String, String)])
    func startsAndLabels(_ period: Period, _ day: String, _ start: String, _ label: String) throws {
        let date = try #require(ArticleDate(iso: day))
        let s = period.start(of: date)
        #expect(s.description == start)
        #expect(period.label(s) == label)
    }

    @Test func nextPeriods() throws {
        #expect(Period.month.next(after: ArticleDate(iso: "1987-12-01")!)?.description == "1988-01-01")
        #expect(Period.week.next(after: ArticleDate(iso: "1987-12-28")!)?.description == "1988-01-04")
        #expect(Period.quarter.next(after: ArticleDate(iso: "1987-10-01")!)?.description == "1988-01-01")
        #expect(Period.day.next(after: ArticleDate(iso: "1988-02-28")!)?.description == "1988-02-29")
    }

    /// Regression: `Period` force-unwrapped `ArticleDate(...)` and trapped on an article dated
    /// in 2999 (`opine trend --by year`, and the server's results page) or near 1000 (`--by week`).
    @Test(arguments: Period.allCases)
    func periodsSaturateAtTheEndsOfTheRepresentedYears(_ period: Period) throws {
        let first = try #require(ArticleDate(iso: "1000-01-01"))
        let last = try #require(ArticleDate(iso: "2999-12-31"))
        // 1000-01-01 was a Wednesday (proleptic Gregorian): its week is held at that day.
        #expect(period.start(of: first) == first)
        #expect(period.next(after: period.start(of: last)) == nil)
        #expect(period.end(of: period.start(of: last)) == last)
        let expectedSecond = ["day": "1000-01-02", "week": "1000-01-06", "month": "1000-02-01", "quarter": "1000-04-01", "year": "1001-01-01"]
        #expect(period.next(after: first)?.description == expectedSecond[period.rawValue])
        let mid = try #require(ArticleDate(iso: "2999-06-01"))
        let expectedLast = ["day": "2999-06-01", "week": "2999-05-27", "month": "2999-06-01", "quarter": "2999-04-01", "year": "2999-01-01"]
        #expect(period.start(of: mid).description == expectedLast[period.rawValue])
        _ = period.label(period.start(of: last))
        _ = period.label(first)
    }

    @Test func suitedPeriodFollowsTheSpan() throws {
        func suited(_ a: String, _ b: String) -> Period { Period.suited(from: ArticleDate(iso: a)!, to: ArticleDate(iso: b)!) }
        #expect(suited("2025-01-01", "2025-01-20") == .day)
        #expect(suited("2025-01-01", "2025-04-01") == .week)
        #expect(suited("1987-02-26", "1987-10-20") == .month)
        #expect(suited("2000-01-01", "2015-01-01") == .quarter)
        #expect(suited("1950-01-01", "2025-01-01") == .year)
    }
}

struct TrendTests {
    /// 120 articles over four months; "oil" in every third, "coffee" in every fifth, some undated.
    static func corpus() throws -> (String, Engine) {
        let folder = NSTemporaryDirectory() + "/opine-trend-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/docs", withIntermediateDirectories: true)
        for i in 0..<120 {
            let words = (i % 3 == 0 ? "oil prices rose " : "markets were calm ") + (i % 5 == 0 ? "and coffee fell" : "and nothing else")
            let date = i % 17 == 0 ? "" : String(format: "2025-%02d-%02d", 1 + i % 4, 1 + i % 28)
            try "Report \(i)\n\(date)\n\nToday \(words), analysts said.".write(toFile: folder + "/docs/a\(i).txt", atomically: false, encoding: .utf8)
        }
        let engine = try Engine(indexPath: folder + "/i.sqlite")
        _ = try engine.index(roots: [folder + "/docs"], clock: { 0 })
        return (folder, engine)
    }

    /// Each period's count is `search -c` with that period as --since/--until (an independent path).
    @Test func eachPeriodEqualsACountedSearch() throws {
        let (folder, engine) = try Self.corpus()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var request = TrendRequest(queries: ["oil", "coffee", "\"oil prices\" -coffee"])
        request.period = .month
        let trend = try engine.trend(request)
        #expect(trend.buckets.map(\.label) == ["2025-01", "2025-02", "2025-03", "2025-04"])
        for s in trend.series {
            for (i, b) in trend.buckets.enumerated() {
                var count = SearchRequest(query: s.query, limit: 0)
                count.since = b.start
                count.until = b.end
                #expect(try engine.search(count).completeArticles == s.articles[i], "\(s.query) \(b.label)")
            }
        }
        // Totals: the dated articles of each month (120 minus 8 undated, over four months).
        #expect(trend.buckets.map(\.total).reduce(0, +) == 120 - 8)
        #expect(trend.undatedArticles == 8)
        // Undated matches are counted apart: a0, a51, a102 hold oil (i % 17 == 0 and i % 3 == 0).
        #expect(trend.series[0].undated == 3)
    }

    @Test func badRequestsSaySo() throws {
        let (folder, engine) = try Self.corpus()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: EngineError.self) { try engine.trend(TrendRequest(queries: ["—"])) }
        var tooFine = TrendRequest(queries: ["oil"])
        tooFine.period = .day
        tooFine.since = ArticleDate(iso: "1900-01-01")
        #expect(throws: EngineError.self) { try engine.trend(tooFine) }
    }

    /// Regression: an article dated 2999-06-01 (a typo in a page's meta) trapped `opine trend`
    /// and took the server down with it. Every period answers, or refuses with advice.
    @Test func articlesAtTheEndsOfTheRepresentedYearsAreCounted() throws {
        let folder = NSTemporaryDirectory() + "/opine-ends-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (n, date) in ["1000-01-01", "2999-06-01", "2999-12-31"].enumerated() {
            try "---\ntitle: Note \(n)\ndate: \(date)\n---\n\nCPEC again.".write(toFile: folder + "/n\(n).md", atomically: false, encoding: .utf8)
        }
        let engine = try Engine(indexPath: folder + "/i.sqlite")
        _ = try engine.index(roots: [folder], clock: { 0 })
        var answered = 0
        for period in [nil] + Period.allCases.map(Optional.some) {
            var request = TrendRequest(queries: ["CPEC"])
            request.period = period
            do {
                let trend = try engine.trend(request)
                #expect(trend.series[0].articles.reduce(0, +) == 3, "\(trend.period)")
                #expect(trend.buckets.last?.end.description == "2999-12-31")
                answered += 1
            } catch let error as EngineError {
                #expect(error.description.contains("choose a longer period"), "\(error)")
            }
        }
        #expect(answered == 2, "by year, and the period chosen from the span (year)")
        var late = TrendRequest(queries: ["CPEC"])
        (late.period, late.since) = (.week, ArticleDate(iso: "2999-01-01"))
        let weeks = try engine.trend(late)
        #expect(weeks.series[0].articles.reduce(0, +) == 2)
        #expect(weeks.buckets.last?.start.description == "2999-12-30")
        var early = TrendRequest(queries: ["CPEC"])
        (early.period, early.until) = (.day, ArticleDate(iso: "1000-01-10"))
        #expect(try engine.trend(early).buckets.first?.start.description == "1000-01-01")
    }

    /// A month with no dated article is no data, not "never discussed": no ratio (an empty CSV
    /// field, JSON null), a gap in the chart's line; smoothing pools the window's articles.
    @Test func aPeriodWithoutArticlesIsAGapNotAZero() throws {
        let folder = NSTemporaryDirectory() + "/opine-gap-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (n, (date, text)) in [("2025-01-10", "oil"), ("2025-01-20", "calm"), ("2025-03-05", "oil"), ("2025-04-05", "oil"),
                                  ("2025-04-06", "calm")].enumerated() {
            try "Note \(n)\n\(date)\n\nMarkets: \(text).".write(toFile: folder + "/n\(n).txt", atomically: false, encoding: .utf8)
        }
        let engine = try Engine(indexPath: folder + "/i.sqlite")
        _ = try engine.index(roots: [folder], clock: { 0 })
        var request = TrendRequest(queries: ["oil"])
        request.period = .month
        request.minimumArticles = 0
        let trend = try engine.trend(request)
        #expect(trend.buckets.map(\.label) == ["2025-01", "2025-02", "2025-03", "2025-04"])
        #expect(trend.buckets.map(\.total) == [2, 0, 1, 2])
        #expect(trend.table(mentions: false).map { $0[6] } == ["0.500000", "", "1.000000", "0.500000"])
        #expect(trend.jsonLines(mentions: false)[1].contains(#""ratio":null"#))
        let chart = trend.chart(mentions: false, smooth: 2)
        #expect(chart.series[0].points.map(\.value) == [0.5, nil, 1.0, 2.0 / 3.0], "March alone; April pooled with March: 2 of 3 articles")
        let svg = chart.svg()
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 1, "one line, March to April; January stands alone")
        #expect(svg.components(separatedBy: "r=\"2.6\"").count - 1 == 3, "a dot per month with data")
    }
}

/// Issue 24: counts beside shares, sparse periods, strays far from the rest.
struct TrendSparseTests {
    /// Writes one dated note per entry of `dates` (text "oil" where `oil` holds), and indexes them.
    static func engine(_ dates: [String], oil: (Int) -> Bool) throws -> (String, Engine) {
        let folder = NSTemporaryDirectory() + "/opine-sparse-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/docs", withIntermediateDirectories: true)
        for (n, date) in dates.enumerated() {
            try "Note \(n)\n\(date)\n\nMarkets: \(oil(n) ? "oil" : "calm").".write(toFile: folder + "/docs/n\(n).txt", atomically: false, encoding: .utf8)
        }
        let engine = try Engine(indexPath: folder + "/i.sqlite")
        _ = try engine.index(roots: [folder + "/docs"], clock: { 0 })
        return (folder, engine)
    }

    /// At a minimum of 3, January's 3 articles are not sparse, February's 2 are: JSON rows say
    /// so with a boolean, CSV with true/false, beside the counts.
    @Test func rowsSayWhichPeriodsAreSparse() throws {
        let (folder, engine) = try Self.engine(["2025-01-05", "2025-01-06", "2025-01-07", "2025-02-03", "2025-02-04"], oil: { $0 % 2 == 0 })
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var request = TrendRequest(queries: ["oil"])
        request.period = .month
        request.minimumArticles = 3
        let trend = try engine.trend(request)
        #expect(trend.buckets.map(\.sparse) == [false, true])
        let json = trend.jsonLines(mentions: false)
        #expect(json[0].contains(#""articles":2,"total":3"#) && json[0].contains(#""sparse":false"#))
        #expect(json[1].contains(#""articles":1,"total":2"#) && json[1].contains(#""sparse":true"#))
        #expect(trend.csv(mentions: false) == ["query,period,start,end,articles,total,ratio,sparse",
                                               "oil,2025-01,2025-01-01,2025-01-31,2,3,0.666667,false",
                                               "oil,2025-02,2025-02-01,2025-02-28,1,2,0.500000,true"])
    }

    /// The default minimum is documented as 30: 29 articles in a month are sparse, 30 are not.
    @Test func theDefaultMinimumIsThirty() throws {
        let dates = (0..<29).map { String(format: "2025-01-%02d", $0 % 28 + 1) } + (0..<30).map { String(format: "2025-02-%02d", $0 % 28 + 1) }
        let (folder, engine) = try Self.engine(dates, oil: { $0 % 3 == 0 })
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var request = TrendRequest(queries: ["oil"])
        request.period = .month
        let trend = try engine.trend(request)
        #expect(trend.buckets.map(\.total) == [29, 30])
        #expect(trend.buckets.map(\.sparse) == [true, false])
    }

    /// Two articles of December 2016 before forty of August to December 2017: the months start
    /// in August 2017, and the two are counted (one of them matches), never silently dropped.
    @Test func straysFarFromTheRestAreLeftOutAndCounted() throws {
        let dates = ["2016-12-01", "2016-12-02"] + (0..<40).map { String(format: "2017-%02d-%02d", 8 + $0 % 5, 1 + $0 % 28) }
        let (folder, engine) = try Self.engine(dates, oil: { $0 == 0 || $0 % 4 == 0 })
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var request = TrendRequest(queries: ["oil"])
        request.period = .month
        let trend = try engine.trend(request)
        #expect(trend.buckets.map(\.label) == ["2017-08", "2017-09", "2017-10", "2017-11", "2017-12"])
        #expect(trend.leftOut.before == 2 && trend.leftOut.after == 0)
        #expect(trend.series[0].leftOut == 1, "note 0 of 2016 holds oil")
        #expect(trend.chart(mentions: false).notes.contains("Left out, far from the rest: 2 dated articles before Aug 2017 (a range of dates shows them)."))
        // --since 2016-12-01 asks for them: kept.
        request.since = ArticleDate(iso: "2016-12-01")
        let asked = try engine.trend(request)
        #expect(asked.buckets.first?.label == "2016-12" && asked.leftOut.before == 0)
    }

    /// The chart names its queries, its collection and its count of dated articles.
    @Test func theChartNamesWhatItCounts() throws {
        let (folder, engine) = try TrendTests.corpus()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var request = TrendRequest(queries: ["oil", "coffee"])
        request.period = .month
        let chart = try engine.trend(request).chart(mentions: false)
        #expect(chart.title == "‘oil’ and ‘coffee’")
        // 120 notes, 8 undated: 112 dated; the folder indexed is `docs`, named by its parent.
        let collection = (folder as NSString).lastPathComponent
        #expect(chart.subtitle == "Share of the 112 dated articles of \(collection) matching each query, per month, Jan–Apr 2025")
        #expect(chart.labels.map(\.full) == ["Jan 2025", "Feb 2025", "Mar 2025", "Apr 2025"])
    }
}

struct TrendRangeTests {
    @Test func anEvenCollectionKeepsEveryArticle() {
        let days = Array(0..<400)
        #expect(TrendRange.core(days) == 0...399)
    }

    @Test func straysAtEitherEndAreLeftOut() {
        // 100 articles over days 1000…1099; two at days 0 and 5, one at day 2000.
        let days = [0, 5] + Array(1000..<1100) + [2000]
        #expect(TrendRange.core(days) == 2...101)
        #expect(TrendRange.core(days, keepFirst: true) == 0...101)
        #expect(TrendRange.core(days, keepFirst: true, keepLast: true) == 0...102)
    }

    /// Below 20 articles, or more strays than 5% of them, nothing is left out.
    @Test func onlyAFewAreEverLeftOut() {
        #expect(TrendRange.core([0] + Array(1000..<1010)) == 0...10)
        let many = Array(0..<6) + Array(1000..<1094)  // 6 of 100 far before: more than 5
        #expect(TrendRange.core(many)?.lowerBound == 0)
    }
}

struct PeriodLabelTests {
    @Test(arguments: [
        (Period.day, "1987-03-06", "Mar 6, 1987", "Mar 6"),
        (.week, "1987-03-02", "Mar 2, 1987", "Mar 2"),
        (.month, "1987-03-01", "Mar 1987", "Mar"),
        (.quarter, "1987-07-01", "Q3 1987", "Q3"),
        (.year, "1987-01-01", "1987", "1987"),
    ] as [(Period, String, String, String)])
    func readableLabels(_ period: Period, _ start: String, _ full: String, _ short: String) throws {
        let date = try #require(ArticleDate(iso: start))
        #expect(period.readableLabel(date) == full)
        #expect(period.axisLabel(date).short == short)
    }

    /// Ordinals count periods, so that every third month is January, April, July, October.
    @Test func ordinalsFallOnRoundBoundaries() throws {
        let april = try #require(ArticleDate(iso: "1987-04-01"))
        #expect(Period.month.ordinal(april) % 3 == 0)
        #expect(Period.week.ordinal(try #require(ArticleDate(iso: "1987-03-09"))) - Period.week.ordinal(try #require(ArticleDate(iso: "1987-03-02"))) == 1)
    }
}

extension TrendSparseTests {
    /// A query whose only dated match is a stray keeps it: the periods span every article
    /// (else its trend would be empty, and the web page drew no chart).
    @Test func aQueryFoundOnlyInStraysKeepsThem() throws {
        let dates = ["2016-12-01"] + (0..<40).map { String(format: "2017-%02d-%02d", 8 + $0 % 5, 1 + $0 % 28) }
        let (folder, engine) = try Self.engine(dates, oil: { $0 == 0 })
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var request = TrendRequest(queries: ["oil"])
        request.period = .month
        let trend = try engine.trend(request)
        #expect(trend.buckets.first?.label == "2016-12" && trend.leftOut.before == 0)
        #expect(trend.series[0].articles.first == 1)
    }
}
