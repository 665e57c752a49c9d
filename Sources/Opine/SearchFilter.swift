import OpineIndex
import OpineRanking
import OpineText

/// The articles a request's filters allow (dates, authors, title words) and exclude (`-word`).
struct SearchFilter {
    var allowed: Set<Int64>?
    var excluded = Set<Int64>()
    /// `yyyymmdd` bounds, checked against each article's date (undated articles never pass).
    var dateRange: ClosedRange<Int32>?
    var dates: [Int32] = []
    /// The ids of the index's articles, when a listing of undated ones needs them.
    var existing: Set<Int64>?
    var isEmpty: Bool { allowed == nil && excluded.isEmpty && dateRange == nil }

    init() {}

    /// Each filter of `query` and `request` as a set of article ids, from indexed lookups.
    init(_ query: CompiledQuery, _ request: SearchRequest, in snapshot: IndexSnapshot) throws {
        try self.init(query.parsed, titlePlan: query.titlePlan, exclusionPlan: query.exclusionPlan, request, in: snapshot)
    }

    /// Authors are alternatives (`--author whelan --author torday`: either one's articles);
    /// outlets, dates and title words each restrict further.
    init(_ parsed: ParsedQuery, titlePlan: MatchPlan?, exclusionPlan: MatchPlan?, _ request: SearchRequest,
         in snapshot: IndexSnapshot) throws {
        if request.since != nil || request.until != nil {
            let low = request.since.map(IndexStore.dateKey) ?? 0
            let high = request.until.map(IndexStore.dateKey) ?? .max
            dateRange = low...max(low, high)
            dates = try snapshot.articleDates()
        }
        let authors = parsed.authors + request.authors
        if !authors.isEmpty {
            var ids = Set<Int64>()
            for author in authors { ids.formUnion(try snapshot.articleIDs(author: author)) }
            restrict(to: ids)
        }
        for outlet in request.outlets {
            restrict(to: try snapshot.articleIDs(outlet: outlet))
        }
        if let titlePlan {
            restrict(to: try snapshot.articleIDs(titleMatching: titlePlan))
        }
        if let exclusionPlan {
            excluded = try snapshot.articleIDs(matching: exclusionPlan.expression)
        }
    }

    mutating func restrict(to ids: Set<Int64>) { allowed = allowed.map { $0.intersection(ids) } ?? ids }

    /// The filters but the dates (an undated article is counted apart, not dropped).
    func admitsIgnoringDates(_ id: Int64) -> Bool {
        (allowed.map { $0.contains(id) } ?? true) && !excluded.contains(id)
    }

    /// True when `id` is an article of the index (the dates blob has a slot for every id).
    func exists(_ id: Int64) -> Bool { existing.map { $0.contains(id) } ?? true }

    func admits(_ id: Int64) -> Bool {
        if let range = dateRange {
            guard id >= 0, id < dates.count, dates[Int(id)] != 0, range.contains(dates[Int(id)]) else { return false }
        }
        return (allowed.map { $0.contains(id) } ?? true) && !excluded.contains(id)
    }

    func apply(_ evidence: inout [PassageEvidence]) {
        if !isEmpty { evidence.removeAll { !admits($0.articleID) } }
    }

    func admitted(_ ids: Set<Int64>) -> Set<Int64> { isEmpty ? ids : ids.filter(admits) }
}
