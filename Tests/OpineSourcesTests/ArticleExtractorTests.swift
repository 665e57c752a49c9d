import Testing
@testable import OpineSources
import OpineText

/// The kinds of wrong body seen on pages Opine had never read, each as a small page of our
/// own: what must be the body, what must be a caption, and what must not be searchable at all.
struct ArticleExtractorTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        /// The page's `<body>`.
        var body: String
        /// Texts the body must hold, in this order.
        var inBody: [String] = []
        /// Texts the captions must hold.
        var inCaption: [String] = []
        /// Texts no passage may hold but the title and the by-line (made from the page's fields).
        var nowhere: [String] = []
        var description: String { name }
    }

    /// A paragraph of an op-ed, long enough to score: `n` tells them apart.
    static func paragraph(_ n: Int) -> String {
        "<p>Paragraph \(n) argues, at some length and with commas, that trade, tariffs and talks matter to everyone.</p>"
    }

    static func paragraphs(_ range: ClosedRange<Int>) -> String { range.map(paragraph).joined() }

    static let cases: [Case] = [
        Case(name: "captions and photo credits are captions",
             body: "<article><h1>Trade</h1>" + paragraphs(1...3)
                + "<div class=\"photo\"><img src=a.jpg><span class=\"newsCaption\">The minister arrives (Image: GETTY)</span></div>"
                + "<figure><figcaption><p>Delegates in Geneva.</p><span class=\"credit\">Photo: Ann Lee, AP</span></figcaption></figure>"
                + "<div class=\"thumbnail-credit\">Getty Images</div>" + paragraphs(4...5) + "</article>",
             inBody: ["Paragraph 1", "Paragraph 5"],
             inCaption: ["The minister arrives", "Delegates in Geneva.", "Photo: Ann Lee, AP", "Getty Images"]),
        Case(name: "disclosures, paywall notices, update lines and share prompts stay out",
             body: "<article><h1>Trade</h1><p>Advertiser Disclosure: we are paid by some of the cards we review.</p>"
                + "<p>By Ann Lee - 11/18/19 11:04 PM EST</p><p>Updated 5:27 am CST, Wednesday, November 20, 2019</p>"
                + paragraphs(1...2) + "<p>Share this article</p><div class=\"gallery\"><p>Caption</p><p>Close</p><p>Back to Gallery</p></div>"
                + paragraphs(3...4) + "<p>If you buy something through this post, we may get a share of the sale.</p>"
                + "<p>Subscribe to continue reading. Already a subscriber? Sign in.</p><p>DON'T MISS</p>"
                + "<p>The contents of this site are ©2019 Capitol Hill Publishing Corp.</p>"
                + "<p>[button link=\"/submit/\" type=\"big\"] Send us YOUR review[/button]</p><p>Tell us what YOU think...</p>"
                + "<p>This slideshow requires JavaScript.</p><p>［有料会員限定］ この記事は会員限定です。電子版に登録すると続きをお読みいただけます。</p>"
                + "<p>Explore further</p><p>Citation: Trade talks (2019, November 18) retrieved 20 November 2019 from https://x.org/t</p>"
                + "<p>This document is subject to copyright. Apart from any fair dealing, no part may be reproduced.</p>"
                + "<p>Join our forums to keep talking trade, and tell us your news tips.</p><p>Related news</p>"
                + "<p>Cet article est réservé aux abonnés.</p><p>Iezīmējiet tekstu un spiediet Ctrl+Enter, lai nosūtītu kļūdu!</p></article>",
             inBody: ["Paragraph 1", "Paragraph 4"],
             nowhere: ["Advertiser Disclosure", "11:04 PM", "Updated 5:27", "Share this", "Caption", "Close", "Back to Gallery",
                       "If you buy", "Subscribe to continue", "DON'T MISS", "contents of this site", "[button", "Tell us what",
                       "This slideshow", "会員限定", "réservé aux abonnés", "Ctrl+Enter", "Explore further", "Citation:",
                       "subject to copyright", "Join our forums", "Related news"]),
        Case(name: "the by-line and the title repeated in the article are not body",
             body: "<article><p>Trade talks resume</p><p>Steve Peoples, AP National Political Writer</p>" + paragraphs(1...4)
                + "<p>Trade talks resume</p></article>",
             inBody: ["Paragraph 1", "Paragraph 4"], nowhere: ["Peoples", "Trade talks"]),
        Case(name: "an essay in three itemprop=articleBody sections is read whole",
             body: "<article><h1>Trade</h1><section itemprop=\"articleBody\">" + paragraphs(1...7) + "</section>"
                + "<div class=\"ad-slot\"><p>Advertisement</p></div><section itemprop=\"articleBody\">" + paragraphs(8...14)
                + "</section><aside class=\"pullquote\"><p>A pull quote</p></aside><section itemprop=\"articleBody\">"
                + paragraphs(15...21) + "</section></article>",
             inBody: ["Paragraph 1 ", "Paragraph 8 ", "Paragraph 14 ", "Paragraph 15 ", "Paragraph 21 "]),
        Case(name: "parts of one article in different wrappers are read whole",
             body: "<div class=\"post\"><div class=\"intro-wrap\"><div class=\"lead\"><div class=\"post__content\">"
                + paragraphs(1...2) + "</div></div></div><div class=\"inline-related\"><h3>Related</h3><p><a href=/x>Another story about tariffs and a long link text</a></p></div>"
                + "<section class=\"outer\"><div class=\"post__content\">" + paragraphs(3...14) + "</div></section>"
                + "<div class=\"newsletter-signup\"><p>Get our newsletter, every morning, with the news that matters to you.</p></div>"
                + "<section class=\"outer\"><div class=\"post__content\">" + paragraphs(15...16) + "</div></section></div>",
             inBody: ["Paragraph 1 ", "Paragraph 2 ", "Paragraph 3 ", "Paragraph 14 ", "Paragraph 15 ", "Paragraph 16 "],
             nowhere: ["Get our newsletter"]),
        Case(name: "an open letter is its letter, not its signatories",
             body: "<article><h1>An open letter</h1><div class=\"entry\"><div class=\"letter\"><p>Dear Minister,</p>"
                + "<p>We write to urge you, again and in the strongest terms, to reconsider the plan.</p>"
                + "<p>The plan would close the last clinic in the valley.</p><p>It would cost more than it saves.</p>"
                + "<p>We ask for a meeting before the vote, so that the people it affects are heard.</p><p>Yours sincerely,</p></div>"
                + "<div class=\"signatories\"><table>" + (1...30).map { "<tr><td>Dr. Signatory \($0), Professor of Medicine, University of the Valley</td></tr>" }.joined()
                + "</table></div></div></article>",
             inBody: ["Dear Minister,", "We write to urge you", "Yours sincerely,"]),
        Case(name: "a digest's items that open with their story's link are body",
             body: "<article><h1>Ten things</h1><div class=\"post-content\">" + paragraphs(1...2) + "<ol>"
                + (1...4).map { "<li><strong><a href=\"/s/\($0)\">Item \($0): the ousted chief can still name directors to the board, even though he left the company.</a></strong> He keeps a say through the board, according to a report.</li>" }.joined()
                + "</ol>" + paragraphs(3...4) + "</div></article>",
             inBody: ["Paragraph 2", "Item 1: the ousted chief", "Item 4: the ousted chief", "Paragraph 3"]),
        Case(name: "a tweet the op-ed quotes is body",
             body: "<article><h1>Meth</h1><div class=\"entry-content\">" + paragraphs(1...2)
                + "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\"><p>Yes this is real and yes the state spent nearly half a million dollars on it</p>— Ann Lee (@annlee) November 18, 2019</blockquote></div>"
                + paragraphs(3...4) + "</div></article>",
             inBody: ["Paragraph 2", "Yes this is real", "Paragraph 3"]),
        Case(name: "a name's hover card is not body",
             body: "<article><h1>Plea</h1><div class=\"entry-content\"><p>A man pleaded guilty to threatening Rep. <span class=\"rollover-people\">Ilhan Omar"
                + "<span class=\"rollover-people-block\"><a href=/x>Hillicon Valley: another headline</a></span></span> (D-Minn.), officials said on Monday, in a statement.</p>"
                + paragraphs(1...4) + "</div></article>",
             inBody: ["threatening Rep. Ilhan Omar (D-Minn.)", "Paragraph 4"], nowhere: ["Hillicon"]),
    ]

    @Test(arguments: cases)
    func theArticleIsReadWhole(_ c: Case) throws {
        let head = "<title>Trade talks resume</title><meta name=\"author\" content=\"Steve Peoples\">"
        let page = "<html><head>\(head)</head><body>\(c.body)</body></html>"
        let article = try #require(try HTMLReader().document(Array(page.utf8), path: "/p/page.html").articles.first)
        let body = article.body.joined(separator: "\n")
        var from = body.startIndex
        for text in c.inBody {
            let found = body[from...].range(of: text)
            #expect(found != nil, "\(text) not in the body (or out of order)")
            if let found { from = found.upperBound }
        }
        for text in c.inCaption {
            #expect(article.caption.contains(text), "\(text) not in the captions")
            #expect(!body.contains(text), "\(text) in the body")
        }
        let searchable = article.passages.filter { $0.kind != .title && $0.kind != .byline }.map(\.text).joined(separator: "\n")
        for text in c.nowhere { #expect(!searchable.contains(text), "\(text) is searchable") }
    }
}

