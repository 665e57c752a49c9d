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
        /// Texts no passage may hold.
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
    ]

    @Test(arguments: cases)
    func theArticleIsReadWhole(_ c: Case) throws {
        let page = "<html><head><title>Trade</title></head><body>\(c.body)</body></html>"
        let article = try #require(try HTMLReader().read(Array(page.utf8), path: "/p/page.html").articles.first)
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
        let searchable = article.passages.map(\.text).joined(separator: "\n")
        for text in c.nowhere { #expect(!searchable.contains(text), "\(text) is searchable") }
    }
}
