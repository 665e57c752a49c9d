import Foundation
import Testing

/// Issue 24: the results page's trend chart, laid out by Chromium in a column as wide as a
/// phone's (390 px) and a desktop's (1200 px): every visible text of the SVG measured in CSS
/// pixels (its font size times the scale the page draws the SVG at) is 11 px or more. The
/// measuring script runs in a page of its own around the served page (which runs none).
@Suite(.serialized, .enabled(if: Chromium.available, "needs chromium (apt-get install chromium)"))
struct ChartSizeTests {
    struct Measure: Decodable { var viewport: Int; var texts: Int; var min: Double; var max: Double }

    /// The page at `target`, in an iframe `width` px wide (Chromium's window is at least 500).
    static func measure(port: Int, _ target: String, width: Int) throws -> Measure {
        let page = try #require(RawHTTP.get(port, target)).body
            .replacingOccurrences(of: "<head>", with: "<head><base href=\"http://127.0.0.1:\(port)/\">")
        let escaped = page.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        let file = NSTemporaryDirectory() + "opine-measure-" + UUID().uuidString + ".html"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try """
            <!DOCTYPE html><html><body style="margin:0">
            <iframe id="f" style="border:0" width="\(width)" height="6000" srcdoc="\(escaped)"></iframe>
            <script>
            document.getElementById('f').addEventListener('load', () => {
              const w = document.getElementById('f').contentWindow, sizes = [];
              for (const t of w.document.querySelectorAll('figure.trend svg text')) {
                if (t.getBoundingClientRect().width === 0) continue;
                const m = t.getScreenCTM();
                sizes.push(parseFloat(w.getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b));
              }
              document.body.setAttribute('data-measure', JSON.stringify({viewport: w.innerWidth, texts: sizes.length,
                min: Math.min(...sizes), max: Math.max(...sizes)}));
            });
            </script></body></html>
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let dom = try Chromium.dom("file://" + file)
        let r = try #require(dom.range(of: #"data-measure="[^"]*""#, options: .regularExpression))
        let json = dom[r].dropFirst("data-measure=\"".count).dropLast().replacingOccurrences(of: "&quot;", with: "\"")
        return try JSONDecoder().decode(Measure.self, from: Data(json.utf8))
    }

    @Test(arguments: [390, 1200])
    func chartTextIsReadableAtTheWidth(_ width: Int) throws {
        let served = try ServedFolder(notes: 40)
        let server = try ServerProcess(arguments: ["--index", served.index])
        defer { _ = server.stop() }
        let m = try Self.measure(port: server.port, "/search?q=tariffs", width: width)
        #expect(m.viewport == width)
        #expect(m.texts >= 8, "title, subtitle, ticks, labels")
        #expect(m.min >= 11, "the smallest text is \(m.min) px at \(width) px")
        #expect(m.max <= 24, "the title is \(m.max) px")
    }
}
