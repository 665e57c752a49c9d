/// At most `limit` requests do the engine's work at once; the others wait their turn, holding
/// no thread. Memory is then bounded by the limit, not by the clients: one `a*` over 190k
/// articles reads every match (~550 MB while it runs), and fifty at once had no bound.
actor RequestLimiter {
    let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    /// Returns when the caller may run; every `acquire` is followed by one `release`.
    func acquire() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the place to the longest waiter, if any.
    func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
