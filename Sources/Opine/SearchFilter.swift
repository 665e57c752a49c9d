import OpineIndex
import OpineRanking
import OpineText

/// The articles a request's filters allow (dates, authors, title words) and exclude (`-word`).
///
/// A search hands the index the filter as a value (``articleFilter``), which it applies while
/// it reads. The paths that test ids one at a time (a listing, a trend, saying which filter
/// left nothing) first ``resolve(in:)`` it: the dates of every article and the excluded ids.
struct SearchFilter {
    var allowed: Set<Int64>?
    /// `-word` / `NOT word`: articles matching any of its clauses are left out.
    var exclusionPlan: MatchPlan?
    /// `yyyymmdd` bounds, checked against each article's date (undated articles never pass).
    var dateRange: ClosedRange<Int32>?
    /// Filled by ``resolve(in:)``.
    var excluded = Set<Int64>()
    var dates: [Int32] = []
    /// The ids of the index's articles, when a listing of undated ones needs them.
    var existing: Set<Int64>?
    var isEmpty: Bool { allowed == nil && exclusionPlan == nil && dateRange == nil }

    init() {}

    /// Each filter of `query` and `request` as a set of article ids, from indexed lookups.
    init(_ query: CompiledQuery, _ request: SearchRequest, in reader: some IndexReader) throws {
        try self.init(query.parsed, titlePlan: query.titlePlan, exclusionPlan: query.exclusionPlan, request, in: reader)
    }

    /// Authors are alternatives (`--author whelan --author torday`: either one's articles);
    /// outlets, dates and title words each restrict further.
    init(_ parsed: ParsedQuery, titlePlan: MatchPlan?, exclusionPlan: MatchPlan?, _ request: SearchRequest,
         in reader: some IndexReader) throws {
        if request.since != nil || request.until != nil {
            let low = request.since.map(IndexStore.dateKey) ?? 0
            let high = request.until.map(IndexStore.dateKey) ?? .max
            dateRange = low...max(low, high)
        }
        let authors = parsed.authors + request.authors
        if !authors.isEmpty {
            var ids = Set<Int64>()
            for author in authors { ids.formUnion(try reader.articleIDs(author: author)) }
            restrict(to: ids)
        }
        for outlet in request.outlets {
            restrict(to: try reader.articleIDs(outlet: outlet))
        }
        if let titlePlan {
            restrict(to: try reader.articleIDs(titleMatching: titlePlan))
        }
        self.exclusionPlan = exclusionPlan
    }

    mutating func restrict(to ids: Set<Int64>) { allowed = allowed.map { $0.intersection(ids) } ?? ids }

    /// The filter as the index applies it.
    var articleFilter: ArticleFilter { ArticleFilter(allowed: allowed, dateRange: dateRange, excluded: exclusionPlan) }

    /// Reads what testing ids one at a time needs: the articles' dates (with a date range) and
    /// the excluded ids.
    mutating func resolve(in reader: some IndexReader) throws {
        if dateRange != nil { dates = try reader.articleDates() }
        if let exclusionPlan { excluded = try reader.articleIDs(.anyClause(exclusionPlan)) }
    }

    /// The filters but the dates (an undated article is counted apart, not dropped).
    func admitsIgnoringDates(_ id: Int64) -> Bool {
        (allowed.map { $0.contains(id) } ?? true) && !excluded.contains(id)
    }

    /// True when `id` is an article of the index (the dates blob has a slot for every id).
    func exists(_ id: Int64) -> Bool { existing.map { $0.contains(id) } ?? true }

    /// Whether the (resolved) filter admits `id`.
    func admits(_ id: Int64) -> Bool {
        if let range = dateRange {
            guard id >= 0, id < dates.count, dates[Int(id)] != 0, range.contains(dates[Int(id)]) else { return false }
        }
        return (allowed.map { $0.contains(id) } ?? true) && !excluded.contains(id)
    }

    func apply(_ evidence: inout [PassageEvidence]) {
        if !isEmpty { evidence.removeAll { !admits($0.articleID) } }
    }
}
