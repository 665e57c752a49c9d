import Foundation
import Opine
import OpineText

/// The search form's fields, read from a request and checked: the query, the filters, the
/// page. Everything a page links to is written back from here, escaped for a URL.
public struct SearchForm: Sendable, Equatable {
    public static let maximumQueryLength = 2_000
    public static let maximumPage = 1_000
    public static let perPage = 10
    /// Longest author or outlet fragment, and how many of each.
    static let maximumFilterLength = 200, maximumFilters = 10

    public var query = ""
    public var authors: [String] = []
    public var outlets: [String] = []
    public var since = ""
    public var until = ""
    public var page = 1

    public init() {}

    /// The form of `request`; a query over 2,000 characters, a page outside 1…1,000, a date
    /// not `YYYY-MM-DD` or a filter too long are refused (400) with a message naming them.
    public init(_ request: WebRequest) throws(WebFailure) {
        query = request.value("q") ?? ""
        guard query.count <= SearchForm.maximumQueryLength else {
            throw .badRequest("the query has \(query.count) characters; at most \(SearchForm.maximumQueryLength) are read")
        }
        authors = request.values("author")
        outlets = request.values("outlet")
        for f in authors + outlets where f.count > SearchForm.maximumFilterLength {
            throw .badRequest("an author or outlet longer than \(SearchForm.maximumFilterLength) characters")
        }
        guard authors.count <= SearchForm.maximumFilters, outlets.count <= SearchForm.maximumFilters else {
            throw .badRequest("at most \(SearchForm.maximumFilters) authors and \(SearchForm.maximumFilters) outlets")
        }
        since = try SearchForm.date(request.value("since"), "since")
        until = try SearchForm.date(request.value("until"), "until")
        page = try SearchForm.page(request.value("page"))
    }

    /// The form as typed, unchecked, for the page that refuses it: the query stays in the box
    /// (its words are the user's to correct), the filters as given, at most as many as are read.
    public init(keeping request: WebRequest) {
        query = request.value("q") ?? ""
        authors = Array(request.values("author").prefix(SearchForm.maximumFilters))
        outlets = Array(request.values("outlet").prefix(SearchForm.maximumFilters))
        since = request.value("since") ?? ""
        until = request.value("until") ?? ""
    }

    static func date(_ value: String?, _ name: String) throws(WebFailure) -> String {
        let v = (value ?? "").trimmingCharacters(in: .whitespaces)
        guard v.isEmpty || ArticleDate(iso: v) != nil else {
            throw .badRequest("\(name) must be a date as YYYY-MM-DD, not \(EngineError.quoted(v))")
        }
        return v
    }

    static func page(_ value: String?) throws(WebFailure) -> Int {
        guard let value, !value.isEmpty else { return 1 }
        guard value.count <= 6, let n = Int(value), (1...SearchForm.maximumPage).contains(n) else {
            throw .badRequest("page must be a number from 1 to \(SearchForm.maximumPage), not \(EngineError.quoted(value))")
        }
        return n
    }

    /// Nothing asked: the home page.
    public var isEmpty: Bool {
        query.trimmingCharacters(in: .whitespaces).isEmpty && authors.isEmpty && outlets.isEmpty && since.isEmpty && until.isEmpty
    }

    public var hasFilters: Bool { !authors.isEmpty || !outlets.isEmpty || !since.isEmpty || !until.isEmpty }

    /// The engine's request for this form's page of results.
    public func searchRequest(snippets: Int = 2) -> SearchRequest {
        var r = SearchRequest(query: query, limit: SearchForm.perPage)
        r.offset = (page - 1) * SearchForm.perPage
        r.authors = authors
        r.outlets = outlets
        r.since = ArticleDate(iso: since)
        r.until = ArticleDate(iso: until)
        r.snippets = snippets
        return r
    }

    /// The engine's trend request for this form's query and filters.
    public func trendRequest() -> TrendRequest {
        var r = TrendRequest(queries: [query])
        r.authors = authors
        r.outlets = outlets
        r.since = ArticleDate(iso: since)
        r.until = ArticleDate(iso: until)
        return r
    }

    /// The form as URL parameters (`q=…&author=…&page=2`), each escaped; the page only when past 1.
    public func parameters(page: Int? = nil, query: String? = nil) -> String {
        var pairs = [("q", query ?? self.query)]
        pairs += authors.map { ("author", $0) } + outlets.map { ("outlet", $0) }
        if !since.isEmpty { pairs.append(("since", since)) }
        if !until.isEmpty { pairs.append(("until", until)) }
        let p = page ?? 1
        if p > 1 { pairs.append(("page", String(p))) }
        return pairs.map { $0.0 + "=" + SearchForm.escape($0.1) }.joined(separator: "&")
    }

    /// Escaped for a URL's query: only unreserved characters stay as they are.
    static func escape(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}
