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
    /// A period with fewer dated articles than this is *sparse*: its share is shown, marked,
    /// and kept out of a chart's scale (`--min-articles`).
    public var minimumArticles = TrendRequest.defaultMinimumArticles

    /// 30: below it one article moves a period's share by more than three points; even at 30 a
    /// share of 10% has a 95% interval of 3–26% (Wilson). A collection of 166 saved pages had
    /// quarters of one article plotted as 100%.
    public static let defaultMinimumArticles = 30

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
        /// Fewer dated articles than the request's minimum: a share of them means little.
        public var sparse = false
    }

    public struct Series: Sendable {
        public var query: String
        /// Matching articles per period (every clause, as `search -c`).
        public var articles: [Int]
        /// Occurrences of the query's words per period.
        public var mentions: [Int]
        /// Matching articles with no date: counted, never dropped.
        public var undated: Int
        /// Matching dated articles outside the periods shown (strays, see ``TrendResponse/leftOut``).
        public var leftOut = 0
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
    /// Dated articles of the collection before the first period shown and after the last: a
    /// few strays far from the rest, left out so that they do not stretch the periods.
    public var leftOut = (before: 0, after: 0)
    /// The request's minimum of dated articles for a period not to be sparse.
    public var minimumArticles = TrendRequest.defaultMinimumArticles
    /// What was counted, as a chart's subtitle names it ("reuters-21578", "Corpus by 'Husain'").
    public var collection = ""

    /// Dated articles in the periods shown.
    public var datedArticles: Int { buckets.reduce(0) { $0 + $1.total } }
}

extension Engine {
    /// Counts, for each query, the articles that match it (as `search -c` does) in each period,
    /// beside the period's dated articles: one read of each query's matches, one of the dates.
    /// Strays far from the rest are left out, unless a query's every dated match is one of them
    /// (its trend would be empty): then the periods span every article.
    ///
    /// - Complexity: O(m + p) per query for m matching passages and p periods.
    public func trend(_ request: TrendRequest) throws -> TrendResponse {
        let roots = try store.roots()
        return try store.snapshot { snapshot in
            var response = try trend(request, leavingOutStrays: true, in: snapshot)
            if response.series.contains(where: { $0.leftOut > 0 && !$0.articles.contains { $0 > 0 } }) {
                response = try trend(request, leavingOutStrays: false, in: snapshot)
            }
            response.collection = TrendResponse.collectionName(roots: roots, request: request)
            return response
        }
    }

    func trend(_ request: TrendRequest, leavingOutStrays: Bool, in reader: some IndexReader) throws -> TrendResponse {
        let dates = try reader.articleDates()
        var base = SearchRequest(query: "")
        (base.since, base.until, base.authors, base.outlets) = (request.since, request.until, request.authors, request.outlets)
        var collection = try SearchFilter(ParsedQuery(), titlePlan: nil, exclusionPlan: nil, base, in: reader)
        try collection.resolve(in: reader)
        collection.existing = Set(try reader.articleIDsNewestFirst())
        var response = try TrendBuckets.make(dates: dates, filter: collection, request: request, leavingOutStrays: leavingOutStrays)
        let compiler = QueryCompiler(parameters: RankingParameters())
        response.series = try request.queries.map { text in
            var r = base
            r.query = text
            let query = try compiler.compile(text, reading: reader)
            var filter = try SearchFilter(query, r, in: reader)
            try filter.resolve(in: reader)
            return try TrendBuckets.count(query, text: text, filter: filter, dates: dates, buckets: response.buckets, reader: reader)
        }
        return response
    }
}
