import Opine
import OpineText

/// The handlers behind each address.
extension WebApp {
    func home(_ r: WebRequest) throws -> WebResponse {
        let form = try SearchForm(r)
        if !form.isEmpty { return try searchPage(r) }
        let main = """
            <section class="home">
            <h1>Where was it discussed, what was said, and when?</h1>
            <p>Search the op-eds of this index: the best passages first, ranked by how well they match and how close together the words stand.</p>
            <ul>
            <li><a href="/search?q=CPEC">CPEC</a></li>
            <li><a href="/search?q=%22interest+rates%22">"interest rates"</a></li>
            <li><a href="/search?q=trade+NEAR%28tariffs+China%2C+10%29">trade NEAR(tariffs China, 10)</a></li>
            </ul>
            <details class="help" open><summary>Query syntax</summary>\(PageShell.syntaxHelp)</details>
            </section>
            """
        return WebResponse(contentType: WebResponse.html, body: shell("Opine", form).page(main))
    }

    func searchPage(_ r: WebRequest) throws -> WebResponse {
        let form = try SearchForm(r)
        guard !form.isEmpty else { return try home(WebRequest(method: r.method, path: "/")) }
        let title = (form.query.isEmpty ? "Filters" : form.query) + " – Opine"
        do {
            let response = try engine.search(form.searchRequest())
            let pages = SearchPage(form: form, response: response, trendSVG: nil).pageCount
            if form.page > pages { return WebApp.redirect(to: "/search?" + form.parameters(page: pages)) }
            let page = SearchPage(form: form, response: response, trendSVG: trendChart(form, response))
            return WebResponse(contentType: WebResponse.html, body: shell(title, form).page(page.main()))
        } catch let e as EngineError {
            let f = WebApp.failure(for: e)
            let main = "<section class=\"summary\"><p class=\"notice\">\(HTML.text(f.message))</p></section>"
            return WebResponse(status: f.status, contentType: WebResponse.html, body: shell(title, form).page(main))
        }
    }

    /// A page past the last ("page 3 of 2") is answered with the last page's address.
    static func redirect(to target: String) -> WebResponse {
        WebResponse(status: 303, contentType: WebResponse.html, body: "<a href=\"\(HTML.href(target))\">\(HTML.text(target))</a>\n",
                    headers: [("Location", target)])
    }

    /// The query's trend over the matching articles' dates, drawn inline, on the first page of
    /// a query with matches; nil when there is no date to draw.
    func trendChart(_ form: SearchForm, _ response: SearchResponse) -> String? {
        guard form.page == 1, !form.query.isEmpty, response.completeArticles > 0,
              let trend = try? engine.trend(form.trendRequest()),
              trend.series.contains(where: { $0.articles.contains { $0 > 0 } }) else { return nil }
        func inline(_ width: Double) -> String {
            let svg = trend.chart(mentions: false, width: width).svg()
            return svg.hasPrefix("<?xml") ? String(svg.drop { $0 != "\n" }.dropFirst()) : svg
        }
        // Two layouts, one shown by the stylesheet: each drawn at the width of the column that
        // shows it, so its text keeps its sizes (12 px and up) on a desktop and on a phone.
        return "<div class=\"wide\">\n\(inline(SearchPage.wideChart))</div>\n<div class=\"narrow\">\n\(inline(SearchPage.narrowChart))</div>\n"
    }

    func articlePage(_ r: WebRequest, id: Int64) throws -> WebResponse {
        let form = try SearchForm(r)
        let reading = try engine.reading(id: id, query: form.query.isEmpty ? nil : form.query)
        let page = ArticlePage(reading: reading, form: form)
        return WebResponse(contentType: WebResponse.html, body: shell(reading.detail.summary.title + " – Opine", form).page(page.main()))
    }

    func trendSVG(_ r: WebRequest) throws -> WebResponse {
        let form = try SearchForm(r)
        guard !form.query.isEmpty else { throw WebFailure.badRequest("give a query: /trend.svg?q=CPEC") }
        return WebResponse(contentType: WebResponse.svg, body: try engine.trend(form.trendRequest()).chart(mentions: false).svg())
    }

    func apiSearch(_ r: WebRequest) throws -> WebResponse {
        let form = try SearchForm(r)
        guard !form.isEmpty else { throw WebFailure.badRequest("give a query: /api/search?q=CPEC") }
        let response = try engine.search(form.searchRequest(snippets: 1))
        let explain = ["1", "true", "yes"].contains(r.value("explain") ?? "")
        return WebResponse(contentType: WebResponse.json, body: APIResponses.search(response, form: form, explain: explain))
    }

    /// `/api/trend?q=CPEC&q=tariffs&by=month&count=mentions&min_articles=30`: up to eight queries.
    func apiTrend(_ r: WebRequest) throws -> WebResponse {
        let form = try SearchForm(r)
        let queries = r.values("q")
        guard !queries.isEmpty, queries.count <= 8 else { throw WebFailure.badRequest("give one to eight queries: /api/trend?q=CPEC&q=tariffs") }
        for q in queries where q.count > SearchForm.maximumQueryLength {
            throw WebFailure.badRequest("a query has \(q.count) characters; at most \(SearchForm.maximumQueryLength) are read")
        }
        var request = form.trendRequest()
        request.queries = queries
        if let by = r.value("by"), !by.isEmpty {
            guard let period = Period(rawValue: by) else { throw WebFailure.badRequest("by must be day, week, month, quarter or year, not \(EngineError.quoted(by))") }
            request.period = period
        }
        if let min = r.value("min_articles"), !min.isEmpty {
            guard min.count <= 7, let n = Int(min), n >= 0 else { throw WebFailure.badRequest("min_articles must be a number of articles, not \(EngineError.quoted(min))") }
            request.minimumArticles = n
        }
        let mentions = r.value("count") == "mentions"
        request.countsMentions = mentions
        return WebResponse(contentType: WebResponse.json, body: APIResponses.trend(try engine.trend(request), mentions: mentions))
    }
}
