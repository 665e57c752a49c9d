import Foundation
import Testing

/// The pages in a real browser: headless Chromium submits the home page's own search form,
/// and the rendered DOM and a screenshot are checked.
@Suite(.serialized, .enabled(if: Chromium.available, "needs chromium (apt-get install chromium)"))
struct BrowserTests {
    /// The form as the home page renders it, filled and submitted by the browser from a page
    /// that holds it (our pages run no script): what a person's Enter key does.
    @Test func submittingTheHomePageFormShowsMarkedResults() throws {
        let served = try ServedFolder(notes: 3)
        let server = try ServerProcess(arguments: ["--index", served.index])
        defer { _ = server.stop() }
        let base = "http://127.0.0.1:\(server.port)/"
        let home = try Chromium.dom(base)
        let formStart = try #require(home.range(of: "<form"))
        let formEnd = try #require(home.range(of: "</form>"))
        let form = String(home[formStart.lowerBound..<formEnd.upperBound])
        #expect(form.contains("action=\"/search\""))
        #expect(form.contains("name=\"q\""))
        let page = NSTemporaryDirectory() + "opine-submit-" + UUID().uuidString + ".html"
        defer { try? FileManager.default.removeItem(atPath: page) }
        try """
            <!DOCTYPE html><html><head><base href="\(base)"></head><body>\(form)
            <script>document.querySelector('input[name=q]').value = 'CPEC'; document.forms[0].submit();</script></body></html>
            """.write(toFile: page, atomically: true, encoding: .utf8)
        let results = try Chromium.dom("file://" + page)
        #expect(results.contains("<title>CPEC – Opine</title>"), "the browser landed on the results")
        #expect(results.contains("There are limits to bonhomie"))
        #expect(results.contains("<mark>CPEC</mark> 2.0"))
        #expect(results.contains("1 article matches <q>CPEC</q>"))
        #expect(results.contains("<svg"), "the trend chart")
        let article = try Chromium.dom(base + "article/\(try articleID(results))?q=CPEC")
        #expect(article.contains("<h1 id=\"p0\">There are limits to bonhomie</h1>"))
        #expect(article.contains("class=\"bio"))
        #expect(article.contains("<mark>CPEC</mark>"))
    }

    func articleID(_ dom: String) throws -> String {
        let r = try #require(dom.range(of: #"href="/article/(\d+)"#, options: .regularExpression))
        return String(dom[r].dropFirst("href=\"/article/".count))
    }

    @Test func screenshotsArePagesNotBlanks() throws {
        let served = try ServedFolder(notes: 3)
        let server = try ServerProcess(arguments: ["--index", served.index])
        defer { _ = server.stop() }
        for (url, width, height) in [("search?q=CPEC", 1200, 900), ("article/1?q=Pakistan", 390, 844)] {
            let png = try #require(PNGImage(try Chromium.screenshot("http://127.0.0.1:\(server.port)/" + url, width: width, height: height)))
            #expect(png.width == width && png.height == height, "\(url): \(png.width)×\(png.height)")
            #expect(png.inkedShare > 0.03, "\(url): \(png.inkedShare) of the pixels are not background")
            #expect(png.colours() > 50, "\(url): text, marks and chart have many colours")
        }
        let blank = try #require(PNGImage(try Chromium.screenshot("about:blank", width: 400, height: 300)))
        #expect(blank.inkedShare == 0, "the oracle sees a blank page as blank")
    }
}
