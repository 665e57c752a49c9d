import OpineIndex
import OpineRanking
import OpineText

/// The filters of a request one at a time, to say which of them leaves nothing: `--author
/// Trump` alone said "no results for ''".
extension SearchFilter {
    /// Each filter of `query` and `request` on its own (the authors together, being
    /// alternatives), named for a sentence: "by 'Nobody'", "from 'Dawn'", "dated … to …".
    static func parts(_ parsed: ParsedQuery, titlePlan: MatchPlan?, exclusionPlan: MatchPlan?, _ request: SearchRequest,
                      in reader: some IndexReader) throws -> [(name: String, filter: SearchFilter)] {
        var out: [(name: String, filter: SearchFilter)] = []
        let authors = parsed.authors + request.authors
        if !authors.isEmpty {
            var f = SearchFilter()
            var ids = Set<Int64>()
            for author in authors { ids.formUnion(try reader.articleIDs(author: author)) }
            f.restrict(to: ids)
            out.append(("by " + authors.map(EngineError.quoted).joined(separator: " or "), f))
        }
        for outlet in request.outlets {
            var f = SearchFilter()
            f.restrict(to: try reader.articleIDs(outlet: outlet))
            out.append(("from " + EngineError.quoted(outlet), f))
        }
        if request.since != nil || request.until != nil {
            var dated = request
            (dated.authors, dated.outlets) = ([], [])
            var f = try SearchFilter(ParsedQuery(), titlePlan: nil, exclusionPlan: nil, dated, in: reader)
            try f.resolve(in: reader)
            out.append(("dated \(request.since?.description ?? "…") to \(request.until?.description ?? "…")", f))
        }
        if let titlePlan {
            var f = SearchFilter()
            f.restrict(to: try reader.articleIDs(titleMatching: titlePlan))
            out.append(("titled " + EngineError.quoted(parsed.titleClauses.map(\.description).joined(separator: " ")), f))
        }
        if let exclusionPlan {
            var f = SearchFilter()
            f.excluded = try reader.articleIDs(.anyClause(exclusionPlan))
            out.append(("without " + EngineError.quoted(parsed.exclusions.map(\.description).joined(separator: " ")), f))
        }
        return out
    }

    /// The names of the filters that on their own admit none of `ids`; when each admits some
    /// and only together they admit none, all of them.
    static func leavingNothing(_ parts: [(name: String, filter: SearchFilter)], of ids: [Int64]) -> [String] {
        let empty = parts.filter { part in !ids.contains(where: part.filter.admits) }.map(\.name)
        return empty.isEmpty ? parts.map(\.name) : empty
    }
}
