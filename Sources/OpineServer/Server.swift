import Dispatch
import Hummingbird
import Logging
import NIOCore
import OpineWeb

/// Serves ``WebApp`` over HTTP/1.1 with Hummingbird until SIGINT or SIGTERM, which stop it
/// gracefully (requests in flight are answered, then the socket closes).
public struct Server: Sendable {
    public let app: WebApp
    public let host: String
    /// 0: any free port (the one bound is reported to `onRunning`).
    public let port: Int

    public init(app: WebApp, host: String = "127.0.0.1", port: Int = 8080) {
        self.app = app
        self.host = host
        self.port = port
    }

    /// localhost, ::1, or an address of 127.0.0.0/8 written as four numbers (`127.evil.example`
    /// is a name, not a loopback address): only this machine can connect.
    public static func isLoopback(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return host == "localhost" || host == "::1"
            || (parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil })
    }

    /// Runs until a signal stops it; `onRunning` gets the port once the socket listens.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var logger = Logger(label: "opine-serve")
        logger.logLevel = .error
        let fallback = port
        let application = Application(
            responder: WebResponder(app: app, loopbackOnly: Server.isLoopback(host)),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "Opine"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? fallback) },
            logger: logger)
        try await application.runService()
    }
}
