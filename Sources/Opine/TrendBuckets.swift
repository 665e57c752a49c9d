import OpineIndex
import OpineRanking
import OpineText

/// Periods and counting for ``Engine/trend(_:)``.
enum TrendBuckets {
    /// The periods over the admitted dates (empty ones included, a few strays at either end
    /// left out and counted) with their dated articles, and the admitted articles with no date.
    static func make(dates: [Int32], filter: SearchFilter, request: TrendRequest, leavingOutStrays: Bool = true) throws -> TrendResponse {
        var days: [Int] = []
        var undated = 0
        for (id, d) in dates.enumerated() where filter.admitsIgnoringDates(Int64(id)) {
            if d == 0 {
                if filter.exists(Int64(id)) { undated += 1 }
            } else if filter.admits(Int64(id)), let date = date(d) {
                days.append(Period.dayNumber(date))
            }
        }
        days.sort()
        guard let core = TrendRange.core(days, keepFirst: !leavingOutStrays || request.since != nil,
                                         keepLast: !leavingOutStrays || request.until != nil) else {
            throw EngineError.invalidParameter("no dated article to count (dates come from the articles' date lines and fields)")
        }
        let (from, to) = (Period.date(dayNumber: days[core.lowerBound]), Period.date(dayNumber: days[core.upperBound]))
        let period = request.period ?? Period.suited(from: from, to: to)
        var buckets = try periods(period, from: request.since ?? from, to: request.until ?? to)
        for (id, d) in dates.enumerated() where d != 0 && filter.admits(Int64(id)) {
            if let i = index(of: d, in: buckets) { buckets[i].total += 1 }
        }
        for i in buckets.indices { buckets[i].sparse = buckets[i].total < request.minimumArticles }
        var response = TrendResponse(period: period, buckets: buckets, series: [], undatedArticles: undated)
        response.minimumArticles = request.minimumArticles
        if let first = buckets.first, let last = buckets.last {
            let (start, end) = (Period.dayNumber(first.start), Period.dayNumber(last.end))
            response.leftOut = (days.prefix { $0 < start }.count, days.reversed().prefix { $0 > end }.count)
        }
        return response
    }

    /// The periods from the one holding `from` to the one holding `to`, with no articles yet.
    static func periods(_ period: Period, from: ArticleDate, to end: ArticleDate) throws -> [TrendResponse.Bucket] {
        var buckets: [TrendResponse.Bucket] = []
        var start = period.start(of: from)
        while start <= end {
            buckets.append(.init(label: period.label(start), start: start, end: period.end(of: start), total: 0))
            if buckets.count > Period.maximumPeriods {
                throw EngineError.invalidParameter("more than \(Period.maximumPeriods) \(period.rawValue)s from \(from) to \(end); choose a longer period with --by")
            }
            // The last period Opine represents has no successor.
            guard let next = period.next(after: start) else { break }
            start = next
        }
        return buckets
    }

    static func date(_ key: Int32) -> ArticleDate? {
        ArticleDate(year: Int(key / 10_000), month: Int(key / 100 % 100), day: Int(key % 100))
    }

    /// The bucket holding the `yyyymmdd` date `key` (binary search over the starts).
    static func index(of key: Int32, in buckets: [TrendResponse.Bucket]) -> Int? {
        guard let d = date(key) else { return nil }
        var lo = 0
        var hi = buckets.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if d < buckets[mid].start { hi = mid - 1 } else if buckets[mid].end < d { lo = mid + 1 } else { return mid }
        }
        return nil
    }

    /// One query's series: its complete matches (every clause in the article), admitted by the
    /// filters, by period; mentions are the hits of its words. A match dated outside the
    /// periods (a stray left out) is counted in `leftOut`.
    static func count(_ query: CompiledQuery, text: String, filter: SearchFilter, dates: [Int32],
                      buckets: [TrendResponse.Bucket], reader: some IndexReader) throws -> TrendResponse.Series {
        let plan = query.plan
        let evidence = try reader.evidence(.everyClause(plan), positions: false)
        let all = PassageEvidence.allClauses(plan.clauses.count)
        var series = TrendResponse.Series(query: text, articles: Array(repeating: 0, count: buckets.count),
                                          mentions: Array(repeating: 0, count: buckets.count), undated: 0, unmatchedWords: [])
        var i = 0
        while i < evidence.count {
            let article = evidence[i].articleID
            var mask: UInt64 = 0
            var hits = 0
            while i < evidence.count && evidence[i].articleID == article {
                mask |= evidence[i].matchedMask
                hits += Int(evidence[i].phraseHits.reduce(0, +))
                i += 1
            }
            guard mask & all == all, filter.admitsIgnoringDates(article) else { continue }
            let d = article >= 0 && article < dates.count ? dates[Int(article)] : 0
            if d == 0 {
                series.undated += 1
            } else if filter.admits(article) {
                if let b = index(of: d, in: buckets) {
                    series.articles[b] += 1
                    series.mentions[b] += hits
                } else {
                    series.leftOut += 1
                }
            }
        }
        let counts = try reader.counts(plan.clauses.indices.map { .clause(plan, $0) })
        for (c, clause) in plan.clauses.enumerated() where c < counts.count && counts[c] == 0 {
            series.unmatchedWords.append(clause.description)
        }
        return series
    }
}
