import Dispatch
import Foundation
import Opine

/// Ctrl-C (SIGINT) and SIGTERM while a command writes the index: the first asks the run to
/// stop at the next file's end (the transaction in progress commits, and the command says what
/// is left); a second one ends the process at once, as it would have ended without us.
///
/// Signals are received by dispatch sources (no handler runs in signal context, no global
/// state); the default actions come back when the run is over.
final class Interruption {
    static let signals = [SIGINT, SIGTERM]

    let stop = StopRequest()
    private var sources: [DispatchSourceSignal] = []

    init() {
        for number in Interruption.signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [stop] in
                stop.request()
                for n in Interruption.signals { signal(n, SIG_DFL) }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Gives the signals their default actions back.
    func end() {
        for source in sources { source.cancel() }
        sources.removeAll()
        for number in Interruption.signals { signal(number, SIG_DFL) }
    }

    /// Runs `body` with the signals caught, and their default actions restored after.
    static func during<T>(_ body: (StopRequest) throws -> T) rethrows -> T {
        let interruption = Interruption()
        defer { interruption.end() }
        return try body(interruption.stop)
    }
}
