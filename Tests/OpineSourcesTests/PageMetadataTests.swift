import Foundation
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
        /// Set for the cases about dates (a nil `date` then means none).
        var checksDate = false
        var description: String { name }

        init(name: String, head: String, body: String = "", title: String? = nil, authors: [String]? = nil,
             date: String?? = .none, outlet: String? = nil) {
            self.name = name
            self.head = head
            self.body = body
            self.title = title
            self.authors = authors
            if case .some(let d) = date {
                self.date = d
                checksDate = true
            }
            self.outlet = outlet
        }
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
        // Titles: entities decoded wherever they come from; a placeholder or foreign headline loses
        Case(name: "JSON-LD headline with raw entities", head: ld(#"{"@type":"NewsArticle","headline":"Arnault&#8217;s Olive &#038; Herb"}"#),
             title: "Arnault’s Olive & Herb"),
        Case(name: "twice-escaped og:title", head: "<meta property=\"og:title\" content=\"O&amp;#039;Donnell wins\">", title: "O'Donnell wins"),
        Case(name: "title element with a numeric entity", head: "<title>Chelsea pay &amp;#163;71.6m</title>", title: "Chelsea pay £71.6m"),
        Case(name: "CMS placeholder headline loses to og:title",
             head: "<meta property=\"og:title\" content=\"Rates rise again\">" + ld(#"{"@type":"NewsArticle","headline":"escenic"}"#),
             title: "Rates rise again"),
        Case(name: "headline sharing no words with h1 and title loses",
             head: "<title>Rates rise again - The Ledger</title>" + ld(#"{"@type":"NewsArticle","headline":"Watch the best goals of the week"}"#),
             body: "<h1>Rates rise again</h1>", title: "Rates rise again"),
        Case(name: "headline sharing a word with the h1 wins",
             head: "<title>Ledger</title>" + ld(#"{"@type":"NewsArticle","headline":"Why rates are rising again"}"#),
             body: "<h1>Rates rise</h1>", title: "Why rates are rising again"),
        // Authors: the same name checks for every source
        Case(name: "JSON-LD author by @id reference",
             head: ld(##"{"@graph":[{"@type":"Person","@id":"#ann","name":"Ann Lee"},{"@type":"NewsArticle","author":{"@id":"#ann"}}]}"##),
             authors: ["Ann Lee"]),
        Case(name: "JSON-LD author name with raw entities", head: ld(#"{"@type":"NewsArticle","author":{"name":"Lindsey O&#039;Donnell"}}"#),
             authors: ["Lindsey O'Donnell"]),
        Case(name: "JSON-LD placeholder author falls to the meta tag",
             head: "<meta name=\"author\" content=\"Gil Gray\">" + ld(#"{"@type":"NewsArticle","author":[{"name":"No Author"}]}"#),
             authors: ["Gil Gray"]),
        Case(name: "JSON-LD author that is the site itself",
             head: "<meta property=\"og:site_name\" content=\"BBC News\">" + ld(#"{"@type":"NewsArticle","author":{"@type":"Organization","name":"BBC News"}}"#),
             authors: []),
        Case(name: "meta author that is a desk", head: "<meta name=\"author\" content=\"National Desk\">", authors: []),
        Case(name: "commenters are not authors", head: "",
             body: "<div class=\"comments\"><div class=\"comment-author\">Art Edwards says:</div><div class=\"author\">Spam Name</div></div>",
             authors: []),
        Case(name: "a sidebar's recent comments are not authors", head: "",
             body: "<aside><span class=\"author\">Spam Name</span></aside><div class=\"byline\">By Ann Lee</div>", authors: ["Ann Lee"]),
        Case(name: "a related story's by-line is not the author", head: "",
             body: "<div class=\"related-stories\"><span class=\"byline\">By Other Writer</span></div><p class=\"byline\">Written by: Charnele Henry</p>",
             authors: ["Charnele Henry"]),
        Case(name: "by-line with its date", head: "", body: "<div class=\"byline\">Poppy Reid Feb 21, 2020</div>", authors: ["Poppy Reid"]),
        Case(name: "no-break space inside a name", head: "<meta name=\"author\" content=\"Ann&nbsp;Lee\">", authors: ["Ann Lee"]),
        // Dates: the publication's, from the next source when one is implausible
        Case(name: "datePublished over dateModified",
             head: ld(#"{"@type":"NewsArticle","dateModified":"2021-03-04","datePublished":"2020-01-02"}"#), date: "2020-01-02"),
        Case(name: "a time element marked as an update is not the date", head: "",
             body: "<time class=\"updated\" datetime=\"2021-03-04\">x</time><time class=\"published\" datetime=\"2020-01-02\">y</time>",
             date: "2020-01-02"),
        Case(name: "a date before 1800 is refused", head: "<meta property=\"article:published_time\" content=\"0001-01-01\">",
             body: "<time datetime=\"2019-05-06\">x</time>", date: "2019-05-06"),
        Case(name: "a visible date line under the headline", head: "",
             body: "<h1>Rates rise</h1><div class=\"meta\"><span>By Ann Lee</span> <span>Nov. 19, 2019 3:04 p.m.</span></div>",
             date: "2019-11-19"),
        Case(name: "a visible date line in Spanish", head: "", body: "<h1>Tasas</h1><p class=\"fecha\">19 de noviembre de 2019</p>",
             date: "2019-11-19"),
        Case(name: "a visible date line in German", head: "", body: "<h1>Zinsen</h1><p>Veröffentlicht am 3. März 2021</p>", date: "2021-03-03"),
        Case(name: "a visible date line in Chinese", head: "", body: "<h1>标题</h1><div>2023年11月17日 来源：新华网</div>", date: "2023-11-17"),
        Case(name: "a comment's date is not the page's", head: "",
             body: "<h1>Rates rise</h1><div class=\"comment-list\"><span>March 3, 2021</span></div>", date: nil),
        Case(name: "a numeric date line in the page's language (day first in Spanish)", head: "",
             body: "<h1>Tasas</h1><p class=\"autor\">Ana Ruiz | Palma | 08/01/2014</p>", date: "2014-01-08"),
        Case(name: "the site header's date of today is not the article's", head: "",
             body: "<header><div class=\"fecha\">jueves, 09 enero 2014</div></header><h1>Tasas</h1><p>Publicado el 8 de enero de 2014</p>",
             date: "2014-01-08"),
        Case(name: "a UTC time past midnight is the URL's day before",
             head: ld(#"{"@type":"NewsArticle","datePublished":"2019-11-20T01:53:14.418Z","url":"https://x.com/story/2019-11-19/rates"}"#),
             date: "2019-11-19"),
        Case(name: "a UTC time is the date line's day before", head: ld(#"{"@type":"NewsArticle","datePublished":"2019-03-01T01:19:34Z"}"#),
             body: "<h1>Rates</h1><p>Posted February 28, 2019 8:19 PM</p>", date: "2019-02-28"),
        Case(name: "a UTC time stays its day when nothing says otherwise",
             head: ld(#"{"@type":"NewsArticle","datePublished":"2019-11-20T01:53:14Z","url":"https://x.com/2019/11/20/rates"}"#),
             date: "2019-11-20"),
        Case(name: "ISO 8601's basic form", head: ld(#"{"@type":"NewsArticle","datePublished":"20180619T055000+0900"}"#), date: "2018-06-19"),
        Case(name: "a month-first meta date", head: "<meta name=\"date\" content=\"11/19/2019 10:43 AM\">", date: "2019-11-19"),
        Case(name: "seconds since 1970", head: "<meta name=\"parsely-pub-date\" content=\"1574168580\">", date: "2019-11-19"),
        Case(name: "eight digits in the URL", head: "<link rel=\"canonical\" href=\"https://x.org/tuft-cells-20191115/\">", date: "2019-11-15"),
    ]

    @Test(arguments: cases)
    func fieldsComeFromWhereSitesPutThem(_ c: Case) throws {
        let tree = try DOMTree.parse(Array("<html lang=\"es\"><head>\(c.head)</head><body>\(c.body)<p>Text.</p></body></html>".utf8),
                                     encoding: "UTF-8")
        let m = PageMetadata(tree)
        if let title = c.title { #expect(m.title == title) }
        if let authors = c.authors { #expect(m.authors == authors) }
        if c.checksDate { #expect(m.date?.description == c.date) }
        if let outlet = c.outlet { #expect(m.outlet == outlet) }
    }

    @Test func atLeastTwentyFiveCases() { #expect(Self.cases.count >= 25) }

    /// A page's date more than a day after the reader's today is a countdown's or a wrong clock's.
    @Test func futureDatesAreRefused() throws {
        let page = "<html><head><meta property=\"article:published_time\" content=\"2031-01-01\"></head>"
            + "<body><time datetime=\"2024-06-01\">x</time><p>Text.</p></body></html>"
        let tree = try DOMTree.parse(Array(page.utf8), encoding: "UTF-8")
        #expect(PageMetadata(tree, latestDate: ArticleDate(year: 2025, month: 1, day: 1)).date?.description == "2024-06-01")
        #expect(PageMetadata(tree, latestDate: ArticleDate(year: 2031, month: 1, day: 1)).date?.description == "2031-01-01")
        #expect(HTMLReader.tomorrow(now: Date(timeIntervalSince1970: 1_574_168_580))?.description == "2019-11-20")
    }
}