/// A page whose article was missed or cut short is never silent.
struct ArticleCompletenessTests {
    @Test(arguments: [
        (ArticleCompleteness(kept: 300, stated: 5000, paragraphs: 400), true, false),
        (ArticleCompleteness(kept: 3000, stated: 5000, paragraphs: 3200), false, false),
        (ArticleCompleteness(kept: 200, stated: 500, paragraphs: 200), false, false),
        (ArticleCompleteness(kept: 800, stated: 0, paragraphs: 9000), false, true),
        (ArticleCompleteness(kept: 800, stated: 0, paragraphs: 2000), false, false),
        (ArticleCompleteness(kept: 0, stated: 0, paragraphs: 9000), false, false),
    ] as [(ArticleCompleteness, Bool, Bool)])
    func decides(_ c: ArticleCompleteness, _ prefersStated: Bool, _ warns: Bool) {
        #expect(c.prefersStated == prefersStated)
        #expect((c.shortfall != nil) == warns)
    }

    @Test func aTeaserPageReadsItsStatedBody() throws {
        let text = (1...12).map { "Sentence \($0) of the op-ed the page only states in its JSON-LD, with some length to it." }
        let ld = #"{"@type":"NewsArticle","articleBody":"\#(text.joined(separator: "\\n"))"}"#
        let page = "<html><head><script type=\"application/ld+json\">\(ld)</script></head><body><h1>Op-ed</h1>"
            + "<div class=\"standfirst\"><p>A truncated standfirst of the op-ed that…</p></div></body></html>"
        let document = try HTMLReader().document(Array(page.utf8), path: "/p/teaser.html")
        let article = try #require(document.articles.first)
        #expect(article.body == text)
        #expect(document.warnings.isEmpty)
    }

