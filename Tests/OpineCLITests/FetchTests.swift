import Foundation
import Testing

/// `opine add`, `follow` and `update` against a real HTTP server on 127.0.0.1: never the internet.
@Suite(.serialized) struct FetchTests {
    static func page(_ title: String, date: String, canonical: String? = nil) -> String {
        let link = canonical.map { "<link rel=\"canonical\" href=\"\($0)\">" } ?? ""
        return """
            <html><head><title>\(title) - The Loopback Times</title>\(link)
            <meta property="og:site_name" content="The Loopback Times"><meta property="article:published_time" content="\(date)">
            <meta name="author" content="Ann Lee"></head><body><nav><a href="/">Home</a></nav><article><h1>\(title)</h1>
            <p>\(title) is the subject of this op-ed, which argues at length, with commas, that tariffs matter.</p>
            <p>A second paragraph about \(title.lowercased()) and trade, long enough to count as a paragraph.</p></article></body></html>
            """
    }

    static func feed(_ server: LoopbackServer, _ paths: [String]) -> String {
        let items = paths.map { "<item><title>\($0)</title><link>\(server.base)\($0)</link></item>" }.joined()
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Opinion</title>\(items)</channel></rss>"
    }

    static let env = ["no_proxy": "*", "NO_PROXY": "*", "http_proxy": "", "https_proxy": ""]

    func run(_ args: [String]) throws -> BinaryTests.Run { try BinaryTests.run(args, env: Self.env) }

    /// Issue 24: `follow` on a private index without --into says where pages will be kept (a
    /// folder beside the index), and `update` keeps them there, instead of failing with "no
    /// folder to keep fetched pages in".
    @Test(.enabled(if: BinaryTests.binary != nil, "needs the built opine binary (swift build)"))
    func followOnAPrivateIndexKeepsPagesBesideIt() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let root = (NSTemporaryDirectory() as NSString).appendingPathComponent("opine-beside-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let index = root + "/news.sqlite"
        server.route("/a.html", .init(body: Self.page("Water rights", date: "2025-01-01")))
        server.route("/feed.xml", .init(headers: ["Content-Type": "application/rss+xml"], body: Self.feed(server, ["/a.html"])))
        let followed = try run(["follow", "--index", index, server.base + "/feed.xml"])
        #expect(followed.status == 0, "\(followed.stderr)")
        #expect(followed.stdout.contains("keeping its pages in \(root)/news-pages"), "\(followed.stdout)")
        let updated = try run(["update", "--index", index])
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(FileManager.default.fileExists(atPath: root + "/news-pages/2025-01-01-water-rights.html"))
        let stats = try run(["stats", "--index", index])
        #expect(stats.stdout.contains("pages:     \(root)/news-pages"))
    }

