import Foundation
import Opine
@testable import OpineServer
import Testing

/// A folder of op-eds and its index, for a server to serve: the seed and a few dated notes.
final class ServedFolder {
    static let seed = Binaries.root.appendingPathComponent("Corpus/2025-09-20-there-are-limits-to-bonhomie.txt").path
    let folder: String
    var index: String { folder + "/index.sqlite" }
    var articles: String { folder + "/articles" }

    init(notes: Int = 12) throws {
        folder = NSTemporaryDirectory() + "opine-serve-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ServedFolder.seed, toPath: articles + "/seed.txt")
        for n in 1...notes { try note(n, word: "tariffs") }
        _ = try Engine(indexPath: index).index(roots: [articles], clock: { 0 })
    }

    func note(_ n: Int, word: String) throws {
        try "Note \(n)\n\nBy Writer \(n)\nMarch \(n % 28 + 1), 2024\n\nThe \(word) were discussed again, \(n) times.\n"
            .write(toFile: articles + "/note-\(word)-\(n).txt", atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}

@Suite(.serialized)
struct ServerTests {
    @Test func servesPagesAndTheAPIOnLoopbackAndStopsOnCtrlC() throws {
        let served = try ServedFolder()
        let server = try ServerProcess(arguments: ["--index", served.index])
        #expect(server.announcement.contains("at http://127.0.0.1:"))
        let page = try #require(RawHTTP.get(server.port, "/search?q=CPEC"))
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.headers["content-security-policy"]?.contains("default-src 'none'") == true)
        #expect(page.headers["x-content-type-options"] == "nosniff")
        #expect(page.body.contains("<mark>CPEC</mark> 2.0"))
        let api = try #require(RawHTTP.get(server.port, "/api/search?q=tariffs"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any])
        #expect(object["matching_articles"] as? Int == 13, "12 notes and the seed")
        let css = try #require(RawHTTP.get(server.port, "/assets/opine.css"))
        #expect(css.status == 200 && css.headers["content-type"]?.hasPrefix("text/css") == true)
        let head = try #require(RawHTTP.send(server.port, "HEAD / HTTP/1.1\r\nHost: 127.0.0.1:1\r\nConnection: close\r\n\r\n"))
        #expect(head.status == 200 && head.body.isEmpty)
        let stopped = server.stop()
        #expect(stopped.status == 0)
        #expect(stopped.stderr.contains("opine-serve: stopped"))
        #expect(RawHTTP.get(server.port, "/") == nil, "nothing listens after Ctrl-C")
    }

    /// Regression: one article dated 2999-06-01 trapped the results page's trend chart and took
    /// the server down on the first `/search?q=CPEC`; near 1000-01-01, weekly charts did.
    @Test func articlesAtTheEndsOfTheYearsDoNotTakeTheServerDown() throws {
        let served = try ServedFolder(notes: 2)
        for (n, date) in ["1000-01-01", "2999-06-01"].enumerated() {
            try "---\ntitle: Edge \(n)\ndate: \(date)\n---\n\nCPEC at the edge of time.\n"
                .write(toFile: served.articles + "/edge-\(n).md", atomically: true, encoding: .utf8)
        }
        _ = try Engine(indexPath: served.index).index(roots: [served.articles], clock: { 0 })
        let server = try ServerProcess(arguments: ["--index", served.index])
        for target in ["/", "/search?q=CPEC", "/api/search?q=CPEC", "/trend.svg?q=CPEC", "/api/trend?q=CPEC"]
            + Period.allCases.flatMap({ ["/api/trend?q=CPEC&by=\($0.rawValue)", "/trend.svg?q=CPEC&by=\($0.rawValue)"] }) {
            let answer = RawHTTP.get(server.port, target)
            #expect(answer != nil && (answer?.status ?? 500) < 500, "\(target) → \(answer?.status ?? 0)")
        }
        let page = try #require(RawHTTP.get(server.port, "/search?q=CPEC"))
        #expect(page.body.contains("Edge 1"))
        #expect(server.stop().status == 0, "the server kept running")
    }

    /// Requests a browser would never send: each gets a 4xx (or the connection closed on a
    /// request line HTTP cannot parse), never a 5xx, and the server keeps serving.
    @Test func hostileRequestsGetFourHundredsNeverFiveHundreds() throws {
        let served = try ServedFolder(notes: 2)
        let server = try ServerProcess(arguments: ["--index", served.index])
        defer { _ = server.stop() }
        let long = String(repeating: "a", count: 3_000)
        let targets = ["/search?q=%ZZ", "/search?q=%00", "/search?q=" + long, "/search?q=x&page=1001", "/search?q=x&page=-5",
                       "/../../etc/passwd", "/article/..%2f..%2fetc%2fpasswd", "/article/1%00", "/api/article/abc",
                       "/search?q=x&since=1987-02-30", "/search?q=%22%22%22((((", "/search?q=NEAR(a,99999999999999999999)",
                       "/search?q=title:%20author:", "/search?q=*", "/search?q=-a%20-b", "/api/trend?q=x&by=century",
                       "/trend.svg", "/%FF", "//etc/passwd", "/search?" + String(repeating: "q=a&", count: 500)]
        for target in targets {
            let answer = RawHTTP.get(server.port, target)
            #expect(answer != nil, "\(target): no answer")
            #expect((400..<500).contains(answer?.status ?? 0) || answer?.status == 200, "\(target) → \(answer?.status ?? 0)")
            #expect(answer?.body.contains("SQLite") != true && answer?.body.contains("root:") != true)
        }
        let raw = ["POST /search HTTP/1.1\r\nHost: 127.0.0.1:1\r\nContent-Length: 5\r\nConnection: close\r\n\r\nq=abc",
                   "DELETE /api/stats HTTP/1.1\r\nHost: 127.0.0.1:1\r\nConnection: close\r\n\r\n",
                   "GET http://evil.example/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
                   "GET * HTTP/1.1\r\nHost: 127.0.0.1:1\r\nConnection: close\r\n\r\n",
                   "GARBAGE\r\n\r\n",
                   "GET /search?q=CPEC HTTP/1.1\r\nHost: rebound.example:8080\r\nConnection: close\r\n\r\n",
                   "GET /search?q=CPEC HTTP/1.1\r\nHost: 127.0.0.1:1\r\nX-Big: \(String(repeating: "b", count: 100_000))\r\nConnection: close\r\n\r\n"]
        for request in raw {
            let answer = RawHTTP.send(server.port, request)
            #expect((answer?.status ?? 400) < 500, "\(request.prefix(30)) → \(answer?.status ?? 0)")
        }
        #expect(RawHTTP.get(server.port, "/search?q=CPEC")?.status == 200, "still serving")
        let rebound = RawHTTP.send(server.port, "GET /api/stats HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n")
        #expect(rebound?.status == 400, "a Host other than loopback's names (DNS rebinding)")
        #expect(rebound?.body.contains("127.0.0.1 or localhost only") == true)
        for host in ["localhost:\(server.port)", "[::1]:\(server.port)", "127.0.0.1"] {
            let ok = RawHTTP.send(server.port, "GET /api/stats HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
            #expect(ok?.status == 200, "\(host)")
        }
    }

    /// 50 clients search while `opine index` (another process) adds 100 articles with a new
    /// word: every answer is a 200, and the new word is found without a restart.
    @Test func concurrentLoadWhileAnotherProcessIndexes() throws {
        let served = try ServedFolder(notes: 40)
        let server = try ServerProcess(arguments: ["--index", served.index])
        defer { _ = server.stop() }
        let before = try #require(RawHTTP.get(server.port, "/api/search?q=quarantine"))
        #expect(before.body.contains("\"matching_articles\":0"))
        for n in 1...100 { try served.note(n, word: "quarantine") }
        let statuses = StatusTally()
        let group = DispatchGroup()
        let running = Flag()
        let port = server.port
        for client in 0..<50 {
            DispatchQueue.global().async(group: group) {
                var i = 0
                repeat {
                    let target = ["/api/search?q=tariffs", "/search?q=quarantine+tariffs", "/api/search?q=discussed&page=2",
                                  "/article/\(client % 10 + 1)?q=tariffs"][i % 4]
                    statuses.add(RawHTTP.get(port, target)?.status ?? 0)
                    i += 1
                } while running.value || i < 4
            }
        }
        let indexRun = try Binaries.opine(["index", "--index", served.index, served.articles])
        running.value = false
        group.wait()
        #expect(indexRun.status == 0, "\(indexRun.stderr)")
        #expect(statuses.counts.keys.sorted() == [200], "\(statuses.counts)")
        #expect(statuses.counts[200, default: 0] >= 200)
        let after = try #require(RawHTTP.get(server.port, "/api/search?q=quarantine"))
        #expect(after.body.contains("\"matching_articles\":100"))
    }

    /// `opine serve` is the same server: the opine binary hands over to opine-serve beside it.
    @Test func opineServeStartsTheServer() throws {
        let served = try ServedFolder(notes: 1)
        let server = try ServerProcess(arguments: ["--index", served.index], launcher: ["opine", "serve"])
        #expect(RawHTTP.get(server.port, "/search?q=CPEC")?.body.contains("<mark>CPEC</mark>") == true)
        #expect(server.stop().status == 0)
    }

    @Test func aBusyPortIsOneLineAndExitTwo() throws {
        let served = try ServedFolder(notes: 1)
        let first = try ServerProcess(arguments: ["--index", served.index])
        defer { _ = first.stop() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(Binaries.path("opine-serve")))
        p.arguments = ["--index", served.index, "--port", String(first.port)]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 2)
        #expect(text.contains("cannot serve on 127.0.0.1:\(first.port)"))
        #expect(text.split(separator: "\n").count == 1, "\(text)")
    }
}

final class StatusTally: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var counts: [Int: Int] = [:]
    func add(_ status: Int) { lock.withLock { counts[status, default: 0] += 1 } }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var _value = true
    var value: Bool {
        get { lock.withLock { _value } }
        set { lock.withLock { _value = newValue } }
    }
}

/// What counts as loopback, for binding (no warning) and for the Host a request names.
struct LoopbackTests {
    @Test(arguments: [("127.0.0.1", true), ("127.1.2.3", true), ("localhost", true), ("::1", true),
                      ("127.evil.example", false), ("127.0.0.1.evil.example", false), ("0.0.0.0", false),
                      ("192.168.1.2", false), ("127.0.0.256", false), ("", false)])
    func loopback(_ host: String, _ expected: Bool) {
        #expect(Server.isLoopback(host) == expected)
    }
}
