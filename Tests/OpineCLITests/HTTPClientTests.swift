import Foundation
import Testing
@testable import OpineFetch

/// The HTTP client's rules against a server on loopback: redirects (followed, limited, never to
/// another scheme), the size cap, the time limit, retries of a 5xx, headers both ways.
struct HTTPClientTests {
    let client = HTTPClient(userAgent: "Opine-test")

    @Test func followsRedirectsAndReadsHeaders() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/a", .init(status: 301, headers: ["Location": "/b"], body: ""))
        server.route("/b") { headers in
            .init(status: 200, headers: ["ETag": "\"v1\"", "Content-Type": "text/html", "X-Seen-Agent": headers["user-agent"] ?? "",
                                         "X-Seen-Match": headers["if-none-match"] ?? ""], body: "<p>hello</p>")
        }
        let r = try client.get(server.base + "/a", headers: ["If-None-Match": "\"v0\""])
        #expect(r.status == 200)
        #expect(r.url == server.base + "/b")
        #expect(String(decoding: r.body, as: UTF8.self) == "<p>hello</p>")
        #expect(r.header("etag") == "\"v1\"")
        #expect(r.header("X-Seen-Agent") == "Opine-test")
        #expect(r.header("X-Seen-Match") == "\"v0\"")
        #expect(r.header("Location") == nil, "the redirect's own headers are not the answer's")
    }

    @Test func refusesMoreThanTenRedirects() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        for n in 0..<12 { server.route("/r\(n)", .init(status: 302, headers: ["Location": "/r\(n + 1)"], body: "")) }
        server.route("/r12", .init(status: 200, body: "end"))
        #expect(throws: HTTPClient.Failure(url: server.base + "/r0", refusal: "more than 10 redirects")) {
            try client.get(server.base + "/r0")
        }
        #expect(server.requested.count == 11, "the first request and ten redirects, tried once: a refusal is not retried")
        #expect(try client.get(server.base + "/r2").status == 200, "ten redirects are followed")
    }

    @Test func refusesAnotherSchemeAndAnOversizedBody() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/file", .init(status: 302, headers: ["Location": "file:///etc/passwd"], body: ""))
        server.route("/big", .init(status: 200, body: String(repeating: "x", count: 200_000)))
        #expect(throws: HTTPClient.Failure.self) { try client.get(server.base + "/file") }
        var small = client
        small.maximumBytes = 100_000
        #expect(throws: HTTPClient.Failure(url: server.base + "/big", refusal: "larger than 100000 bytes, refused")) { try small.get(server.base + "/big") }
        #expect(try client.get(server.base + "/big").body.count == 200_000)
        #expect(throws: HTTPClient.Failure.self) { try client.get("ftp://127.0.0.1/x") }
    }

    @Test func aSilentServerTimesOutAndAFiveHundredIsTriedThreeTimes() throws {
        // Two servers: each answers one request at a time, and the slow one stays busy.
        let slow = try LoopbackServer(), server = try LoopbackServer()
        defer { slow.stop(); server.stop() }
        slow.route("/slow") { _ in Thread.sleep(forTimeInterval: 2.5); return .init(status: 200, body: "late") }
        server.route("/down", .init(status: 503, body: "busy"))
        var quick = client
        quick.timeout = 1
        let started = Date()
        #expect(throws: HTTPClient.Failure.self) { try quick.getOnce(slow.base + "/slow", headers: [:]) }
        #expect(Date().timeIntervalSince(started) < 2.4, "gave up at the time limit")
        let down = try client.get(server.base + "/down")
        #expect(down.status == 503)
        #expect(server.requested.filter { $0 == "/down" }.count == 3)
    }
}
