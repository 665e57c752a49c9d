import Opine
import OpineRender

/// The JSON API: the CLI's JSON fields, wrapped in one object per answer.
enum APIResponses {
    /// `/api/search`: the page of results as `opine search --json` writes each, with the counts.
    static func search(_ response: SearchResponse, form: SearchForm, explain: Bool) -> String {
        var o = JSONObject()
        o.add("query", form.query)
        o.add("page", form.page)
        o.add("per_page", SearchForm.perPage)
        o.add("matching_articles", response.completeArticles)
        o.add("matched_articles", response.matchedArticles)
        o.add("unmatched", raw: SearchResult.json(unmatched: response.unmatched))
        o.add("commoner_spellings", raw: "[" + response.commonerSpellings.map { c in
            var s = JSONObject()
            s.add("word", c.word)
            s.add("articles", c.articles)
            s.add("suggestion", c.suggestion)
            s.add("suggestion_articles", c.suggestionArticles)
            return s.text
        }.joined(separator: ",") + "]")
        o.add("matched_by_stem", raw: "[" + response.throughStem.map { m in
            var s = JSONObject()
            s.add("word", m.word)
            s.add("stem", m.stem)
            s.add("articles", m.articles)
            s.add("suggestion", m.suggestion)
            return s.text
        }.joined(separator: ",") + "]")
        let results = response.results.map { $0.json(path: $0.article.path, explain: explain) }
        o.add("results", raw: "[" + results.joined(separator: ",") + "]")
        return o.text
    }

    /// `/api/trend`: `opine trend --json`'s rows, with the period, the undated articles, the
    /// minimum of a period that is not sparse, and the strays left out before and after.
    static func trend(_ trend: TrendResponse, mentions: Bool) -> String {
        var o = JSONObject()
        o.add("period", trend.period.rawValue)
        o.add("undated_articles", trend.undatedArticles)
        o.add("min_articles", trend.minimumArticles)
        o.add("left_out_before", trend.leftOut.before)
        o.add("left_out_after", trend.leftOut.after)
        o.add("rows", raw: "[" + trend.jsonLines(mentions: mentions).joined(separator: ",") + "]")
        let words = trend.series.flatMap { s in s.unmatchedWords.map { (s.query, $0) } }
        o.add("unmatched", raw: "[" + words.map { w in
            var u = JSONObject()
            u.add("query", w.0)
            u.add("word", w.1)
            return u.text
        }.joined(separator: ",") + "]")
        return o.text
    }

    /// `<`, `>` and `&` as JSON escapes: the same JSON, and never markup.
    static func markupSafe(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }

    static func error(_ message: String) -> String {
        var o = JSONObject()
        o.add("error", message)
        return o.text
    }
}
