import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real HTTP/1.1 server on 127.0.0.1 (a port of its own), for tests that must never reach the
/// internet: routes answer fixed responses; every request path is recorded.
final class LoopbackServer: @unchecked Sendable {
    struct Response {
        var status = 200
        var headers: [String: String] = ["Content-Type": "text/html; charset=utf-8"]
        var body = ""
    }

    private let lock = NSLock()
    private var routes: [String: (_ requestHeaders: [String: String]) -> Response] = [:]
    private var requests: [String] = []
    private let socket: Int32
    let port: UInt16
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)

    init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socket, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        self.socket = socket
        port = UInt16(bigEndian: address.sin_port)
        let t = Thread { [unowned self] in self.serve() }
        thread = t
        t.start()
    }

    var base: String { "http://127.0.0.1:\(port)" }

    func route(_ path: String, _ answer: @escaping (_ requestHeaders: [String: String]) -> Response) {
        lock.lock()
        routes[path] = answer
        lock.unlock()
    }

    func route(_ path: String, _ response: Response) { route(path) { _ in response } }

    /// The paths requested so far, in order.
    var requested: [String] {
        lock.lock()
        defer { lock.unlock() }
        return requests
    }

    /// Stops accepting, waits for the serving thread to leave, then closes the socket. Closing first
    /// would free the descriptor's number while the thread might still call `accept` on it: another
    /// test's new server could get that number, and this server would answer its requests.
    func stop() {
        shutdown(socket, Int32(SHUT_RDWR))
        finished.wait()
        close(socket)
    }

    private func serve() {
        defer { finished.signal() }
        while true {
            let client = accept(socket, nil, nil)
            if client < 0 { return }
            handle(client)
            close(client)
        }
    }

    private func handle(_ client: Int32) {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !data.suffix(4).elementsEqual([13, 10, 13, 10]) && data.count < 65536 {
            let n = recv(client, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data += buffer[0..<n]
            if String(decoding: data, as: UTF8.self).contains("\r\n\r\n") { break }
        }
        let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n")
        let path = lines.first?.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        lock.lock()
        requests.append(path)
        let answer = routes[path]
        lock.unlock()
        let response = answer?(headers) ?? Response(status: 404, body: "not found")
        let body = Array(response.body.utf8)
        var head = "HTTP/1.1 \(response.status) \(response.status == 200 ? "OK" : "Status")\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        for (k, v) in response.headers { head += "\(k): \(v)\r\n" }
        let bytes = Array((head + "\r\n").utf8) + body
        _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }
}
