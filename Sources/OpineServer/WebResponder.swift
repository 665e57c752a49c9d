import Dispatch
import HTTPTypes
import Hummingbird
import OpineWeb

/// Hummingbird's side of a request: the target and method to a ``WebRequest``, the page's
/// answer to a `Response`. The engine's work (SQLite reads that block) runs on a concurrent
/// dispatch queue, so that the cooperative threads and NIO's event loops never wait on it.
struct WebResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let app: WebApp
    let queue = DispatchQueue(label: "opine.serve.requests", attributes: .concurrent)

    func respond(to request: Request, context: Context) async throws -> Response {
        let method = request.method.rawValue
        guard let web = WebRequest(method: method, target: request.uri.string) else {
            return response(app.refusal(WebFailure(400, "the address is not a path with valid escapes")), method: method)
        }
        let app = self.app
        let answer = await withCheckedContinuation { (c: CheckedContinuation<WebResponse, Never>) in
            queue.async { c.resume(returning: app.respond(to: web)) }
        }
        return response(answer, method: method)
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
