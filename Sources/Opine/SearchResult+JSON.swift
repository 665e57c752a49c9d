import OpineRender

extension ArticleSummary {
    /// The article's fields in every JSON object that names an article (search results,
    /// `show`, `parse`), the path as the front end shows it.
    func addFields(to o: inout JSONObject, path: String) {
        o.add("id", id)
        o.add("path", path)
        o.add("title", title)
        o.add("authors", strings: authors)
        o.add("date", date?.description)
        o.add("outlet", outlet.isEmpty ? nil : outlet)
        o.add("url", url)
        if let recordFile, let identity = recordIdentity {
            // A dataset's record: the file that exists, and the record's identity in it.
            o.add("file", recordFile)
            o.add("record", identity)
        }
    }
}

extension SearchResult {
    /// One JSON Lines object (fields in the README), the path as the front end shows it.
    /// `unmatched`: the words of the query no article has, each with its suggestion (or null).
    public func json(path: String, explain: Bool, unmatched: [(word: String, suggestion: String?)] = []) -> String {
        var o = JSONObject()
        o.add("rank", rank)
        o.add("score", score)
        article.addFields(to: &o, path: path)
        o.add("passage", passage.text)
        o.add("passage_kind", passage.kind.description)
        o.add("passage_ordinal", passage.ordinal)
        o.add("passage_range", raw: JSONObject.range(passage.range))
        let first = snippets.first
        o.add("snippet", first?.text ?? "")
        o.add("highlights", raw: JSONObject.ranges(first?.highlights ?? []))
        if snippets.count > 1 {
            let all = snippets.map { s -> String in
                var so = JSONObject()
                so.add("text", s.text)
                so.add("highlights", raw: JSONObject.ranges(s.highlights))
                return so.text
            }
            o.add("snippets", raw: "[" + all.joined(separator: ",") + "]")
        }
        o.add("complete", isComplete)
        if explain { o.add("explanation", raw: explanationJSON) }
        if !unmatched.isEmpty { o.add("unmatched", raw: SearchResult.json(unmatched: unmatched)) }
        return o.text
    }

    /// `[{"word": …, "suggestion": … or null}, …]`.
    public static func json(unmatched: [(word: String, suggestion: String?)]) -> String {
        "[" + unmatched.map { u -> String in
            var o = JSONObject()
            o.add("word", u.word)
            o.add("suggestion", u.suggestion)
            return o.text
        }.joined(separator: ",") + "]"
    }

    var explanationJSON: String {
        let e = explanation
        var x = JSONObject()
        x.add("article_bm25", e.articleBM25)
        x.add("bm25", e.bm25)
        x.add("proximity", e.proximity)
        x.add("window", e.proximityDetail.window ?? -1)
        x.add("pair_distances", raw: "[" + e.proximityDetail.pairDistances.map(String.init).joined(separator: ",") + "]")
        x.add("closeness", e.proximityDetail.closeness)
        x.add("phrase", e.phrase)
        x.add("other_passages", e.extraPassages)
        x.add("head", e.headMatch)
        x.add("matched_clauses", e.matchedClauses)
        x.add("total_clauses", e.totalClauses)
        return x.text
    }
}
