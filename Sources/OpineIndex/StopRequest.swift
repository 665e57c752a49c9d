import Foundation

/// A request, from another thread (a signal handler's queue), that a sync stop at the next file.
///
/// The sync checks it between files: the transaction in progress commits what it holds, the
/// collection figures are written for what was committed, and the report says what is left.
/// Nothing is lost: the next run finds the rest changed and finishes the job.
public final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false

    public init() {}

    public func request() { lock.withLock { requested = true } }

    public var isRequested: Bool { lock.withLock { requested } }
}
