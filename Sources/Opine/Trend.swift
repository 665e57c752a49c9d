import Foundation
import OpineIndex
import OpineRanking
import OpineText

/// What `opine trend` asks: how often each query was discussed, period by period.
public struct TrendRequest: Sendable {
    /// Each one a whole query of the search language.
    public var queries: [String]
    /// Nil: chosen from the dates' span (``Period/suited(from:to:)``).
    public var period: Period?
    /// Count occurrences instead of articles.
    public var countsMentions = false
    public var since: ArticleDate?
    public var until: ArticleDate?
    public var authors: [String] = []
    public var outlets: [String] = []

    public init(queries: [String]) { self.queries = queries }
}

/// A trend: the periods, the dated articles of each (the denominator), and one series per query.
public struct TrendResponse: Sendable {
    public struct Bucket: Sendable {
        public var label: String
        public var start: ArticleDate
        /// The period's last day.
        public var end: ArticleDate
        /// Dated articles of the collection in the period (after --author/--outlet).
        public var total: Int
    }

    public struct Series: Sendable {
        public var query: String
        /// Matching articles per period (every clause, as `search -c`).
        public var articles: [Int]
        /// Occurrences of the query's words per period.
        public var mentions: [Int]
        /// Matching articles with no date: counted, never dropped.
        public var undated: Int
        public var unmatchedWords: [String]

        /// Share of the period's articles, Media Cloud's normalisation; nil when the period has
        /// no dated article (no data, which is not "never discussed").
        public func ratio(_ i: Int, totals: [Bucket]) -> Double? {
            totals[i].total == 0 ? nil : Double(articles[i]) / Double(totals[i].total)
        }
    }

    public var period: Period
    public var buckets: [Bucket]
    public var series: [Series]
    /// Articles of the collection with no date.
    public var undatedArticles: Int
}

extension Engine {
    /// Counts, for each query, the articles that match it (as `search -c` does) in each period,
    /// beside the period's dated articles: one read of each query's matches, one of the dates.
    ///
    /// - Complexity: O(m + p) per query for m matching passages and p periods.
    public func trend(_ request: TrendRequest) throws -> TrendResponse {
        try store.snapshot { snapshot in
            let dates = try snapshot.articleDates()
            var base = SearchRequest(query: "")
            (base.since, base.until, base.authors, base.outlets) = (request.since, request.until, request.authors, request.outlets)
            var collection = try SearchFilter(ParsedQuery(), titlePlan: nil, exclusionPlan: nil, base, in: snapshot)
            collection.existing = Set(try snapshot.articleIDsNewestFirst())
            let (period, buckets, undated) = try TrendBuckets.make(dates: dates, filter: collection, request: request)
            let compiler = QueryCompiler(parameters: RankingParameters())
            let series = try request.queries.map { text in
                var r = base
                r.query = text
                let query = try compiler.compile(text) { try snapshot.stems(ofWordsStartingWith: $0) }
                let filter = try SearchFilter(query, r, in: snapshot)
                return try TrendBuckets.count(query, text: text, filter: filter, dates: dates, period: period, buckets: buckets,
                                              snapshot: snapshot)
            }
            return TrendResponse(period: period, buckets: buckets, series: series, undatedArticles: undated)
        }
    }
}

/// Periods and counting for ``Engine/trend(_:)``.
enum TrendBuckets {
    /// The periods from the first to the last admitted date (empty ones included) with their
    /// dated articles, and the admitted articles with no date.
    static func make(dates: [Int32], filter: SearchFilter, request: TrendRequest) throws
        -> (Period, [TrendResponse.Bucket], Int)
    {
        var first = Int32.max
        var last = Int32.min
        var undated = 0
        for (id, d) in dates.enumerated() where filter.admitsIgnoringDates(Int64(id)) {
            if d == 0 {
                if filter.exists(Int64(id)) { undated += 1 }
                continue
            }
            guard filter.admits(Int64(id)) else { continue }
            first = min(first, d)
            last = max(last, d)
        }
        guard first <= last, let from = date(first), let to = date(last) else {
            throw EngineError.invalidParameter("no dated article to count (dates come from the articles' date lines and fields)")
        }
        let period = request.period ?? Period.suited(from: from, to: to)
        var buckets: [TrendResponse.Bucket] = []
        var start = period.start(of: request.since ?? from)
        let end = request.until ?? to
        while start <= end {
            buckets.append(.init(label: period.label(start), start: start, end: period.end(of: start), total: 0))
            if buckets.count > Period.maximumPeriods {
                throw EngineError.invalidParameter("more than \(Period.maximumPeriods) \(period.rawValue)s from \(from) to \(to); choose a longer period with --by")
            }
            // The last period Opine represents has no successor.
            guard let next = period.next(after: start) else { break }
            start = next
        }
        for (id, d) in dates.enumerated() where d != 0 && filter.admits(Int64(id)) {
            if let i = index(of: d, in: buckets) { buckets[i].total += 1 }
        }
        return (period, buckets, undated)
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
    /// filters, by period; mentions are the hits of its words.
    static func count(_ query: CompiledQuery, text: String, filter: SearchFilter, dates: [Int32], period: Period,
                      buckets: [TrendResponse.Bucket], snapshot: IndexSnapshot) throws -> TrendResponse.Series {
        var plan = query.plan
        plan.expression = plan.allClausesExpression
        let evidence = try snapshot.matchPassages(plan, positions: false)
        let all: UInt64 = plan.clauses.count >= 64 ? .max : (1 << UInt64(plan.clauses.count)) - 1
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
            let d = article < dates.count ? dates[Int(article)] : 0
            if d == 0 {
                series.undated += 1
            } else if filter.admits(article), let b = index(of: d, in: buckets) {
                series.articles[b] += 1
                series.mentions[b] += hits
            }
        }
        for (c, clause) in plan.clauses.enumerated() where try snapshot.count(matching: plan.clauseExpressions[c]) == 0 {
            series.unmatchedWords.append(clause.description)
        }
        return series
    }
}
