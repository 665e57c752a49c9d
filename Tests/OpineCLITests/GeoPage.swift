import Foundation

/// A Geo.tv-like page holding the seed op-ed, for the end-to-end tests (a smaller sibling of
/// `Tests/OpineSourcesTests/PageFixtures.swift`: test targets cannot share a file).
enum GeoPage {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The seed op-ed's paragraphs as `<p>`s in a page with navigation, share bar, caption,
    /// disclaimer, "Next Story >>>", related links, newsletter box, sidebar and footer.
    static func html() throws -> String {
        let text = try String(contentsOfFile: root.appendingPathComponent("Corpus/2025-09-20-there-are-limits-to-bonhomie.txt").path,
                              encoding: .utf8)
        let paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        let body = Array(paragraphs.drop { !$0.hasPrefix("Several developments") }.dropFirst().prefix { !$0.hasPrefix("Disclaimer") })
        func escaped(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: "’", with: "&rsquo;")
        }
        let ps = body.dropFirst().map { "<p>\(escaped($0))</p>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
            <title>There are limits to bonhomie - Geo.tv</title>
            <meta property="og:site_name" content="Geo.tv">
            <meta property="og:description" content="Several developments since June have helped improve climate of relations between Pakistan and US">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"There are limits to bonhomie",
              "datePublished":"2025-09-20T09:00:00+05:00","author":{"@type":"Person","name":"Javid Husain"}}</script>
            <script>window.tracking = {page: "opinion"};</script>
            </head><body>
            <header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
            <div class="story-area"><h1>There are limits to bonhomie</h1>
            <div class="social-share"><a href="#">Share on Facebook</a> <a href="#">WhatsApp tracking</a></div>
            <div class="content-area">
            <figure><figcaption>\(escaped(body[0]))</figcaption></figure>
            \(ps)
            <p>Disclaimer: The viewpoints expressed in this piece are the writer's own and don't necessarily reflect Geo.tv's editorial policy.</p>
            </div><div class="next-story"><a href="/n">Next Story &gt;&gt;&gt;</a></div></div>
            <div class="related-stories"><h3>More From Opinion</h3><ul><li><a href="/o/1">Pakistan's cricket woes continue into the winter</a></li></ul></div>
            <div class="newsletter-box"><p>Subscribe to our newsletter for the latest opinion pieces every morning.</p></div>
            <aside class="sidebar"><p>Quetta blast: death toll rises to forty as rescue work continues.</p></aside>
            <footer><p>Copyright © 2025 Geo.tv. All rights reserved. Cookie and tracking preferences.</p></footer>
            </body></html>
            """
    }
}