    @Test(.enabled(if: BinaryTests.binary != nil, "needs the built opine binary (swift build)"))
    func followUpdateAddsEachItemOnce() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let root = NSTemporaryDirectory() + "/opine-fetch-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let index = root + "/index.sqlite"
        for (path, title, date) in [("/a.html", "Water rights", "2025-01-01"), ("/b.html", "Grain prices", "2025-01-02"),
                                    ("/c.html", "Port strikes", "2025-01-03"), ("/d.html", "Late arrival", "2025-01-04")] {
            server.route(path, .init(body: Self.page(title, date: date)))
        }
        var paths = ["/a.html", "/b.html", "/c.html"]
        server.route("/feed.xml") { headers in
            let body = Self.feed(server, paths)
            let etag = "\"\(body.hashValue)\""
            if headers["if-none-match"] == etag { return .init(status: 304, headers: [:], body: "") }
            return .init(headers: ["Content-Type": "application/rss+xml", "ETag": etag], body: body)
        }
        #expect(try run(["follow", "--index", index, "--into", root + "/pages", server.base + "/feed.xml"]).status == 0)
        let first = try run(["update", "--index", index])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("3 added"))
        let fetchedPages = server.requested.filter { $0.hasSuffix(".html") }.count
        let second = try run(["update", "--index", index])
        #expect(second.stdout.contains("0 added"))
        #expect(server.requested.filter { $0.hasSuffix(".html") }.count == fetchedPages, "no page fetched again")
        paths.append("/d.html")
        let third = try run(["update", "--index", index])
        #expect(third.stdout.contains("1 added"))
        let found = try run(["search", "--index", index, "--json", "Grain"])
        #expect(found.stdout.contains("\"url\":\"\(server.base)/b.html\""))
        #expect(found.stdout.contains("\"outlet\":\"The Loopback Times\""))
        #expect(FileManager.default.fileExists(atPath: root + "/pages/2025-01-02-grain-prices.html"))
    }

    /// Regression: an item whose page failed was retried only when the feed changed; an
    /// unchanged feed answers 304 and listed nothing, so the page never arrived.
    @Test(.enabled(if: BinaryTests.binary != nil, "needs the built opine binary (swift build)"))
    func aFailedItemIsRetriedWhileTheFeedAnswers304() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let root = NSTemporaryDirectory() + "/opine-retry-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let index = root + "/index.sqlite"
        server.route("/a.html", .init(body: Self.page("Water rights", date: "2025-01-01")))
        server.route("/b.html", .init(status: 404, headers: [:], body: "gone for now"))
        let body = Self.feed(server, ["/a.html", "/b.html"])
        server.route("/feed.xml") { headers in
            if headers["if-none-match"] == "\"v1\"" { return .init(status: 304, headers: [:], body: "") }
            return .init(headers: ["Content-Type": "application/rss+xml", "ETag": "\"v1\""], body: body)
        }
        #expect(try run(["follow", "--index", index, "--into", root + "/pages", server.base + "/feed.xml"]).status == 0)
        let first = try run(["update", "--index", index])
        #expect(first.status == 3)
        #expect(first.stderr.contains("/b.html: HTTP 404"))
        #expect(first.stdout.contains("1 added, 0 already indexed, 1 failed"))
        let stillMissing = try run(["update", "--index", index])
        #expect(stillMissing.stdout.contains("0 added, 0 already indexed, 1 failed (1 earlier failure retried, 0 added)"), "\(stillMissing.stdout)")
        server.route("/b.html", .init(body: Self.page("Grain prices", date: "2025-01-02")))
        let back = try run(["update", "--index", index])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout.contains("1 added, 0 already indexed, 0 failed (1 earlier failure retried, 1 added)"), "\(back.stdout)")
        #expect(server.requested.filter { $0 == "/feed.xml" }.count == 3, "the feed was asked each time (and answered 304)")
        #expect(try run(["search", "--index", index, "-c", "Grain"]).stdout == "1\n")
        let quiet = try run(["update", "--index", index])
        #expect(quiet.stdout.contains("0 added, 0 already indexed, 0 failed") && !quiet.stdout.contains("retried"))
    }

    @Test(.enabled(if: BinaryTests.binary != nil, "needs the built opine binary (swift build)"))
    func addFollowsRedirectsAndRefusesOtherSchemes() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let root = NSTemporaryDirectory() + "/opine-add-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let index = root + "/index.sqlite"
        server.route("/story.html", .init(body: Self.page("Dams and rivers", date: "2025-02-01", canonical: server.base + "/story.html")))
        server.route("/old", .init(status: 301, headers: ["Location": server.base + "/story.html"], body: ""))
        server.route("/evil", .init(status: 302, headers: ["Location": "file:///etc/passwd"], body: ""))
        server.route("/pdf", .init(headers: ["Content-Type": "application/pdf"], body: "%PDF-1.4"))
        let added = try run(["add", "--index", index, "--into", root + "/pages", server.base + "/old"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("1 added"))
        let again = try run(["add", "--index", index, server.base + "/story.html"])
        #expect(again.stdout.contains("0 added, 1 already indexed"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/pages").count == 1)
        let file = try run(["add", "--index", index, "file:///etc/passwd"])
        #expect(file.status == 3)
        #expect(file.stderr.contains("only http and https"))
        let evil = try run(["add", "--index", index, server.base + "/evil", server.base + "/pdf", server.base + "/missing"])
        #expect(evil.status == 3)
        // A redirect to file: is never followed (libcurl stops it, or our redirect check does).
        #expect(evil.stderr.contains("/evil: "))
        #expect(evil.stderr.contains("/pdf: not a web page"))
        #expect(evil.stderr.contains("/missing: HTTP 404"))
        #expect(try run(["search", "--index", index, "-c", "passwd"]).stdout == "0\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/pages").count == 1)
    }

    @Test(.enabled(if: BinaryTests.binary != nil, "needs the built opine binary (swift build)"))
    func aFeedThatIsNotAFeedIsOneLine() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let root = NSTemporaryDirectory() + "/opine-notfeed-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let index = root + "/index.sqlite"
        server.route("/page.html", .init(body: "<html><body><p>Not a feed.</p></body></html>"))
        #expect(try run(["follow", "--index", index, "--into", root + "/pages", server.base + "/page.html"]).status == 0)
        #expect(try run(["follow", "--index", index, "ftp://example.com/feed"]).status == 2)
        let update = try run(["update", "--index", index])
        #expect(update.status == 3)
        #expect(update.stderr.contains("/page.html: not a feed"))
        #expect(try run(["follow", "--index", index, "--list"]).stdout == server.base + "/page.html\n")
    }
}
