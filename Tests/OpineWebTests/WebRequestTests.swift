import Testing
@testable import OpineWeb

struct WebRequestTests {
    @Test(arguments: [
        ("/search?q=CPEC+2.0&page=2", "/search", [("q", "CPEC 2.0"), ("page", "2")]),
        ("/search?q=%22interest%20rates%22", "/search", [("q", "\"interest rates\"")]),
        ("/search?q=a%2Bb&author=", "/search", [("q", "a+b"), ("author", "")]),
        ("/article/12?q=%E2%80%9Cquoted%E2%80%9D", "/article/12", [("q", "“quoted”")]),
        ("/a%20b", "/a b", []),
        ("/search?flag", "/search", [("flag", "")]),
    ] as [(String, String, [(String, String)])])
    func parsesTargets(_ target: String, _ path: String, _ parameters: [(String, String)]) throws {
        let r = try #require(WebRequest(method: "GET", target: target))
        #expect(r.path == path)
        #expect(r.parameters.map(\.name) == parameters.map(\.0))
        #expect(r.parameters.map(\.value) == parameters.map(\.1))
    }

    @Test(arguments: ["search?q=x", "http://example.com/", "/search?q=%ZZ", "/search?q=%FF%FE", "/%C0%AF", "*"])
    func refusesWhatIsNotAPath(_ target: String) {
        #expect(WebRequest(method: "GET", target: target) == nil)
    }

    @Test func formLimits() throws {
        func form(_ target: String) throws(WebFailure) -> SearchForm {
            try SearchForm(WebRequest(method: "GET", target: target)!)
        }
        let longest = String(repeating: "a", count: 2_000)
        #expect(try form("/search?q=\(longest)").query.count == 2_000)
        #expect(throws: WebFailure.self) { try form("/search?q=\(longest)b") }
        #expect(try form("/search?q=x&page=1000").page == 1_000)
        for bad in ["0", "1001", "-1", "abc", "1e3", "99999999999999999999", "2.5"] {
            #expect(throws: WebFailure.self, "page=\(bad)") { try form("/search?q=x&page=\(bad)") }
        }
        #expect(throws: WebFailure.self) { try form("/search?q=x&since=2024-13-01") }
        #expect(throws: WebFailure.self) { try form("/search?q=x&until=yesterday") }
        #expect(try form("/search?q=x&since=2024-03-01").since == "2024-03-01")
        #expect(try form("/search?author=a&author=b").authors == ["a", "b"])
    }

    /// Links carry the form back: escaped so that `&`, `#`, quotes and spaces survive.
    @Test func parametersRoundTrip() throws {
        var f = SearchForm()
        f.query = "\"a&b\" #c +d"
        f.authors = ["O'Brien"]
        f.since = "2024-01-01"
        let target = "/search?" + f.parameters(page: 3)
        let back = try SearchForm(try #require(WebRequest(method: "GET", target: target)))
        #expect(back.query == f.query)
        #expect(back.authors == f.authors)
        #expect(back.since == f.since)
        #expect(back.page == 3)
    }
}

/// The markup oracle itself catches what it is there to catch.
struct MarkupOracleTests {
    @Test func catchesInjectedMarkup() {
        #expect(!MarkupOracle.problems("<p>x<script>alert(1)</script></p>").isEmpty)
        #expect(!MarkupOracle.problems("<p><img src=x onerror=alert(1)></p>").isEmpty)
        #expect(!MarkupOracle.problems("<a href=\"#\" onmouseover='x'>a</a>").isEmpty)
        #expect(!MarkupOracle.problems("<a href=\"javascript:alert(1)\">a</a>").isEmpty)
        #expect(MarkupOracle.problems("<input value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"> 1 < 2").isEmpty)
    }
}
