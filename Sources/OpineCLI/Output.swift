import Foundation

/// Writes to stdout and stderr with plain `write(2)` calls: no shared C `FILE` state, and a
/// closed pipe (EPIPE, with SIGPIPE ignored) makes writes fail quietly instead of killing us.
enum Output {
    static func line(_ s: String = "") { write(s + "\n") }

    static func write(_ s: String, to fd: Int32 = STDOUT_FILENO) {
        var text = s
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, base + offset, buffer.count - offset)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }

    static func error(_ s: String) { write(s + "\n", to: STDERR_FILENO) }

    static func progress(_ s: String) { write(s, to: STDERR_FILENO) }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}

/// A monotonic clock in seconds, passed to the engine (no wall clock inside it).
func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
