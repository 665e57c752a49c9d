import Foundation
import Testing
@testable import OpineSources
import OpineText

/// The seed op-ed as a page, and hostile pages: each is one warning at most, never a crash.
struct HTMLReaderTests {
    func read(_ html: String, path: String = "/pages/page.html") throws -> SourceDocument {
        try HTMLReader().document(Array(html.utf8), path: path)
    }

    @Test func geoLikePageGivesTheArticleAndNothingOfTheClutter() throws {
        let document = try read(try PageFixtures.geoPage())
        let a = try #require(document.articles.first)
        #expect(a.title == "There are limits to bonhomie")
        #expect(a.authors == ["Javid Husain"])
        #expect(a.date?.description == "2025-09-20")
        #expect(a.outlet == "Geo.tv")
        #expect(a.standfirst.hasPrefix("Several developments since June"))
        #expect(a.caption.hasPrefix("US Secretary of State Marco Rubio"))
        #expect(a.bio.hasPrefix("The writer is a retired ambassador"))
        let body = a.body.joined(separator: "\n")
        #expect(body.contains("The launch of CPEC 2.0"))
        #expect(a.body.first?.hasPrefix("The lunch hosted by US President Trump") == true)
        let searchable = a.passages.map(\.text).joined(separator: "\n")
        for clutter in ["Next Story", "More From Opinion", "tracking", "Share on", "Subscribe", "Copyright", "Quetta",
                        "cricket", "Home", "&rsquo;", "Disclaimer"] {
            #expect(!searchable.contains(clutter), "\(clutter) is searchable")
        }
        #expect(searchable.contains("Pakistan’s"))
        #expect(document.warnings.isEmpty)
    }

    @Test func passagesPointIntoThePage() throws {
        let html = try PageFixtures.geoPage()
        let bytes = Array(html.utf8)
        let a = try #require(try read(html).articles.first)
        let cpec = try #require(a.passages.first { $0.text.contains("The launch of CPEC 2.0") })
        let source = String(decoding: bytes[cpec.range], as: UTF8.self)
        #expect(source.hasPrefix("<p>" + cpec.text.prefix(30)))
        #expect(source.contains("Pakistan&rsquo;s interest"))
    }

    @Test func gzippedPagesReadAsTheirPage() throws {
        let html = PageFixtures.page(head: "<title>Gz</title>")
        let gz = try gzip(Array(html.utf8))
        let a = try #require(try HTMLReader().document(gz, path: "/p/x.html.gz").articles.first)
        #expect(a.body.count == 4)
        #expect(throws: SourceFailure.self) { try HTMLReader().document([0x1F, 0x8B, 8, 0, 1, 2, 3], path: "/p/bad.html.gz") }
    }

    /// gzip by the system's `gzip` (an independent encoder).
    func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let dir = NSTemporaryDirectory() + "/opine-gz-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/p.html"))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/gzip")
        p.arguments = [dir + "/p.html"]
        try p.run()
        p.waitUntilExit()
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/p.html.gz")))
    }

    @Test func declaredCharsetsAreHonoured() throws {
        // "café" in Windows-1252 (E9) and ISO-8859-7 (Greek: E1 = α).
        let latin = Array("<html><head><meta charset=\"windows-1252\"><title>Caf".utf8) + [0xE9]
            + Array("</title></head><body><p>x</p></body></html>".utf8)
        #expect(try HTMLReader().document(latin, path: "a.html").articles[0].title == "Café")
        let greek = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-7\"><title>".utf8)
            + [0xE1] + Array("</title></head><body></body></html>".utf8)
        #expect(try HTMLReader().document(greek, path: "g.html").articles[0].title == "α")
        // Undeclared and not UTF-8: Windows-1252, said once.
        let undeclared = Array("<html><head><title>Caf".utf8) + [0xE9]
            + Array("</title></head><body><p>A paragraph long enough to be the article.</p></body></html>".utf8)
        let document = try HTMLReader().document(undeclared, path: "u.html")
        #expect(document.articles[0].title == "Café")
        #expect(document.warnings.map(\.description) == ["no charset declared and not valid UTF-8, read as windows-1252"])
        let unknown = try read("<html><head><meta charset=\"x-klingon\"><title>T</title></head><body><p>Text.</p></body></html>")
        #expect(unknown.warnings.first?.description.hasPrefix("unknown charset 'x-klingon'") == true)
    }

    @Test func hostilePagesAreOneWarningAtMost() throws {
        let deep = String(repeating: "<div>", count: 10_000) + "<p>" + String(repeating: "Deep text, very deep. ", count: 40)
            + "</p>" + String(repeating: "</div>", count: 10_000)
        let nested = try read("<html><body>\(deep)</body></html>")
        #expect(nested.articles.count == 1)
        #expect(nested.warnings.count <= 1)
        let broken = try read("<html><body><p>Unclosed <b>bold <i>and <p>more text, with commas, about trade")
        #expect(broken.articles.count == 1)
        #expect(throws: SourceFailure.self) { try HTMLReader().document([0x3C, 0x68, 0x00, 0x01, 0x02], path: "bin.html") }
        let empty = try read(" \n")
        #expect(empty.warnings.map(\.description) == ["empty file, indexed by its name only"])
        #expect(empty.articles[0].title == "page")
        let login = try read("<html><head><title>Sign in</title></head><body><form><input name=u><button>Go</button></form></body></html>")
        #expect(login.articles[0].title == "Sign in")
        #expect(login.warnings.map(\.description) == ["no article text found, indexed by its title"])
    }
}

/// Found by the hostile-data fuzzer (HostileDataFuzzTests): pages whose shape, not size, was
/// the attack.
struct HostileShapeTests {
    /// Regression: 10,000 nested `<div><span>` took 167 s to read (the extraction was quadratic
    /// in the depth). Elements deeper than 512 are not kept; their text joins the deepest one.
    @Test func deeplyNestedElementsAreHeldAtTheMaximumDepth() throws {
        let n = 10_000
        let html = "<html><body>" + String(repeating: "<div><span>", count: n) + "The corridor was discussed at length, deep down."
            + String(repeating: "</span></div>", count: n) + "</body></html>"
        let tree = try DOMTree.parse(Array(html.utf8), encoding: "utf-8")
        var deepest = 0
        var depth = [Int](repeating: 0, count: tree.nodes.count)
        for (i, node) in tree.nodes.enumerated() where node.parent >= 0 {
            depth[i] = depth[node.parent] + 1
            deepest = max(deepest, depth[i])
        }
        #expect(deepest <= DOMTree.maximumDepth + 1, "a tree \(deepest) deep")
        let a = try #require(try HTMLReader().document(Array(html.utf8), path: "/p.html").articles.first)
        #expect(a.body.joined().contains("The corridor was discussed at length, deep down."))
    }
}
