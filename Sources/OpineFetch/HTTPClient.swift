import CCurl
import Foundation
import OpineText

/// The one place Opine talks to the network: GET over http and https, politely.
///
/// Built on the system's libcurl, opened with `dlopen` on the first request (`CCurl`): a search
/// never loads it. (URLSession did the same job, but FoundationNetworking links libcurl and the
/// ~40 libraries behind it into every start of `opine`: 5 ms of each search. async-http-client
/// would add minutes to every clean build.) Rules: only `http` and
/// `https`, also after a redirect; at most ``maximumRedirects``; a body larger than
/// ``maximumBytes`` is cut off and refused (a server that sends forever); a time limit per
/// request; a User-Agent naming Opine; conditional requests when given ETag / Last-Modified.
public struct HTTPClient: Sendable {
    public static let maximumRedirects = 10
    public static let maximumBytes = 20 << 20
    public var timeout: TimeInterval = 30
    /// A body longer than this is cut off and refused.
    public var maximumBytes = HTTPClient.maximumBytes
    public var userAgent: String

    public init(userAgent: String) { self.userAgent = userAgent }

    public struct Response: Sendable {
        public var status: Int
        /// Where the last redirect led.
        public var url: String
        public var headers: [String: String]
        public var body: [UInt8]

        public func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    /// Why a request failed, in one line naming the URL.
    public struct Failure: OpineError, Equatable {
        public var url: String
        public var reason: String
        public var description: String { "\(url): \(reason)" }

        /// False for refusals that the same request would meet again.
        var mayPass = true

        public init(url: String, reason: String) {
            self.url = url
            self.reason = reason
        }

        init(url: String, refusal: String) {
            self.init(url: url, reason: refusal)
            mayPass = false
        }
    }

    /// True for the schemes Opine fetches.
    public static func isFetchable(_ url: URL) -> Bool {
        ["http", "https"].contains(url.scheme?.lowercased() ?? "") && url.host != nil
    }

    /// Tries of a request that failed for a reason that may pass (no answer, a 5xx).
    public static let attempts = 3

    /// GET `address`; `headers` are added (If-None-Match, If-Modified-Since). A failure that may
    /// pass (no answer, a 5xx) is tried again after 1 s, then 2 s.
    public func get(_ address: String, headers: [String: String] = [:]) throws -> Response {
        var wait = 1.0
        var attempt = 1
        while true {
            do {
                let response = try getOnce(address, headers: headers)
                if response.status < 500 || attempt == HTTPClient.attempts { return response }
            } catch let failure as Failure where failure.mayPass && attempt < HTTPClient.attempts {
                // tried again below
            }
            Thread.sleep(forTimeInterval: wait)
            wait *= 2
            attempt += 1
        }
    }

    func getOnce(_ address: String, headers: [String: String]) throws -> Response {
        guard let url = URL(string: address), HTTPClient.isFetchable(url) else {
            throw Failure(url: address, refusal: "only http and https addresses are fetched")
        }
        let lines = headers.map { "\($0.key): \($0.value)" }
        var result = opine_http_result()
        defer { opine_http_free(&result) }
        withCStrings(lines) { pointers in
            opine_http_get(address, pointers, Int32(lines.count), userAgent, Int(timeout.rounded(.up)),
                           HTTPClient.maximumRedirects, maximumBytes, &result)
        }
        let message = withUnsafeBytes(of: result.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        switch result.outcome {
        case 1: throw Failure(url: address, refusal: message)
        case 2: throw Failure(url: address, reason: message)
        default: break
        }
        let body = result.body.map { [UInt8](UnsafeBufferPointer(start: $0, count: result.body_length)) } ?? []
        let head = result.headers.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: result.headers_length), as: UTF8.self) } ?? ""
        return Response(status: result.status, url: result.effective_url.map { String(cString: $0) } ?? address,
                        headers: HTTPClient.headerFields(head), body: body)
    }

    /// `Name: value` lines after the status line; a repeated name keeps its last value.
    static func headerFields(_ head: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in head.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }).dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }
}

/// `strings` as a C array of C strings for the duration of `body`.
func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let pointers = copies.map { UnsafePointer($0) }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
}
