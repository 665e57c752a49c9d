import Dispatch
import HTTPTypes
import Hummingbird
import NIOCore
import OpineWeb

/// Hummingbird's side of a request: the target and method to a ``WebRequest``, the page's
/// answer to a `Response`. The engine's work (SQLite reads that block) runs on a concurrent
/// dispatch queue, so that the cooperative threads and NIO's event loops never wait on it.
struct WebResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let app: WebApp
    /// Served on loopback: a request must name a loopback host (``Server/isLoopback(_:)``), so
    /// a page elsewhere that rebinds its own name to 127.0.0.1 (DNS rebinding) gets a 400.
    let loopbackOnly: Bool
    let queue = DispatchQueue(label: "opine.serve.requests", attributes: .concurrent)
    /// Twice the cores: the work is CPU-bound, and a slow request leaves room for quick ones.
    let limiter = RequestLimiter(limit: 2 * System.coreCount)

    func respond(to request: Request, context: Context) async throws -> Response {
        let method = request.method.rawValue
        if loopbackOnly, !Server.isLoopback(WebResponder.hostName(request.head.authority ?? "")) {
            return response(app.refusal(WebFailure(400, "this server answers requests for 127.0.0.1 or localhost only")), method: method)
        }
        guard let web = WebRequest(method: method, target: request.uri.string) else {
            return response(app.refusal(WebFailure(400, "the address is not a path with valid escapes")), method: method)
        }
        let app = self.app
        await limiter.acquire()
        let answer = await withCheckedContinuation { (c: CheckedContinuation<WebResponse, Never>) in
            queue.async { c.resume(returning: app.respond(to: web)) }
        }
        await limiter.release()
        return response(answer, method: method)
    }

    /// `127.0.0.1` of `127.0.0.1:8080`, `::1` of `[::1]:8080`, lowercased.
    static func hostName(_ authority: String) -> String {
        let a = authority.lowercased()
        if a.hasPrefix("["), let close = a.firstIndex(of: "]") { return String(a[a.index(after: a.startIndex)..<close]) }
        return String(a.split(separator: ":", maxSplits: 1).first ?? "")
    }

    func response(_ answer: WebResponse, method: String) -> Response {
        var fields = HTTPFields()
        for (name, value) in answer.allHeaders {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        let bytes = ByteBuffer(string: answer.body)
        fields[.contentLength] = String(bytes.readableBytes)
        let body = method == "HEAD" ? ResponseBody() : ResponseBody(byteBuffer: bytes)
        return Response(status: HTTPResponse.Status(code: answer.status), headers: fields, body: body)
    }
}