    @Test func aStatedBodyInMarkupIsReadAsItsParagraphs() throws {
        let paragraphs = (1...12).map { "Paragraph \($0) of a body the page states in its JSON-LD, as markup." }
        let markup = paragraphs.map { "<p>\($0)</p>" }.joined()
        let ld = #"{"@type":"NewsArticle","articleBody":"\#(markup.replacingOccurrences(of: "/", with: "\\/"))"}"#
        let page = "<html><head><script type=\"application/ld+json\">\(ld)</script></head><body><h1>Op-ed</h1></body></html>"
        let article = try #require(try HTMLReader().document(Array(page.utf8), path: "/p/markup.html").articles.first)
        #expect(article.body == paragraphs)
    }

    @Test func anArticleCutShortIsSaid() throws {
        let first = (1...8).map { "<p>Section one, paragraph \($0), is the part marked as the article body, read first.</p>" }
        let rest = (1...30).map { "<p>A later paragraph \($0) that the page left unmarked, though it is the same essay.</p>" }
        let page = "<html><body><article><h1>Essay</h1><section itemprop=\"articleBody\">\(first.joined())</section>"
            + "<div class=\"essay-rest\">\(rest.joined())</div></article></body></html>"
        let document = try HTMLReader().document(Array(page.utf8), path: "/p/essay.html")
        #expect(document.warnings.count == 1)
        #expect(document.warnings.first?.description.hasPrefix("kept ") == true)
    }
}
