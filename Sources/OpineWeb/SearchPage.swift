import Opine
import OpineRanking

/// The results page: how many articles match, the words that matched nothing (with "did you
/// mean" links), the trend chart, the ranked articles with their marked snippets, paging.
struct SearchPage {
    let form: SearchForm
    let response: SearchResponse
    /// The trend chart as inline SVG (first page only), nil when there is none to draw.
    let trendSVG: String?

    /// The chart's widths: the column of a desktop's page (46rem less its padding), and a
    /// phone's, 320 so that its 12 px text is 11 px on the narrowest phones (a 294 px column)
    /// and 13.6 px at 390; the stylesheet shows one (`figure.trend`).
    static let wideChart = 700.0, narrowChart = 320.0

    /// Pages of results: every matched article (a partial match included), at most 1,000.
    var pageCount: Int {
        min(SearchForm.maximumPage, max(1, (response.matchedArticles + SearchForm.perPage - 1) / SearchForm.perPage))
    }

    func main() -> String {
        var out = "<section class=\"summary\">\n" + summary() + notices() + "</section>\n"
        if let trendSVG { out += "<figure class=\"trend\">\n\(trendSVG)</figure>\n" }
        if !response.results.isEmpty {
            out += "<ol class=\"results\">\n" + response.results.map(item).joined() + "</ol>\n" + pager()
        }
        return out
    }

    /// "12 articles match 'CPEC'" (every clause), and how many more match part of the query.
    func summary() -> String {
        let q = form.query.isEmpty ? "<q>the filters</q>" : SearchPage.echo(form.query)
        let complete = response.completeArticles
        var line = complete == 0 ? "No article matches \(q)" : "\(HTML.plural(complete, "article matches", "articles match")) \(q)"
        let partial = response.matchedArticles - complete
        if partial > 0 { line += "; \(HTML.plural(partial, "more matches", "more match")) part of it" }
        if pageCount > 1 { line += " · page \(form.page) of \(HTML.count(pageCount))" }
        return "<p class=\"count\">\(line).</p>\n"
    }

    /// Words no article has, each with a link to the query with its suggestion; what the
    /// filters left out when they left nothing.
    func notices() -> String {
        var out = ""
        for (word, suggestion) in response.unmatched {
            var line = "No article has <q>\(HTML.text(word))</q>"
            if let suggestion {
                let fixed = SearchPage.replacing(word, with: suggestion, in: form.query)
                line += " — did you mean <a href=\"/search?\(HTML.href(form.parameters(query: fixed)))\">\(HTML.text(suggestion))</a>?"
            }
            out += "<p class=\"notice\">\(line)</p>\n"
        }
        for m in response.throughStem {
            var line = "<q>\(HTML.text(m.word))</q> matched as <q>\(HTML.text(m.stem))…</q> in \(HTML.plural(m.articles, "article", "articles"))"
                + " (none has the word as written)"
            if let suggestion = m.suggestion {
                let fixed = SearchPage.replacing(m.word, with: suggestion, in: form.query)
                line += " — did you mean <a href=\"/search?\(HTML.href(form.parameters(query: fixed)))\">\(HTML.text(suggestion))</a>?"
            }
            out += "<p class=\"notice\">\(line)</p>\n"
        }
        for c in response.commonerSpellings {
            let fixed = SearchPage.replacing(c.word, with: c.suggestion, in: form.query)
            out += "<p class=\"notice\">\(HTML.plural(c.articles, "article has", "articles have")) <q>\(HTML.text(c.word))</q>"
                + " — did you mean <a href=\"/search?\(HTML.href(form.parameters(query: fixed)))\">\(HTML.text(c.suggestion))</a>"
                + " (\(HTML.plural(c.suggestionArticles, "article", "articles")))?</p>\n"
        }
        if let (articles, filters) = response.filteredOut {
            let none = HTML.text(filters.joined(separator: " and "))
            out += form.query.trimmingCharacters(in: .whitespaces).isEmpty ? "<p class=\"notice\">No article is \(none)</p>\n"
                : "<p class=\"notice\">\(HTML.plural(articles, "article matches", "articles match")) \(SearchPage.echo(form.query)); none is \(none)</p>\n"
        }
        return out
    }

    /// The query as the page repeats it: in quotation marks (`<q>`), unless it has its own
    /// (a phrase), which would be doubled (“"climate change"”): then as typed, in bold.
    static func echo(_ query: String) -> String {
        query.contains("\"") ? "<strong class=\"query\">\(HTML.text(query))</strong>" : "<q>\(HTML.text(query))</q>"
    }

    static func replacing(_ word: String, with suggestion: String, in query: String) -> String {
        guard let r = query.range(of: word) else { return suggestion }
        return query.replacingCharacters(in: r, with: suggestion)
    }

    func item(_ r: SearchResult) -> String {
        var out = ""
        if let first = response.firstPartial, response.results[first].rank == r.rank {
            out += "<li class=\"divider\" aria-hidden=\"true\">Articles with some of the words</li>\n"
        }
        let a = r.article
        out += """
            <li class="result" value="\(r.rank)">
            <h2><a href="\(HTML.articleLink(a.id, form: form, passage: r.passage.ordinal))">\(HTML.text(a.title.isEmpty ? "(untitled)" : a.title))</a></h2>
            <p class="meta">\(HTML.byline(authors: a.authors, outlet: a.bylineOutlet, date: a.date?.description))</p>

            """
        for s in r.snippets { out += "<p class=\"snippet\">\(HTML.marked(s.text, s.highlights))</p>\n" }
        return out + "</li>\n"
    }

    func pager() -> String {
        guard pageCount > 1 else { return "" }
        var links: [String] = []
        if form.page > 1 {
            links.append("<a rel=\"prev\" href=\"/search?\(HTML.href(form.parameters(page: form.page - 1)))\">← Previous</a>")
        }
        links.append("<span>Page \(form.page) of \(HTML.count(pageCount))</span>")
        if form.page < pageCount {
            links.append("<a rel=\"next\" href=\"/search?\(HTML.href(form.parameters(page: form.page + 1)))\">Next →</a>")
        }
        return "<nav class=\"pager\">" + links.joined(separator: " ") + "</nav>\n"
    }
}
