import Testing
@testable import OpineSources
import OpineText

/// Each source of title, authors, date and outlet, on small pages of our own, and the order of
/// trust when they disagree: JSON-LD over meta tags, meta tags over the page's text.
struct PageMetadataTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var head: String
        var body: String = ""
        var title: String?
        var authors: [String]?
        var date: String?
        var outlet: String?
        var description: String { name }
    }

    static func ld(_ json: String) -> String { "<script type=\"application/ld+json\">\(json)</script>" }

    static let cases: [Case] = [
        // Titles
        Case(name: "title element", head: "<title>Trade winds</title>", title: "Trade winds"),
        Case(name: "site suffix with a dash", head: "<title>Trade winds - Geo.tv</title><meta property=\"og:site_name\" content=\"Geo.tv\">",
             title: "Trade winds", outlet: "Geo.tv"),
        Case(name: "site and section with bars", head: "<title>Trade winds | Opinion | Dawn</title><meta property=\"og:site_name\" content=\"Dawn\">",
             title: "Trade winds", outlet: "Dawn"),
        Case(name: "og:title over title", head: "<title>Home | Site</title><meta property=\"og:title\" content=\"The real headline\">",
             title: "The real headline"),
        Case(name: "JSON-LD headline over og:title",
             head: "<meta property=\"og:title\" content=\"Social headline\">" + ld(#"{"@type":"NewsArticle","headline":"Printed headline"}"#),
             title: "Printed headline"),
        Case(name: "h1 settles a suffix", head: "<title>Rates rise again - The Daily Ledger</title>", body: "<h1>Rates rise again</h1>",
             title: "Rates rise again"),
        Case(name: "twitter:title", head: "<meta name=\"twitter:title\" content=\"Tweeted headline\">", title: "Tweeted headline"),
        // Authors
        Case(name: "JSON-LD author object", head: ld(#"{"@type":"OpinionNewsArticle","author":{"@type":"Person","name":"Javid Husain"}}"#),
             authors: ["Javid Husain"]),
        Case(name: "JSON-LD author string", head: ld(#"{"@type":"Article","author":"Ann Lee"}"#), authors: ["Ann Lee"]),
        Case(name: "JSON-LD author array", head: ld(#"{"@type":"NewsArticle","author":[{"name":"Ann Lee"},{"name":"Bo Chan"}]}"#),
             authors: ["Ann Lee", "Bo Chan"]),
        Case(name: "JSON-LD @graph", head: ld(#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"ReportageNewsArticle","author":{"name":"Cy Diaz"},"datePublished":"2024-02-03"}]}"#),
             authors: ["Cy Diaz"], date: "2024-02-03"),
        Case(name: "meta author with two names", head: "<meta name=\"author\" content=\"Ann Lee and Bo Chan\">", authors: ["Ann Lee", "Bo Chan"]),
        Case(name: "article:author as a URL is not a name", head: "<meta property=\"article:author\" content=\"https://facebook.com/someone\">",
             authors: []),
        Case(name: "rel=author link", head: "", body: "<a rel=\"author\" href=\"/w/dd\">Dee Dee Ray</a>", authors: ["Dee Dee Ray"]),
        Case(name: "byline element", head: "", body: "<div class=\"article-byline\">By ED EVANS</div>", authors: ["Ed Evans"]),
        Case(name: "author box: the name inside, not the line about her", head: "",
             body: "<div class=\"authorInfo\"><div class=\"author-name\">Rita Mbeki</div><div class=\"authorDesc\">Writes on film and the 1980s!</div></div>",
             authors: ["Rita Mbeki"]),
        Case(name: "by-line holding the author and the time", head: "",
             body: "<div class=\"byline\"><span class=\"author-name\">Tom Davies</span> Associated Press <span>Published 11:34 PM EST Nov 19, 2019</span></div>",
             authors: ["Tom Davies"]),
        Case(name: "JSON-LD author over meta author",
             head: "<meta name=\"author\" content=\"Web Desk\">" + ld(#"{"@type":"NewsArticle","author":{"name":"Fay Fox"}}"#),
             authors: ["Fay Fox"]),
        Case(name: "meta author over byline text", head: "<meta name=\"author\" content=\"Gil Gray\">",
             body: "<div class=\"byline\">By Someone Else</div>", authors: ["Gil Gray"]),
        // Dates
        Case(name: "JSON-LD datePublished", head: ld(#"{"@type":"NewsArticle","datePublished":"2025-09-20T09:00:00+05:00"}"#), date: "2025-09-20"),
        Case(name: "article:published_time", head: "<meta property=\"article:published_time\" content=\"2023-01-31T22:10:00Z\">", date: "2023-01-31"),
        Case(name: "time element", head: "", body: "<time datetime=\"2022-12-01\">Dec 1</time>", date: "2022-12-01"),
        Case(name: "date in the URL", head: "<meta property=\"og:url\" content=\"https://news.example.com/2021/06/15/a-story/\">", date: "2021-06-15"),
        Case(name: "JSON-LD date over meta date",
             head: "<meta property=\"article:published_time\" content=\"2020-01-01\">" + ld(#"{"@type":"NewsArticle","datePublished":"2020-02-02"}"#),
             date: "2020-02-02"),
        Case(name: "meta date over time element", head: "<meta name=\"date\" content=\"2019-03-03\">",
             body: "<time datetime=\"2019-04-04\">x</time>", date: "2019-03-03"),
        Case(name: "meta date over URL date",
             head: "<meta property=\"article:published_time\" content=\"2018-05-05\"><link rel=\"canonical\" href=\"https://x.com/2017/01/01/s\">",
             date: "2018-05-05"),
        // Outlets
        Case(name: "og:site_name", head: "<meta property=\"og:site_name\" content=\"The Express Tribune\">", outlet: "The Express Tribune"),
        Case(name: "JSON-LD publisher", head: ld(#"{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Dawn"}}"#), outlet: "Dawn"),
        Case(name: "host when nothing else", head: "<link rel=\"canonical\" href=\"https://www.thenews.com.pk/opinion/1\">", outlet: "thenews.com.pk"),
        Case(name: "og:site_name over JSON-LD publisher",
             head: "<meta property=\"og:site_name\" content=\"Geo.tv\">" + ld(#"{"@type":"NewsArticle","publisher":{"name":"Geo News"}}"#),
             outlet: "Geo.tv"),
        Case(name: "no fields at all", head: "", title: "", authors: [], outlet: ""),
    ]

    @Test(arguments: cases)
    func fieldsComeFromWhereSitesPutThem(_ c: Case) throws {
        let tree = try DOMTree.parse(Array("<html><head>\(c.head)</head><body>\(c.body)<p>Text.</p></body></html>".utf8),
                                     encoding: "UTF-8")
        let m = PageMetadata(tree)
        if let title = c.title { #expect(m.title == title) }
        if let authors = c.authors { #expect(m.authors == authors) }
        if let date = c.date { #expect(m.date?.description == date) }
        if let outlet = c.outlet { #expect(m.outlet == outlet) }
    }

    @Test func atLeastTwentyFiveCases() { #expect(Self.cases.count >= 25) }
}
