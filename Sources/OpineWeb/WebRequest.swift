import Foundation

/// An HTTP request as the pages see it: the method, the decoded path, the decoded query
/// parameters in order. Any HTTP server can build one; nothing of it reaches the file system.
public struct WebRequest: Sendable {
    public var method: String
    public var path: String
    public var parameters: [(name: String, value: String)]

    public init(method: String, path: String, parameters: [(name: String, value: String)] = []) {
        self.method = method
        self.path = path
        self.parameters = parameters
    }

    /// Parses a request target (`/search?q=CPEC+2.0&page=2`): `%XX` decoded, `+` a space in the
    /// query. Nil when the target is not a path or its escapes are not UTF-8.
    public init?(method: String, target: String) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        guard let rawPath = parts.first, rawPath.hasPrefix("/"),
              let path = String(rawPath).removingPercentEncoding else { return nil }
        var parameters: [(name: String, value: String)] = []
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") where !pair.isEmpty {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard let name = WebRequest.decode(kv[0]), let value = WebRequest.decode(kv.count == 2 ? kv[1] : "") else { return nil }
                parameters.append((name, value))
            }
        }
        self.init(method: method, path: path, parameters: parameters)
    }

    static func decode(_ s: Substring) -> String? {
        s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// The first value of a parameter, nil when absent.
    public func value(_ name: String) -> String? { parameters.first { $0.name == name }?.value }

    /// Every value of a repeated parameter, empty ones left out.
    public func values(_ name: String) -> [String] {
        parameters.filter { $0.name == name && !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }.map(\.value)
    }
}

/// What the pages answer: a status, a media type, a body, and headers beyond the security
/// headers every answer carries.
public struct WebResponse: Sendable {
    public var status: Int
    public var contentType: String
    public var body: String
    public var headers: [(name: String, value: String)]

    public init(status: Int = 200, contentType: String, body: String, headers: [(name: String, value: String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    public static let html = "text/html; charset=utf-8"
    public static let json = "application/json; charset=utf-8"
    public static let svg = "image/svg+xml"
    public static let css = "text/css; charset=utf-8"
    public static let text = "text/plain; charset=utf-8"

    /// Sent with every answer: no script runs, no resource from elsewhere loads, no page frames
    /// this one, no type is guessed.
    public static let securityHeaders: [(name: String, value: String)] = [
        ("Content-Security-Policy",
         "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
    ]

    /// Every header to send: the security headers, then this answer's own.
    public var allHeaders: [(name: String, value: String)] {
        [("Content-Type", contentType)] + WebResponse.securityHeaders + headers
    }
}
