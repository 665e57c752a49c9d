/// A request the pages refuse, with the status and a one-line message naming what was wrong.
public struct WebFailure: Error, Sendable, Equatable {
    public var status: Int
    public var message: String

    public init(_ status: Int, _ message: String) {
        self.status = status
        self.message = message
    }

    static func badRequest(_ message: String) -> WebFailure { WebFailure(400, message) }
    static func notFound(_ message: String) -> WebFailure { WebFailure(404, message) }
}
