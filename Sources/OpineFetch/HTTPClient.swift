import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import OpineText

/// The one place Opine talks to the network: GET over http and https, politely.
///
/// Built on URLSession (FoundationNetworking on Linux, libcurl underneath): it ships with the
/// toolchain, so `opine` gains no dependency to build (async-http-client would add minutes to
/// every clean build) for a few sequential requests per command. Rules: only `http` and
/// `https`, also after a redirect; at most ``maximumRedirects``; a body larger than
/// ``maximumBytes`` is cut off and refused (a server that sends forever); a time limit per
/// request; a User-Agent naming Opine; conditional requests when given ETag / Last-Modified.
public struct HTTPClient: Sendable {
    public static let maximumRedirects = 10
    public static let maximumBytes = 20 << 20
    public var timeout: TimeInterval = 30
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
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        let transfer = Transfer(limit: HTTPClient.maximumBytes)
        let session = URLSession(configuration: .ephemeral, delegate: transfer, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: request)
        task.resume()
        if transfer.done.wait(timeout: .now() + timeout * 2) == .timedOut {
            task.cancel()
            throw Failure(url: address, reason: "no complete answer within \(Int(timeout * 2)) s")
        }
        return try transfer.result(for: address)
    }
}

/// One request's state, filled by URLSession's delegate callbacks on its own queue and read
/// after `done` is signalled: the lock makes it `@unchecked Sendable`.
final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private let limit: Int
    private var body: [UInt8] = []
    private var response: HTTPURLResponse?
    private var failure: String?
    /// The failure is a refusal (redirect rules, size): trying again would meet it again.
    private var refused = false
    private var redirects = 0

    init(limit: Int) { self.limit = limit }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        lock.lock()
        redirects += 1
        var refusal: String?
        if redirects > HTTPClient.maximumRedirects { refusal = "more than \(HTTPClient.maximumRedirects) redirects" }
        if let url = request.url, !HTTPClient.isFetchable(url) { refusal = "redirected to a non-http address (\(url.absoluteString.prefix(60)))" }
        if let refusal {
            failure = refusal
            refused = true
        }
        lock.unlock()
        completionHandler(refusal == nil ? request : nil)
        if refusal != nil { task.cancel() }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        body.append(contentsOf: data)
        let tooLarge = body.count > limit
        if tooLarge {
            failure = "larger than \(limit >> 20) MB, refused"
            refused = true
        }
        lock.unlock()
        if tooLarge { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        lock.lock()
        self.response = response as? HTTPURLResponse
        lock.unlock()
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.lock()
        if response == nil, let r = task.response as? HTTPURLResponse { response = r }
        if let error, failure == nil { failure = (error as NSError).localizedDescription.split(separator: "\n").first.map(String.init) ?? "failed" }
        lock.unlock()
        done.signal()
    }

    func result(for address: String) throws -> HTTPClient.Response {
        lock.lock()
        defer { lock.unlock() }
        if let failure {
            throw refused ? HTTPClient.Failure(url: address, refusal: failure) : HTTPClient.Failure(url: address, reason: failure)
        }
        guard let response else { throw HTTPClient.Failure(url: address, reason: "no answer") }
        var headers: [String: String] = [:]
        for (k, v) in response.allHeaderFields { headers[String(describing: k)] = String(describing: v) }
        return HTTPClient.Response(status: response.statusCode, url: response.url?.absoluteString ?? address,
                                   headers: headers, body: body)
    }
}
