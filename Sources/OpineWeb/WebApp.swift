import Opine
import OpineText

/// The web front end as a function: a request in, a response out, over one shared engine.
///
/// Pure of any HTTP server (``OpineServer`` serves it with Hummingbird; tests call it
/// directly). Every answer is HTML, JSON, SVG or CSS written here; every user or article text
/// in it escaped; every refusal a 4xx with one line saying why; a failure of the index a 503.
public struct WebApp: Sendable {
    public let engine: Engine

    public init(engine: Engine) { self.engine = engine }

    public func respond(to request: WebRequest) -> WebResponse {
        var answer = answer(request)
        // JSON has `<` only inside strings: written as \u003c (and `>`, `&` alike), no API answer
        // can be read as markup, whatever a browser guesses.
        if answer.contentType == WebResponse.json { answer.body = APIResponses.markupSafe(answer.body) }
        return answer
    }

    func answer(_ request: WebRequest) -> WebResponse {
        let api = request.path.hasPrefix("/api/")
        guard request.method == "GET" || request.method == "HEAD" else {
            var r = failure(WebFailure(405, "\(request.method) is not served here; pages are read with GET"), api: api)
            r.headers.append(("Allow", "GET, HEAD"))
            return r
        }
        // A refused page keeps the user's words in its search box, with the reason beside them.
        let typed = SearchForm(keeping: request)
        do {
            return try route(request)
        } catch let f as WebFailure {
            return failure(f, api: api, form: typed)
        } catch {
            return failure(WebApp.failure(for: error), api: api, form: typed)
        }
    }

    func route(_ r: WebRequest) throws -> WebResponse {
        switch r.path {
        case "/": return try home(r)
        case "/search": return try searchPage(r)
        case "/trend.svg": return try trendSVG(r)
        case Stylesheet.path:
            return WebResponse(contentType: WebResponse.css, body: Stylesheet.css, headers: [("Cache-Control", "max-age=3600")])
        case "/api/search": return try apiSearch(r)
        case "/api/trend": return try apiTrend(r)
        case "/api/stats": return WebResponse(contentType: WebResponse.json, body: try engine.stats().json(index: engine.indexPath))
        default:
            if let id = WebApp.articleID(r.path, prefix: "/article/") { return try articlePage(r, id: id) }
            if let id = WebApp.articleID(r.path, prefix: "/api/article/") {
                return WebResponse(contentType: WebResponse.json, body: try engine.reading(id: id, query: nil).detail.json(path: "") )
            }
            throw WebFailure.notFound("nothing is served at \(EngineError.quoted(r.path))")
        }
    }

    /// The id of `/article/123`: digits only, as many as an Int64 holds; anything else is no article.
    static func articleID(_ path: String, prefix: String) -> Int64? {
        guard path.hasPrefix(prefix) else { return nil }
        let digits = path.dropFirst(prefix.count)
        guard (1...18).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(digits)
    }

    /// Errors of the engine as statuses: the request's fault is a 4xx, the index's a 503.
    static func failure(for error: any Error) -> WebFailure {
        switch error {
        case EngineError.articleNotFound(let id): return .notFound("no article has the id \(EngineError.quoted(id))")
        case EngineError.invalidDateRange(let since, let until): return .badRequest("since \(since) is after until \(until)")
        case let e as EngineError: return .badRequest(e.description)
        case let e as any OpineError: return WebFailure(503, "the index cannot be read now: \(e.description)")
        default: return WebFailure(503, "the index cannot be read now")
        }
    }

    /// The answer to a request refused before it could be read (an address that is not a path).
    public func refusal(_ f: WebFailure) -> WebResponse { failure(f, api: false) }

    func failure(_ f: WebFailure, api: Bool, form: SearchForm = SearchForm()) -> WebResponse {
        if api { return WebResponse(status: f.status, contentType: WebResponse.json, body: APIResponses.error(f.message)) }
        let main = "<section class=\"error\"><h1>\(HTML.text(WebApp.reason(f.status)))</h1><p>\(HTML.text(f.message))</p></section>"
        return WebResponse(status: f.status, contentType: WebResponse.html, body: shell(WebApp.reason(f.status), form).page(main))
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 303: "See other"
        case 400: "Bad request"
        case 404: "Not found"
        case 405: "Method not allowed"
        case 503: "Index unavailable"
        default: "Error \(status)"
        }
    }

    func shell(_ title: String, _ form: SearchForm) -> PageShell {
        let articles = (try? engine.articleCount()).map { HTML.plural($0, "article", "articles") + " indexed" } ?? "index unavailable"
        return PageShell(title: title, form: form,
                         footer: "Opine · \(articles) · JSON: <a href=\"/api/stats\">/api/stats</a>, <code>/api/search?q=…</code>")
    }
}
