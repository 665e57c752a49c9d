import Foundation

/// Web pages written for these tests (never a publisher's): a page in the shape of Geo.tv's
/// opinion pages, holding the seed op-ed, and small pages for each source of a field.
enum PageFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let seedPath = packageRoot.appendingPathComponent("Corpus/2025-09-20-there-are-limits-to-bonhomie.txt").path

    /// The seed's paragraphs after its header (title, by-line, date), up to its bio.
    static func seedParagraphs() throws -> [String] {
        let text = try String(contentsOfFile: seedPath, encoding: .utf8)
        let paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        let body = paragraphs.drop { !$0.hasPrefix("Several developments") }.dropFirst()  // after the standfirst
        return Array(body.prefix { !$0.hasPrefix("Disclaimer") })
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "’", with: "&rsquo;")
    }

    /// The seed op-ed as a saved Geo.tv-like page: navigation, share bar, the article, a
    /// disclaimer, "Next Story >>>", "More From Opinion", a newsletter box and a footer.
    static func geoPage() throws -> String {
        let paragraphs = try seedParagraphs()
        let caption = paragraphs[0]
        let body = paragraphs.dropFirst().map { "<p>\(escaped($0))</p>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en"><head>
            <meta charset="utf-8">
            <title>There are limits to bonhomie - Geo.tv</title>
            <meta property="og:site_name" content="Geo.tv">
            <meta property="og:title" content="There are limits to bonhomie">
            <meta property="og:description" content="Several developments since June have helped improve climate of relations between Pakistan and US">
            <meta property="og:url" content="https://www.geo.tv/latest/620000-there-are-limits-to-bonhomie">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
              "headline":"There are limits to bonhomie","datePublished":"2025-09-20T09:00:00+05:00",
              "author":{"@type":"Person","name":"Javid Husain"},"publisher":{"@type":"Organization","name":"Geo.tv"}}</script>
            <script>window.tracking = {page: "opinion", trackingId: "UA-123"};</script>
            <style>.menu { color: red }</style>
            </head><body>
            <header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/latest">Latest</a></li>
            <li><a href="/opinion">Opinion</a></li><li><a href="/sports">Sports</a></li></ul></nav></header>
            <div class="container">
              <div class="column-right">
                <div class="story-area">
                  <h1>There are limits to bonhomie</h1>
                  <div class="author_title_img"><a href="/writers/javid-husain" rel="author">Javid Husain</a></div>
                  <p class="post-date"><time datetime="2025-09-20">September 20, 2025</time></p>
                  <div class="social-share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">WhatsApp tracking</a></div>
                  <div class="content-area">
                    <figure><img src="rubio-dar.jpg"><figcaption>\(escaped(caption))</figcaption></figure>
                    \(body)
                    <p><em>Disclaimer: The viewpoints expressed in this piece are the writer's own and don't necessarily reflect Geo.tv's editorial policy.</em></p>
                  </div>
                  <div class="next-story"><a href="/latest/620001">Next Story &gt;&gt;&gt;</a></div>
                </div>
                <div class="related-stories"><h3>More From Opinion</h3><ul>
                  <li><a href="/o/1">Pakistan's cricket woes continue into the winter season</a></li>
                  <li><a href="/o/2">A budget that pleases no one and tracking inflation</a></li></ul></div>
                <div class="newsletter-box"><p>Subscribe to our newsletter for the latest opinion pieces from Geo.tv every morning.</p></div>
              </div>
              <aside class="sidebar"><h3>Most Read</h3><p>Quetta blast: death toll rises to forty as rescue work continues overnight in the city.</p></aside>
            </div>
            <footer class="site-footer"><p>Copyright © 2025 Geo.tv. All rights reserved. Cookie policy and tracking preferences.</p></footer>
            </body></html>
            """
    }

    /// A minimal page: `head` markup, then an article of `paragraphs` plain paragraphs.
    static func page(head: String, body: String = "", paragraphs: Int = 4) -> String {
        let text = (0..<paragraphs).map {
            "<p>Paragraph \($0) of the op-ed argues, at some length and with commas, that trade, tariffs and talks matter.</p>"
        }.joined()
        return "<html><head>\(head)</head><body>\(body)<article>\(text)</article></body></html>"
    }
}
